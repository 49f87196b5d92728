using DlmsDevice.Hal.Storage;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>The slot image layout: header fields, CRC coverage, serial-number comparison.</summary>
    public class RecordSlotFormatTests
    {
        // magic "DLR" v1 | sequence 0x01020304 LE | record 7 | length 2 | CRC-32 LE | AA BB
        private const string Record7Image = "44 4C 52 01 04 03 02 01 07 00 02 00 0C 64 34 D4 AA BB";

        [Fact]
        public void WriteHeader_Record7Sequence01020304_ExactImage()
        {
            byte[] image = new byte[18];
            image[16] = 0xAA;
            image[17] = 0xBB;

            uint crc = RecordSlotFormat.WriteHeader(image, 0, 7, 0x01020304, 2);

            Assert.Equal(Record7Image, Hex.Format(image));
            Assert.Equal(0xD434640Cu, crc);
        }

        [Fact]
        public void WriteHeader_EmptyPayload_ExactImage()
        {
            byte[] image = new byte[16];

            RecordSlotFormat.WriteHeader(image, 0, 0, 1, 0);

            Assert.Equal("44 4C 52 01 01 00 00 00 00 00 00 00 60 83 D2 F2", Hex.Format(image));
        }

        [Fact]
        public void TryReadHeader_ValidImage_FieldsAndCrc()
        {
            byte[] image = Hex.Parse(Record7Image);

            Assert.True(RecordSlotFormat.TryReadHeader(image, 0, 7, out uint sequence, out int length));
            Assert.Equal(0x01020304u, sequence);
            Assert.Equal(2, length);
            Assert.True(RecordSlotFormat.CheckCrc(image, 0, length));
        }

        [Theory]
        [InlineData(0, "45")] // magic
        [InlineData(3, "02")] // format version
        [InlineData(8, "08")] // another record's slot
        public void TryReadHeader_WrongFixedField_Rejected(int index, string value)
        {
            byte[] image = Hex.Parse(Record7Image);
            image[index] = Hex.Parse(value)[0];

            Assert.False(RecordSlotFormat.TryReadHeader(image, 0, 7, out _, out _));
        }

        [Theory]
        [InlineData(4)]  // sequence
        [InlineData(10)] // length
        [InlineData(12)] // CRC itself
        [InlineData(16)] // payload
        [InlineData(17)]
        public void CheckCrc_AnyCoveredByteChanged_Fails(int index)
        {
            byte[] image = Hex.Parse(Record7Image);
            image[index] ^= 0x01;

            Assert.False(RecordSlotFormat.CheckCrc(image, 0, 2));
        }

        [Theory]
        [InlineData(2u, 1u, true)]
        [InlineData(1u, 2u, false)]
        [InlineData(5u, 5u, false)]
        [InlineData(0u, 0xFFFFFFFFu, true)]   // wrap: 0 follows 0xFFFFFFFF
        [InlineData(0xFFFFFFFFu, 0u, false)]
        [InlineData(3u, 0xFFFFFFFEu, true)]
        [InlineData(0x80000000u, 0x7FFFFFFFu, true)]
        public void IsNewer_SerialNumberArithmetic(uint a, uint b, bool expected)
        {
            Assert.Equal(expected, RecordSlotFormat.IsNewer(a, b));
        }
    }
}
