using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>A column of a profile read for people: what it captures and the scaler_unit that applies.</summary>
    public sealed record ProfileColumn(CaptureObject Source, ScalerUnit? ScalerUnit)
    {
        /// <summary>"1.0.1.8.0.255 value [Wh]".</summary>
        public string Header => Source.Header + (ScalerUnit is ScalerUnit su && su.UnitSymbol.Length > 0 ? " [" + su.UnitSymbol + "]" : "");

        /// <summary>The source of the column's values for <see cref="PeopleText"/>.</summary>
        public ValueSource ValueSource => ValueSource.Of(Source.Attribute, ScalerUnit);
    }

    /// <summary>
    /// A Profile generic buffer with its columns named from capture_objects and register values
    /// scaled by their scaler_unit: what <c>read</c> and <c>dump</c> show for a profile.
    /// </summary>
    public sealed record ProfileTable(IReadOnlyList<ProfileColumn> Columns, IReadOnlyList<IReadOnlyList<DlmsValue>> Rows)
    {
        /// <summary>Each cell for people (scaled, with enum and event names), row by row.</summary>
        public IEnumerable<IReadOnlyList<string>> TextRows() =>
            Rows.Select(row => (IReadOnlyList<string>)row.Select((cell, i) => i < Columns.Count ? PeopleText.Format(cell, Columns[i].ValueSource) : PeopleText.Format(cell)).ToArray());

        /// <summary>
        /// Reads a profile: capture_objects (attribute 3), the scaler_unit of each register column,
        /// then the buffer (attribute 2) with <paramref name="access"/>. With an entry descriptor
        /// that selects columns, or a range descriptor with selected_values, the columns follow.
        /// </summary>
        public static Task<ProfileTable> ReadAsync(DlmsClient client, ObisCode profile, SelectiveAccess? access, CancellationToken cancellationToken = default) =>
            ReadAsync(client, profile, _ => access, cancellationToken);

        /// <summary>
        /// Reads a profile as <see cref="ReadAsync(DlmsClient, ObisCode, SelectiveAccess?, CancellationToken)"/>, the access
        /// built once capture_objects is known (a range descriptor selecting columns names them).
        /// </summary>
        public static async Task<ProfileTable> ReadAsync(DlmsClient client, ObisCode profile, Func<IReadOnlyList<CaptureObject>, SelectiveAccess?> accessFor, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            ArgumentNullException.ThrowIfNull(accessFor);
            IReadOnlyList<CaptureObject> captures = CaptureObject.Decode(
                await client.GetAsync(new CosemAttribute(7, profile, 3), null, cancellationToken).ConfigureAwait(false));
            SelectiveAccess? access = accessFor(captures);
            IReadOnlyList<CaptureObject> selected = SelectedColumns(captures, access);
            var columns = new List<ProfileColumn>();
            var scalers = new Dictionary<CosemAttribute, ScalerUnit?>();
            foreach (CaptureObject capture in selected)
            {
                columns.Add(new ProfileColumn(capture, await ScalerOfAsync(client, capture, scalers, cancellationToken).ConfigureAwait(false)));
            }
            DlmsValue buffer = await client.GetAsync(new CosemAttribute(7, profile, 2), access, cancellationToken).ConfigureAwait(false);
            if (buffer.Type != DataType.Array)
            {
                throw new DlmsProtocolException("The buffer of " + profile + " is not an array: " + buffer);
            }
            var rows = buffer.Items.Select(r => r.Type == DataType.Structure ? r.Items : (IReadOnlyList<DlmsValue>)new[] { r }).ToList();
            return new ProfileTable(columns, rows);
        }

        /// <summary>The capture objects an access selects (all without one).</summary>
        public static IReadOnlyList<CaptureObject> SelectedColumns(IReadOnlyList<CaptureObject> captures, SelectiveAccess? access)
        {
            ArgumentNullException.ThrowIfNull(captures);
            if (access is null || access.Parameters.Type != DataType.Structure || access.Parameters.Items.Count != 4)
            {
                return captures;
            }
            if (access.Selector == 2)
            {
                int from = (int)access.Parameters.Items[2].ToDecimal();
                int to = (int)access.Parameters.Items[3].ToDecimal();
                from = Math.Max(from, 1);
                to = to == 0 ? captures.Count : Math.Min(to, captures.Count);
                return captures.Skip(from - 1).Take(Math.Max(0, to - from + 1)).ToList();
            }
            if (access.Selector == 1 && access.Parameters.Items[3].Type == DataType.Array && access.Parameters.Items[3].Items.Count > 0)
            {
                return CaptureObject.Decode(access.Parameters.Items[3]);
            }
            return captures;
        }

        private static async Task<ScalerUnit?> ScalerOfAsync(DlmsClient client, CaptureObject capture, Dictionary<CosemAttribute, ScalerUnit?> cache, CancellationToken cancellationToken)
        {
            CosemAttribute a = capture.Attribute;
            sbyte? scalerAttribute = ScaledValue.ScalerAttributeFor(a.ClassId, a.AttributeId);
            if (scalerAttribute is null || capture.DataIndex != 0)
            {
                return null;
            }
            CosemAttribute key = a with { AttributeId = scalerAttribute.Value };
            if (!cache.TryGetValue(key, out ScalerUnit? su))
            {
                GetResult result = await client.TryGetAsync(key, null, cancellationToken).ConfigureAwait(false);
                su = null;
                if (result.Value is DlmsValue v)
                {
                    try
                    {
                        su = ScalerUnit.FromValue(v);
                    }
                    catch (DlmsProtocolException)
                    {
                        su = null;
                    }
                }
                cache[key] = su;
            }
            return su;
        }

        /// <summary>Converts a date-time option ("2026-12-06T10:00", any field may be '*') for a range descriptor.</summary>
        public static CosemDateTime ParseDateTime(string text, string option)
        {
            try
            {
                return CosemDateTime.Parse(text);
            }
            catch (FormatException)
            {
                throw new FormatException(option + " takes a date-time like 2026-12-06T10:00 or 2026-12-06T10:00:00+01:00, not '" + text + "'.");
            }
        }

        /// <summary>Number of rows, for messages.</summary>
        public override string ToString() => Rows.Count.ToString(CultureInfo.InvariantCulture) + " rows x " + Columns.Count.ToString(CultureInfo.InvariantCulture) + " columns";
    }
}
