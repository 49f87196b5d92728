using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The link layers of a frame: HDLC (IEC 62056-46 frame format type 3, with the LLC header of
    /// IEC 8802-2 as profiled by the Green Book) and the TCP/UDP wrapper (IEC 62056-47). The
    /// APDU inside is handed to the <see cref="TraceSession"/>.
    /// </summary>
    internal static class FrameAnnotator
    {
        public static Annotation Hdlc(byte[] frame, TraceSession session)
        {
            var root = new Annotation("HDLC frame", ReadOnlySpan<byte>.Empty, "IEC 62056-46, frame format type 3, " + frame.Length + " bytes");
            var c = new ByteCursor(frame);
            try
            {
                byte open = c.TakeByte("opening flag");
                Annotation flag = root.Add("opening flag", new[] { open });
                if (open != HdlcFrame.Flag)
                {
                    flag.IsError = true;
                    flag.Meaning = "not the flag 7E";
                }
                byte[] format = c.Take(2, "frame format");
                int length = ((format[0] & 0x07) << 8) | format[1];
                bool segmented = (format[0] & 0x08) != 0;
                Annotation formatNode = root.Add("frame format", format, ((format[0] & 0xF0) == 0xA0 ? "type 3" : "type nibble " + (format[0] >> 4).ToString(CultureInfo.InvariantCulture))
                    + (segmented ? ", S=1 (more segments follow)" : ", S=0 (last or only segment)") + ", frame length " + length.ToString(CultureInfo.InvariantCulture));
                if ((format[0] & 0xF0) != 0xA0)
                {
                    formatNode.IsError = true;
                    formatNode.Meaning += "; the format type must be 3 (A)";
                }
                if (length + 2 != frame.Length)
                {
                    formatNode.IsError = true;
                    formatNode.Meaning += "; the frame has " + (frame.Length - 2).ToString(CultureInfo.InvariantCulture) + " bytes between the flags";
                }
                byte[] destination = Address(c, "destination address");
                byte[] source = Address(c, "source address");
                byte control = c.TakeByte("control");
                bool fromClient = session.IsFromClient(destination, source, control, c);
                root.Add("destination address", destination, AddressMeaning(destination, !fromClient));
                root.Add("source address", source, AddressMeaning(source, fromClient));
                root.Add("control", new[] { control }, ControlMeaning(control));
                int headerEnd = c.Position;
                byte[] hcs = c.Take(2, "HCS");
                root.Add(Check("HCS (header check sequence)", frame.AsSpan(1, headerEnd - 1), hcs));
                int closingFlag = frame.Length - 1;
                if (c.Position < closingFlag)
                {
                    // An information field, then the FCS (IEC 62056-46 8.4.1.3).
                    int infoEnd = closingFlag - 2;
                    if (infoEnd < c.Position)
                    {
                        root.AddError("the frame ends before its FCS", frame.AsSpan(c.Position, closingFlag - c.Position));
                        c.Position = closingFlag;
                    }
                    else
                    {
                        if (infoEnd > c.Position)
                        {
                            byte[] info = frame.AsSpan(c.Position, infoEnd - c.Position).ToArray();
                            Annotation infoNode = root.Add("information field", info.Length.ToString(CultureInfo.InvariantCulture) + " bytes");
                            Information(infoNode, control, segmented, fromClient, info, session);
                        }
                        c.Position = infoEnd;
                        byte[] fcs = c.Take(2, "FCS");
                        root.Add(Check("FCS (frame check sequence)", frame.AsSpan(1, infoEnd - 1), fcs));
                    }
                }
                byte close = c.TakeByte("closing flag");
                Annotation closing = root.Add("closing flag", new[] { close });
                if (close != HdlcFrame.Flag)
                {
                    closing.IsError = true;
                    closing.Meaning = "not the flag 7E";
                }
            }
            catch (AnnotationTruncatedException e)
            {
                root.AddError("truncated: " + e.Message);
            }
            return root;
        }

        public static Annotation Wrapper(byte[] frame, TraceSession session)
        {
            var root = new Annotation("wrapper", ReadOnlySpan<byte>.Empty, "IEC 62056-47 TCP/UDP wrapper, " + frame.Length + " bytes");
            var c = new ByteCursor(frame);
            try
            {
                uint version = c.UInt(2, "version", out byte[] versionRaw);
                Annotation v = root.Add("version", versionRaw, version.ToString(CultureInfo.InvariantCulture));
                if (version != 1)
                {
                    v.IsError = true;
                    v.Meaning += " (must be 1)";
                }
                uint source = c.UInt(2, "source wPort", out byte[] sourceRaw);
                uint destination = c.UInt(2, "destination wPort", out byte[] destinationRaw);
                uint length = c.UInt(2, "length", out byte[] lengthRaw);
                bool fromClient = session.IsWrapperFromClient((ushort)source, (ushort)destination, c);
                root.Add("source wPort", sourceRaw, (fromClient ? "client SAP " : "server logical device ") + source.ToString(CultureInfo.InvariantCulture));
                root.Add("destination wPort", destinationRaw, (fromClient ? "server logical device " : "client SAP ") + destination.ToString(CultureInfo.InvariantCulture));
                Annotation lengthNode = root.Add("length", lengthRaw, length.ToString(CultureInfo.InvariantCulture) + " bytes of APDU follow");
                if (length != c.Remaining)
                {
                    lengthNode.IsError = true;
                    lengthNode.Meaning += "; " + c.Remaining.ToString(CultureInfo.InvariantCulture) + " are there";
                }
                if (!c.AtEnd)
                {
                    root.Add(session.AnnotateApdu(c.Rest(), fromClient));
                }
            }
            catch (AnnotationTruncatedException e)
            {
                root.AddError("truncated: " + e.Message);
            }
            return root;
        }

        private static void Information(Annotation node, byte control, bool segmented, bool fromClient, byte[] info, TraceSession session)
        {
            byte kind = (byte)(control & ~HdlcFrame.PollFinal);
            if (kind is 0x83 or 0x63)
            {
                Parameters(node, info);
                return;
            }
            if (kind == 0x87)
            {
                FrameReject(node, info);
                return;
            }
            bool information = (control & 0x01) == 0 || kind == 0x03;
            if (!information)
            {
                node.AddError("this frame type carries no information field", info);
                return;
            }
            byte[]? apdu = session.Reassemble(fromClient, segmented, info, node);
            if (apdu is null)
            {
                return;
            }
            var c = new ByteCursor(apdu);
            if (apdu.Length >= 3 && apdu[0] == 0xE6 && (apdu[1] == 0xE6 || apdu[1] == 0xE7) && apdu[2] == 0x00)
            {
                Annotation llc = node.Add("LLC header", apdu[1] == 0xE6 ? "IEC 8802-2, command (client to server)" : "IEC 8802-2, response (server to client)");
                llc.Add("destination LSAP", new[] { apdu[0] }, "E6");
                llc.Add("source LSAP", new[] { apdu[1] }, apdu[1] == 0xE6 ? "E6 (command)" : "E7 (response)");
                llc.Add("LLC quality", new[] { apdu[2] }, "00");
                c.Position = 3;
            }
            else
            {
                node.AddError("no LLC header E6 E6 00 / E6 E7 00 in front of the APDU");
            }
            if (!c.AtEnd)
            {
                node.Add(session.AnnotateApdu(c.Rest(), fromClient));
            }
        }

        private static void Parameters(Annotation node, byte[] info)
        {
            var c = new ByteCursor(info);
            try
            {
                byte format = c.TakeByte("format identifier");
                node.Add("format identifier", new[] { format }, format == 0x81 ? "81" : "must be 81");
                byte group = c.TakeByte("group identifier");
                node.Add("group identifier", new[] { group }, group == 0x80 ? "80 (HDLC parameters)" : "unknown group");
                byte groupLength = c.TakeByte("group length");
                Annotation lengthNode = node.Add("group length", new[] { groupLength }, groupLength.ToString(CultureInfo.InvariantCulture) + " bytes");
                if (groupLength != c.Remaining)
                {
                    lengthNode.IsError = true;
                    lengthNode.Meaning += "; " + c.Remaining.ToString(CultureInfo.InvariantCulture) + " follow";
                }
                while (!c.AtEnd)
                {
                    byte id = c.TakeByte("parameter identifier");
                    byte n = c.TakeByte("parameter length");
                    uint value = c.UInt(n, "parameter value", out byte[] raw);
                    string name = id switch
                    {
                        0x05 => "maximum_information_field_length_transmit",
                        0x06 => "maximum_information_field_length_receive",
                        0x07 => "window_size_transmit",
                        0x08 => "window_size_receive",
                        _ => "parameter 0x" + id.ToString("X2", CultureInfo.InvariantCulture),
                    };
                    node.Add(name, AxdrAnnotator.Concat(id, new[] { n }, raw), value.ToString(CultureInfo.InvariantCulture));
                }
            }
            catch (AnnotationTruncatedException e)
            {
                node.AddError("truncated: " + e.Message);
            }
        }

        private static void FrameReject(Annotation node, byte[] info)
        {
            if (info.Length < 3)
            {
                node.AddError("the FRMR information field has 3 bytes: rejected control, V(S)/V(R), reason", info);
                return;
            }
            node.Add("rejected frame control", new[] { info[0] }, ControlMeaning(info[0]));
            node.Add("V(S) and V(R)", new[] { info[1] }, "V(S)=" + ((info[1] >> 1) & 7).ToString(CultureInfo.InvariantCulture) + " V(R)=" + ((info[1] >> 5) & 7).ToString(CultureInfo.InvariantCulture));
            string reasons = "";
            if ((info[2] & 1) != 0)
            {
                reasons += " W (invalid or unimplemented control field)";
            }
            if ((info[2] & 2) != 0)
            {
                reasons += " X (information field not allowed)";
            }
            if ((info[2] & 4) != 0)
            {
                reasons += " Y (information field too long)";
            }
            if ((info[2] & 8) != 0)
            {
                reasons += " Z (invalid N(R))";
            }
            node.Add("reason", new[] { info[2] }, reasons.Length == 0 ? "none" : reasons.TrimStart());
        }

        private static byte[] Address(ByteCursor c, string field)
        {
            int start = c.Position;
            for (int i = 0; i < 4; i++)
            {
                if ((c.TakeByte(field) & 0x01) != 0)
                {
                    break;
                }
            }
            return c.Data.AsSpan(start, c.Position - start).ToArray();
        }

        private static string AddressMeaning(byte[] a, bool client)
        {
            if (client && a.Length == 1)
            {
                return "client SAP " + (a[0] >> 1).ToString(CultureInfo.InvariantCulture);
            }
            return a.Length switch
            {
                1 => "server, logical device " + (a[0] >> 1).ToString(CultureInfo.InvariantCulture),
                2 => "server, upper HDLC address (logical device) " + (a[0] >> 1).ToString(CultureInfo.InvariantCulture)
                    + ", lower (physical) " + (a[1] >> 1).ToString(CultureInfo.InvariantCulture),
                4 => "server, upper HDLC address (logical device) " + (((a[0] >> 1) << 7) | (a[1] >> 1)).ToString(CultureInfo.InvariantCulture)
                    + ", lower (physical) " + (((a[2] >> 1) << 7) | (a[3] >> 1)).ToString(CultureInfo.InvariantCulture),
                _ => "address of " + a.Length.ToString(CultureInfo.InvariantCulture) + " bytes (must be 1, 2 or 4)",
            };
        }

        /// <summary>The control field's frame type and sequence numbers (IEC 62056-46 6.4.3.3).</summary>
        public static string ControlMeaning(byte control)
        {
            string pf = (control & 0x10) != 0 ? "1" : "0";
            int nr = (control >> 5) & 7;
            if ((control & 0x01) == 0)
            {
                return "I (information) N(S)=" + ((control >> 1) & 7).ToString(CultureInfo.InvariantCulture) + " N(R)=" + nr.ToString(CultureInfo.InvariantCulture) + " P/F=" + pf;
            }
            if ((control & 0x03) == 0x01)
            {
                string name = ((control >> 2) & 3) switch
                {
                    0 => "RR (receive ready)",
                    1 => "RNR (receive not ready)",
                    2 => "REJ (reject, not used by DLMS)",
                    _ => "SREJ (not used by DLMS)",
                };
                return name + " N(R)=" + nr.ToString(CultureInfo.InvariantCulture) + " P/F=" + pf;
            }
            return (control & ~0x10) switch
            {
                0x83 => "SNRM (set normal response mode) P=" + pf,
                0x43 => "DISC (disconnect) P=" + pf,
                0x63 => "UA (unnumbered acknowledge) F=" + pf,
                0x0F => "DM (disconnected mode) F=" + pf,
                0x87 => "FRMR (frame reject) F=" + pf,
                0x03 => "UI (unnumbered information) P/F=" + pf,
                _ => "unknown control 0x" + control.ToString("X2", CultureInfo.InvariantCulture),
            };
        }

        private static Annotation Check(string name, ReadOnlySpan<byte> covered, byte[] found)
        {
            ushort crc = HdlcCrc.Compute(covered);
            bool ok = found[0] == (byte)crc && found[1] == (byte)(crc >> 8);
            var node = new Annotation(name, found, ok
                ? "CRC-16/X.25, correct"
                : "wrong: CRC-16/X.25 gives " + ((byte)crc).ToString("X2", CultureInfo.InvariantCulture) + " " + ((byte)(crc >> 8)).ToString("X2", CultureInfo.InvariantCulture) + " (a receiver drops this frame)");
            node.IsError = !ok;
            return node;
        }
    }
}
