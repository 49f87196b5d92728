using DlmsDevice.Stack.Axdr;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>
    /// Length/count forms (the Green Book's A-XDR examples, Gurux GetObjectCount/SetObjectCount): one byte below
    /// 0x80, otherwise 81 xx, 82 xx xx, 84 xx xx xx xx; 83 accepted when reading.
    /// </summary>
    public class AxdrLengthTests
    {
        [Theory]
        [InlineData(0, "00")]
        [InlineData(2, "02")]
        [InlineData(0x7F, "7F")]                  // last one-byte value
        [InlineData(0x80, "81 80")]               // first long form
        [InlineData(240, "81 F0")]                // Gurux forum example
        [InlineData(0xFF, "81 FF")]
        [InlineData(0x100, "82 01 00")]
        [InlineData(287, "82 01 1F")]             // Gurux forum example
        [InlineData(1182, "82 04 9E")]            // GET response with-datablock raw-data length (2.4)
        [InlineData(0xFFFF, "82 FF FF")]
        [InlineData(0x10000, "84 00 01 00 00")]   // 83 is never written
        [InlineData(0xFFFFFF, "84 00 FF FF FF")]
        [InlineData(int.MaxValue, "84 7F FF FF FF")]
        public void WriteLength_Value_ShortestForm(int length, string hex)
        {
            AxdrWriter writer = Writer(8);

            Assert.True(writer.WriteLength(length));

            Assert.Equal(hex, Written(writer));
            Assert.Equal(writer.Length, AxdrWriter.LengthSize(length));
        }

        [Theory]
        [InlineData(0, "00")]
        [InlineData(0x7F, "7F")]
        [InlineData(0x80, "81 80")]
        [InlineData(0xFF, "81 FF")]
        [InlineData(287, "82 01 1F")]
        [InlineData(0xFFFF, "82 FF FF")]
        [InlineData(0x10000, "83 01 00 00")]      // 3-byte form, accepted on input
        [InlineData(0xFFFFFF, "83 FF FF FF")]
        [InlineData(0x10000, "84 00 01 00 00")]
        [InlineData(int.MaxValue, "84 7F FF FF FF")]
        [InlineData(5, "81 05")]                  // non-minimal forms are accepted
        [InlineData(5, "82 00 05")]
        [InlineData(5, "84 00 00 00 05")]
        public void ReadLength_Form_Value(int expected, string hex)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLength(out int length));

            Assert.Equal(expected, length);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("", AxdrStatus.Truncated)]
        [InlineData("81", AxdrStatus.Truncated)]
        [InlineData("82 01", AxdrStatus.Truncated)]
        [InlineData("83 01 02", AxdrStatus.Truncated)]
        [InlineData("84 01 02 03", AxdrStatus.Truncated)]
        [InlineData("80", AxdrStatus.Invalid)]               // BER indefinite form
        [InlineData("80 00", AxdrStatus.Invalid)]
        [InlineData("85 00 00 00 00 01", AxdrStatus.Invalid)]
        [InlineData("FF 00", AxdrStatus.Invalid)]
        [InlineData("84 80 00 00 00", AxdrStatus.Invalid)]   // above int.MaxValue
        [InlineData("84 FF FF FF FF", AxdrStatus.Invalid)]
        public void ReadLength_BadForm_StatusAndPositionUnchanged(string hex, AxdrStatus expected)
        {
            AxdrReader reader = Reader(hex);
            int before = reader.Position;

            Assert.Equal(expected, reader.ReadLength(out int length));

            Assert.Equal(0, length);
            Assert.Equal(before, reader.Position);
        }

        [Fact]
        public void ReadLength_ValueAboveRemaining_OkFormOnly()
        {
            // ReadLength checks the form only; the caller compares with Remaining.
            AxdrReader reader = Reader("82 10 00");

            Assert.Equal(AxdrStatus.Ok, reader.ReadLength(out int length));

            Assert.Equal(0x1000, length);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(0x7E)]
        [InlineData(0x7F)]
        [InlineData(0x80)]
        [InlineData(0x81)]
        [InlineData(0xFE)]
        [InlineData(0xFF)]
        [InlineData(0x100)]
        [InlineData(0xFFFF)]
        [InlineData(0x10000)]
        [InlineData(0x123456)]
        [InlineData(0x1000000)]
        [InlineData(int.MaxValue)]
        public void WriteLength_ThenReadLength_RoundTrips(int length)
        {
            AxdrWriter writer = Writer(5);
            Assert.True(writer.WriteLength(length));
            AxdrReader reader = new AxdrReader();
            reader.Reset(writer.Buffer, writer.Start, writer.Length);

            Assert.Equal(AxdrStatus.Ok, reader.ReadLength(out int read));

            Assert.Equal(length, read);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData(0x7F, 1)]
        [InlineData(0x80, 2)]
        [InlineData(0xFF, 2)]
        [InlineData(0x100, 3)]
        [InlineData(0xFFFF, 3)]
        [InlineData(0x10000, 5)]
        public void LengthSize_Boundaries_BytesUsed(int length, int size)
        {
            Assert.Equal(size, AxdrWriter.LengthSize(length));
        }

        [Fact]
        public void WriteLength_Negative_Throws()
        {
            AxdrWriter writer = Writer(8);

            Assert.Throws<System.ArgumentOutOfRangeException>(() => writer.WriteLength(-1));
        }

        [Theory]
        [InlineData(0x7F, "09 7F")]
        [InlineData(0x80, "09 81 80")]
        [InlineData(0x100, "09 82 01 00")]
        public void WriteOctetString_LengthBoundary_HeaderForm(int length, string header)
        {
            byte[] data = new byte[length];
            AxdrWriter writer = Writer(length + 4);

            Assert.True(writer.WriteOctetString(data, 0, length));

            Assert.StartsWith(header + " 00", Written(writer));
            Assert.Equal(length + (header.Length + 1) / 3, writer.Length);
        }

        [Theory]
        [InlineData(0x7F)]
        [InlineData(0x80)]
        [InlineData(0xFF)]
        [InlineData(0x100)]
        [InlineData(0x10000)]
        public void ReadOctetString_LongForms_ContentRange(int length)
        {
            AxdrWriter writer = Writer(length + 8);
            byte[] data = new byte[length];
            data[0] = 0xAB;
            data[length - 1] = 0xCD;
            Assert.True(writer.WriteOctetString(data, 0, length));
            var reader = new AxdrReader();
            reader.Reset(writer.Buffer, writer.Start, writer.Length);

            Assert.Equal(AxdrStatus.Ok, reader.ReadOctetString(out int offset, out int read));

            Assert.Equal(length, read);
            Assert.Equal(writer.Start + 1 + AxdrWriter.LengthSize(length), offset);
            Assert.Equal(0xAB, reader.Buffer[offset]);
            Assert.Equal(0xCD, reader.Buffer[offset + length - 1]);
            Assert.Equal(0, reader.Remaining);
        }

        [Theory]
        [InlineData("09 83 00 00 03 41 42 43", 3)]   // 83 form in a tagged value
        [InlineData("01 83 00 00 02 00 00", 2)]
        public void TaggedValues_ThreeByteLengthForm_Accepted(string hex, int expected)
        {
            AxdrReader reader = Reader(hex);

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            reader.Position = reader.Start;
            reader.Skip(1);
            Assert.Equal(AxdrStatus.Ok, reader.ReadLength(out int length));
            Assert.Equal(expected, length);
        }
    }
}
