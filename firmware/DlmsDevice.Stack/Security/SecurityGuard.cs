using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// Argument checks for the security code. Failing them is programmer misuse (wrong wiring),
    /// so they throw; bad input from the wire never does.
    /// </summary>
    internal static class SecurityGuard
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
