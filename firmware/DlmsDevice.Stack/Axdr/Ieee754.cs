using System;

namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// IEEE 754 single-precision bit patterns without allocation, for the float32 A-XDR type.
    /// </summary>
    /// <remarks>
    /// nanoFramework's mscorlib has no <c>BitConverter.SingleToInt32Bits</c>/<c>Int32BitsToSingle</c>
    /// (only <c>GetBytes(float)</c>, which allocates), but it has the double versions
    /// <c>DoubleToInt64Bits</c>/<c>Int64BitsToDouble</c>. Every float is exactly representable as
    /// a double (denormals included), so we go through the double and move the fields by hand.
    /// The one difference to the desktop's bit copy: a signalling NaN comes out quiet (bit 22
    /// set, payload otherwise kept), because the float/double conversion quiets it.
    /// </remarks>
    public static class Ieee754
    {
        private const long DoubleMantissaMask = 0x000FFFFFFFFFFFFFL;
        private const int DoubleExponentBias = 1023;
        private const int SingleExponentBias = 127;

        /// <summary>The IEEE 754 single-precision bits of <paramref name="value"/>.</summary>
        public static int SingleToInt32Bits(float value)
        {
            long bits = BitConverter.DoubleToInt64Bits((double)value);
            int sign = bits < 0 ? unchecked((int)0x80000000) : 0;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & DoubleMantissaMask;

            if (exponent == 0x7FF)
            {
                // Infinity or NaN: keep the top 23 payload bits.
                int payload = (int)(mantissa >> 29);
                if (mantissa != 0 && payload == 0)
                {
                    payload = 0x400000;
                }

                return sign | 0x7F800000 | payload;
            }

            if (exponent == 0)
            {
                // Zero (a widened float is never a double denormal).
                return sign;
            }

            int unbiased = exponent - DoubleExponentBias;
            if (unbiased >= -126)
            {
                // Normal float. Widened floats never exceed the float range; clamp to infinity
                // for safety if this is ever fed something else.
                if (unbiased > 127)
                {
                    return sign | 0x7F800000;
                }

                return sign | ((unbiased + SingleExponentBias) << 23) | (int)(mantissa >> 29);
            }

            // Float denormal: restore the implicit leading 1 and shift into the 23-bit field.
            int shift = 29 + (-126 - unbiased);
            if (shift > 53)
            {
                return sign;
            }

            return sign | (int)((mantissa | (1L << 52)) >> shift);
        }

        /// <summary>The float whose IEEE 754 single-precision bits are <paramref name="bits"/>.</summary>
        public static float Int32BitsToSingle(int bits)
        {
            long sign = ((long)bits & 0x80000000L) << 32;
            int exponent = (bits >> 23) & 0xFF;
            long mantissa = bits & 0x7FFFFF;
            long doubleBits;

            if (exponent == 0xFF)
            {
                doubleBits = sign | (0x7FFL << 52) | (mantissa << 29);
            }
            else if (exponent == 0)
            {
                if (mantissa == 0)
                {
                    doubleBits = sign;
                }
                else
                {
                    // Denormal: value = mantissa * 2^-149. Normalise so the leading 1 sits in bit 23.
                    int unbiased = -126;
                    while ((mantissa & 0x800000) == 0)
                    {
                        mantissa <<= 1;
                        unbiased--;
                    }

                    mantissa &= 0x7FFFFF;
                    doubleBits = sign | ((long)(unbiased + DoubleExponentBias) << 52) | (mantissa << 29);
                }
            }
            else
            {
                doubleBits = sign | ((long)(exponent - SingleExponentBias + DoubleExponentBias) << 52) | (mantissa << 29);
            }

            return (float)BitConverter.Int64BitsToDouble(doubleBits);
        }
    }
}
