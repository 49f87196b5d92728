using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Services;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Services
{
    public class SetServiceTests
    {
        private const string ClockTime = "09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00";

        private static SessionHarness Associated(int conformance = Conformance.ServerSupportedLn, int blockBuffer = 2048)
        {
            return new SessionHarness(conformance, blockBufferSize: blockBuffer).Associate();
        }

        // the Green Book's xDLMS APDU examples: SET normal of the clock time (dlms-cosem test_set.py); success is
        // C5 01 <invoke-id> 00 (JD FcsCalcTest shows it for invoke-id 0x81).
        [Theory]
        [InlineData("C1", "C5 01 C1 00")]
        [InlineData("81", "C5 01 81 00")]
        public void SetNormal_ClockTime_SuccessAndValueDelivered(string invokeId, string response)
        {
            var h = Associated();
            Assert.Equal(response, h.Send("C1 01 " + invokeId + " 0008 0000010000FF 02 00 " + ClockTime));
            Assert.Equal(Hex.Format(Hex.Parse(ClockTime)), Hex.Format(h.Clock.Written()));
            Assert.Equal(2, h.Clock.LastAttribute);
        }

        [Theory]
        // read-only attribute
        [InlineData("C1 01 C1 0003 0100010800FF 02 00 06 00000001", "C5 01 C1 03")]
        // logical_name is never writable
        [InlineData("C1 01 C1 0001 00002B0100FF 01 00 09 06 000000000000", "C5 01 C1 03")]
        // undefined object, class mismatch
        [InlineData("C1 01 C1 0001 0101010101FF 02 00 06 00000001", "C5 01 C1 04")]
        [InlineData("C1 01 C1 0003 00002B0100FF 02 00 06 00000001", "C5 01 C1 09")]
        // selective access on SET: no object supports it
        [InlineData("C1 01 C1 0001 00002B0100FF 02 01 01 00 06 00000001", "C5 01 C1 0D")]
        public void SetNormal_AccessRules_DataAccessResult(string request, string response)
        {
            var h = Associated();
            Assert.Equal(response, h.Send(request));
            Assert.Equal(0, h.Register.SetCount + h.Data.SetCount);
        }

        [Fact]
        public void SetNormal_ObjectRefusesValue_ItsResult()
        {
            var h = Associated();
            h.Data.SetResults[2] = DataAccessResult.TypeUnmatched;
            Assert.Equal("C5 01 C1 0C", h.Send("C1 01 C1 0001 00002B0100FF 02 00 0A 02 41 42"));
        }

        [Fact]
        public void SetWithList_TwoItems_ResultPerItem()
        {
            var h = Associated();
            Assert.Equal("C5 05 C1 02 00 03",
                h.Send("C1 04 C1 02 0001 00002B0100FF 02 00 0003 0100010800FF 02 00 02 06 00000001 06 00000002"));
            Assert.Equal("06 00 00 00 01", Hex.Format(h.Data.Written()));
        }

        [Theory]
        // value count differs from descriptor count
        [InlineData("C1 04 C1 02 0001 00002B0100FF 02 00 0003 0100010800FF 02 00 01 06 00000001")]
        // value list truncated
        [InlineData("C1 04 C1 02 0001 00002B0100FF 02 00 0003 0100010800FF 02 00 02 06 00000001 06 0000")]
        // trailing byte behind the value
        [InlineData("C1 01 C1 0001 00002B0100FF 02 00 06 00000001 00")]
        // access-selection flag neither 00 nor 01
        [InlineData("C1 01 C1 0001 00002B0100FF 02 02 06 00000001")]
        public void Set_Malformed_ExceptionResponse(string request)
        {
            var h = Associated();
            Assert.Equal("D8 02 03", h.Send(request));
            Assert.Equal(0, h.Data.SetCount);
        }

        [Fact]
        public void SetWithDatablocks_ThreeBlocks_ReassembledAndApplied()
        {
            var h = Associated();
            byte[] value = GetServiceTests.OctetString(100);
            string all = Hex.Format(value);
            Assert.Equal("C5 02 C1 00 00 00 01", h.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 28 " + Hex.Format(value, 0, 40)));
            Assert.Equal(LongTransaction.Set, h.Session.BlockTransfer.Active);
            Assert.Equal("C5 02 C1 00 00 00 02", h.Send("C1 03 C1 00 00000002 28 " + Hex.Format(value, 40, 40)));
            Assert.Equal(0, h.Data.SetCount);
            Assert.Equal("C5 03 C1 00 00 00 00 03", h.Send("C1 03 C1 01 00000003 " + (value.Length - 80).ToString("X2") + " " + Hex.Format(value, 80, value.Length - 80)));
            Assert.Equal(all, Hex.Format(h.Data.Written()));
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
        }

        [Fact]
        public void SetWithFirstDatablock_AlsoLast_AppliedAtOnce()
        {
            var h = Associated();
            Assert.Equal("C5 03 C1 00 00 00 00 01", h.Send("C1 02 C1 0001 00002B0100FF 02 00 01 00000001 05 06 00000007"));
            Assert.Equal("06 00 00 00 07", Hex.Format(h.Data.Written()));
        }

        [Fact]
        public void SetWithDatablock_WrongBlockNumber_DataBlockNumberInvalidAndTransferEnds()
        {
            var h = Associated();
            h.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 02 06 00");
            Assert.Equal("C5 03 C1 13 00 00 00 05", h.Send("C1 03 C1 00 00000005 01 00"));
            Assert.Equal("C5 03 C1 12 00 00 00 02", h.Send("C1 03 C1 01 00000002 03 00 00 07"));
            Assert.Equal(0, h.Data.SetCount);
        }

        [Fact]
        public void SetWithFirstDatablock_BlockNumberNotOne_DataBlockNumberInvalid()
        {
            Assert.Equal("C5 03 C1 13 00 00 00 02", Associated().Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000002 02 06 00"));
        }

        [Fact]
        public void SetWithDatablock_NothingInProgress_NoLongSetInProgress()
        {
            Assert.Equal("C5 03 C1 12 00 00 00 02", Associated().Send("C1 03 C1 01 00000002 01 00"));
        }

        [Fact]
        public void SetWithDatablocks_LargerThanTransferBuffer_OtherReason()
        {
            var h = Associated(blockBuffer: 256);
            string block = Hex.Format(new byte[200]);
            Assert.Equal("C5 02 C1 00 00 00 01", h.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 81 C8 " + block));
            Assert.Equal("C5 03 C1 FA 00 00 00 02", h.Send("C1 03 C1 00 00000002 81 C8 " + block));
            Assert.Equal("C5 03 C1 12 00 00 00 03", h.Send("C1 03 C1 01 00000003 01 00"));
        }

        [Fact]
        public void SetWithFirstDatablock_NotWritable_RefusedAtFirstBlock()
        {
            var h = Associated();
            Assert.Equal("C5 03 C1 03 00 00 00 01", h.Send("C1 02 C1 0003 0100010800FF 02 00 00 00000001 02 06 00"));
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
        }

        [Fact]
        public void SetWithDatablocks_ReassembledBytesNotOneValue_TypeUnmatched()
        {
            var h = Associated();
            h.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 02 06 00");
            Assert.Equal("C5 03 C1 0C 00 00 00 02", h.Send("C1 03 C1 01 00000002 01 00"));
            Assert.Equal(0, h.Data.SetCount);
        }

        [Fact]
        public void SetWithListAndFirstDatablock_TwoBlocks_ResultList()
        {
            var h = Associated();
            Assert.Equal("C5 02 C1 00 00 00 01",
                h.Send("C1 05 C1 02 0001 00002B0100FF 02 00 0003 0100010800FF 02 00 00 00000001 06 02 06 00000001"));
            Assert.Equal("C5 04 C1 02 00 03 00 00 00 02", h.Send("C1 03 C1 01 00000002 05 06 00000002"));
            Assert.Equal("06 00 00 00 01", Hex.Format(h.Data.Written()));
        }

        [Fact]
        public void SetWithListDatablocks_WrongBlock_ErrorForEveryItem()
        {
            var h = Associated();
            h.Send("C1 05 C1 02 0001 00002B0100FF 02 00 0003 0100010800FF 02 00 00 00000001 06 02 06 00000001");
            Assert.Equal("C5 04 C1 02 13 13 00 00 00 03", h.Send("C1 03 C1 01 00000003 05 06 00000002"));
        }

        [Fact]
        public void SetNormal_DuringLongSet_AbortsIt()
        {
            var h = Associated();
            h.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 02 06 00");
            Assert.Equal("C5 01 C1 00", h.Send("C1 01 C1 0001 00002B0100FF 02 00 06 00000009"));
            Assert.Equal("C5 03 C1 12 00 00 00 02", h.Send("C1 03 C1 01 00000002 03 00 00 07"));
        }

        [Fact]
        public void Get_DuringLongSet_AbortsIt()
        {
            var h = Associated();
            h.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 02 06 00");
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
            Assert.Equal("C5 03 C1 12 00 00 00 02", h.Send("C1 03 C1 01 00000002 03 00 00 07"));
        }

        [Theory]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.Set, "C1 01 C1 0001 00002B0100FF 02 00 06 00000001")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.MultipleReferences, "C1 04 C1 01 0001 00002B0100FF 02 00 01 06 00000001")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithSetOrWrite, "C1 02 C1 0001 00002B0100FF 02 00 01 00000001 05 06 00000007")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithSetOrWrite, "C1 03 C1 01 00000002 01 00")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.SelectiveAccess, "C1 01 C1 0001 00002B0100FF 02 01 01 00 06 00000001")]
        public void Set_OutsideNegotiatedConformance_ExceptionServiceNotSupported(int conformance, string request)
        {
            var h = Associated(conformance);
            Assert.Equal("D8 01 02", h.Send(request));
            Assert.Equal(0, h.Data.SetCount);
        }
    }
}
