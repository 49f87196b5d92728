using System;
using System.Text;

namespace DlmsDevice.Client
{
    /// <summary>What a meter said in its IEC 62056-21 identification message.</summary>
    /// <param name="ManufacturerId">The three-letter manufacturer's identification (XXX).</param>
    /// <param name="BaudRateCharacter">Z, the fastest speed offered: '0' = 300 Bd .. '6' = 19200 Bd.</param>
    /// <param name="AnnouncesModeE">True when the identification carries the <c>\2</c> escape (mode E, HDLC).</param>
    /// <param name="Identification">The rest of the message, without CR LF.</param>
    public sealed record ModeEIdentification(string ManufacturerId, char BaudRateCharacter, bool AnnouncesModeE, string Identification)
    {
        /// <summary>The speed <see cref="BaudRateCharacter"/> stands for.</summary>
        public int MaxBaudRate => ModeEMessages.BaudRate(BaudRateCharacter);
    }

    /// <summary>
    /// The client's messages of the IEC 62056-21 mode E sign-on (protocol notes 2.2): the
    /// request, the parsing of the identification, the acknowledgement/option select.
    /// </summary>
    public static class ModeEMessages
    {
        /// <summary>The speeds of the baud rate characters '0'..'6'.</summary>
        public static readonly int[] BaudRates = { 300, 600, 1200, 2400, 4800, 9600, 19200 };

        /// <summary><c>/?!</c> CR LF, or <c>/?address!</c> CR LF.</summary>
        public static byte[] Request(string? deviceAddress)
        {
            return Encoding.ASCII.GetBytes("/?" + (deviceAddress ?? string.Empty) + "!\r\n");
        }

        /// <summary><c>ACK 2 Z 2</c> CR LF: HDLC procedure, speed <paramref name="baudRateCharacter"/>, binary mode.</summary>
        public static byte[] OptionSelect(char baudRateCharacter)
        {
            return new byte[] { 0x06, (byte)'2', (byte)baudRateCharacter, (byte)'2', 0x0D, 0x0A };
        }

        /// <summary>The 7E1 characters of <paramref name="message"/> as 8-bit bytes: bit 7 = even parity of bits 0..6.</summary>
        public static byte[] WithEvenParity(byte[] message)
        {
            byte[] result = new byte[message.Length];
            for (int i = 0; i < message.Length; i++)
            {
                int c = message[i] & 0x7F;
                result[i] = (byte)(System.Numerics.BitOperations.PopCount((uint)c) % 2 == 1 ? c | 0x80 : c);
            }
            return result;
        }

        /// <summary>The speed of baud rate character <paramref name="z"/>; 0 when it is not '0'..'6'.</summary>
        public static int BaudRate(char z)
        {
            return z >= '0' && z <= '6' ? BaudRates[z - '0'] : 0;
        }

        /// <summary>The baud rate character of <paramref name="baudRate"/>; throws when it has none.</summary>
        public static char BaudRateCharacter(int baudRate)
        {
            int index = Array.IndexOf(BaudRates, baudRate);
            if (index < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(baudRate), "Mode E speeds are 300, 600, 1200, 2400, 4800, 9600 and 19200 Bd.");
            }
            return (char)('0' + index);
        }

        /// <summary>
        /// Parses an identification line (<c>/XXXZ[\2]ident</c>, CR LF optional; characters before
        /// the '/' are skipped, as some heads deliver noise first). Null when it is not one.
        /// </summary>
        public static ModeEIdentification? ParseIdentification(ReadOnlySpan<byte> line)
        {
            int start = line.IndexOf((byte)'/');
            if (start < 0 || line.Length - start < 5)
            {
                return null;
            }
            ReadOnlySpan<byte> m = line.Slice(start);
            int end = m.Length;
            while (end > 0 && (m[end - 1] == 0x0A || m[end - 1] == 0x0D))
            {
                end--;
            }
            m = m.Slice(0, end);
            for (int i = 1; i <= 3; i++)
            {
                if (!char.IsAsciiLetter((char)m[i]))
                {
                    return null;
                }
            }
            char z = (char)m[4];
            if (BaudRate(z) == 0)
            {
                return null;
            }
            bool modeE = m.Length >= 7 && m[5] == (byte)'\\' && m[6] == (byte)'2';
            string ident = Encoding.ASCII.GetString(m.Slice(modeE ? 7 : 5));
            return new ModeEIdentification(Encoding.ASCII.GetString(m.Slice(1, 3)), z, modeE, ident);
        }
    }
}
