using System.Globalization;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Emulator.Diagnostics
{
    /// <summary>
    /// Words for an <see cref="AssociationRefusal"/> and its two numbers, for the operator's log
    /// (docs/emulator.md shows the lines). Never sent to a client.
    /// </summary>
    public static class RefusalText
    {
        /// <summary>Why the association was refused, in one phrase (e.g. "wrong LLS password (8 bytes given)").</summary>
        public static string Describe(AssociationRefusal reason, long detail, long expected)
        {
            switch (reason)
            {
                case AssociationRefusal.UnknownClient:
                    return "unknown client (no association for client SAP " + detail + " on logical device " + expected + ")";
                case AssociationRefusal.MalformedAarq:
                    return "malformed AARQ (" + Words((AcseStatus)detail) + ", " + expected + " bytes)";
                case AssociationRefusal.ProtocolVersion:
                    return "protocol-version without version1";
                case AssociationRefusal.ApplicationContextNotSupported:
                    return "application context " + Context(detail) + " not supported (this client uses " + Context(expected) + ")";
                case AssociationRefusal.MechanismNotRecognised:
                    return "authentication mechanism " + Mechanism(detail) + " not recognised (this client uses " + Mechanism(expected) + ")";
                case AssociationRefusal.MechanismRequired:
                    return "no authentication mechanism (this client requires " + Mechanism(expected) + ")";
                case AssociationRefusal.WrongPassword:
                    return detail < 0 ? "no LLS password given" : "wrong LLS password (" + detail + " bytes given)";
                case AssociationRefusal.ChallengeInvalid:
                    return detail < 0 ? "no HLS CtoS challenge" : "HLS CtoS challenge of " + detail + " bytes (8 to 64 accepted)";
                case AssociationRefusal.MechanismNotAvailable:
                    return "authentication mechanism " + Mechanism(detail) + " cannot be served here (no keys, no HLS methods or no entropy source)";
                case AssociationRefusal.CipheringNotConfigured:
                    return "ciphered context without a Security setup with keys";
                case AssociationRefusal.CallingApTitleNotRecognized:
                    if (detail == 0)
                    {
                        return "no calling-AP-title (the client's system title is required)";
                    }
                    return detail == 8
                        ? "calling-AP-title " + expected.ToString("X16", CultureInfo.InvariantCulture) + " not accepted as the client's system title"
                        : "calling-AP-title of " + detail + " bytes (a system title has 8)";
                case AssociationRefusal.InitiateNotAuthentic:
                    return "glo-initiate-request not authentic: " + Words((ProtectionStatus)detail)
                        + (expected >= 0 ? " (invocation counter " + expected + ")" : "");
                case AssociationRefusal.InvocationCounterReplayed:
                    return "replayed invocation counter " + detail + " (the meter accepts " + expected + " or more)";
                case AssociationRefusal.CountersUnavailable:
                    return "invocation counters unavailable (not loaded, worn out, or cannot be saved)";
                case AssociationRefusal.InitiateNotProtected:
                    return "plain InitiateRequest where the security policy requires protection";
                case AssociationRefusal.DedicatedKeyInvalid:
                    return "dedicated key of " + detail + " bytes (" + expected + " required)";
                case AssociationRefusal.InitiateRequestMissing:
                    return "no xDLMS InitiateRequest in the user-information";
                case AssociationRefusal.DlmsVersionTooLow:
                    return "DLMS version " + detail + " proposed (" + expected + " required)";
                case AssociationRefusal.PduSizeTooShort:
                    return "client-max-receive-pdu-size " + detail + " (at least " + expected + ")";
                case AssociationRefusal.IncompatibleConformance:
                    return "no common service: conformance proposed 0x" + detail.ToString("X6", CultureInfo.InvariantCulture)
                        + ", offered 0x" + expected.ToString("X6", CultureInfo.InvariantCulture);
                case AssociationRefusal.HlsAuthenticationFailed:
                    return "HLS authentication failed: the client's f(StoC) does not match (" + Mechanism(detail) + "; wrong key or secret)";
                default:
                    return reason.ToString();
            }
        }

        /// <summary>"LN" (1), "SN" (2), "LN with ciphering" (3), "SN with ciphering" (4); "absent" for -1.</summary>
        public static string Context(long id)
        {
            switch (id)
            {
                case ApplicationContextName.LogicalName:
                    return "LN";
                case ApplicationContextName.ShortName:
                    return "SN";
                case ApplicationContextName.LogicalNameWithCiphering:
                    return "LN with ciphering";
                case ApplicationContextName.ShortNameWithCiphering:
                    return "SN with ciphering";
                case -1:
                    return "(absent or not DLMS)";
                default:
                    return id.ToString(CultureInfo.InvariantCulture);
            }
        }

        /// <summary>"none" (0), "LLS" (1), "HLS-GMAC" (5), ...; "(not a DLMS mechanism)" for -1.</summary>
        public static string Mechanism(long id)
        {
            switch (id)
            {
                case MechanismName.None:
                    return "none";
                case MechanismName.Lls:
                    return "LLS";
                case MechanismName.Hls:
                    return "HLS";
                case MechanismName.HlsMd5:
                    return "HLS-MD5";
                case MechanismName.HlsSha1:
                    return "HLS-SHA1";
                case MechanismName.HlsGmac:
                    return "HLS-GMAC";
                case MechanismName.HlsSha256:
                    return "HLS-SHA256";
                case MechanismName.HlsEcdsa:
                    return "HLS-ECDSA";
                case -1:
                    return "(not a DLMS mechanism)";
                default:
                    return id.ToString(CultureInfo.InvariantCulture);
            }
        }

        private static string Words(AcseStatus status)
        {
            switch (status)
            {
                case AcseStatus.Truncated:
                    return "truncated";
                case AcseStatus.TooLarge:
                    return "a field larger than the decoder takes";
                default:
                    return "invalid encoding";
            }
        }

        private static string Words(ProtectionStatus status)
        {
            switch (status)
            {
                case ProtectionStatus.AuthenticationFailed:
                    return "authentication tag mismatch (wrong key, or altered)";
                case ProtectionStatus.Malformed:
                    return "malformed envelope";
                case ProtectionStatus.UnsupportedSecurity:
                    return "unsupported security control (another suite, compression or the broadcast key)";
                case ProtectionStatus.PolicyViolation:
                    return "less protection than the security policy requires";
                case ProtectionStatus.SystemTitleMismatch:
                    return "another system title than the calling-AP-title";
                case ProtectionStatus.NotConfigured:
                    return "no keys or no client system title";
                default:
                    return status.ToString();
            }
        }
    }
}
