using System;

namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// The security header of a protected APDU (Green Book): security control byte SC followed
    /// by the 4-byte invocation counter IC, big-endian. It is the part of the GCM IV that travels
    /// on the wire; the system title comes from the association (or the general-glo header).
    /// </summary>
    public static class SecurityHeader
    {
        /// <summary>Length in bytes: SC (1) + IC (4).</summary>
        public const int Length = 5;

        /// <summary>Writes SC || IC at <paramref name="buffer"/>[<paramref name="offset"/>]; returns the next position.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Fewer than 5 bytes at offset.</exception>
        public static int Write(byte[] buffer, int offset, byte securityControl, uint invocationCounter)
        {
            SecurityGuard.Region(buffer, offset, Length);
            buffer[offset] = securityControl;
            Aes128.WriteUInt32(buffer, offset + 1, invocationCounter);
            return offset + Length;
        }

        /// <summary>
        /// Reads SC || IC from the <paramref name="count"/> bytes at <paramref name="offset"/>.
        /// Returns false (outputs zero) when fewer than 5 bytes are available.
        /// </summary>
        public static bool TryRead(byte[] buffer, int offset, int count, out byte securityControl, out uint invocationCounter)
        {
            SecurityGuard.Region(buffer, offset, count);
            if (count < Length)
            {
                securityControl = 0;
                invocationCounter = 0;
                return false;
            }

            securityControl = buffer[offset];
            invocationCounter = Aes128.ReadUInt32(buffer, offset + 1);
            return true;
        }

        /// <summary>Reads a 4-byte big-endian invocation counter (or any Unsigned32).</summary>
        public static uint ReadInvocationCounter(byte[] buffer, int offset)
        {
            SecurityGuard.Region(buffer, offset, 4);
            return Aes128.ReadUInt32(buffer, offset);
        }

        /// <summary>Writes a 4-byte big-endian invocation counter (or any Unsigned32).</summary>
        public static void WriteInvocationCounter(byte[] buffer, int offset, uint invocationCounter)
        {
            SecurityGuard.Region(buffer, offset, 4);
            Aes128.WriteUInt32(buffer, offset, invocationCounter);
        }
    }
}
