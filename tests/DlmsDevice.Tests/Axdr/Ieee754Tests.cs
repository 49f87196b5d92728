using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>
    /// Our allocation-free float32 bit conversion (via double, as nanoFramework has no
    /// SingleToInt32Bits) against the desktop BitConverter.
    /// </summary>
    public class Ieee754Tests
    {
        [Theory]
        [InlineData(0x00000000)]                   // +0
        [InlineData(unchecked((int)0x80000000))]   // -0
        [InlineData(0x3F800000)]                   // 1
        [InlineData(unchecked((int)0xBF800000))]   // -1
        [InlineData(0x40490FDB)]                   // pi
        [InlineData(0x00000001)]                   // smallest denormal
        [InlineData(unchecked((int)0x80000001))]   // negative smallest denormal
        [InlineData(0x00400000)]                   // denormal, top mantissa bit
        [InlineData(0x007FFFFF)]                   // largest denormal
        [InlineData(0x00800000)]                   // smallest normal
        [InlineData(0x7F7FFFFF)]                   // float.MaxValue
        [InlineData(unchecked((int)0xFF7FFFFF))]   // float.MinValue
        [InlineData(0x7F800000)]                   // +inf
        [InlineData(unchecked((int)0xFF800000))]   // -inf
        [InlineData(0x7FC00000)]                   // quiet NaN
        [InlineData(unchecked((int)0xFFC00000))]   // negative quiet NaN (x86 default NaN)
        [InlineData(0x7FFFFFFF)]                   // quiet NaN, all payload bits
        [InlineData(0x7FC00001)]                   // quiet NaN, lowest payload bit
        public void SingleToInt32Bits_Special_MatchesBitConverter(int bits)
        {
            float value = BitConverter.Int32BitsToSingle(bits);

            Assert.Equal(BitConverter.SingleToInt32Bits(value), Ieee754.SingleToInt32Bits(value));
            Assert.Equal(bits, BitConverter.SingleToInt32Bits(Ieee754.Int32BitsToSingle(bits)));
        }

        [Theory]
        [InlineData(0x7F800001, 0x7FC00001)]   // signalling NaN: comes out quiet, payload kept
        [InlineData(0x7FA00000, 0x7FE00000)]
        [InlineData(unchecked((int)0xFF800002), unchecked((int)0xFFC00002))]
        public void Int32BitsToSingle_SignallingNaN_QuietedPayloadKept(int bits, int quiet)
        {
            float value = Ieee754.Int32BitsToSingle(bits);

            Assert.True(float.IsNaN(value));
            Assert.Equal(quiet, BitConverter.SingleToInt32Bits(value));
            Assert.Equal(quiet, Ieee754.SingleToInt32Bits(value));
        }

        [Fact]
        public void BothDirections_SweepOfBitPatterns_MatchBitConverter()
        {
            // A stride through all 2^32 patterns (prime step) plus every exponent with edge mantissas.
            int checkedCount = 0;
            for (long pattern = 0; pattern <= uint.MaxValue; pattern += 65521)
            {
                Check(unchecked((int)(uint)pattern));
                checkedCount++;
            }

            for (int exponent = 0; exponent < 256; exponent++)
            {
                foreach (int mantissa in new[] { 0, 1, 2, 0x3FFFFF, 0x400000, 0x400001, 0x7FFFFE, 0x7FFFFF })
                {
                    Check((exponent << 23) | mantissa);
                    Check(unchecked((int)0x80000000) | (exponent << 23) | mantissa);
                    checkedCount += 2;
                }
            }

            Assert.True(checkedCount > 65000);
        }

        private static void Check(int bits)
        {
            float value = BitConverter.Int32BitsToSingle(bits);
            bool signalling = ((bits >> 23) & 0xFF) == 0xFF && (bits & 0x7FFFFF) != 0 && (bits & 0x400000) == 0;
            int expected = signalling ? bits | 0x400000 : bits;

            // Reading: bits -> float.
            Assert.Equal(expected, BitConverter.SingleToInt32Bits(Ieee754.Int32BitsToSingle(bits)));

            // Writing: float -> bits (the desktop conversion of a signalling NaN value keeps it as
            // is in the float, our path through double quiets it).
            Assert.Equal(signalling ? expected : BitConverter.SingleToInt32Bits(value), Ieee754.SingleToInt32Bits(value));
        }

        [Theory]
        [InlineData(1.0f)]
        [InlineData(-0.0f)]
        [InlineData(1e-45f)]
        [InlineData(1.17549435e-38f)]
        [InlineData(3.40282347e38f)]
        [InlineData(0.1f)]
        public void SingleToInt32Bits_Values_MatchBitConverter(float value)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(value), Ieee754.SingleToInt32Bits(value));
        }
    }
}
