using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>ObisCode: text forms (IEC 62056-6-1 reduced ID and dotted), bytes, equality.</summary>
    public class ObisCodeTests
    {
        [Theory]
        [InlineData("1-0:1.8.0*255", 1, 0, 1, 8, 0, 255)]
        [InlineData("1-0:1.8.0.255", 1, 0, 1, 8, 0, 255)]
        [InlineData("1.0.1.8.0.255", 1, 0, 1, 8, 0, 255)]
        [InlineData("0-0:1.0.0*255", 0, 0, 1, 0, 0, 255)]     // clock
        [InlineData("0.0.40.0.0.255", 0, 0, 40, 0, 0, 255)]   // current association
        [InlineData("1-0:99.1.0*255", 1, 0, 99, 1, 0, 255)]   // load profile
        [InlineData("255-255:255.255.255*255", 255, 255, 255, 255, 255, 255)]
        [InlineData("0-0:0.0.0*0", 0, 0, 0, 0, 0, 0)]
        [InlineData("001-000:001.008.000*255", 1, 0, 1, 8, 0, 255)]   // leading zeros
        public void TryParse_ValidText_Code(string text, byte a, byte b, byte c, byte d, byte e, byte f)
        {
            Assert.True(ObisCode.TryParse(text, out ObisCode code));

            Assert.Equal(new ObisCode(a, b, c, d, e, f), code);
            Assert.Equal(code, ObisCode.Parse(text));
        }

        [Theory]
        [InlineData("")]
        [InlineData("1-0:1.8.0")]            // five groups
        [InlineData("1-0:1.8.0*255*1")]      // seven groups
        [InlineData("1.0.1.8.0")]
        [InlineData("1-0:1.8.256*255")]      // group above 255
        [InlineData("1-0:1.8.0*1000")]
        [InlineData("1-0:1.8.0*2555")]
        [InlineData("1-0:1.8.*255")]         // empty group
        [InlineData("1-0:1.8.0*")]
        [InlineData("1.0:1.8.0*255")]        // mixed forms
        [InlineData("1-0.1.8.0.255")]
        [InlineData("1-0:1.8.0-255")]
        [InlineData("1-0:1:8.0*255")]
        [InlineData(" 1-0:1.8.0*255")]       // no whitespace
        [InlineData("1-0:1.8.0*255 ")]
        [InlineData("a-0:1.8.0*255")]
        [InlineData("1-0:1.8.0*-1")]
        [InlineData("1..0.1.8.0")]
        public void TryParse_BadText_FalseNullAndParseThrows(string text)
        {
            Assert.False(ObisCode.TryParse(text, out ObisCode code));

            Assert.Null(code);
            Assert.Throws<FormatException>(() => ObisCode.Parse(text));
        }

        [Fact]
        public void TryParse_Null_FalseNull()
        {
            Assert.False(ObisCode.TryParse(null!, out ObisCode code));
            Assert.Null(code);
        }

        /// <summary>The packed value: A in bits 40..47 down to F in bits 0..7.</summary>
        [Theory]
        [InlineData("01 00 01 08 00 FF", 0x0100010800FFL)]
        [InlineData("00 00 28 00 00 FF", 0x0000280000FFL)]
        [InlineData("00 00 00 00 00 00", 0L)]
        [InlineData("FF FF FF FF FF FF", 0xFFFFFFFFFFFFL)]
        [InlineData("80 00 00 00 00 01", 0x800000000001L)]
        [InlineData("01 02 03 04 05 06", 0x010203040506L)]
        public void Value_SixGroups_PackedBigEndian(string hex, long expected)
        {
            byte[] bytes = Hex.Parse(hex);
            var code = new ObisCode(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]);

            Assert.Equal(expected, code.Value);
            Assert.Equal(expected, ObisCode.Pack(bytes, 0));
            Assert.Equal(new[] { bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5] },
                new[] { code.A, code.B, code.C, code.D, code.E, code.F });
            Assert.Equal(code, new ObisCode(expected));
            byte[] unpacked = new byte[8];
            ObisCode.Unpack(expected, unpacked, 1);
            Assert.Equal("00 " + hex + " 00", Hex.Format(unpacked));
        }

        /// <summary>ObjectList's binary search relies on it: packed values order like the bytes A..F.</summary>
        [Theory]
        [InlineData("00 00 01 00 00 FF", "00 00 01 00 01 00")]
        [InlineData("00 FF FF FF FF FF", "01 00 00 00 00 00")]
        [InlineData("7F FF FF FF FF FF", "80 00 00 00 00 00")]
        [InlineData("FE FF FF FF FF FF", "FF 00 00 00 00 00")]
        [InlineData("01 00 01 08 00 FE", "01 00 01 08 00 FF")]
        public void Value_BytesInOrder_ValuesInOrder(string lowerHex, string higherHex)
        {
            long lower = ObisCode.Pack(Hex.Parse(lowerHex), 0);
            long higher = ObisCode.Pack(Hex.Parse(higherHex), 0);

            Assert.True(lower < higher, lowerHex + " < " + higherHex);
        }

        [Theory]
        [InlineData(-1L)]
        [InlineData(0x1000000000000L)]
        [InlineData(long.MaxValue)]
        [InlineData(long.MinValue)]
        public void Constructor_ValueOutOf48Bits_Throws(long value)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ObisCode(value));
        }

        [Theory]
        [InlineData(1, 0, 1, 8, 0, 255, "1-0:1.8.0*255")]
        [InlineData(0, 0, 96, 1, 0, 255, "0-0:96.1.0*255")]
        [InlineData(255, 255, 255, 255, 255, 255, "255-255:255.255.255*255")]
        public void ToString_Code_ReducedIdForm(byte a, byte b, byte c, byte d, byte e, byte f, string expected)
        {
            var code = new ObisCode(a, b, c, d, e, f);

            Assert.Equal(expected, code.ToString());
            Assert.Equal(code, ObisCode.Parse(code.ToString()));
        }

        [Fact]
        public void CopyToAndFromBytes_SixBytes_RoundTrip()
        {
            var code = new ObisCode(1, 0, 32, 7, 0, 255);
            byte[] buffer = new byte[10];

            code.CopyTo(buffer, 2);

            Assert.Equal("00 00 01 00 20 07 00 FF 00 00", Hex.Format(buffer));
            Assert.Equal(code, ObisCode.FromBytes(buffer, 2));
        }

        [Fact]
        public void EqualsBytes_ComparesInPlace()
        {
            var code = ObisCode.Parse("0.0.1.0.0.255");
            byte[] buffer = Hex.Parse("C0 01 C1 00 08 00 00 01 00 00 FF 02 00");

            Assert.True(code.EqualsBytes(buffer, 5));
            Assert.False(code.EqualsBytes(buffer, 4));
            Assert.False(new ObisCode(0, 0, 1, 0, 0, 254).EqualsBytes(buffer, 5));
            Assert.False(code.EqualsBytes(buffer, 8));       // fewer than 6 bytes left
            Assert.False(code.EqualsBytes(buffer, -1));
            Assert.False(code.EqualsBytes(null!, 0));
        }

        [Fact]
        public void Equality_EveryGroupMatters()
        {
            var code = new ObisCode(1, 2, 3, 4, 5, 6);
            var same = new ObisCode(1, 2, 3, 4, 5, 6);

            Assert.True(code == same);
            Assert.False(code != same);
            Assert.True(code.Equals(same));
            Assert.True(code.Equals((object)same));
            Assert.False(code.Equals("1-2:3.4.5*6"));
            Assert.False(code.Equals(null));
            Assert.False(code.Equals((object?)null));
            Assert.Equal(code.GetHashCode(), same.GetHashCode());
            for (int group = 0; group < 6; group++)
            {
                byte[] bytes = { 1, 2, 3, 4, 5, 6 };
                bytes[group] = 99;
                ObisCode other = ObisCode.FromBytes(bytes, 0);
                Assert.True(code != other);
                Assert.False(code.Equals(other));
                Assert.NotEqual(code.GetHashCode(), other.GetHashCode());
            }
        }

        [Fact]
        public void Operators_Null_NullSafe()
        {
            var code = new ObisCode(0, 0, 1, 0, 0, 255);
            ObisCode? none = null;

            Assert.False(code == none);
            Assert.False(none == code);
            Assert.True(code != none);
            Assert.True(none != code);
            Assert.True(none == null);
            Assert.False(none != null);
        }

        [Fact]
        public void Equality_DistinctInstancesSameGroups_EqualNotSameReference()
        {
            // A class now: two separately built codes are equal by value, never by reference.
            var code = ObisCode.Parse("1-0:1.8.0*255");
            ObisCode other = ObisCode.FromBytes(Hex.Parse("01 00 01 08 00 FF"), 0);

            Assert.NotSame(code, other);
            Assert.True(code == other);
            Assert.Equal(code, other);
        }
    }
}
