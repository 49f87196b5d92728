using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The application layer of a frame, field by field with the names of the Green Book's ASN.1
    /// (DLMS UA 1000-2, the xDLMS and ACSE APDUs): GET/SET/ACTION requests and responses in every
    /// variant, exception-response, confirmed-service-error, data-notification, the ACSE APDUs,
    /// and ciphered APDUs with their security header and, given the keys, the plaintext.
    /// </summary>
    internal static partial class ApduAnnotator
    {
        public static Annotation Annotate(byte[] apdu, bool? fromClient, TraceSession session)
        {
            if (apdu.Length == 0)
            {
                var empty = new Annotation("APDU", ReadOnlySpan<byte>.Empty, "empty");
                empty.IsError = true;
                return empty;
            }
            byte tag = apdu[0];
            bool acse = tag is >= 0x60 and <= 0x63;
            var root = new Annotation(acse ? "ACSE APDU" : "xDLMS APDU", ReadOnlySpan<byte>.Empty, ApduName(tag) + ", " + apdu.Length.ToString(CultureInfo.InvariantCulture) + " bytes");
            var c = new ByteCursor(apdu);
            try
            {
                Body(c, root, fromClient ?? IsRequestTag(tag) ?? true, session);
                if (!c.AtEnd)
                {
                    root.AddError(c.Remaining.ToString(CultureInfo.InvariantCulture) + " bytes after the end of the APDU", c.Rest());
                }
            }
            catch (AnnotationTruncatedException e)
            {
                root.AddError("truncated: " + e.Message, c.Position < c.End ? c.Rest() : default);
            }
            return root;
        }

        /// <summary>True for a client-to-server APDU tag, false for server-to-client, null when the tag does not say (DB, DC).</summary>
        public static bool? IsRequestTag(byte tag) => tag switch
        {
            0x60 or 0x62 or 0x01 or 0x21 or 0xC0 or 0xC1 or 0xC3 or 0xC8 or 0xC9 or 0xCB or 0xD0 or 0xD1 or 0xD3 or 0xE0 or 0xD9 => true,
            0x61 or 0x63 or 0x08 or 0x28 or 0x0E or 0x2E or 0x0F or 0xC2 or 0xC4 or 0xC5 or 0xC7 or 0xCA or 0xCC or 0xCD or 0xCF
                or 0xD2 or 0xD4 or 0xD5 or 0xD7 or 0xD8 or 0xDA => false,
            _ => null,
        };

        /// <summary>The Green Book's name of an APDU tag (XDLMS-APDU and ACSE-APDU CHOICEs).</summary>
        public static string ApduName(byte tag) => tag switch
        {
            0x01 => "initiateRequest [1]",
            0x08 => "initiateResponse [8]",
            0x0E => "confirmedServiceError [14]",
            0x0F => "data-notification [15]",
            0x21 => "glo-initiateRequest [33]",
            0x28 => "glo-initiateResponse [40]",
            0x2E => "glo-confirmedServiceError [46]",
            0x60 => "aarq [APPLICATION 0] (A-ASSOCIATE request)",
            0x61 => "aare [APPLICATION 1] (A-ASSOCIATE response)",
            0x62 => "rlrq [APPLICATION 2] (A-RELEASE request)",
            0x63 => "rlre [APPLICATION 3] (A-RELEASE response)",
            0xC0 => "get-request [192]",
            0xC1 => "set-request [193]",
            0xC2 => "event-notification-request [194]",
            0xC3 => "action-request [195]",
            0xC4 => "get-response [196]",
            0xC5 => "set-response [197]",
            0xC7 => "action-response [199]",
            0xC8 => "glo-get-request [200]",
            0xC9 => "glo-set-request [201]",
            0xCA => "glo-event-notification-request [202]",
            0xCB => "glo-action-request [203]",
            0xCC => "glo-get-response [204]",
            0xCD => "glo-set-response [205]",
            0xCF => "glo-action-response [207]",
            0xD0 => "ded-get-request [208]",
            0xD1 => "ded-set-request [209]",
            0xD2 => "ded-event-notification-request [210]",
            0xD3 => "ded-actionRequest [211]",
            0xD4 => "ded-get-response [212]",
            0xD5 => "ded-set-response [213]",
            0xD7 => "ded-action-response [215]",
            0xD8 => "exception-response [216]",
            0xD9 => "access-request [217]",
            0xDA => "access-response [218]",
            0xDB => "general-glo-ciphering [219]",
            0xDC => "general-ded-ciphering [220]",
            0xDD => "general-ciphering [221]",
            0xDF => "general-signing [223]",
            0xE0 => "general-block-transfer [224]",
            _ => "unknown APDU tag 0x" + tag.ToString("X2", CultureInfo.InvariantCulture),
        };

        private static void Body(ByteCursor c, Annotation root, bool fromClient, TraceSession session)
        {
            byte tag = c.Peek();
            switch (tag)
            {
                case 0x60:
                case 0x61:
                    Association(c, root, session);
                    return;
                case 0x62:
                case 0x63:
                    Release(c, root, session);
                    return;
                case 0x01:
                    InitiateRequest(c, root, session);
                    return;
                case 0x08:
                    InitiateResponse(c, root);
                    return;
                case 0x0E:
                    ConfirmedServiceError(c, root);
                    return;
                case 0xC0:
                    GetRequest(c, root, session);
                    return;
                case 0xC4:
                    GetResponse(c, root, session);
                    return;
                case 0xC1:
                    SetRequest(c, root);
                    return;
                case 0xC5:
                    SetResponse(c, root);
                    return;
                case 0xC3:
                    ActionRequest(c, root);
                    return;
                case 0xC7:
                    ActionResponse(c, root);
                    return;
                case 0xD8:
                    ExceptionResponse(c, root);
                    return;
                case 0x0F:
                    DataNotification(c, root);
                    return;
                case 0xC2:
                    EventNotification(c, root);
                    return;
                case 0xE0:
                    GeneralBlockTransfer(c, root);
                    return;
            }
            if (CipheredApdu.IsCiphered(tag) || tag is 0x21 or 0x28 or 0x2E)
            {
                Ciphered(c, root, fromClient, session);
                return;
            }
            c.TakeByte();
            root.Add("tag", new[] { tag }, ApduName(tag));
            if (!c.AtEnd)
            {
                root.Add("content", c.Rest(), "not annotated");
            }
        }

        private static void Tag(ByteCursor c, Annotation root)
        {
            byte tag = c.TakeByte("tag");
            root.Add("tag", new[] { tag }, ApduName(tag));
        }

        private static byte Choice(ByteCursor c, Annotation root, string name, Func<byte, string> meaning)
        {
            byte v = c.TakeByte(name);
            root.Add(name, new[] { v }, meaning(v));
            return v;
        }

        private static void InvokeId(ByteCursor c, Annotation parent)
        {
            byte v = c.TakeByte("invoke-id-and-priority");
            parent.Add("invoke-id-and-priority", new[] { v }, "invoke-id " + (v & 0x0F).ToString(CultureInfo.InvariantCulture)
                + ", service-class " + ((v & 0x40) != 0 ? "confirmed" : "unconfirmed") + ", priority " + ((v & 0x80) != 0 ? "high" : "normal"));
        }

        private static uint UInt32(ByteCursor c, Annotation parent, string name)
        {
            uint v = c.UInt(4, name, out byte[] raw);
            parent.Add(name, raw, v.ToString(CultureInfo.InvariantCulture));
            return v;
        }

        private static bool Boolean(ByteCursor c, Annotation parent, string name)
        {
            byte v = c.TakeByte(name);
            parent.Add(name, new[] { v }, v != 0 ? "TRUE" : "FALSE");
            return v != 0;
        }

        // Cosem-Attribute-Descriptor / Cosem-Method-Descriptor: class-id, instance-id, attribute-id / method-id.
        private static (ushort ClassId, sbyte Id) Descriptor(ByteCursor c, Annotation parent, string name, bool method)
        {
            Annotation node = parent.Add(name);
            ushort classId = (ushort)c.UInt(2, "class-id", out byte[] classRaw);
            node.Add("class-id", classRaw, classId.ToString(CultureInfo.InvariantCulture) + " " + CosemNames.ClassName(classId));
            byte[] ln = c.Take(6, "instance-id");
            ObisCode obis = ObisCode.FromBytes(ln);
            node.Add("instance-id", ln, "logical name " + obis);
            sbyte id = (sbyte)c.TakeByte(method ? "method-id" : "attribute-id");
            node.Add(method ? "method-id" : "attribute-id", new[] { (byte)id }, id.ToString(CultureInfo.InvariantCulture) + " "
                + (method ? CosemNames.MethodName(classId, id) : CosemNames.AttributeName(classId, id)));
            node.Meaning = obis + " " + CosemNames.ClassName(classId) + ", " + (method ? "method " : "attribute ") + id.ToString(CultureInfo.InvariantCulture);
            return (classId, id);
        }

        // Selective-Access-Descriptor OPTIONAL: 00 absent, or 01 access-selector access-parameters (Data).
        private static void AccessSelection(ByteCursor c, Annotation parent)
        {
            byte present = c.TakeByte("access-selection");
            if (present == 0)
            {
                parent.Add("access-selection", new[] { present }, "absent");
                return;
            }
            Annotation node = parent.Add("access-selection", new[] { present }, "present");
            byte selector = c.TakeByte("access-selector");
            node.Add("access-selector", new[] { selector }, selector switch
            {
                1 => "1 range_descriptor (Profile generic: rows by a column's range)",
                2 => "2 entry_descriptor (Profile generic: rows and columns by number)",
                _ => selector.ToString(CultureInfo.InvariantCulture),
            });
            node.Add(AxdrAnnotator.Annotate(c, "access-parameters", 0));
        }

        // Get-Data-Result ::= CHOICE { data [0] Data, data-access-result [1] }.
        private static void DataResult(ByteCursor c, Annotation parent, string name)
        {
            byte choice = c.TakeByte(name);
            if (choice == 0)
            {
                Annotation node = parent.Add(name, new[] { choice }, "data [0]");
                node.Add(AxdrAnnotator.Annotate(c, "data", 0));
            }
            else if (choice == 1)
            {
                Annotation node = parent.Add(name, new[] { choice }, "data-access-result [1]");
                DataAccessResultField(c, node, "data-access-result");
            }
            else
            {
                parent.AddError(name + ": choice " + choice.ToString(CultureInfo.InvariantCulture) + " is neither data [0] nor data-access-result [1]", new[] { choice });
            }
        }

        private static void DataAccessResultField(ByteCursor c, Annotation parent, string name)
        {
            byte v = c.TakeByte(name);
            parent.Add(name, new[] { v }, v.ToString(CultureInfo.InvariantCulture) + " " + DataAccessResults.Name((DataAccessResult)v));
        }

        private static void ExceptionResponse(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            Choice(c, root, "state-error", v => v switch
            {
                1 => "1 service-not-allowed",
                2 => "2 service-unknown",
                _ => v.ToString(CultureInfo.InvariantCulture),
            });
            byte service = Choice(c, root, "service-error", v => v switch
            {
                1 => "1 operation-not-possible",
                2 => "2 service-not-supported",
                3 => "3 other-reason",
                4 => "4 pdu-too-long",
                5 => "5 deciphering-error",
                6 => "6 invocation-counter-error",
                _ => v.ToString(CultureInfo.InvariantCulture),
            });
            if (service == 6 && c.Remaining >= 4)
            {
                UInt32(c, root, "invocation-counter");
                root.Children[^1].Meaning += " (the counter the server expects next)";
            }
        }

        private static void ConfirmedServiceError(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            Choice(c, root, "ConfirmedServiceError choice", v => v switch
            {
                1 => "initiateError [1]",
                2 => "getStatus [2]",
                3 => "getNameList [3]",
                4 => "getVariableAttribute [4]",
                5 => "read [5]",
                6 => "write [6]",
                _ => "[" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            byte kind = Choice(c, root, "ServiceError choice", v => v switch
            {
                0 => "application-reference [0]",
                1 => "hardware-resource [1]",
                2 => "vde-state-error [2]",
                3 => "service [3]",
                4 => "definition [4]",
                5 => "access [5]",
                6 => "initiate [6]",
                7 => "load-data-set [7]",
                9 => "task [9]",
                10 => "other [10]",
                _ => "[" + v.ToString(CultureInfo.InvariantCulture) + "]",
            });
            Choice(c, root, "error", v => kind == 6
                ? v switch
                {
                    0 => "0 other",
                    1 => "1 dlms-version-too-low",
                    2 => "2 incompatible-conformance",
                    3 => "3 pdu-size-too-short",
                    4 => "4 refused-by-the-VDE-Handler",
                    _ => v.ToString(CultureInfo.InvariantCulture),
                }
                : v.ToString(CultureInfo.InvariantCulture));
        }

        private static void DataNotification(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            uint id = c.UInt(4, "long-invoke-id-and-priority", out byte[] raw);
            root.Add("long-invoke-id-and-priority", raw, "long-invoke-id " + (id & 0x00FFFFFF).ToString(CultureInfo.InvariantCulture)
                + ((id & 0x10000000) != 0 ? ", self-descriptive" : "") + ((id & 0x20000000) != 0 ? ", processing-option break-on-error" : "")
                + ((id & 0x40000000) != 0 ? ", service-class confirmed" : ", service-class unconfirmed") + ((id & 0x80000000) != 0 ? ", priority high" : ", priority normal"));
            DateTimeField(c, root, "date-time");
            root.Add(AxdrAnnotator.Annotate(c, "notification-body", 0));
        }

        private static void EventNotification(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            DateTimeField(c, root, "time");
            Descriptor(c, root, "cosem-attribute-descriptor", false);
            root.Add(AxdrAnnotator.Annotate(c, "attribute-value", 0));
        }

        // OCTET STRING (SIZE(12)) OPTIONAL: 00 absent, or the 12 bytes with or without a length
        // byte (A-XDR: 09 0C ..; the Green Book example and dlms-cosem send 0C ..).
        private static void DateTimeField(ByteCursor c, Annotation parent, string name)
        {
            byte first = c.TakeByte(name);
            if (first == 0)
            {
                parent.Add(name, new[] { first }, "absent");
                return;
            }
            if (first == 0x09)
            {
                byte length = c.TakeByte(name + " length");
                byte[] value = c.Take(length, name);
                parent.Add(name, AxdrAnnotator.Concat(first, new[] { length }, value), length == 12 ? "date-time " + CosemDateTime.FromBytes(value) : "octet-string (" + length + ")");
                return;
            }
            byte[] rest = c.Take(first, name);
            parent.Add(name, AxdrAnnotator.Concat(first, rest), first == 12 ? "present: date-time " + CosemDateTime.FromBytes(rest) : "present, " + first + " bytes");
        }

        private static void GeneralBlockTransfer(ByteCursor c, Annotation root)
        {
            Tag(c, root);
            byte control = c.TakeByte("block-control");
            root.Add("block-control", new[] { control }, "last-block " + ((control & 0x80) != 0 ? "TRUE" : "FALSE") + ", streaming "
                + ((control & 0x40) != 0 ? "TRUE" : "FALSE") + ", window " + (control & 0x3F).ToString(CultureInfo.InvariantCulture));
            uint number = c.UInt(2, "block-number", out byte[] raw);
            root.Add("block-number", raw, number.ToString(CultureInfo.InvariantCulture));
            uint ack = c.UInt(2, "block-number-ack", out byte[] ackRaw);
            root.Add("block-number-ack", ackRaw, ack.ToString(CultureInfo.InvariantCulture));
            int length = c.Length("block-data length", out byte[] lengthRaw);
            byte[] data = c.Take(length, "block-data");
            root.Add("block-data", AxdrAnnotator.Concat(lengthRaw, data), length.ToString(CultureInfo.InvariantCulture) + " bytes");
        }
    }
}
