namespace DlmsDevice.Meter
{
    /// <summary>
    /// The little arithmetic the engine needs without System.Math (not in nanoFramework's
    /// mscorlib): rounding, powers of ten, floor modulo. Allocation-free.
    /// </summary>
    public static class MeterMath
    {
        /// <summary>Rounds half away from zero.</summary>
        public static long Round(double value)
        {
            return value >= 0 ? (long)(value + 0.5) : -(long)(-value + 0.5);
        }

        /// <summary>10 to the power <paramref name="exponent"/> (-20 .. 20 exact enough for scalers).</summary>
        public static double Pow10(int exponent)
        {
            double result = 1;
            if (exponent >= 0)
            {
                for (int i = 0; i < exponent; i++)
                {
                    result *= 10;
                }
            }
            else
            {
                for (int i = 0; i < -exponent; i++)
                {
                    result /= 10;
                }
            }
            return result;
        }

        /// <summary>
        /// The register integer for a physical value: round(value / 10^scaler), clamped to
        /// <paramref name="min"/> .. <paramref name="max"/> (the value type's range).
        /// </summary>
        public static long ToRegister(double physical, sbyte scaler, long min, long max)
        {
            long v = Round(physical / Pow10(scaler));
            return v < min ? min : (v > max ? max : v);
        }

        /// <summary>floor(sqrt(<paramref name="value"/>)) by Newton's iteration on integers (0 for 0 and below).</summary>
        public static long SquareRoot(long value)
        {
            if (value <= 0)
            {
                return 0;
            }
            // From above: x = value, then x' = (x + value / x) / 2 falls until it stops at floor(sqrt).
            long x = value;
            long next = x / 2 + (x & 1);
            while (next < x)
            {
                x = next;
                next = (x + value / x) / 2;
            }
            return x;
        }

        /// <summary>The largest multiple of <paramref name="period"/> not above <paramref name="value"/> (floor, also for negative values).</summary>
        public static long FloorTo(long value, long period)
        {
            long rest = value % period;
            if (rest < 0)
            {
                rest += period;
            }
            return value - rest;
        }
    }
}
