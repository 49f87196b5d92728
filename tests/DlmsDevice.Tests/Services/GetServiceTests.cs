using System;
using System.Collections.Generic;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Services;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Services
{
    public class GetServiceTests
    {
        private static SessionHarness Associated(int conformance = Conformance.ServerSupportedLn, int clientPdu = 0xFFFF, int blockBuffer = 2048)
        {
            return new SessionHarness(conformance, clientPdu, blockBuffer).Associate();
        }

        // the Green Book's xDLMS APDU examples: GET normal of Data 0.0.43.1.0.255 attribute 2 (dlms-cosem test_get.py)
        // answered with double-long-unsigned 5009; 2.7 trace D (Register 12345, scaler_unit);
        // trace B (Kmethy): clock logical_name with invoke-id 0x81.
        [Theory]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "C4 01 C1 00 06 00 00 13 91")]
        [InlineData("C0 01 C1 00 03 01 00 01 08 00 FF 02 00", "C4 01 C1 00 06 00 00 30 39")]
        [InlineData("C0 01 C1 00 03 01 00 01 08 00 FF 03 00", "C4 01 C1 00 02 02 0F 00 16 1E")]
        [InlineData("C0 01 81 00 08 00 00 01 00 00 FF 01 00", "C4 01 81 00 09 06 00 00 01 00 00 FF")]
        [InlineData("C0 01 81 00 08 00 00 01 00 00 FF 02 00", "C4 01 81 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")]
        // dlms-cosem numbers its invoke-ids C0 | n: echoed as received.
        [InlineData("C0 01 C0 0001 00002B0100FF 02 00", "C4 01 C0 00 06 00 00 13 91")]
        [InlineData("C0 01 05 0001 00002B0100FF 02 00", "C4 01 05 00 06 00 00 13 91")]
        public void GetNormal_ProtocolVectors_ExactResponse(string request, string response)
        {
            Assert.Equal(response, Associated().Send(request));
        }

        // the Green Book's xDLMS APDU examples: "C4 01 C1 01 01" = data-access-result hardware-fault.
        [Fact]
        public void GetNormal_ObjectReportsHardwareFault_DataAccessResult()
        {
            var h = Associated();
            h.Data.GetResults[2] = DataAccessResult.HardwareFault;
            Assert.Equal("C4 01 C1 01 01", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        [Theory]
        // no object with that logical name: object-undefined
        [InlineData("C0 01 C1 0001 0101010101FF 02 00", "C4 01 C1 01 04")]
        // 0.0.1.0.0.255 exists, but as a Clock (8), not a Data (1): object-class-inconsistent
        [InlineData("C0 01 C1 0001 0000010000FF 02 00", "C4 01 C1 01 09")]
        // attribute without read access
        [InlineData("C0 01 C1 0001 0000600100FF 02 00", "C4 01 C1 01 03")]
        // logical_name is always readable
        [InlineData("C0 01 C1 0001 0000600100FF 01 00", "C4 01 C1 00 09 06 00 00 60 01 00 FF")]
        // attribute 0 (all attributes) and an attribute the class does not have
        [InlineData("C0 01 C1 0001 00002B0100FF 00 00", "C4 01 C1 01 03")]
        [InlineData("C0 01 C1 0001 00002B0100FF 03 00", "C4 01 C1 01 03")]
        [InlineData("C0 01 C1 0001 00002B0100FF 80 00", "C4 01 C1 01 03")]
        public void GetNormal_AccessRules_DataAccessResult(string request, string response)
        {
            Assert.Equal(response, Associated().Send(request));
        }

        // The C>S GET-Request-Normal APDUs of traces/gurux-net-client.txt and dlms-cosem-client.txt.
        [Theory]
        [InlineData("C001C1000F0000280000FF0200", "C4 01 C1 00 11 01")]
        [InlineData("C001C100030100010800FF0200", "C4 01 C1 00 06 00 00 30 39")]
        [InlineData("C001C100030100010800FF0300", "C4 01 C1 00 02 02 0F 00 16 1E")]
        [InlineData("C001C100070100630100FF0300", "C4 01 C1 00 11 07")]
        [InlineData("C001C0000F0000280000FF0200", "C4 01 C0 00 11 01")]
        [InlineData("C001C200030100010800FF0300", "C4 01 C2 00 02 02 0F 00 16 1E")]
        [InlineData("C001C0000100002B0100FF0200", "C4 01 C0 00 06 00 00 13 91")]
        public void GetNormal_TraceRequests_Served(string request, string response)
        {
            Assert.Equal(response, Associated().Send(request));
        }

        // Entry descriptor, byte-identical in all three clients (docs/interop.md): entries 1..1.
        [Fact]
        public void GetNormal_EntryDescriptor_DeliveredToObjectAndApplied()
        {
            var h = Associated();
            string response = h.Send("C001C100070100630100FF020102020406000000010600000001120001120000");
            Assert.Equal("C4 01 C1 00 01 01 02 02 12 00 00 09 0A 00 01 02 03 04 05 06 07 08 09", response);
            Assert.Equal(2, h.Profile.LastSelector);
            Assert.Equal("02 04 06 00 00 00 01 06 00 00 00 01 12 00 01 12 00 00", Hex.Format(h.Profile.Parameters()));
            Assert.Equal(0, h.Profile.ParametersPositionFromStart);
        }

        // Range descriptors of the three clients (docs/interop.md: .NET, C with weekday set, dlms-cosem
        // with deviation 0x8000): the whole access-parameters Data, and only it, reaches the
        // object; the reader starts at its first byte.
        [Theory]
        [InlineData("C001C100070100630100FF02010102040204120008090600000100 00FF0F02120000090C07EA0B19FF000000FF000000090C07EB0B19FF000000000000000100")]
        [InlineData("C001C100070100630100FF0201010204020412000809060000010000FF0F02120000090C07EA0B190300000000000000090C07EA0B1903081506000000000100")]
        [InlineData("C001C600070100630100FF0201010204020412000809060000010000FF0F02120000090C07EA0B19FF00000000800000090C07EA0B1AFF000000008000000100")]
        public void GetNormal_RangeDescriptor_DeliveredToObjectPositioned(string request)
        {
            var h = Associated();
            byte[] bytes = Hex.Parse(request);
            string response = Hex.Format(h.SendBytes(bytes));
            Assert.Equal(Hex.Format(new byte[] { 0xC4, 0x01, bytes[2], 0x00, 0x01, 0x00 }), response);
            Assert.Equal(1, h.Profile.LastSelector);
            Assert.Equal(0, h.Profile.ParametersPositionFromStart);
            // access-parameters = everything after "... FF 02 01 01"
            Assert.Equal(Hex.Format(bytes, 14, bytes.Length - 14), Hex.Format(h.Profile.Parameters()));
            Assert.Equal("02 04 02 04 12 00 08", Hex.Format(h.Profile.Parameters(), 0, 7));
        }

        // Range descriptor of dlms-cosem (deviation 0x8000) on a plain attribute: the selector
        // and parameters reach GetAttribute.
        [Fact]
        public void GetNormal_SelectionOnPlainAttribute_PassedToGetAttribute()
        {
            var h = Associated();
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", h.Send("C0 01 C1 0001 00002B0100FF 02 01 07 02 02 11 05 09 00"));
            Assert.Equal(7, h.Data.LastSelector);
            Assert.False(h.Data.LastParametersNull);
            Assert.Equal(0, h.Data.LastParametersPositionFromStart);
            Assert.Equal("02 02 11 05 09 00", Hex.Format(h.Data.LastParameters, 0, h.Data.LastParametersLength));
        }

        [Fact]
        public void GetNormal_NoSelection_ParametersNull()
        {
            var h = Associated();
            h.Send("C0 01 C1 0001 00002B0100FF 02 00");
            Assert.Equal(0, h.Data.LastSelector);
            Assert.True(h.Data.LastParametersNull);
        }

        // traces: GET-with-list of 3 references (gurux-net, dlms-cosem session 2).
        [Theory]
        [InlineData("C003C10300030100010800FF020000030100010800FF030000080000010000FF0200", "C4 03 C1 03 00 06 00 00 30 39 00 02 02 0F 00 16 1E 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")]
        [InlineData("C003C70300030100010800FF020000030100010800FF030000080000010000FF0200", "C4 03 C7 03 00 06 00 00 30 39 00 02 02 0F 00 16 1E 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")]
        // the Green Book's xDLMS APDU examples with-list example shape: 0.0.42.0.0.255 is not there, the clock is.
        [InlineData("C0 03 C1 02 0001 00002A0000FF 02 00 0008 0000010000FF 02 00", "C4 03 C1 02 01 04 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")]
        // an item without access, an undefined one, and an empty list
        [InlineData("C0 03 C1 02 0001 0000600100FF 02 00 0001 00002B0100FF 02 00", "C4 03 C1 02 01 03 00 06 00 00 13 91")]
        [InlineData("C0 03 C1 00", "C4 03 C1 00")]
        public void GetWithList_Items_ResultPerItem(string request, string response)
        {
            Assert.Equal(response, Associated().Send(request));
        }

        [Fact]
        public void GetWithList_ItemFails_OnlyThatItemIsAnError()
        {
            var h = Associated();
            h.Register.GetResults[3] = DataAccessResult.TemporaryFailure;
            Assert.Equal("C4 03 C1 02 00 06 00 00 30 39 01 02",
                h.Send("C0 03 C1 02 0003 0100010800FF 02 00 0003 0100010800FF 03 00"));
        }

        [Theory]
        // get bit missing
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.Get, "C0 01 C1 0001 00002B0100FF 02 00")]
        // with-list without multiple-references
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.MultipleReferences, "C0 03 C1 01 0001 00002B0100FF 02 00")]
        // selective access without the selective-access bit
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.SelectiveAccess, "C001C100070100630100FF020102020406000000010600000001120001120000")]
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.SelectiveAccess, "C0 03 C1 01 0007 0100630100FF 02 01 02 00")]
        // GET-Next without block-transfer-with-get
        [InlineData(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithGetOrRead, "C0 02 C1 00000001")]
        public void Get_OutsideNegotiatedConformance_ExceptionServiceNotSupported(int conformance, string request)
        {
            Assert.Equal("D8 01 02", Associated(conformance).Send(request));
        }

        [Fact]
        public void GetNext_NothingInProgress_NoLongGetInProgress()
        {
            Assert.Equal("C4 02 C1 01 00 00 00 01 01 10", Associated().Send("C0 02 C1 00000001"));
        }

        [Theory]
        [InlineData(64)]
        [InlineData(256)]
        [InlineData(1224)]
        public void GetWithBlock_ArrayAttribute_ReassemblesToPlainEncoding(int pdu)
        {
            var h = Associated(clientPdu: pdu);
            byte[] reassembled = ReadAllBlocks(h, "C0 01 C1 0007 0100630100FF 02 00", pdu, out int blocks);
            Assert.Equal(Hex.Format(h.Profile.PlainEncoding()), Hex.Format(reassembled));
            Assert.True(blocks > 1);
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
        }

        // O(block): the transfer buffer (256 bytes) is far smaller than the attribute (5 KB);
        // elements are encoded about once each (plus one retry per block boundary and the
        // abandoned single-APDU attempt), never the whole attribute per block.
        [Fact]
        public void GetWithBlock_ArrayLargerThanTransferBuffer_ElementsEncodedAboutOnce()
        {
            var h = Associated(clientPdu: 128, blockBuffer: 256);
            byte[] reassembled = ReadAllBlocks(h, "C0 01 C1 0007 0100630100FF 02 00", 128, out int blocks);
            Assert.Equal(5104, reassembled.Length);
            Assert.Equal(Hex.Format(h.Profile.PlainEncoding()), Hex.Format(reassembled));
            Assert.True(h.Profile.ElementWrites <= 300 + 2 * blocks + 10, "element writes " + h.Profile.ElementWrites);
        }

        [Fact]
        public void GetWithBlock_ElementsLargerThanABlock_SlicedAcrossBlocks()
        {
            var h = Associated(clientPdu: 64);
            h.Profile.ElementCount = 12;
            h.Profile.ElementPayload = 200;
            byte[] reassembled = ReadAllBlocks(h, "C0 01 C1 0007 0100630100FF 02 00", 64, out int blocks);
            Assert.Equal(Hex.Format(h.Profile.PlainEncoding()), Hex.Format(reassembled));
            Assert.True(blocks > 12 * 200 / 64);
        }

        [Fact]
        public void GetWithBlock_ElementLargerThanTransferBuffer_OtherReason()
        {
            var h = Associated(clientPdu: 128, blockBuffer: 256);
            h.Profile.ElementCount = 3;
            h.Profile.ElementPayload = 300;
            Assert.Equal("C4 01 C1 01 FA", h.Send("C0 01 C1 0007 0100630100FF 02 00"));
        }

        [Fact]
        public void GetWithBlock_EntrySelection_BlocksOfTheSelectionOnly()
        {
            var h = Associated(clientPdu: 64);
            // entries 11..40
            byte[] reassembled = ReadAllBlocks(h, "C0 01 C1 0007 0100630100FF 02 01 02 02 04 06 0000000B 06 00000028 12 0001 12 0000", 64, out _);
            Assert.Equal(2 + 30 * 17, reassembled.Length);
            Assert.Equal("01 1E 02 02 12 00 0A 09 0A 0A", Hex.Format(reassembled, 0, 10));
        }

        [Fact]
        public void GetWithBlock_PlainAttributeOverflow_ServedFromTransferBuffer()
        {
            var h = Associated(clientPdu: 256);
            byte[] value = OctetString(1000);
            h.Data.Values[2] = value;
            byte[] reassembled = ReadAllBlocks(h, "C0 01 C1 0001 00002B0100FF 02 00", 256, out int blocks);
            Assert.Equal(Hex.Format(value), Hex.Format(reassembled));
            Assert.Equal(5, blocks);
            // encoded twice: the single-APDU attempt, then once into the transfer buffer
            Assert.Equal(2, h.Data.GetCount);
        }

        [Fact]
        public void GetWithBlock_PlainAttributeLargerThanTransferBuffer_OtherReason()
        {
            var h = Associated(clientPdu: 256);
            h.Data.Values[2] = OctetString(3000);
            Assert.Equal("C4 01 C1 01 FA", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
        }

        [Fact]
        public void GetNormal_TooLargeWithoutBlockTransfer_OtherReason()
        {
            var h = Associated(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithGetOrRead, clientPdu: 256);
            Assert.Equal("C4 01 C1 01 FA", h.Send("C0 01 C1 0007 0100630100FF 02 00"));
            h.Data.Values[2] = OctetString(1000);
            Assert.Equal("C4 01 C1 01 FA", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        // the Green Book's xDLMS APDU examples: "C4 02 C1 00 00000001 00 82 049E ...": last-block FALSE, block 1,
        // raw-data [0] with a two-byte length. Client PDU 1224 leaves 1224 - 12 = 0x4BC bytes.
        [Fact]
        public void GetWithBlock_FirstBlock_DatablockShapeWithLongLength()
        {
            var h = Associated(clientPdu: 1224);
            byte[] first = h.SendBytes(Hex.Parse("C0 01 C1 0007 0100630100FF 02 00"));
            Assert.Equal(1224, first.Length);
            Assert.Equal("C4 02 C1 00 00 00 00 01 00 82 04 BC", Hex.Format(first, 0, 12));
            Assert.Equal("01 82 01 2C 02 02 12 00 00", Hex.Format(first, 12, 9));
        }

        [Fact]
        public void GetWithBlock_ShortLastBlock_ShortLengthForm()
        {
            var h = Associated(clientPdu: 256);
            h.Data.Values[2] = OctetString(300);
            byte[] first = h.SendBytes(Hex.Parse("C0 01 C1 0001 00002B0100FF 02 00"));
            Assert.Equal(256, first.Length);
            Assert.Equal("C4 02 C1 00 00 00 00 01 00 81 F5", Hex.Format(first, 0, 11));
            byte[] last = h.SendBytes(Hex.Parse("C0 02 C1 00000001"));
            // 304 - 245 = 59 bytes left: one length byte
            Assert.Equal("C4 02 C1 01 00 00 00 02 00 3B", Hex.Format(last, 0, 10));
            Assert.Equal(10 + 59, last.Length);
        }

        [Fact]
        public void GetNext_WrongBlockNumber_DataBlockNumberInvalidAndTransferEnds()
        {
            var h = Associated(clientPdu: 64);
            h.Send("C0 01 C1 0007 0100630100FF 02 00");
            Assert.Equal("C4 02 C1 01 00 00 00 05 01 13", h.Send("C0 02 C1 00000005"));
            Assert.Equal("C4 02 C1 01 00 00 00 01 01 10", h.Send("C0 02 C1 00000001"));
        }

        [Fact]
        public void GetNext_SameBlockTwice_DataBlockNumberInvalid()
        {
            var h = Associated(clientPdu: 64);
            h.Send("C0 01 C1 0007 0100630100FF 02 00");
            Assert.StartsWith("C4 02 C1 00 00 00 00 02", h.Send("C0 02 C1 00000001"));
            Assert.Equal("C4 02 C1 01 00 00 00 01 01 13", h.Send("C0 02 C1 00000001"));
        }

        [Theory]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "C4 01 C1 00 06 00 00 13 91")]
        [InlineData("C0 03 C1 01 0001 00002B0100FF 02 00", "C4 03 C1 01 00 06 00 00 13 91")]
        public void GetNormal_DuringLongGet_AbortsIt(string request, string response)
        {
            var h = Associated(clientPdu: 64);
            h.Send("C0 01 C1 0007 0100630100FF 02 00");
            Assert.Equal(LongTransaction.Get, h.Session.BlockTransfer.Active);
            Assert.Equal(response, h.Send(request));
            Assert.Equal("C4 02 C1 01 00 00 00 01 01 10", h.Send("C0 02 C1 00000001"));
        }

        [Fact]
        public void GetNext_AfterNewLongGet_RestartsAtBlockOne()
        {
            var h = Associated(clientPdu: 64);
            h.Send("C0 01 C1 0007 0100630100FF 02 00");
            h.Send("C0 02 C1 00000001");
            Assert.StartsWith("C4 02 C1 00 00 00 00 01", h.Send("C0 01 C1 0007 0100630100FF 02 00"));
            Assert.StartsWith("C4 02 C1 00 00 00 00 02", h.Send("C0 02 C1 00000001"));
        }

        [Fact]
        public void GetWithBlock_ElementFailsMidway_LastBlockWithDataAccessResult()
        {
            var h = Associated(clientPdu: 64);
            h.Profile.FailAtIndex = 100;
            string response = h.Send("C0 01 C1 0007 0100630100FF 02 00");
            uint block = 1;
            while (response.StartsWith("C4 02 C1 00", StringComparison.Ordinal))
            {
                response = h.Send("C0 02 C1 " + block.ToString("X8"));
                block++;
            }
            Assert.Equal("C4 02 C1 01 " + Hex.Format(BigEndian(block)) + " 01 01", response);
            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
        }

        [Fact]
        public void GetNormal_FirstElementFails_NormalError()
        {
            var h = Associated(clientPdu: 64);
            h.Profile.FailAtIndex = 0;
            Assert.Equal("C4 01 C1 01 01", h.Send("C0 01 C1 0007 0100630100FF 02 00"));
        }

        [Fact]
        public void GetWithList_Overflow_SentInDatablocks()
        {
            var h = Associated(clientPdu: 64);
            string clock = " 0008 0000010000FF 02 00";
            byte[] raw = ReadAllBlocks(h, "C0 03 C1 05 0001 00002B0100FF 02 00" + clock + clock + clock + clock, 64, out int blocks);
            string clockValue = " 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00";
            Assert.Equal(Hex.Format(Hex.Parse("05 00 06 00 00 13 91" + clockValue + clockValue + clockValue + clockValue)), Hex.Format(raw));
            Assert.Equal(2, blocks);
        }

        [Fact]
        public void GetWithList_ItemLargerThanTransferBuffer_ItemBecomesOtherReason()
        {
            var h = Associated(clientPdu: 256);
            byte[] raw = ReadAllBlocks(h, "C0 03 C1 02 0007 0100630100FF 02 00 0001 00002B0100FF 02 00", 256, out _);
            Assert.Equal("02 01 FA 00 06 00 00 13 91", Hex.Format(raw));
        }

        [Fact]
        public void GetWithList_OverflowWithoutBlockTransfer_OversizedItemsBecomeOtherReason()
        {
            var h = Associated(Conformance.ServerSupportedLn & ~Conformance.BlockTransferWithGetOrRead, clientPdu: 64);
            string clock = " 0008 0000010000FF 02 00";
            string clockValue = " 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00";
            Assert.Equal(Hex.Format(Hex.Parse("C4 03 C1 05 00 06 00 00 13 91" + clockValue + clockValue + clockValue + " 01 FA")),
                h.Send("C0 03 C1 05 0001 00002B0100FF 02 00" + clock + clock + clock + clock));
        }

        // Sends the request, then GET-Next until the last block; checks every block's header,
        // numbering and size, and returns the concatenated raw-data.
        internal static byte[] ReadAllBlocks(SessionHarness h, string request, int pdu, out int blocks)
        {
            var raw = new List<byte>();
            byte[] response = h.SendBytes(Hex.Parse(request));
            blocks = 0;
            while (true)
            {
                Assert.True(response.Length <= pdu, "APDU of " + response.Length + " bytes, PDU " + pdu);
                Assert.Equal("C4 02 C1", Hex.Format(response, 0, 3));
                blocks++;
                Assert.Equal(Hex.Format(BigEndian((uint)blocks)), Hex.Format(response, 4, 4));
                Assert.Equal(0, response[8]);
                int position = 9;
                int length = ReadLength(response, ref position);
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
                Assert.True(blocks < 10000);
                response = h.SendBytes(Hex.Parse("C0 02 C1 " + ((uint)blocks).ToString("X8")));
            }
            return raw.ToArray();
        }

        internal static int ReadLength(byte[] buffer, ref int position)
        {
            int first = buffer[position++];
            if (first < 0x80)
            {
                return first;
            }
            int value = 0;
            for (int i = 0; i < (first & 0x7F); i++)
            {
                value = (value << 8) | buffer[position++];
            }
            Assert.True(value >= 0x80, "length not in its shortest form");
            return value;
        }

        internal static byte[] BigEndian(uint value) => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

        internal static byte[] OctetString(int length, int factor = 7)
        {
            var encoded = new List<byte> { 0x09 };
            if (length < 0x80)
            {
                encoded.Add((byte)length);
            }
            else if (length < 0x100)
            {
                encoded.Add(0x81);
                encoded.Add((byte)length);
            }
            else
            {
                encoded.Add(0x82);
                encoded.Add((byte)(length >> 8));
                encoded.Add((byte)length);
            }
            for (int i = 0; i < length; i++)
            {
                encoded.Add((byte)(i * factor));
            }
            return encoded.ToArray();
        }
    }
}
