using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>Selective access to a Profile generic buffer by range and by entry (Blue Book IC 7).</summary>
    internal static class SelectiveAccessChecks
    {
        private const string Clause = "Blue Book 4.3.6 (Profile generic, buffer: selective access by range_descriptor / entry_descriptor)";

        public static IReadOnlyList<ConformanceCheck> All { get; } = new[]
        {
            new ConformanceCheck("sel.entry", "entries 1..2 return the first two rows of the buffer", Clause, EntryAsync),
            new ConformanceCheck("sel.entry-columns", "entry 1 with columns 1..1 returns one row of one value, the first column", Clause, ColumnsAsync),
            new ConformanceCheck("sel.entry-beyond", "entries past entries_in_use return an empty array", Clause, BeyondAsync),
            new ConformanceCheck("sel.range", "a range from the first row's time to the last row's returns rows within it, the first and the last among them", Clause, RangeAsync),
            new ConformanceCheck("sel.range-empty", "a range in the year 2000 returns an empty array", Clause, RangeEmptyAsync),
            new ConformanceCheck("sel.unknown-selector", "access-selector 9 returns a data-access-result, not data", Clause + "; Green Book 9.5", UnknownSelectorAsync),
            new ConformanceCheck("sel.not-negotiated", "without selective-access negotiated, a GET with access-selection is refused", "Green Book 9.4.6.1 (conformance: selective-access)", NotNegotiatedAsync),
        };

        private sealed record Profile(DlmsClient Client, ObisCode Name, IReadOnlyList<DlmsValue> Rows, IReadOnlyList<CaptureObject> Columns);

        // The readable profile with the most rows, read whole.
        private static async Task<Profile> ProfileAsync(CheckContext c)
        {
            c.RequireConformance(Conformance.SelectiveAccess, "selective-access");
            ServerProfile server = c.RequireServer();
            var candidates = server.Objects.Where(o => o.ClassId == 7
                && o.Attributes.Any(a => a.AttributeId == 2 && AssociationDump.CanRead(a.AccessMode))
                && o.Attributes.Any(a => a.AttributeId == 3 && AssociationDump.CanRead(a.AccessMode))).ToList();
            if (candidates.Count == 0)
            {
                throw CheckContext.NotApplicable("the public object list has no readable Profile generic");
            }
            DlmsClient client = await c.AssociateAsync(c.ClientOptions(c.Options.PublicClient)).ConfigureAwait(false);
            Profile? best = null;
            foreach (ObjectListEntry o in candidates)
            {
                DlmsValue buffer = await client.GetAsync(new CosemAttribute(7, o.LogicalName, 2), null, c.Token).ConfigureAwait(false);
                CheckContext.Require(buffer.Type == DataType.Array, "the buffer of " + o.LogicalName + " is not an array");
                if (best is null || buffer.Items.Count > best.Rows.Count)
                {
                    IReadOnlyList<CaptureObject> columns = CaptureObject.Decode(await client.GetAsync(new CosemAttribute(7, o.LogicalName, 3), null, c.Token).ConfigureAwait(false));
                    best = new Profile(client, o.LogicalName, buffer.Items, columns);
                }
            }
            if (best!.Rows.Count == 0)
            {
                throw CheckContext.NotApplicable("every readable profile is empty");
            }
            c.Note(best.Name + ": " + best.Rows.Count + " rows of " + best.Columns.Count + " columns");
            return best;
        }

        private static async Task<DlmsValue> ReadAsync(CheckContext c, Profile p, SelectiveAccess access)
        {
            GetResult result = await p.Client.TryGetAsync(new CosemAttribute(7, p.Name, 2), access, c.Token).ConfigureAwait(false);
            CheckContext.Require(result.IsSuccess, "the selective read returned " + Replies.Name(result.Result));
            CheckContext.Require(result.Value!.Type == DataType.Array, "the selective read returned " + result.Value + ", not an array");
            return result.Value;
        }

        private static async Task EntryAsync(CheckContext c)
        {
            Profile p = await ProfileAsync(c).ConfigureAwait(false);
            int n = Math.Min(2, p.Rows.Count);
            DlmsValue rows = await ReadAsync(c, p, ProfileAccess.ByEntry(1, (uint)n)).ConfigureAwait(false);
            CheckContext.Require(rows.Items.Count == n, "entries 1.." + n + " returned " + rows.Items.Count + " rows");
            for (int i = 0; i < n; i++)
            {
                CheckContext.Require(rows.Items[i].Equals(p.Rows[i]), "row " + (i + 1) + " differs from the buffer's: " + rows.Items[i] + " / " + p.Rows[i]);
            }
        }

        private static async Task ColumnsAsync(CheckContext c)
        {
            Profile p = await ProfileAsync(c).ConfigureAwait(false);
            DlmsValue rows = await ReadAsync(c, p, ProfileAccess.ByEntry(1, 1, 1, 1)).ConfigureAwait(false);
            CheckContext.Require(rows.Items.Count == 1, "entry 1 returned " + rows.Items.Count + " rows");
            DlmsValue row = rows.Items[0];
            CheckContext.Require(row.Type == DataType.Structure && row.Items.Count == 1, "column 1 alone gave the row " + row);
            CheckContext.Require(p.Rows[0].Type == DataType.Structure && row.Items[0].Equals(p.Rows[0].Items[0]), "the value " + row.Items[0] + " is not the first column of row 1");
        }

        private static async Task BeyondAsync(CheckContext c)
        {
            Profile p = await ProfileAsync(c).ConfigureAwait(false);
            uint from = (uint)p.Rows.Count + 10;
            DlmsValue rows = await ReadAsync(c, p, ProfileAccess.ByEntry(from, from + 10)).ConfigureAwait(false);
            CheckContext.Require(rows.Items.Count == 0, "entries " + from + ".." + (from + 10) + " returned " + rows.Items.Count + " rows");
        }

        private static CaptureObject ClockColumn(Profile p)
        {
            if (p.Columns.Count == 0 || p.Columns[0].Attribute.ClassId != 8 || p.Columns[0].Attribute.AttributeId != 2)
            {
                throw CheckContext.NotApplicable("the profile's first column is not a clock's time");
            }
            return p.Columns[0];
        }

        private static byte[] TimeOf(DlmsValue row) =>
            row.Type == DataType.Structure && row.Items.Count > 0 && row.Items[0].Type == DataType.OctetString && row.Items[0].Bytes.Length == 12
                ? row.Items[0].Bytes
                : throw CheckContext.Fail("a row's first value is not a 12-byte date-time: " + row);

        // Orders two date-times by year, month, day, hour, minute, second, hundredths (the day of week aside).
        private static int Compare(byte[] a, byte[] b)
        {
            foreach (int i in new[] { 0, 1, 2, 3, 5, 6, 7, 8 })
            {
                if (a[i] != b[i])
                {
                    return a[i].CompareTo(b[i]);
                }
            }
            return 0;
        }

        private static async Task RangeAsync(CheckContext c)
        {
            Profile p = await ProfileAsync(c).ConfigureAwait(false);
            CaptureObject clock = ClockColumn(p);
            byte[] first = TimeOf(p.Rows[0]);
            byte[] last = TimeOf(p.Rows[^1]);
            (byte[] from, byte[] to) = Compare(first, last) <= 0 ? (first, last) : (last, first);
            DlmsValue rows = await ReadAsync(c, p, ProfileAccess.ByRange(clock, CosemDateTime.FromBytes(from), CosemDateTime.FromBytes(to))).ConfigureAwait(false);
            CheckContext.Require(rows.Items.Count >= 1, "the range " + CosemDateTime.FromBytes(from) + " .. " + CosemDateTime.FromBytes(to) + " returned no row");
            foreach (DlmsValue row in rows.Items)
            {
                byte[] time = TimeOf(row);
                CheckContext.Require(Compare(time, from) >= 0 && Compare(time, to) <= 0, "the row at " + CosemDateTime.FromBytes(time) + " is outside the range");
            }
            CheckContext.Require(rows.Items.Any(r => r.Equals(p.Rows[0])) && rows.Items.Any(r => r.Equals(p.Rows[^1])), "the first or the last row of the buffer is missing");
        }

        private static async Task RangeEmptyAsync(CheckContext c)
        {
            Profile p = await ProfileAsync(c).ConfigureAwait(false);
            CaptureObject clock = ClockColumn(p);
            DlmsValue rows = await ReadAsync(c, p, ProfileAccess.ByRange(clock, CosemDateTime.Parse("2000-01-01T00:00:00"), CosemDateTime.Parse("2000-01-02T00:00:00"))).ConfigureAwait(false);
            CheckContext.Require(rows.Items.Count == 0, "a range in 2000 returned " + rows.Items.Count + " rows");
        }

        private static async Task UnknownSelectorAsync(CheckContext c)
        {
            Profile p = await ProfileAsync(c).ConfigureAwait(false);
            byte[] reply = await p.Client.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, new CosemAttribute(7, p.Name, 2), new SelectiveAccess(9, DlmsValue.Null)), c.Token).ConfigureAwait(false);
            if (Replies.IsRefusal(reply))
            {
                return;
            }
            Replies.RequireGetError(reply, CheckHelpers.InvokeId, "GET with access-selector 9");
        }

        private static async Task NotNegotiatedAsync(CheckContext c)
        {
            ObjectListEntry profile = CheckHelpers.Profile(c) ?? throw CheckContext.NotApplicable("the public object list has no readable Profile generic");
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(channel, 0xFFFF, CheckContext.Proposed & ~Conformance.SelectiveAccess).ConfigureAwait(false);
            byte[]? reply = await channel.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, new CosemAttribute(7, profile.LogicalName, 2), ProfileAccess.ByEntry(1, 1))).ConfigureAwait(false);
            CheckContext.Require(reply is not null, "no answer");
            if (Replies.IsRefusal(reply))
            {
                return;
            }
            Replies.RequireGetError(reply, CheckHelpers.InvokeId, "a GET with entry access without selective-access");
        }
    }
}
