using System;
using System.Globalization;
using System.Text;

namespace DlmsDevice.Client
{
    // The ACSE APDUs (AARQ, AARE, RLRQ, RLRE: BER, Green Book "COSEM-ACSE" clause with the
    // xDLMS InitiateRequest / InitiateResponse in user-information).
    internal static partial class ApduAnnotator
    {
        private static void Association(ByteCursor c, Annotation root, TraceSession session)
        {
            byte tag = c.TakeByte("tag");
            int length = c.Length("length", out byte[] lengthRaw);
            bool request = tag == 0x60;
            root.Add("tag", new[] { tag }, request ? "AARQ [APPLICATION 0]" : "AARE [APPLICATION 1]");
            root.Add("length", lengthRaw, length.ToString(CultureInfo.InvariantCulture) + " bytes");
            int end = Math.Min(c.End, c.Position + length);
            if (c.Position + length > c.End)
            {
                root.AddError("the length runs " + (c.Position + length - c.End).ToString(CultureInfo.InvariantCulture) + " bytes past the APDU");
            }
            byte? mechanism = null;
            while (c.Position < end)
            {
                byte element = c.TakeByte("element tag");
                int elementLength = c.Length("element length", out byte[] elementLengthRaw);
                byte[] content = c.Take(elementLength, "element");
                byte[] header = AxdrAnnotator.Concat(element, elementLengthRaw);
                switch (element)
                {
                    case 0x80:
                        root.Add(request ? "protocol-version" : "protocol-version", AxdrAnnotator.Concat(header, content), "version1");
                        break;
                    case 0xA1:
                        root.Add("application-context-name", AxdrAnnotator.Concat(header, content), ContextName(content));
                        break;
                    case 0xA2 when !request:
                        root.Add("result", AxdrAnnotator.Concat(header, content), Last(content) switch
                        {
                            0 => "0 accepted",
                            1 => "1 rejected-permanent",
                            2 => "2 rejected-transient",
                            byte other => other.ToString(CultureInfo.InvariantCulture),
                        });
                        break;
                    case 0xA3 when !request:
                    {
                        bool user = content.Length > 0 && content[0] == 0xA1;
                        byte value = Last(content);
                        root.Add("result-source-diagnostic", AxdrAnnotator.Concat(header, content), (user ? "acse-service-user " : "acse-service-provider ")
                            + value.ToString(CultureInfo.InvariantCulture) + " " + AssociationResponse.DiagnosticName(value, !user));
                        break;
                    }
                    case 0xA4 when !request:
                    case 0xA6 when request:
                    {
                        byte[] title = content.Length >= 2 && content[0] == 0x04 ? content.AsSpan(2).ToArray() : content;
                        if (request)
                        {
                            session.ClientSystemTitle = title;
                        }
                        else
                        {
                            session.ServerSystemTitle = title;
                        }
                        root.Add(request ? "calling-AP-title" : "responding-AP-title", AxdrAnnotator.Concat(header, content),
                            (request ? "client" : "server") + " system title " + Convert.ToHexString(title) + TitleText(title));
                        break;
                    }
                    case 0x8A when request:
                    case 0x88 when !request:
                        root.Add(request ? "sender-acse-requirements" : "responder-acse-requirements", AxdrAnnotator.Concat(header, content),
                            content.Length >= 2 && (content[1] & 0x80) != 0 ? "authentication functional unit" : "none");
                        break;
                    case 0x8B when request:
                    case 0x89 when !request:
                        mechanism = Last(content);
                        root.Add("mechanism-name", AxdrAnnotator.Concat(header, content), MechanismName(mechanism.Value));
                        break;
                    case 0xAC when request:
                    case 0xAA when !request:
                    {
                        byte[] value = content.Length >= 2 && content[0] == 0x80 ? content.AsSpan(2).ToArray() : content;
                        string meaning = request && mechanism == 1
                            ? "password \"" + Encoding.ASCII.GetString(value) + "\""
                            : (request ? "CtoS challenge, " : "StoC challenge, ") + value.Length.ToString(CultureInfo.InvariantCulture) + " bytes";
                        root.Add(request ? "calling-authentication-value" : "responding-authentication-value", AxdrAnnotator.Concat(header, content), meaning);
                        break;
                    }
                    case 0xBE:
                        UserInformation(root, header, content, request, session);
                        break;
                    default:
                        root.Add("element [" + (element & 0x1F).ToString(CultureInfo.InvariantCulture) + "]", AxdrAnnotator.Concat(header, content), "not annotated");
                        break;
                }
            }
        }

        private static void Release(ByteCursor c, Annotation root, TraceSession session)
        {
            byte tag = c.TakeByte("tag");
            int length = c.Length("length", out byte[] lengthRaw);
            bool request = tag == 0x62;
            root.Add("tag", new[] { tag }, request ? "RLRQ [APPLICATION 2]" : "RLRE [APPLICATION 3]");
            root.Add("length", lengthRaw, length.ToString(CultureInfo.InvariantCulture) + " bytes");
            int end = Math.Min(c.End, c.Position + length);
            if (c.Position + length > c.End)
            {
                root.AddError("the length runs " + (c.Position + length - c.End).ToString(CultureInfo.InvariantCulture) + " bytes past the APDU");
            }
            while (c.Position < end)
            {
                byte element = c.TakeByte("element tag");
                int elementLength = c.Length("element length", out byte[] elementLengthRaw);
                byte[] content = c.Take(elementLength, "element");
                byte[] header = AxdrAnnotator.Concat(element, elementLengthRaw);
                if (element == 0x80)
                {
                    byte reason = Last(content);
                    root.Add("reason", AxdrAnnotator.Concat(header, content), reason.ToString(CultureInfo.InvariantCulture) + " " + (reason switch
                    {
                        0 => "normal",
                        1 => request ? "urgent" : "not-finished",
                        30 => "user-defined",
                        _ => "",
                    }));
                }
                else if (element == 0xBE)
                {
                    UserInformation(root, header, content, request, session);
                }
                else
                {
                    root.Add("element [" + (element & 0x1F).ToString(CultureInfo.InvariantCulture) + "]", AxdrAnnotator.Concat(header, content), "not annotated");
                }
            }
        }

        // user-information: BE len 04 len <xDLMS APDU> (an OCTET STRING holding the InitiateRequest,
        // InitiateResponse, glo-initiate... or confirmedServiceError).
        private static void UserInformation(Annotation root, byte[] header, byte[] content, bool request, TraceSession session)
        {
            var inner = new ByteCursor(content);
            try
            {
                byte octet = inner.TakeByte("OCTET STRING tag");
                int length = inner.Length("OCTET STRING length", out byte[] lengthRaw);
                Annotation node = root.Add("user-information", AxdrAnnotator.Concat(header, new[] { octet }, lengthRaw), "association-information, an OCTET STRING of " + length.ToString(CultureInfo.InvariantCulture) + " bytes");
                node.Add(Annotate(inner.Take(Math.Min(length, inner.Remaining), "user-information"), request, session));
            }
            catch (AnnotationTruncatedException e)
            {
                root.AddError("user-information truncated: " + e.Message, AxdrAnnotator.Concat(header, content));
            }
        }

        private static void InitiateRequest(ByteCursor c, Annotation root, TraceSession session)
        {
            Tag(c, root);
            byte keyPresent = c.TakeByte("dedicated-key");
            if (keyPresent == 0)
            {
                root.Add("dedicated-key", new[] { keyPresent }, "absent");
            }
            else
            {
                int length = c.Length("dedicated-key length", out byte[] lengthRaw);
                byte[] key = c.Take(length, "dedicated-key");
                session.DedicatedKey = key;
                root.Add("dedicated-key", AxdrAnnotator.Concat(new[] { keyPresent }, lengthRaw, key), "present, " + length.ToString(CultureInfo.InvariantCulture) + " bytes: " + Convert.ToHexString(key));
            }
            byte responseAllowed = c.TakeByte("response-allowed");
            if (responseAllowed == 0)
            {
                root.Add("response-allowed", new[] { responseAllowed }, "default (TRUE)");
            }
            else
            {
                byte v = c.TakeByte("response-allowed value");
                root.Add("response-allowed", new[] { responseAllowed, v }, v != 0 ? "TRUE" : "FALSE");
            }
            byte qos = c.TakeByte("proposed-quality-of-service");
            if (qos == 0)
            {
                root.Add("proposed-quality-of-service", new[] { qos }, "absent");
            }
            else
            {
                byte v = c.TakeByte("proposed-quality-of-service value");
                root.Add("proposed-quality-of-service", new[] { qos, v }, v.ToString(CultureInfo.InvariantCulture));
            }
            byte version = c.TakeByte("proposed-dlms-version-number");
            root.Add("proposed-dlms-version-number", new[] { version }, version.ToString(CultureInfo.InvariantCulture));
            ConformanceField(c, root, "proposed-conformance");
            uint pdu = c.UInt(2, "client-max-receive-pdu-size", out byte[] pduRaw);
            root.Add("client-max-receive-pdu-size", pduRaw, pdu.ToString(CultureInfo.InvariantCulture));
        }

        private static void InitiateResponse(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            byte qos = c.TakeByte("negotiated-quality-of-service");
            if (qos == 0)
            {
                root.Add("negotiated-quality-of-service", new[] { qos }, "absent");
            }
            else
            {
                byte v = c.TakeByte("negotiated-quality-of-service value");
                root.Add("negotiated-quality-of-service", new[] { qos, v }, v.ToString(CultureInfo.InvariantCulture));
            }
            byte version = c.TakeByte("negotiated-dlms-version-number");
            root.Add("negotiated-dlms-version-number", new[] { version }, version.ToString(CultureInfo.InvariantCulture));
            ConformanceField(c, root, "negotiated-conformance");
            uint pdu = c.UInt(2, "server-max-receive-pdu-size", out byte[] pduRaw);
            root.Add("server-max-receive-pdu-size", pduRaw, pdu.ToString(CultureInfo.InvariantCulture));
            uint vaa = c.UInt(2, "vaa-name", out byte[] vaaRaw);
            root.Add("vaa-name", vaaRaw, vaa == 7 ? "0x0007 (logical name referencing)" : vaa == 0xFA00 ? "0xFA00 (short name referencing)" : "0x" + vaa.ToString("X4", CultureInfo.InvariantCulture));
        }

        // Conformance ::= [APPLICATION 31] IMPLICIT BIT STRING (SIZE(24)): 5F 1F 04 00 b1 b2 b3.
        private static void ConformanceField(ByteCursor c, Annotation root, string name)
        {
            byte[] header = c.Take(4, name);
            byte[] bits = c.Take(3, name);
            var conformance = (Conformance)(uint)((bits[0] << 16) | (bits[1] << 8) | bits[2]);
            Annotation node = root.Add(name, AxdrAnnotator.Concat(header, bits), "0x" + Convert.ToHexString(bits));
            node.Add("services", ConformanceNames.Describe(conformance));
        }

        private static byte Last(byte[] content) => content.Length == 0 ? (byte)0 : content[^1];

        private static string TitleText(byte[] title)
        {
            // The first three bytes of a system title are the manufacturer's FLAG id (often letters).
            return title.Length == 8 && title[0] >= 0x41 && title[0] <= 0x5A && title[1] >= 0x41 && title[1] <= 0x5A && title[2] >= 0x41 && title[2] <= 0x5A
                ? " (manufacturer \"" + Encoding.ASCII.GetString(title, 0, 3) + "\")"
                : "";
        }

        private static string ContextName(byte[] content)
        {
            byte id = Last(content);
            return id switch
            {
                1 => "Logical_Name_Referencing_No_Ciphering (LN)",
                2 => "Short_Name_Referencing_No_Ciphering (SN)",
                3 => "Logical_Name_Referencing_With_Ciphering (LN, ciphered)",
                4 => "Short_Name_Referencing_With_Ciphering (SN, ciphered)",
                _ => "context " + id.ToString(CultureInfo.InvariantCulture),
            };
        }

        private static string MechanismName(byte id) => id switch
        {
            0 => "0 lowest level security (none)",
            1 => "1 low level security (LLS, password)",
            2 => "2 high level security (HLS, manufacturer specific)",
            3 => "3 HLS MD5",
            4 => "4 HLS SHA-1",
            5 => "5 HLS GMAC",
            6 => "6 HLS SHA-256",
            7 => "7 HLS ECDSA",
            _ => id.ToString(CultureInfo.InvariantCulture),
        };
    }
}
