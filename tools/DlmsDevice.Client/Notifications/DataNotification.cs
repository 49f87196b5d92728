using System;
using System.Buffers.Binary;

namespace DlmsDevice.Client
{
    /// <summary>
    /// A DataNotification (Green Book xDLMS: <c>Data-Notification ::= SEQUENCE { long-invoke-id-and-priority,
    /// date-time OCTET STRING, notification-body }</c>, tag 0x0F), as sent by a push setup (IC 40),
    /// in clear or inside general-glo / general-ded ciphering.
    /// </summary>
    /// <param name="LongInvokeIdAndPriority">long-invoke-id-and-priority (invoke id in bits 0-23).</param>
    /// <param name="DateTime">The date-time, or null when absent (an empty octet string).</param>
    /// <param name="Body">notification-body: one Data value (usually a structure of the pushed values).</param>
    public sealed record DataNotification(uint LongInvokeIdAndPriority, CosemDateTime? DateTime, DlmsValue Body)
    {
        /// <summary>The APDU tag.</summary>
        public const byte Tag = 0x0F;

        /// <summary>The sender's system title when the notification was ciphered.</summary>
        public byte[]? SystemTitle { get; init; }

        /// <summary>The security control byte when the notification was ciphered.</summary>
        public byte? SecurityControl { get; init; }

        /// <summary>The sender's invocation counter when the notification was ciphered.</summary>
        public uint? InvocationCounter { get; init; }

        /// <summary>The long-invoke-id (bits 0-23).</summary>
        public uint InvokeId => LongInvokeIdAndPriority & 0x00FFFFFF;

        /// <summary>Decodes a plain DataNotification APDU.</summary>
        /// <exception cref="DlmsProtocolException">Not a DataNotification, or malformed.</exception>
        public static DataNotification Decode(ReadOnlySpan<byte> apdu)
        {
            if (apdu.Length < 6 || apdu[0] != Tag)
            {
                throw new DlmsProtocolException("Not a DataNotification (tag 0F): " + (apdu.IsEmpty ? "empty" : "tag " + apdu[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)) + ".");
            }
            uint id = BinaryPrimitives.ReadUInt32BigEndian(apdu.Slice(1));
            int p = 5;
            CosemDateTime? dateTime = null;
            // date-time: an A-XDR OCTET STRING, 00 when absent or 0C and 12 bytes; some servers
            // send it as a Data octet-string (09 0C and 12 bytes).
            if (apdu[p] == 0x09 && p + 1 < apdu.Length && apdu[p + 1] == 12)
            {
                p++;
            }
            int length = apdu[p++];
            if (length != 0)
            {
                if (length != CosemDateTime.Length || p + length > apdu.Length)
                {
                    throw new DlmsProtocolException("DataNotification date-time of " + length + " bytes (must be absent or 12).");
                }
                dateTime = CosemDateTime.FromBytes(apdu.Slice(p, length));
                p += length;
            }
            DlmsValue body = AxdrDecoder.Decode(apdu.Slice(p));
            return new DataNotification(id, dateTime, body);
        }

        /// <summary>
        /// Decodes a DataNotification in clear (0F) or ciphered as general-glo-ciphering (DB, with
        /// <paramref name="blockCipherKey"/>) or general-ded-ciphering (DC, with <paramref name="dedicatedKey"/>).
        /// </summary>
        /// <exception cref="DlmsSecurityException">The ciphered notification did not decipher (wrong key or tag).</exception>
        /// <exception cref="DlmsProtocolException">Malformed, or not a notification.</exception>
        public static DataNotification Decode(ReadOnlySpan<byte> apdu, byte[]? blockCipherKey, byte[]? authenticationKey, byte[]? dedicatedKey = null)
        {
            if (apdu.IsEmpty || apdu[0] == Tag)
            {
                return Decode(apdu);
            }
            if (apdu[0] is not (CipheredApdu.GeneralGloCiphering or CipheredApdu.GeneralDedCiphering))
            {
                throw new DlmsProtocolException("Not a DataNotification: tag " + apdu[0].ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " (expected 0F, DB or DC).");
            }
            CipheredApduParts parts = CipheredApdu.Decode(apdu);
            byte[]? key = parts.Key == CipheredKeyKind.Dedicated ? dedicatedKey : blockCipherKey;
            if (key is null)
            {
                throw new DlmsSecurityException(SecurityFailure.DecipheringFailed, parts.Key == CipheredKeyKind.Dedicated
                    ? "A general-ded-ciphered notification needs the dedicated key (--dedicated-key)."
                    : "A ciphered notification needs the block cipher key (--block-key).");
            }
            if (parts.SystemTitle is null || parts.SystemTitle.Length != SuiteZeroCipher.SystemTitleLength)
            {
                throw new DlmsProtocolException("The ciphered notification carries no 8-byte system title.");
            }
            byte[] plain = SuiteZeroCipher.Unprotect(parts.Content, key, authenticationKey ?? new byte[SuiteZeroCipher.KeyLength], parts.SystemTitle, out byte sc, out uint ic);
            return Decode(plain) with { SystemTitle = parts.SystemTitle, SecurityControl = sc, InvocationCounter = ic };
        }
    }
}
