using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    // Ciphered APDUs (Green Book, security suite 0): the envelope (service-specific glo-/ded-
    // tag, or general-glo/general-ded with the system title), the security header
    // (security-control, invocation-counter), the ciphered information and the authentication
    // tag; with the keys, the plaintext APDU annotated in turn.
    internal static partial class ApduAnnotator
    {
        private static void Ciphered(ByteCursor c, Annotation root, bool fromClient, TraceSession session)
        {
            byte tag = c.TakeByte("tag");
            root.Add("tag", new[] { tag }, ApduName(tag));
            bool general = tag is CipheredApdu.GeneralGloCiphering or CipheredApdu.GeneralDedCiphering;
            bool dedicated = tag == CipheredApdu.GeneralDedCiphering || (tag >= 0xD0 && tag <= 0xD7);
            byte[]? title;
            if (general)
            {
                int titleLength = c.Length("system-title length", out byte[] titleLengthRaw);
                title = c.Take(titleLength, "system-title");
                root.Add("system-title", AxdrAnnotator.Concat(titleLengthRaw, title), titleLength == 0
                    ? "empty (the receiver uses the title it knows)"
                    : "sender's system title " + Convert.ToHexString(title));
                if (titleLength == 0)
                {
                    title = fromClient ? session.ClientSystemTitle : session.ServerSystemTitle;
                }
            }
            else
            {
                title = fromClient ? session.ClientSystemTitle : session.ServerSystemTitle;
            }
            int length = c.Length("ciphered content length", out byte[] lengthRaw);
            root.Add(general ? "ciphered-content length" : "length", lengthRaw, length.ToString(CultureInfo.InvariantCulture) + " bytes");
            byte[] content = c.Take(Math.Min(length, c.Remaining), "ciphered content");
            if (content.Length < length)
            {
                root.AddError("the content has " + content.Length.ToString(CultureInfo.InvariantCulture) + " of " + length.ToString(CultureInfo.InvariantCulture) + " bytes");
            }
            if (content.Length < 5)
            {
                root.AddError("no security header (security-control and invocation-counter need 5 bytes)", content);
                return;
            }
            byte sc = content[0];
            Annotation header = root.Add("security header");
            header.Add("security-control", new[] { sc }, SecurityControlMeaning(sc));
            uint ic = (uint)((content[1] << 24) | (content[2] << 16) | (content[3] << 8) | content[4]);
            header.Add("invocation-counter", content.AsSpan(1, 4), ic.ToString(CultureInfo.InvariantCulture)
                + " (IV = " + (title is null ? "system title" : Convert.ToHexString(title)) + " " + Convert.ToHexString(content.AsSpan(1, 4)) + ")");
            bool authenticated = (sc & SuiteZeroCipher.AuthenticatedBit) != 0;
            bool encrypted = (sc & SuiteZeroCipher.EncryptedBit) != 0;
            int tagLength = authenticated ? SuiteZeroCipher.TagLength : 0;
            int payloadLength = content.Length - 5 - tagLength;
            if (payloadLength < 0)
            {
                root.AddError("shorter than the security header and the 12-byte authentication tag", content.AsSpan(5));
                return;
            }
            root.Add(encrypted ? "ciphered information" : "information (in clear, authenticated)", content.AsSpan(5, payloadLength),
                payloadLength.ToString(CultureInfo.InvariantCulture) + " bytes" + (encrypted ? " of AES-GCM-128 ciphertext" : ""));
            if (authenticated)
            {
                root.Add("authentication tag", content.AsSpan(5 + payloadLength), "GMAC, 12 bytes");
            }
            byte[]? key = session.KeyFor(dedicated);
            string? missing = key is null ? (dedicated ? "the dedicated key" : "the block cipher key EK (--keys)")
                : authenticated && session.AuthenticationKey is null ? "the authentication key AK (--keys)"
                : title is null ? "the " + (fromClient ? "client" : "server") + " system title"
                : null;
            if (missing is not null)
            {
                root.Add("plaintext", "not shown: " + missing + " is not known");
                return;
            }
            byte[] plaintext;
            try
            {
                plaintext = SuiteZeroCipher.Unprotect(content, key!, session.AuthenticationKey ?? new byte[SuiteZeroCipher.KeyLength], title!, out _, out _);
            }
            catch (DlmsSecurityException e)
            {
                root.AddError("not deciphered: " + e.Message);
                return;
            }
            Annotation deciphered = root.Add("deciphered APDU", (authenticated ? "tag verified, " : "") + plaintext.Length.ToString(CultureInfo.InvariantCulture) + " bytes of plaintext");
            deciphered.Add(Annotate(plaintext, fromClient, session));
        }

        private static string SecurityControlMeaning(byte sc)
        {
            string text = "security suite " + (sc & 0x0F).ToString(CultureInfo.InvariantCulture)
                + ((sc & 0x10) != 0 ? ", authentication" : "")
                + ((sc & 0x20) != 0 ? ", encryption" : "")
                + ((sc & 0x40) != 0 ? ", broadcast key" : "")
                + ((sc & 0x80) != 0 ? ", compression" : "");
            return (sc & 0x30) == 0 ? text + ", no protection" : text;
        }
    }
}
