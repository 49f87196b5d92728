using System.Text;

namespace DlmsDevice.Emulator.Tracing
{
    /// <summary>
    /// One-line decodings of xDLMS/ACSE APDUs for the protocol trace (Green Book clause 9.5
    /// ASN.1; diagnostics only, best effort).
    /// </summary>
    public static class ApduAnnotator
    {
        /// <summary>Describes the APDU at <paramref name="offset"/>.</summary>
        public static string Describe(byte[] b, int offset, int count)
        {
            if (count <= 0)
            {
                return "empty APDU";
            }
            int end = offset + count;
            byte tag = b[offset];
            switch (tag)
            {
                case 0x60:
                    return "AARQ" + DescribeAcse(b, offset + 2, end);
                case 0x61:
                    return "AARE" + DescribeAcse(b, offset + 2, end);
                case 0x62:
                    return "RLRQ" + DescribeRelease(b, offset + 2, end);
                case 0x63:
                    return "RLRE" + DescribeRelease(b, offset + 2, end);
                case 0xC0:
                    return DescribeGetRequest(b, offset + 1, end);
                case 0xC4:
                    return DescribeGetResponse(b, offset + 1, end);
                case 0xC1:
                    return DescribeSetRequest(b, offset + 1, end);
                case 0xC5:
                    return DescribeSetResponse(b, offset + 1, end);
                case 0xC3:
                    return DescribeActionRequest(b, offset + 1, end);
                case 0xC7:
                    return DescribeActionResponse(b, offset + 1, end);
                case 0xD8:
                    return "ExceptionResponse state-error=" + StateError(b[offset + 1]) + " service-error=" + ServiceError(b[offset + 2]);
                case 0x0E:
                    return "ConfirmedServiceError " + DescribeConfirmedServiceError(b, offset + 1, end);
                case 0x0F:
                    return "DataNotification";
                case 0xE0:
                    return "General-Block-Transfer";
                default:
                    return "APDU tag 0x" + tag.ToString("X2") + " (" + count + " bytes)";
            }
        }

        private static string DescribeAcse(byte[] b, int pos, int end)
        {
            StringBuilder sb = new StringBuilder();
            while (pos + 2 <= end)
            {
                byte tag = b[pos];
                int length = b[pos + 1];
                int value = pos + 2;
                switch (tag)
                {
                    case 0xA1:
                        // application-context-name: OID 2.16.756.5.8.1.x, x = 1 LN, 2 SN, 3 LN ciphered, 4 SN ciphered.
                        sb.Append(" context=").Append(ContextName(b[value + length - 1]));
                        break;
                    case 0xA2:
                        sb.Append(" result=").Append(b[value + length - 1] switch { 0 => "accepted", 1 => "rejected-permanent", 2 => "rejected-transient", _ => "?" });
                        break;
                    case 0xA3:
                        sb.Append(b[value] == 0xA1 ? " diagnostic(user)=" : " diagnostic(provider)=").Append(UserDiagnostic(b[value + length - 1], b[value] == 0xA1));
                        break;
                    case 0x8A:
                        sb.Append(" acse-requirements=authentication");
                        break;
                    case 0x8B:
                    case 0x89:
                        sb.Append(" mechanism=").Append(MechanismName(b[value + length - 1]));
                        break;
                    case 0xAC:
                    case 0xAA:
                        sb.Append(" authentication-value=(").Append(length - 2).Append(" bytes)");
                        break;
                    case 0xA6:
                        sb.Append(" calling-AP-title");
                        break;
                    case 0xBE:
                        sb.Append(' ').Append(DescribeUserInformation(b, value + 2, value + length));
                        break;
                }
                pos = value + length;
            }
            return sb.ToString();
        }

        private static string DescribeRelease(byte[] b, int pos, int end)
        {
            StringBuilder sb = new StringBuilder();
            while (pos + 2 <= end)
            {
                byte tag = b[pos];
                int length = b[pos + 1];
                if (tag == 0x80)
                {
                    sb.Append(" reason=").Append(b[pos + 2]);
                }
                else if (tag == 0xBE)
                {
                    sb.Append(' ').Append(DescribeUserInformation(b, pos + 4, pos + 2 + length));
                }
                pos += 2 + length;
            }
            return sb.ToString();
        }

        private static string DescribeUserInformation(byte[] b, int pos, int end)
        {
            // user-information carries an octet string (04 len) holding the xDLMS APDU.
            byte tag = b[pos];
            if (tag == 0x01)
            {
                // InitiateRequest: dedicated-key?, response-allowed?, quality-of-service?, version, conformance, pdu.
                int p = pos + 1;
                if (b[p++] != 0)
                {
                    p += 1 + b[p];
                }
                if (b[p++] != 0)
                {
                    p++;
                }
                if (b[p++] != 0)
                {
                    p++;
                }
                int version = b[p++];
                int conformance = (b[p + 4] << 16) | (b[p + 5] << 8) | b[p + 6];
                p += 7;
                int pdu = (b[p] << 8) | b[p + 1];
                return "InitiateRequest{version=" + version + " conformance=0x" + conformance.ToString("X6") + " client-max-receive-pdu=" + pdu + "}";
            }
            if (tag == 0x08)
            {
                int p = pos + 1;
                if (b[p++] != 0)
                {
                    p++;
                }
                int version = b[p++];
                int conformance = (b[p + 4] << 16) | (b[p + 5] << 8) | b[p + 6];
                p += 7;
                int pdu = (b[p] << 8) | b[p + 1];
                int vaa = (b[p + 2] << 8) | b[p + 3];
                return "InitiateResponse{version=" + version + " conformance=0x" + conformance.ToString("X6") + " server-max-receive-pdu=" + pdu + " vaa-name=0x" + vaa.ToString("X4") + "}";
            }
            if (tag == 0x0E)
            {
                return "ConfirmedServiceError " + DescribeConfirmedServiceError(b, pos + 1, end);
            }
            return "user-information tag 0x" + tag.ToString("X2");
        }

        private static string DescribeConfirmedServiceError(byte[] b, int pos, int end)
        {
            // ConfirmedServiceError: service choice (1 = initiateError), then ServiceError choice and value.
            string service = b[pos] == 1 ? "initiateError" : "service " + b[pos];
            string error = b[pos + 1] switch
            {
                0 => "application-reference",
                1 => "hardware-resource",
                2 => "vde-state-error",
                3 => "service",
                4 => "definition",
                5 => "access",
                6 => "initiate",
                7 => "load-data-set",
                9 => "task",
                10 => "other",
                _ => "?",
            };
            string value = b[pos + 1] == 6
                ? b[pos + 2] switch { 0 => "other", 1 => "dlms-version-too-low", 2 => "incompatible-conformance", 3 => "pdu-size-too-short", 4 => "refused-by-the-VDE-handler", _ => b[pos + 2].ToString() }
                : b[pos + 2].ToString();
            return service + " " + error + "=" + value;
        }

        private static string DescribeGetRequest(byte[] b, int pos, int end)
        {
            byte type = b[pos];
            byte iid = b[pos + 1];
            switch (type)
            {
                case 1:
                    return "GET-Request-Normal iid=0x" + iid.ToString("X2") + " " + Descriptor(b, pos + 2) + (b[pos + 11] != 0 ? " selective-access" : "");
                case 2:
                    return "GET-Request-Next iid=0x" + iid.ToString("X2") + " block=" + UInt32(b, pos + 2);
                case 3:
                    {
                        int n = b[pos + 2];
                        StringBuilder sb = new StringBuilder("GET-Request-With-List iid=0x" + iid.ToString("X2") + " " + n + " items:");
                        int p = pos + 3;
                        for (int i = 0; i < n && p + 10 <= end; i++)
                        {
                            sb.Append(' ').Append(Descriptor(b, p));
                            p += 9;
                            if (b[p++] != 0)
                            {
                                sb.Append("+selective-access");
                                break;
                            }
                        }
                        return sb.ToString();
                    }
                default:
                    return "GET-Request type " + type;
            }
        }

        private static string DescribeGetResponse(byte[] b, int pos, int end)
        {
            byte type = b[pos];
            string iid = "iid=0x" + b[pos + 1].ToString("X2");
            switch (type)
            {
                case 1:
                    return "GET-Response-Normal " + iid + " " + GetDataResult(b, pos + 2);
                case 2:
                    {
                        string last = b[pos + 2] != 0 ? " last-block" : "";
                        string block = " block=" + UInt32(b, pos + 3);
                        string result = b[pos + 7] == 0 ? " raw-data(" + (end - pos - 8) + " bytes incl. length)" : " data-access-result=" + DataAccessResultName(b[pos + 8]);
                        return "GET-Response-With-Datablock " + iid + last + block + result;
                    }
                case 3:
                    {
                        int n = b[pos + 2];
                        return "GET-Response-With-List " + iid + " " + n + " results, first " + GetDataResult(b, pos + 3);
                    }
                default:
                    return "GET-Response type " + type;
            }
        }

        private static string DescribeSetRequest(byte[] b, int pos, int end)
        {
            byte type = b[pos];
            string iid = "iid=0x" + b[pos + 1].ToString("X2");
            switch (type)
            {
                case 1:
                    return "SET-Request-Normal " + iid + " " + Descriptor(b, pos + 2) + " value " + DataTypeName(b[pos + 12]);
                case 2:
                    return "SET-Request-With-First-Datablock " + iid + " " + Descriptor(b, pos + 2);
                case 3:
                    return "SET-Request-With-Datablock " + iid;
                case 4:
                    return "SET-Request-With-List " + iid + " " + b[pos + 2] + " items";
                case 5:
                    return "SET-Request-With-List-And-First-Datablock " + iid;
                default:
                    return "SET-Request type " + type;
            }
        }

        private static string DescribeSetResponse(byte[] b, int pos, int end)
        {
            byte type = b[pos];
            string iid = "iid=0x" + b[pos + 1].ToString("X2");
            switch (type)
            {
                case 1:
                    return "SET-Response-Normal " + iid + " result=" + DataAccessResultName(b[pos + 2]);
                case 2:
                    return "SET-Response-Datablock " + iid + " block=" + UInt32(b, pos + 2);
                case 3:
                    return "SET-Response-Last-Datablock " + iid + " result=" + DataAccessResultName(b[pos + 2]);
                case 4:
                    return "SET-Response-Last-Datablock-With-List " + iid;
                case 5:
                    return "SET-Response-With-List " + iid + " " + b[pos + 2] + " results";
                default:
                    return "SET-Response type " + type;
            }
        }

        private static string DescribeActionRequest(byte[] b, int pos, int end)
        {
            byte type = b[pos];
            string iid = "iid=0x" + b[pos + 1].ToString("X2");
            switch (type)
            {
                case 1:
                    return "ACTION-Request-Normal " + iid + " " + Descriptor(b, pos + 2) + " (method)" + (b[pos + 11] != 0 ? " with parameters" : "");
                case 2:
                    return "ACTION-Request-Next-Pblock " + iid;
                case 3:
                    return "ACTION-Request-With-List " + iid + " " + b[pos + 2] + " items";
                case 4:
                    return "ACTION-Request-With-First-Pblock " + iid;
                case 5:
                    return "ACTION-Request-With-List-And-First-Pblock " + iid;
                case 6:
                    return "ACTION-Request-With-Pblock " + iid;
                default:
                    return "ACTION-Request type " + type;
            }
        }

        private static string DescribeActionResponse(byte[] b, int pos, int end)
        {
            byte type = b[pos];
            string iid = "iid=0x" + b[pos + 1].ToString("X2");
            switch (type)
            {
                case 1:
                    return "ACTION-Response-Normal " + iid + " result=" + ActionResultName(b[pos + 2]) + (pos + 3 < end && b[pos + 3] != 0 ? " with return parameters" : "");
                case 2:
                    return "ACTION-Response-With-Pblock " + iid;
                case 3:
                    return "ACTION-Response-With-List " + iid + " " + b[pos + 2] + " results";
                case 4:
                    return "ACTION-Response-Next-Pblock " + iid;
                default:
                    return "ACTION-Response type " + type;
            }
        }

        private static string GetDataResult(byte[] b, int pos)
        {
            return b[pos] == 0 ? "data " + DataTypeName(b[pos + 1]) : "data-access-result=" + DataAccessResultName(b[pos + 1]);
        }

        private static string Descriptor(byte[] b, int pos)
        {
            int classId = (b[pos] << 8) | b[pos + 1];
            return classId + "/" + b[pos + 2] + "." + b[pos + 3] + "." + b[pos + 4] + "." + b[pos + 5] + "." + b[pos + 6] + "." + b[pos + 7] + "/" + b[pos + 8];
        }

        private static uint UInt32(byte[] b, int pos)
        {
            return ((uint)b[pos] << 24) | ((uint)b[pos + 1] << 16) | ((uint)b[pos + 2] << 8) | b[pos + 3];
        }

        private static string ContextName(byte id)
        {
            return id switch
            {
                1 => "LN",
                2 => "SN",
                3 => "LN-ciphered",
                4 => "SN-ciphered",
                _ => "unknown(" + id + ")",
            };
        }

        private static string MechanismName(byte id)
        {
            return id switch
            {
                0 => "none",
                1 => "LLS",
                2 => "HLS",
                3 => "HLS-MD5",
                4 => "HLS-SHA1",
                5 => "HLS-GMAC",
                6 => "HLS-SHA256",
                7 => "HLS-ECDSA",
                _ => "unknown(" + id + ")",
            };
        }

        private static string UserDiagnostic(byte value, bool user)
        {
            if (!user)
            {
                return value switch { 0 => "null", 1 => "no-reason-given", 2 => "no-common-acse-version", _ => value.ToString() };
            }
            return value switch
            {
                0 => "null",
                1 => "no-reason-given",
                2 => "application-context-name-not-supported",
                11 => "authentication-mechanism-name-not-recognised",
                12 => "authentication-mechanism-name-required",
                13 => "authentication-failure",
                14 => "authentication-required",
                _ => value.ToString(),
            };
        }

        private static string StateError(byte value)
        {
            return value switch { 1 => "service-not-allowed", 2 => "service-unknown", _ => value.ToString() };
        }

        private static string ServiceError(byte value)
        {
            return value switch
            {
                1 => "operation-not-possible",
                2 => "service-not-supported",
                3 => "other-reason",
                4 => "pdu-too-long",
                5 => "deciphering-error",
                6 => "invocation-counter-error",
                _ => value.ToString(),
            };
        }

        private static string DataAccessResultName(byte value)
        {
            return value switch
            {
                0 => "success",
                1 => "hardware-fault",
                2 => "temporary-failure",
                3 => "read-write-denied",
                4 => "object-undefined",
                9 => "object-class-inconsistent",
                11 => "object-unavailable",
                12 => "type-unmatched",
                13 => "scope-of-access-violated",
                14 => "data-block-unavailable",
                15 => "long-get-aborted",
                16 => "no-long-get-in-progress",
                17 => "long-set-aborted",
                18 => "no-long-set-in-progress",
                19 => "data-block-number-invalid",
                250 => "other-reason",
                _ => value.ToString(),
            };
        }

        private static string ActionResultName(byte value)
        {
            return value switch
            {
                0 => "success",
                3 => "read-write-denied",
                4 => "object-undefined",
                9 => "object-class-inconsistent",
                11 => "object-unavailable",
                12 => "type-unmatched",
                13 => "scope-of-access-violated",
                250 => "other-reason",
                _ => value.ToString(),
            };
        }

        private static string DataTypeName(byte tag)
        {
            return tag switch
            {
                0 => "null-data",
                1 => "array",
                2 => "structure",
                3 => "boolean",
                4 => "bit-string",
                5 => "double-long",
                6 => "double-long-unsigned",
                9 => "octet-string",
                10 => "visible-string",
                12 => "utf8-string",
                13 => "bcd",
                15 => "integer",
                16 => "long",
                17 => "unsigned",
                18 => "long-unsigned",
                19 => "compact-array",
                20 => "long64",
                21 => "long64-unsigned",
                22 => "enum",
                23 => "float32",
                24 => "float64",
                25 => "date-time",
                26 => "date",
                27 => "time",
                _ => "tag " + tag,
            };
        }
    }
}
