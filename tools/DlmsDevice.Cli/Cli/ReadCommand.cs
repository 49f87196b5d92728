using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary>
    /// <c>read</c>: one attribute for people (scaled with its unit, names for enums and event
    /// codes, text, date-times), a profile as a table with selective access, or with <c>--raw</c>
    /// the typed value.
    /// </summary>
    internal static class ReadCommand
    {
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var target = new Argument<string>("target") { Description = "<obis>:<class>:<attribute>, e.g. 1.0.1.8.0.255:3:2" };
            var raw = new Option<bool>("--raw") { Description = "Print the value as typed (u32:12345), unscaled" };
            var obis = new Option<bool>("--obis") { Description = "With --raw: print every 6-byte octet-string as an OBIS code" };
            var from = new Option<string?>("--from") { Description = "Profile rows from this time on (range descriptor), e.g. 2026-12-06T10:00" };
            var to = new Option<string?>("--to") { Description = "Profile rows up to this time (range descriptor)" };
            var entries = new Option<string?>("--entries") { Description = "Profile rows by number (entry descriptor), e.g. 1..96 or 5.." };
            var columns = new Option<string?>("--columns") { Description = "Profile columns by number, e.g. 1..3" };
            var format = new Option<string>("--format") { Description = "Profile output: text, csv or json", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "csv", "json");
            var read = new Command("read", "Read one attribute; a profile buffer (class 7 attribute 2) as a table, optionally by time range or entries.");
            read.Arguments.Add(target);
            foreach (Option o in new Option[] { raw, obis, from, to, entries, columns, format })
            {
                read.Options.Add(o);
            }
            read.SetAction((p, ct) =>
            {
                CosemAttribute attribute;
                Func<IReadOnlyList<CaptureObject>, SelectiveAccess?> accessFor;
                try
                {
                    attribute = CosemAttribute.Parse(p.GetValue(target)!);
                    accessFor = AccessFor(attribute, p.GetValue(from), p.GetValue(to), p.GetValue(entries), p.GetValue(columns));
                }
                catch (FormatException e)
                {
                    stderr.WriteLine("error: " + e.Message);
                    return Task.FromResult(ExitCodes.Usage);
                }
                bool isProfile = attribute.ClassId == 7 && attribute.AttributeId == 2;
                bool hasAccess = p.GetValue(from) is not null || p.GetValue(entries) is not null || p.GetValue(columns) is not null;
                return CliSession.RunAsync(p, stdout, stderr, ct, async (client, token) =>
                {
                    if (isProfile && !p.GetValue(raw))
                    {
                        ProfileTable table = await ProfileTable.ReadAsync(client, attribute.LogicalName, accessFor, token).ConfigureAwait(false);
                        TableOutput.Write(table, p.GetValue(format)!, stdout);
                        return;
                    }
                    if (isProfile && hasAccess)
                    {
                        IReadOnlyList<CaptureObject> captures = p.GetValue(from) is not null && p.GetValue(columns) is not null
                            ? CaptureObject.Decode(await client.GetAsync(attribute with { AttributeId = 3 }, null, token).ConfigureAwait(false))
                            : Array.Empty<CaptureObject>();
                        DlmsValue rows = await client.GetAsync(attribute, accessFor(captures), token).ConfigureAwait(false);
                        await stdout.WriteLineAsync(CliFormat.Value(attribute, rows, p.GetValue(obis))).ConfigureAwait(false);
                        return;
                    }
                    if (!p.GetValue(raw) && ScaledValue.ScalerAttributeFor(attribute.ClassId, attribute.AttributeId) is not null)
                    {
                        ScaledValue scaled = await client.GetScaledAsync(attribute, token).ConfigureAwait(false);
                        await stdout.WriteLineAsync(scaled.ToString()).ConfigureAwait(false);
                        return;
                    }
                    DlmsValue value = await client.GetAsync(attribute, null, token).ConfigureAwait(false);
                    string text = p.GetValue(raw)
                        ? CliFormat.Value(attribute, value, p.GetValue(obis))
                        : PeopleText.Format(value, ValueSource.Of(attribute));
                    await stdout.WriteLineAsync(text).ConfigureAwait(false);
                });
            });
            return read;
        }

        // Checks the selective access options before connecting; the access itself is built
        // once capture_objects is known (a range that selects columns names them).
        private static Func<IReadOnlyList<CaptureObject>, SelectiveAccess?> AccessFor(CosemAttribute attribute, string? from, string? to, string? entries, string? columns)
        {
            if (from is null && to is null && entries is null && columns is null)
            {
                return _ => null;
            }
            if (attribute.ClassId != 7 || attribute.AttributeId != 2)
            {
                throw new FormatException("--from, --to, --entries and --columns select rows of a profile buffer (class 7, attribute 2), not " + attribute + ".");
            }
            if ((from is null) != (to is null))
            {
                throw new FormatException("--from and --to go together.");
            }
            if (from is not null && entries is not null)
            {
                throw new FormatException("Choose rows by time (--from/--to) or by number (--entries), not both.");
            }
            (uint From, uint To) columnRange = columns is null ? (1u, 0u) : ProfileAccess.ParseRange(columns, "--columns");
            if (columnRange.From > ushort.MaxValue || columnRange.To > ushort.MaxValue)
            {
                throw new FormatException("--columns goes up to 65535.");
            }
            if (from is not null)
            {
                CosemDateTime start = ProfileTable.ParseDateTime(from, "--from");
                CosemDateTime end = ProfileTable.ParseDateTime(to!, "--to");
                return captures =>
                {
                    IReadOnlyList<CaptureObject>? selected = null;
                    if (columns is not null && captures.Count > 0)
                    {
                        int last = columnRange.To == 0 ? captures.Count : (int)Math.Min(columnRange.To, (uint)captures.Count);
                        selected = captures.Skip((int)columnRange.From - 1).Take(Math.Max(0, last - (int)columnRange.From + 1)).ToList();
                    }
                    CaptureObject restricting = captures.Count > 0 && captures[0].Attribute.ClassId == 8 ? captures[0] : ProfileAccess.ClockTime;
                    return ProfileAccess.ByRange(restricting, start, end, selected);
                };
            }
            (uint From, uint To) rows = entries is null ? (1u, 0u) : ProfileAccess.ParseRange(entries, "--entries");
            SelectiveAccess access = ProfileAccess.ByEntry(rows.From, rows.To, (ushort)columnRange.From, (ushort)columnRange.To);
            return _ => access;
        }
    }
}
