using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml;

namespace DlmsDevice.Client
{
    /// <summary>The battery's report as text (for people and docs) and as JUnit XML (for CI).</summary>
    public static class ConformanceReportWriter
    {
        /// <summary>Bytes shown per frame in the text report; longer frames show their start and length.</summary>
        public const int MaxFrameBytes = 48;

        /// <summary>
        /// The text report: a summary, then every check with its outcome, clause and the bytes sent
        /// and received (<paramref name="bytes"/> false: only for failures).
        /// </summary>
        public static string Text(ConformanceReport report, bool bytes = true)
        {
            ArgumentNullException.ThrowIfNull(report);
            var sb = new StringBuilder();
            ConformanceOptions o = report.Options;
            sb.Append("DLMS/COSEM conformance battery: ").Append(report.Results.Count.ToString(CultureInfo.InvariantCulture)).Append(" checks against ")
              .Append(o.Host).Append(" (wrapper ").Append(o.WrapperPort > 0 ? o.WrapperPort.ToString(CultureInfo.InvariantCulture) : "none")
              .Append(", HDLC ").Append(o.HdlcPort > 0 ? o.HdlcPort.ToString(CultureInfo.InvariantCulture) : "none").Append(")\n");
            if (report.Server is ServerProfile s)
            {
                sb.Append("public association: conformance 0x").Append(((uint)s.NegotiatedConformance).ToString("X6", CultureInfo.InvariantCulture))
                  .Append(" (").Append(string.Join(", ", ConformanceNames.Names(s.NegotiatedConformance))).Append("), server-max-receive-pdu-size ")
                  .Append(s.ServerMaxPdu.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(s.Objects.Count.ToString(CultureInfo.InvariantCulture)).Append(" objects\n");
            }
            else
            {
                sb.Append("public association failed: ").Append(report.DiscoveryProblem).Append('\n');
            }
            sb.Append("result: ").Append(report.Passed.ToString(CultureInfo.InvariantCulture)).Append(" passed, ")
              .Append(report.Failed.ToString(CultureInfo.InvariantCulture)).Append(" failed, ")
              .Append(report.NotApplicable.ToString(CultureInfo.InvariantCulture)).Append(" not applicable\n");
            string? group = null;
            foreach (CheckResult r in report.Results)
            {
                if (r.Check.Group != group)
                {
                    group = r.Check.Group;
                    sb.Append("\n== ").Append(group).Append(" ==\n");
                }
                string outcome = r.Outcome switch
                {
                    CheckOutcome.Pass => "PASS",
                    CheckOutcome.Fail => "FAIL",
                    _ => "N/A ",
                };
                sb.Append('\n').Append(outcome).Append("  ").Append(r.Check.Id).Append(": ").Append(r.Check.Title).Append('\n');
                sb.Append("      clause: ").Append(r.Check.Clause).Append('\n');
                if (r.Message.Length > 0)
                {
                    sb.Append("      ").Append(r.Outcome == CheckOutcome.Fail ? "failure: " : "reason: ").Append(r.Message).Append('\n');
                }
                if (bytes || r.Outcome == CheckOutcome.Fail)
                {
                    foreach (CheckExchange e in r.Exchanges)
                    {
                        sb.Append("      ").Append(Line(e)).Append('\n');
                    }
                }
            }
            return sb.ToString();
        }

        /// <summary>One log line: direction, hex (cut after <see cref="MaxFrameBytes"/>), note.</summary>
        public static string Line(CheckExchange e)
        {
            if (e.Bytes.Length == 0)
            {
                return "-- " + e.Note;
            }
            string hex = e.Bytes.Length <= MaxFrameBytes
                ? AnnotationText.Hex(e.Bytes)
                : AnnotationText.Hex(e.Bytes.AsSpan(0, MaxFrameBytes)) + " .. (" + e.Bytes.Length.ToString(CultureInfo.InvariantCulture) + " bytes)";
            return e.Direction + " " + hex + (e.Note is null ? "" : "   ; " + e.Note);
        }

        /// <summary>The report as JUnit XML: one testcase per check (classname = group), failures and skipped (not applicable) with their messages, the bytes in system-out.</summary>
        public static string JUnit(ConformanceReport report)
        {
            ArgumentNullException.ThrowIfNull(report);
            using var stream = new System.IO.MemoryStream();
            var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false) };
            using (XmlWriter w = XmlWriter.Create(stream, settings))
            {
                w.WriteStartElement("testsuites");
                w.WriteStartElement("testsuite");
                w.WriteAttributeString("name", "dlms-conformance");
                w.WriteAttributeString("tests", report.Results.Count.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("failures", report.Failed.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("skipped", report.NotApplicable.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("errors", "0");
                w.WriteAttributeString("time", report.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
                foreach (CheckResult r in report.Results)
                {
                    w.WriteStartElement("testcase");
                    w.WriteAttributeString("classname", "dlms." + r.Check.Group);
                    w.WriteAttributeString("name", r.Check.Id);
                    w.WriteAttributeString("time", r.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
                    if (r.Outcome == CheckOutcome.Fail)
                    {
                        w.WriteStartElement("failure");
                        w.WriteAttributeString("message", r.Message);
                        w.WriteString(r.Check.Title + " [" + r.Check.Clause + "]");
                        w.WriteEndElement();
                    }
                    else if (r.Outcome == CheckOutcome.NotApplicable)
                    {
                        w.WriteStartElement("skipped");
                        w.WriteAttributeString("message", "not applicable: " + r.Message);
                        w.WriteEndElement();
                    }
                    w.WriteElementString("system-out", r.Check.Title + "\nclause: " + r.Check.Clause + "\n" + string.Join("\n", r.Exchanges.Select(Line)));
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }
}
