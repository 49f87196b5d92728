using System;

namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Argument checks for the ACSE codecs. Failing them is programmer misuse (configuration-time
    /// wiring), so they throw; protocol errors never do.
    /// </summary>
    internal static class Guard
    {
        /// <summary>Throws when <paramref name="buffer"/> is null or the region lies outside it.</summary>
        internal static void Region(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException();
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException();
            }
        }

        /// <summary>Throws when <paramref name="value"/> is null.</summary>
        internal static void NotNull(object value)
        {
            if (value == null)
            {
                throw new ArgumentNullException();
            }
        }
    }
}
