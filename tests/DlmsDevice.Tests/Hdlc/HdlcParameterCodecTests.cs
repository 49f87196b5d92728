using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    public class HdlcParameterCodecTests
    {
        [Theory]
        // Kmethy / Green Book UA (IEC 62056-46 (HDLC frame format)): 2-byte lengths, 4-byte windows.
        [InlineData("81 80 14 05 02 00 80 06 02 00 80 07 04 00 00 00 01 08 04 00 00 00 01", 128, 128, 1, 1)]
        // dlms-cosem test UA (Trace A): 1-byte lengths 0x9A = 154.
        [InlineData("81 80 12 05 01 9A 06 01 9A 07 04 00 00 00 01 08 04 00 00 00 01", 154, 154, 1, 1)]
        // Kamstrup (jDLMS HdlcFrameTest.decode2 gives "05 02 00 74 06 02 00 74"; windows added here).
        [InlineData("81 80 14 05 02 00 74 06 02 00 74 07 04 00 00 00 01 08 04 00 00 00 01", 116, 116, 1, 1)]
        // Gurux.DLMS.Net client with -w 3 -f 2030 (traces/gurux-net-client.txt SNRM).
        [InlineData("81 80 14 05 02 07 EE 06 02 07 EE 07 04 00 00 00 03 08 04 00 00 00 03", 2030, 2030, 3, 3)]
        // Empty field: the defaults.
        [InlineData("", 128, 128, 1, 1)]
        // Absent parameters keep their defaults; 1-byte windows; 4-byte lengths.
        [InlineData("81 80 03 05 01 40", 64, 128, 1, 1)]
        [InlineData("81 80 06 07 01 03 08 01 02", 128, 128, 3, 2)]
        [InlineData("81 80 0C 05 04 00 00 07 EE 06 04 00 00 01 00", 2030, 256, 1, 1)]
        // The smallest information lengths accepted: 32.
        [InlineData("81 80 06 05 01 20 06 01 20", 32, 32, 1, 1)]
        // Directional values differ.
        [InlineData("81 80 12 05 01 40 06 01 50 07 04 00 00 00 02 08 04 00 00 00 05", 64, 80, 2, 5)]
        // An unknown parameter inside the HDLC group is skipped.
        [InlineData("81 80 0A 05 01 40 09 02 AA BB 06 01 50", 64, 80, 1, 1)]
        // A user group (0xF0, skipped by jDLMS too) after or before the HDLC group.
        [InlineData("81 80 06 05 01 40 06 01 50 F0 03 01 02 03", 64, 80, 1, 1)]
        [InlineData("81 F0 02 AA BB 80 03 05 01 40", 64, 128, 1, 1)]
        // A value above int.MaxValue is clamped (negotiation takes the minimum with ours).
        [InlineData("81 80 06 05 04 FF FF FF FF", int.MaxValue, 128, 1, 1)]
        public void Decode_Field_ReturnsValues(string hex, int maxInfoTransmit, int maxInfoReceive, int windowTransmit, int windowReceive)
        {
            byte[] field = Hex.Parse("AA " + hex + " BB");
            var result = new HdlcParameters();
            result.Set(1, 2, 3, 4);
            Assert.Equal(HdlcStatus.Ok, HdlcParameterCodec.Decode(field, 1, field.Length - 2, result));
            Assert.Equal(maxInfoTransmit, result.MaxInfoTransmit);
            Assert.Equal(maxInfoReceive, result.MaxInfoReceive);
            Assert.Equal(windowTransmit, result.WindowTransmit);
            Assert.Equal(windowReceive, result.WindowReceive);
        }

        [Theory]
        [InlineData("82 80 03 05 01 40")]          // wrong format identifier
        [InlineData("81 80 04 05 01 40")]          // group longer than the field
        [InlineData("81 80 03 05 02 40")]          // parameter longer than the group
        [InlineData("81 80 02 05 00")]             // zero-length value
        [InlineData("81 80 07 05 05 00 00 00 00 40")] // 5-byte value
        [InlineData("81 80 03 05 01 00")]          // value 0
        [InlineData("81 80 03 07 01 00")]          // window 0
        [InlineData("81 80 03 05 01 1F")]          // max info transmit 31: IC 23 allows 32..2030
        [InlineData("81 80 03 06 01 01")]          // max info receive 1
        [InlineData("81 80 04 05 02 00 1F")]       // 31 in two bytes
        [InlineData("81 80")]                      // group header without length
        [InlineData("81 80 01 05")]                // parameter header cut
        public void Decode_Malformed_ReturnsBadParameterAndLeavesResult(string hex)
        {
            byte[] field = Hex.Parse(hex);
            var result = new HdlcParameters();
            result.Set(1, 2, 3, 4);
            Assert.Equal(HdlcStatus.BadParameter, HdlcParameterCodec.Decode(field, 0, field.Length, result));
            Assert.Equal(1, result.MaxInfoTransmit);
            Assert.Equal(2, result.MaxInfoReceive);
            Assert.Equal(3, result.WindowTransmit);
            Assert.Equal(4, result.WindowReceive);
        }

        [Theory]
        // Lengths 1 byte below 256, else 2; windows always 4 bytes (Green Book examples).
        [InlineData(128, 128, 1, 1, "81 80 12 05 01 80 06 01 80 07 04 00 00 00 01 08 04 00 00 00 01")]
        // Byte-identical to the Trace A UA parameter field.
        [InlineData(154, 154, 1, 1, "81 80 12 05 01 9A 06 01 9A 07 04 00 00 00 01 08 04 00 00 00 01")]
        // Byte-identical to the Gurux -w 3 -f 2030 parameter field.
        [InlineData(2030, 2030, 3, 3, "81 80 14 05 02 07 EE 06 02 07 EE 07 04 00 00 00 03 08 04 00 00 00 03")]
        [InlineData(256, 116, 7, 2, "81 80 13 05 02 01 00 06 01 74 07 04 00 00 00 07 08 04 00 00 00 02")]
        [InlineData(255, 32, 1, 7, "81 80 12 05 01 FF 06 01 20 07 04 00 00 00 01 08 04 00 00 00 07")]
        public void Encode_Values_WritesField(int maxInfoTransmit, int maxInfoReceive, int windowTransmit, int windowReceive, string expected)
        {
            var parameters = new HdlcParameters();
            parameters.Set(maxInfoTransmit, maxInfoReceive, windowTransmit, windowReceive);
            var buffer = new byte[40];
            Assert.Equal(HdlcStatus.Ok, HdlcParameterCodec.Encode(parameters, buffer, 2, 38, out int written));
            Assert.Equal(expected, Hex.Format(buffer, 2, written));
            Assert.Equal(written, HdlcParameterCodec.GetEncodedLength(parameters));

            var decoded = new HdlcParameters();
            Assert.Equal(HdlcStatus.Ok, HdlcParameterCodec.Decode(buffer, 2, written, decoded));
            Assert.Equal(maxInfoTransmit, decoded.MaxInfoTransmit);
            Assert.Equal(maxInfoReceive, decoded.MaxInfoReceive);
            Assert.Equal(windowTransmit, decoded.WindowTransmit);
            Assert.Equal(windowReceive, decoded.WindowReceive);
        }

        [Fact]
        public void Encode_NoRoom_ReturnsBufferTooSmallAndWritesNothing()
        {
            var parameters = new HdlcParameters();
            var buffer = new byte[21];
            Assert.Equal(HdlcStatus.BufferTooSmall, HdlcParameterCodec.Encode(parameters, buffer, 1, 20, out int written));
            Assert.Equal(0, written);
            Assert.All(buffer, b => Assert.Equal(0, b));
            Assert.Equal(HdlcStatus.Ok, HdlcParameterCodec.Encode(parameters, buffer, 0, 21, out written));
            Assert.Equal(21, written);
        }

        [Fact]
        public void Encode_NegativeValue_ReturnsBadParameter()
        {
            var parameters = new HdlcParameters();
            parameters.WindowReceive = -1;
            Assert.Equal(HdlcStatus.BadParameter, HdlcParameterCodec.Encode(parameters, new byte[40], 0, 40, out _));
        }

        [Fact]
        public void Defaults_AreGreenBookValues()
        {
            var parameters = new HdlcParameters();
            parameters.Set(9, 9, 9, 9);
            parameters.SetDefaults();
            Assert.Equal(128, parameters.MaxInfoTransmit);
            Assert.Equal(128, parameters.MaxInfoReceive);
            Assert.Equal(1, parameters.WindowTransmit);
            Assert.Equal(1, parameters.WindowReceive);
        }
    }
}
