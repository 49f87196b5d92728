using System.Text;

namespace DlmsDevice.Emulator.Tracing
{
    /// <summary>
    /// One-line decodings of xDLMS/ACSE APDUs for the protocol trace (Green Book clause 9.5
    /// ASN.1; diagnostics only, best effort).
    /// </summary>
    /// <remarks>
    /// The trace shows whatever arrives, including APDUs cut short. Every byte is read through
    /// a bounds-checked view: a byte past the APDU reads as 0 and marks it truncated, and the
    /// line then names the service and says where the APDU ended ("GET-Request-Next truncated
    /// at byte 5") instead of decoding zeros or throwing.
    /// </remarks>
    public static partial class ApduAnnotator
    {
        /// <summary>Describes the APDU at <paramref name="offset"/>.</summary>
        public static string Describe(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return "empty APDU";
            }
            ApduBytes b = new ApduBytes(buffer, offset, count);
            string description = DescribeApdu(b, offset, count);
            if (!b.Truncated)
            {
                return description;
            }
            // Keep the service name (the first word) and say where the bytes ran out.
            int space = description.IndexOf(' ');
            string service = space < 0 ? description : description.Substring(0, space);
            return service + " truncated at byte " + count;
        }

        private static string DescribeApdu(ApduBytes b, int offset, int count)
        {
            int end = offset + count;
            byte tag = b[offset];
            switch (tag)
            {
                case 0x60:
                    return "AARQ" + DescribeAcse(b, offset + 2, AcseEnd(b, offset, end));
                case 0x61:
                    return "AARE" + DescribeAcse(b, offset + 2, AcseEnd(b, offset, end));
                case 0x62:
                    return "RLRQ" + DescribeRelease(b, offset + 2, AcseEnd(b, offset, end));
                case 0x63:
                    return "RLRE" + DescribeRelease(b, offset + 2, AcseEnd(b, offset, end));
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

        // The end an ACSE APDU's (short-form) BER length announces, its last byte read so a cut
        // APDU is seen as truncated; never past the bytes there are.
        private static int AcseEnd(ApduBytes b, int offset, int end)
        {
            int length = b[offset + 1];
            if (length < 0x80)
            {
                int declared = offset + 2 + length;
                if (length > 0)
                {
                    _ = b[declared - 1];
                }
                return declared < end ? declared : end;
            }
            return end;
        }

        /// <summary>The APDU's bytes, read by absolute index; past the end a read gives 0 and sets <see cref="Truncated"/>.</summary>
        private sealed class ApduBytes
        {
            private readonly byte[] _buffer;
            private readonly int _start;
            private readonly int _end;

            public ApduBytes(byte[] buffer, int start, int count)
            {
                _buffer = buffer;
                _start = start;
                _end = start + count;
            }

            /// <summary>True once a read needed a byte the APDU does not have.</summary>
            public bool Truncated { get; private set; }

            public byte this[int index]
            {
                get
                {
                    if (index < _start || index >= _end)
                    {
                        Truncated = true;
                        return 0;
                    }
                    return _buffer[index];
                }
            }
        }

        private static string DescribeAcse(ApduBytes b, int pos, int end)
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

        private static string DescribeRelease(ApduBytes b, int pos, int end)
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

        private static string DescribeUserInformation(ApduBytes b, int pos, int end)
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

        private static string DescribeConfirmedServiceError(ApduBytes b, int pos, int end)
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

        private static string DescribeGetRequest(ApduBytes b, int pos, int end)
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
                        for (int i = 0; i < n && !b.Truncated; i++)
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

        private static string DescribeGetResponse(ApduBytes b, int pos, int end)
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

        private static string DescribeSetRequest(ApduBytes b, int pos, int end)
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

        private static string DescribeSetResponse(ApduBytes b, int pos, int end)
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

        private static string DescribeActionRequest(ApduBytes b, int pos, int end)
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

        private static string DescribeActionResponse(ApduBytes b, int pos, int end)
        {
            byte type = b[pos];
            string iid = "iid=0x" + b[pos + 1].ToString("X2");
            switch (type)
            {
                case 1:
                    return "ACTION-Response-Normal " + iid + " result=" + ActionResultName(b[pos + 2]) + (b[pos + 3] != 0 ? " with return parameters" : "");
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

        private static string GetDataResult(ApduBytes b, int pos)
        {
            return b[pos] == 0 ? "data " + DataTypeName(b[pos + 1]) : "data-access-result=" + DataAccessResultName(b[pos + 1]);
        }

        private static string Descriptor(ApduBytes b, int pos)
        {
            int classId = (b[pos] << 8) | b[pos + 1];
            return classId + "/" + b[pos + 2] + "." + b[pos + 3] + "." + b[pos + 4] + "." + b[pos + 5] + "." + b[pos + 6] + "." + b[pos + 7] + "/" + b[pos + 8];
        }

        private static uint UInt32(ApduBytes b, int pos)
        {
            return ((uint)b[pos] << 24) | ((uint)b[pos + 1] << 16) | ((uint)b[pos + 2] << 8) | b[pos + 3];
        }
    }
}
