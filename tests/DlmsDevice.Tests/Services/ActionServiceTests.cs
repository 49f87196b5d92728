using System.Collections.Generic;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Services;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Services
{
    public class ActionServiceTests
    {
        private const string Script = "0009 00000A0000FF";
        private const string AssociationLn = "000F 0000280000FF";

        private static SessionHarness Associated(int conformance = Conformance.ServerSupportedLn, int clientPdu = 0xFFFF, int blockBuffer = 2048)
        {
            return new SessionHarness(conformance, clientPdu, blockBuffer).Associate();
        }

        // the Green Book's xDLMS APDU examples (dlms-cosem test_action.py): reply_to_HLS_authentication with an
        // octet-string parameter, answered with action-result success and return parameters.
        [Fact]
        public void ActionNormal_HlsReplyVector_ReturnParameters()
        {
            var h = Associated();
            h.AssociationLn.Method1Return = Hex.Parse("09 11 10 00001AFD E8857B728A3499106AA665D1");
            string response = h.Send("C3 01 C0 000F 0000280000FF 01 01 09 11 10 00001A90 E6D2221FA2FD85EED61ACC22");
            Assert.Equal(Hex.Format(Hex.Parse("C7 01 C0 00 01 00 09 11 10 00001AFD E8857B728A3499106AA665D1")), response);
            Assert.Equal(Hex.Format(Hex.Parse("09 11 10 00001A90 E6D2221FA2FD85EED61ACC22")), Hex.Format(h.AssociationLn.Parameters()));
            Assert.Equal(1, h.AssociationLn.LastMethod);
        }

        [Fact]
        public void ActionNormal_NoParametersNoReturn_SuccessWithoutData()
        {
            var h = Associated();
            Assert.Equal("C7 01 C1 00 00", h.Send("C3 01 C1 " + Script + " 03 00"));
            Assert.True(h.Script.LastParametersNull);
            Assert.Equal(1, h.Script.InvokeCount);
        }

        [Theory]
        // the method reports a failure
        [InlineData("C3 01 C1 " + Script + " 04 00", "C7 01 C1 02 00")]
        // method without access, out of range, method 0
        [InlineData("C3 01 C1 " + AssociationLn + " 02 00", "C7 01 C1 03 00")]
        [InlineData("C3 01 C1 " + Script + " 09 00", "C7 01 C1 03 00")]
        [InlineData("C3 01 C1 " + Script + " 00 00", "C7 01 C1 03 00")]
        // undefined object, class mismatch
        [InlineData("C3 01 C1 0009 0101010101FF 01 00", "C7 01 C1 04 00")]
        [InlineData("C3 01 C1 0001 00000A0000FF 01 00", "C7 01 C1 09 00")]
        public void ActionNormal_Refused_ActionResult(string request, string response)
        {
            Assert.Equal(response, Associated().Send(request));
        }

        [Fact]
        public void ActionWithList_TwoMethods_ResultPerMethod()
        {
            var h = Associated();
            h.AssociationLn.Method1Return = Hex.Parse("11 05");
            Assert.Equal("C7 03 C1 03 00 00 00 01 00 11 05 03 00",
                h.Send("C3 03 C1 03 " + Script + " 03 " + AssociationLn + " 01 " + AssociationLn + " 02 03 00 09 02 AB CD 00"));
            Assert.Equal("09 02 AB CD", Hex.Format(h.AssociationLn.Parameters()));
            Assert.Equal(1, h.Script.InvokeCount);
        }

        [Theory]
        // optional parameters flag neither 00 nor 01
        [InlineData("C3 01 C1 " + Script + " 01 02 11 00")]
        // trailing byte
        [InlineData("C3 01 C1 " + Script + " 01 00 00")]
        // parameters truncated
        [InlineData("C3 01 C1 " + Script + " 01 01 09 05 01 02")]
        // list: parameter count differs
        [InlineData("C3 03 C1 01 " + Script + " 01 02 00 00")]
        public void Action_Malformed_ExceptionResponseAndNothingInvoked(string request)
        {
            var h = Associated();
            Assert.Equal("D8 02 03", h.Send(request));
            Assert.Equal(0, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionWithPblocks_ThreeBlocks_ParametersReassembledInvokedOnce()
        {
            var h = Associated();
            byte[] parameters = GetServiceTests.OctetString(100);
            Assert.Equal("C7 04 C1 00 00 00 01", h.Send("C3 04 C1 " + Script + " 01 00 00000001 28 " + Hex.Format(parameters, 0, 40)));
            Assert.Equal("C7 04 C1 00 00 00 02", h.Send("C3 06 C1 00 00000002 28 " + Hex.Format(parameters, 40, 40)));
            Assert.Equal(0, h.Script.InvokeCount);
            Assert.Equal("C7 01 C1 00 00", h.Send("C3 06 C1 01 00000003 " + (parameters.Length - 80).ToString("X2") + " " + Hex.Format(parameters, 80, parameters.Length - 80)));
            Assert.Equal(Hex.Format(parameters), Hex.Format(h.Script.Parameters()));
            Assert.Equal(1, h.Script.InvokeCount);
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
        }

        [Fact]
        public void ActionWithFirstPblock_AlsoLast_InvokedAtOnce()
        {
            var h = Associated();
            h.Script.Method1Return = Hex.Parse("11 2A");
            Assert.Equal("C7 01 C1 00 01 00 11 2A", h.Send("C3 04 C1 " + Script + " 01 01 00000001 02 11 07"));
            Assert.Equal("11 07", Hex.Format(h.Script.Parameters()));
        }

        [Fact]
        public void ActionWithPblock_NothingInProgress_NoLongActionInProgress()
        {
            Assert.Equal("C7 01 C1 10 00", Associated().Send("C3 06 C1 01 00000002 01 00"));
        }

        [Fact]
        public void ActionWithPblock_WrongBlockNumber_LongActionAborted()
        {
            var h = Associated();
            h.Send("C3 04 C1 " + Script + " 01 00 00000001 02 09 02");
            Assert.Equal("C7 01 C1 0F 00", h.Send("C3 06 C1 01 00000003 02 AB CD"));
            Assert.Equal("C7 01 C1 10 00", h.Send("C3 06 C1 01 00000002 02 AB CD"));
            Assert.Equal(0, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionWithFirstPblock_NoAccess_RefusedAtFirstBlock()
        {
            var h = Associated();
            Assert.Equal("C7 01 C1 03 00", h.Send("C3 04 C1 " + AssociationLn + " 02 00 00000001 02 09 02"));
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
        }

        [Fact]
        public void ActionWithPblocks_ReassembledParametersNotOneValue_TypeUnmatched()
        {
            var h = Associated();
            h.Send("C3 04 C1 " + Script + " 01 00 00000001 02 09 05");
            Assert.Equal("C7 01 C1 0C 00", h.Send("C3 06 C1 01 00000002 02 AB CD"));
            Assert.Equal(0, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionWithListAndFirstPblock_TwoBlocks_ListResponse()
        {
            var h = Associated();
            Assert.Equal("C7 04 C1 00 00 00 01", h.Send("C3 05 C1 02 " + Script + " 03 " + Script + " 04 00 00000001 03 02 00 09"));
            Assert.Equal("C7 03 C1 02 00 00 02 00", h.Send("C3 06 C1 01 00000002 03 02 AB CD"));
            Assert.Equal(2, h.Script.InvokeCount);
            Assert.Equal("09 02 AB CD", Hex.Format(h.Script.Parameters()));
        }

        [Theory]
        [InlineData(64)]
        [InlineData(200)]
        public void ActionResponse_LargerThanPdu_SentInPblocks(int pdu)
        {
            var h = Associated(clientPdu: pdu);
            byte[] raw = ReadAllPblocks(h, "C3 01 C1 " + Script + " 02 00", pdu, out int blocks);
            Assert.Equal(Hex.Format(GetServiceTests.OctetString(500, 1)), Hex.Format(raw));
            Assert.True(blocks > 1);
            Assert.Equal(1, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionNextPblock_NothingInProgress_NoLongActionInProgress()
        {
            Assert.Equal("C7 01 C1 10 00", Associated().Send("C3 02 C1 00000001"));
        }

        [Fact]
        public void ActionNextPblock_WrongBlockNumber_LongActionAborted()
        {
            var h = Associated(clientPdu: 64);
            h.Send("C3 01 C1 " + Script + " 02 00");
            Assert.Equal("C7 01 C1 0F 00", h.Send("C3 02 C1 00000002"));
            Assert.Equal("C7 01 C1 10 00", h.Send("C3 02 C1 00000001"));
        }

        [Fact]
        public void ActionResponse_TooLargeWithoutBlockTransfer_SuccessWithOtherReason()
        {
            var h = Associated(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithAction, clientPdu: 64);
            Assert.Equal("C7 01 C1 00 01 01 FA", h.Send("C3 01 C1 " + Script + " 02 00"));
            Assert.Equal(1, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionResponse_LargerThanTransferBuffer_SuccessWithOtherReason()
        {
            var h = Associated();
            h.Script.BigReturnLength = 3000;
            Assert.Equal("C7 01 C1 00 01 01 FA", h.Send("C3 01 C1 " + Script + " 02 00"));
        }

        [Fact]
        public void ActionWithList_ResponseLargerThanPdu_SentInPblocks()
        {
            var h = Associated(clientPdu: 64);
            byte[] raw = ReadAllPblocks(h, "C3 03 C1 02 " + Script + " 02 " + Script + " 03 02 00 00", 64, out _);
            byte[] big = GetServiceTests.OctetString(500, 1);
            Assert.Equal("02 00 01 00 " + Hex.Format(big) + " 00 00", Hex.Format(raw));
        }

        [Fact]
        public void ActionWithList_ResponseTooLargeWithoutBlockTransfer_ReturnValuesBecomeOtherReason()
        {
            var h = Associated(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithAction, clientPdu: 64);
            Assert.Equal("C7 03 C1 02 00 01 01 FA 00 00", h.Send("C3 03 C1 02 " + Script + " 02 " + Script + " 03 02 00 00"));
        }

        // ACTION-Request-With-List of n calls of the script's method 3 (no parameters, no return).
        private static string ListOfMethod3(int n)
        {
            var request = new System.Text.StringBuilder("C3 03 C1 " + LengthHex(n));
            for (int i = 0; i < n; i++)
            {
                request.Append(' ').Append(Script).Append(" 03");
            }
            request.Append(' ').Append(LengthHex(n));
            for (int i = 0; i < n; i++)
            {
                request.Append(" 00");
            }
            return request.ToString();
        }

        private static string LengthHex(int n) => n < 0x80 ? n.ToString("X2") : "81 " + n.ToString("X2");

        [Fact]
        public void ActionWithList_ResultsCannotFitThePduWithoutBlockTransfer_RefusedBeforeAnyMethodRuns()
        {
            // 31 results of 2 bytes: 3 + 1 + 62 = 66 bytes > PDU 64, and without block transfer
            // there is no other way to send them. The worst case (every result 00 01 01 FA,
            // 3 + 1 + 124) is checked before anything is invoked, so no method runs for a
            // request that is then refused.
            var h = Associated(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithAction, clientPdu: 64);
            Assert.Equal("D8 01 03", h.Send(ListOfMethod3(31)));
            Assert.Equal(0, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionWithList_ResultsLargerThanTransferBuffer_RefusedBeforeAnyMethodRuns()
        {
            // 130 results of 2 bytes (plus the 2-byte count) overflow a 256-byte transfer buffer.
            var h = new SessionHarness(blockBufferSize: 256, maxReceivePdu: 4096).Associate();
            Assert.Equal("D8 01 03", h.Send(ListOfMethod3(130)));
            Assert.Equal(0, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionWithList_ReturnValueFillsTransferBuffer_ReplacedSoLaterResultsFit()
        {
            // Transfer buffer 256: count (1) + 00 01 00 + octet-string 09 81 F8 + 248 bytes = 255
            // bytes would leave no room for the second result; the first return value becomes
            // data-access-result other-reason and both results are reported.
            var h = new SessionHarness(blockBufferSize: 256).Associate();
            h.Script.BigReturnLength = 248;
            Assert.Equal("C7 03 C1 02 00 01 01 FA 00 00", h.Send("C3 03 C1 02 " + Script + " 02 " + Script + " 03 02 00 00"));
            Assert.Equal(2, h.Script.InvokeCount);
        }

        [Fact]
        public void ActionWithList_LargestListThatFitsTheWorstCase_AllInvoked()
        {
            // 3 + 1 + 15 * 4 = 64: fits the 64-byte PDU even if every result were 00 01 01 FA.
            var h = Associated(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithAction, clientPdu: 64);
            string results = string.Join(" ", System.Linq.Enumerable.Repeat("00 00", 15));
            Assert.Equal("C7 03 C1 0F " + results, h.Send(ListOfMethod3(15)));
            Assert.Equal(15, h.Script.InvokeCount);
        }

        [Theory]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.Action, "C3 01 C1 " + Script + " 03 00")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.MultipleReferences, "C3 03 C1 01 " + Script + " 03 01 00")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithAction, "C3 04 C1 " + Script + " 03 01 00000001 01 00")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithAction, "C3 02 C1 00000001")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithAction, "C3 06 C1 01 00000002 01 00")]
        public void Action_OutsideNegotiatedConformance_ExceptionServiceNotSupported(int conformance, string request)
        {
            var h = Associated(conformance);
            Assert.Equal("D8 01 02", h.Send(request));
            Assert.Equal(0, h.Script.InvokeCount);
        }

        // Sends the request, then ACTION-Request-Next-Pblock until the last block; checks each
        // ACTION-Response-With-Pblock and returns the concatenated raw-data.
        private static byte[] ReadAllPblocks(SessionHarness h, string request, int pdu, out int blocks)
        {
            var raw = new List<byte>();
            byte[] response = h.SendBytes(Hex.Parse(request));
            blocks = 0;
            while (true)
            {
                Assert.True(response.Length <= pdu);
                Assert.Equal("C7 02 C1", Hex.Format(response, 0, 3));
                blocks++;
                Assert.Equal(Hex.Format(GetServiceTests.BigEndian((uint)blocks)), Hex.Format(response, 4, 4));
                int position = 8;
                int length = GetServiceTests.ReadLength(response, ref position);
                Assert.Equal(response.Length, position + length);
                for (int i = 0; i < length; i++)
                {
                    raw.Add(response[position + i]);
                }
                if (response[3] == 1)
                {
                    break;
                }
                Assert.Equal(0, response[3]);
                response = h.SendBytes(Hex.Parse("C3 02 C1 " + ((uint)blocks).ToString("X8")));
            }
            return raw.ToArray();
        }
    }
}
