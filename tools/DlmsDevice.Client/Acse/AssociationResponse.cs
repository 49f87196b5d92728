using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// A decoded AARE (Green Book 9.4.2): the ACSE result and diagnostic, and the xDLMS
    /// InitiateResponse (negotiated conformance, server max receive PDU) or the InitiateError.
    /// </summary>
    public sealed record AssociationResponse
    {
        /// <summary>Last arc of the application-context-name (1 = LN, 2 = SN, 3 = LN ciphered, 4 = SN ciphered).</summary>
        public byte ApplicationContext { get; init; }

        /// <summary>association-result: 0 accepted, 1 rejected-permanent, 2 rejected-transient.</summary>
        public byte Result { get; init; }

        /// <summary>The result-source-diagnostic value.</summary>
        public byte Diagnostic { get; init; }

        /// <summary>True if the diagnostic is acse-service-provider [2], false for acse-service-user [1].</summary>
        public bool DiagnosticIsProvider { get; init; }

        /// <summary>responding-AP-title (server system title), if present.</summary>
        public byte[]? RespondingApTitle { get; init; }

        /// <summary>Last arc of the responding mechanism-name, if present.</summary>
        public byte? MechanismName { get; init; }

        /// <summary>responding-authentication-value (StoC challenge), if present.</summary>
        public byte[]? RespondingAuthenticationValue { get; init; }

        /// <summary>negotiated-dlms-version-number (6) from the InitiateResponse.</summary>
        public byte DlmsVersion { get; init; }

        /// <summary>negotiated-conformance from the InitiateResponse.</summary>
        public Conformance NegotiatedConformance { get; init; }

        /// <summary>server-max-receive-pdu-size from the InitiateResponse.</summary>
        public ushort ServerMaxReceivePduSize { get; init; }

        /// <summary>vaa-name (0x0007 for LN).</summary>
        public ushort VaaName { get; init; }

        /// <summary>True if user-information carried an InitiateResponse.</summary>
        public bool HasInitiateResponse { get; init; }

        /// <summary>The ConfirmedServiceError carried in user-information (an InitiateError), if any.</summary>
        public ConfirmedServiceError? InitiateError { get; init; }

        /// <summary>
        /// The user-information when it is ciphered (glo-initiate-response 28, general-glo DB, …):
        /// <see cref="WithUserInformation"/> decodes it once deciphered. Null when it was plain.
        /// </summary>
        public byte[]? CipheredUserInformation { get; init; }

        /// <summary>True when the association was accepted with an InitiateResponse.</summary>
        public bool IsAccepted => Result == 0 && InitiateError is null && HasInitiateResponse;

        /// <summary>
        /// Result accepted with acse-service-user diagnostic authentication-required (14): the HLS
        /// association is pending until reply_to_HLS_authentication succeeds (the Green Book's security examples).
        /// </summary>
        public bool IsAuthenticationRequired => Result == 0 && !DiagnosticIsProvider && Diagnostic == 14;

        /// <summary>Decodes the (deciphered) user-information: an InitiateResponse or a ConfirmedServiceError.</summary>
        /// <exception cref="DlmsProtocolException">Neither.</exception>
        public AssociationResponse WithUserInformation(byte[] plainUserInformation)
        {
            ArgumentNullException.ThrowIfNull(plainUserInformation);
            if (plainUserInformation.Length > 0 && CipheredApdu.IsCiphered(plainUserInformation[0]))
            {
                throw new DlmsProtocolException("The deciphered user-information is ciphered again (0x" + plainUserInformation[0].ToString("X2", CultureInfo.InvariantCulture) + ").");
            }
            return DecodeUserInformation(this, plainUserInformation);
        }

        /// <summary>Decodes an AARE APDU (tag 0x61).</summary>
        /// <exception cref="DlmsProtocolException">Malformed AARE.</exception>
        public static AssociationResponse Decode(ReadOnlySpan<byte> apdu)
        {
            if (apdu.Length < 2 || apdu[0] != 0x61)
            {
                throw new DlmsProtocolException("Expected an AARE (61), got " + (apdu.Length == 0 ? "nothing" : apdu[0].ToString("X2", CultureInfo.InvariantCulture)) + ".");
            }
            int offset = 1;
            int length = AxdrLength.Read(apdu, ref offset);
            if (length > apdu.Length - offset)
            {
                throw new DlmsProtocolException("AARE length " + length + " exceeds the " + (apdu.Length - offset) + " bytes received.");
            }
            ReadOnlySpan<byte> body = apdu.Slice(offset, length);
            var r = new AssociationResponse();
            bool sawResult = false;
            int p = 0;
            while (p < body.Length)
            {
                byte tag = body[p++];
                int len = AxdrLength.Read(body, ref p);
                if (len > body.Length - p)
                {
                    throw new DlmsProtocolException("AARE element " + tag.ToString("X2", CultureInfo.InvariantCulture) + " is truncated.");
                }
                ReadOnlySpan<byte> v = body.Slice(p, len);
                p += len;
                switch (tag)
                {
                    case 0xA1:
                        // 06 07 60 85 74 05 08 01 xx
                        r = r with { ApplicationContext = v.Length > 0 ? v[^1] : (byte)0 };
                        break;
                    case 0xA2:
                        r = r with { Result = ExplicitInteger(v, "result") };
                        sawResult = true;
                        break;
                    case 0xA3:
                        // result-source-diagnostic: A1 (acse-service-user) or A2 (acse-service-provider), then INTEGER.
                        if (v.Length < 2 || (v[0] != 0xA1 && v[0] != 0xA2))
                        {
                            throw new DlmsProtocolException("Malformed result-source-diagnostic.");
                        }
                        r = r with { DiagnosticIsProvider = v[0] == 0xA2, Diagnostic = ExplicitInteger(v.Slice(2), "diagnostic") };
                        break;
                    case 0xA4:
                        r = r with { RespondingApTitle = InnerOctetString(v) };
                        break;
                    case 0x89:
                        r = r with { MechanismName = v.Length > 0 ? v[^1] : null };
                        break;
                    case 0xAA:
                        r = r with { RespondingAuthenticationValue = v.Length >= 2 ? v.Slice(2).ToArray() : Array.Empty<byte>() };
                        break;
                    case 0xBE:
                        r = DecodeUserInformation(r, InnerOctetString(v));
                        break;
                    default:
                        // responder-acse-requirements (88), implementation data, ...: not needed.
                        break;
                }
            }
            if (!sawResult)
            {
                throw new DlmsProtocolException("AARE has no result (A2).");
            }
            return r;
        }

        // INTEGER inside an explicit tag: 02 01 v.
        private static byte ExplicitInteger(ReadOnlySpan<byte> v, string what)
        {
            if (v.Length < 3 || v[0] != 0x02 || v[1] != 0x01)
            {
                throw new DlmsProtocolException("Malformed AARE " + what + ".");
            }
            return v[2];
        }

        private static byte[] InnerOctetString(ReadOnlySpan<byte> v)
        {
            if (v.Length < 2 || v[0] != 0x04)
            {
                throw new DlmsProtocolException("Expected an OCTET STRING (04) inside the AARE element.");
            }
            int p = 1;
            int len = AxdrLength.Read(v, ref p);
            if (len > v.Length - p)
            {
                throw new DlmsProtocolException("Truncated OCTET STRING in the AARE.");
            }
            return v.Slice(p, len).ToArray();
        }

        private static AssociationResponse DecodeUserInformation(AssociationResponse r, byte[] x)
        {
            if (x.Length == 0)
            {
                throw new DlmsProtocolException("Empty AARE user-information.");
            }
            switch (x[0])
            {
                case 0x08:
                    return DecodeInitiateResponse(r, x);
                case 0x0E:
                    return r with { InitiateError = ConfirmedServiceError.Decode(x) };
                default:
                    if (CipheredApdu.IsCiphered(x[0]))
                    {
                        CipheredApdu.Decode(x); // well-formed tag, lengths, title, or DlmsProtocolException
                        // glo-initiate-response (28) as the standard and dlms-cosem want, or general-glo
                        // (DB) as the Gurux .NET server sends (docs/interop.md W4): the client deciphers it.
                        return r with { CipheredUserInformation = x };
                    }
                    throw new DlmsProtocolException("AARE user-information holds APDU 0x" + x[0].ToString("X2", CultureInfo.InvariantCulture) + ", not an InitiateResponse.");
            }
        }

        // InitiateResponse: 08, negotiated-quality-of-service OPTIONAL (00 | 01 q), version, 5F 1F 04 00 c c c,
        // server-max-receive-pdu-size (2), vaa-name (2).
        private static AssociationResponse DecodeInitiateResponse(AssociationResponse r, byte[] x)
        {
            int p = 1;
            if (p < x.Length && x[p] == 0x01)
            {
                p += 2;
            }
            else
            {
                p += 1;
            }
            if (x.Length < p + 12 || x[p + 1] != 0x5F || x[p + 2] != 0x1F || x[p + 3] != 0x04)
            {
                throw new DlmsProtocolException("Malformed InitiateResponse: " + Convert.ToHexString(x));
            }
            byte version = x[p];
            uint conformance = (uint)(x[p + 5] << 16 | x[p + 6] << 8 | x[p + 7]);
            ushort pdu = (ushort)(x[p + 8] << 8 | x[p + 9]);
            ushort vaa = (ushort)(x[p + 10] << 8 | x[p + 11]);
            return r with
            {
                HasInitiateResponse = true,
                DlmsVersion = version,
                NegotiatedConformance = (Conformance)conformance,
                ServerMaxReceivePduSize = pdu,
                VaaName = vaa,
            };
        }

        /// <summary>Name of an association-result value.</summary>
        public static string ResultName(byte result) => result switch
        {
            0 => "accepted",
            1 => "rejected-permanent",
            2 => "rejected-transient",
            _ => "unknown",
        };

        /// <summary>Name of a result-source-diagnostic value.</summary>
        public static string DiagnosticName(byte diagnostic, bool provider)
        {
            if (provider)
            {
                return diagnostic switch
                {
                    0 => "null",
                    1 => "no-reason-given",
                    2 => "no-common-acse-version",
                    _ => "unknown",
                };
            }
            return diagnostic switch
            {
                0 => "null",
                1 => "no-reason-given",
                2 => "application-context-name-not-supported",
                3 => "calling-AP-title-not-recognized",
                4 => "calling-AP-invocation-identifier-not-recognized",
                5 => "calling-AE-qualifier-not-recognized",
                6 => "calling-AE-invocation-identifier-not-recognized",
                7 => "called-AP-title-not-recognized",
                8 => "called-AP-invocation-identifier-not-recognized",
                9 => "called-AE-qualifier-not-recognized",
                10 => "called-AE-invocation-identifier-not-recognized",
                11 => "authentication-mechanism-name-not-recognised",
                12 => "authentication-mechanism-name-required",
                13 => "authentication-failure",
                14 => "authentication-required",
                _ => "unknown",
            };
        }
    }
}
