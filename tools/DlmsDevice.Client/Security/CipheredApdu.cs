using System;
using System.Collections.Generic;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>Which key a ciphered APDU's tag calls for.</summary>
    public enum CipheredKeyKind
    {
        /// <summary>Global unicast encryption key (glo-…, general-glo, glo-initiate).</summary>
        Global,
        /// <summary>Dedicated key (ded-…, general-ded).</summary>
        Dedicated,
    }

    /// <summary>A ciphered APDU taken apart: which key, the sender's system title if it carries one, and the ciphered content.</summary>
    /// <param name="Tag">The APDU tag (e.g. CC, D4, DB, 28).</param>
    /// <param name="Key">Which key deciphers it.</param>
    /// <param name="SystemTitle">The system title of general-glo/general-ded ciphering, null for service-specific APDUs (or an empty one).</param>
    /// <param name="Content">SC ‖ IC ‖ payload.</param>
    public sealed record CipheredApduParts(byte Tag, CipheredKeyKind Key, byte[]? SystemTitle, byte[] Content);

    /// <summary>
    /// The wrapping of protected APDUs (Green Book 9.5, the Green Book's xDLMS APDU and security examples): service-specific
    /// <c>tag len SC IC …</c> (glo- and ded-) and general-glo/general-ded
    /// <c>DB|DC len ST len SC IC …</c>, and the tag maps between plain and ciphered services.
    /// </summary>
    public static class CipheredApdu
    {
        /// <summary>glo-initiate-request [33].</summary>
        public const byte GloInitiateRequest = 0x21;
        /// <summary>glo-initiate-response [40].</summary>
        public const byte GloInitiateResponse = 0x28;
        /// <summary>glo-confirmed-service-error [46].</summary>
        public const byte GloConfirmedServiceError = 0x2E;
        /// <summary>general-glo-ciphering [219].</summary>
        public const byte GeneralGloCiphering = 0xDB;
        /// <summary>general-ded-ciphering [220].</summary>
        public const byte GeneralDedCiphering = 0xDC;

        // plain tag -> (glo, ded). Green Book 9.5 xDLMS-APDU: the glo- service tags are the plain
        // tag + 8 (C0..C7 -> C8..CF) and the ded- ones + 16 (D0..D7).
        private static readonly byte[] s_plain = { 0xC0, 0xC1, 0xC3, 0xC4, 0xC5, 0xC7, 0x01, 0x08, 0x0E };
        private static readonly byte[] s_glo = { 0xC8, 0xC9, 0xCB, 0xCC, 0xCD, 0xCF, GloInitiateRequest, GloInitiateResponse, GloConfirmedServiceError };
        private static readonly byte[] s_ded = { 0xD0, 0xD1, 0xD3, 0xD4, 0xD5, 0xD7, 0x00, 0x00, 0x00 };

        /// <summary>The glo- tag for a plain APDU tag (C0 → C8, C4 → CC, 01 → 21 …), or 0 if there is none.</summary>
        public static byte GloTagFor(byte plainTag)
        {
            int i = Array.IndexOf(s_plain, plainTag);
            return i < 0 ? (byte)0 : s_glo[i];
        }

        /// <summary>The ded- tag for a plain APDU tag (C0 → D0, C4 → D4 …), or 0 if there is none.</summary>
        public static byte DedTagFor(byte plainTag)
        {
            int i = Array.IndexOf(s_plain, plainTag);
            return i < 0 ? (byte)0 : s_ded[i];
        }

        /// <summary>True for the tags this client deciphers (glo-, ded-, general-glo, general-ded).</summary>
        public static bool IsCiphered(byte tag) =>
            tag is GeneralGloCiphering or GeneralDedCiphering || (tag != 0 && (Array.IndexOf(s_glo, tag) >= 0 || Array.IndexOf(s_ded, tag) >= 0));

        /// <summary>The plain tag a service-specific ciphered tag stands for (CC → C4), or 0 for general ciphering.</summary>
        public static byte PlainTagFor(byte cipheredTag)
        {
            int i = Array.IndexOf(s_glo, cipheredTag);
            if (i < 0 && cipheredTag != 0)
            {
                i = Array.IndexOf(s_ded, cipheredTag);
            }
            return i < 0 ? (byte)0 : s_plain[i];
        }

        /// <summary>Service-specific ciphered APDU: <c>tag len content</c>.</summary>
        public static byte[] EncodeServiceSpecific(byte tag, ReadOnlySpan<byte> content)
        {
            var o = new List<byte>(content.Length + 6) { tag };
            AxdrLength.Write(o, content.Length);
            o.AddRange(content.ToArray());
            return o.ToArray();
        }

        /// <summary>General ciphering with the sender's system title: <c>DB|DC len ST len content</c>.</summary>
        public static byte[] EncodeGeneral(bool dedicated, ReadOnlySpan<byte> systemTitle, ReadOnlySpan<byte> content)
        {
            var o = new List<byte>(content.Length + systemTitle.Length + 8) { dedicated ? GeneralDedCiphering : GeneralGloCiphering };
            AxdrLength.Write(o, systemTitle.Length);
            o.AddRange(systemTitle.ToArray());
            AxdrLength.Write(o, content.Length);
            o.AddRange(content.ToArray());
            return o.ToArray();
        }

        /// <summary>Takes a ciphered APDU apart.</summary>
        /// <exception cref="DlmsProtocolException">Not a ciphered APDU, or its lengths do not match.</exception>
        public static CipheredApduParts Decode(ReadOnlySpan<byte> apdu)
        {
            if (apdu.Length == 0 || !IsCiphered(apdu[0]))
            {
                throw new DlmsProtocolException("Not a ciphered APDU: " + (apdu.Length == 0 ? "empty" : "tag " + apdu[0].ToString("X2", CultureInfo.InvariantCulture)) + ".");
            }
            byte tag = apdu[0];
            int p = 1;
            byte[]? systemTitle = null;
            CipheredKeyKind key;
            if (tag is GeneralGloCiphering or GeneralDedCiphering)
            {
                systemTitle = ServiceApdu.OctetString(apdu, ref p, "general ciphering system-title");
                key = tag == GeneralDedCiphering ? CipheredKeyKind.Dedicated : CipheredKeyKind.Global;
            }
            else
            {
                key = Array.IndexOf(s_ded, tag) >= 0 ? CipheredKeyKind.Dedicated : CipheredKeyKind.Global;
            }
            byte[] content = ServiceApdu.OctetString(apdu, ref p, "ciphered content");
            ServiceApdu.End(apdu, p, "ciphered APDU");
            return new CipheredApduParts(tag, key, systemTitle, content);
        }
    }
}
