using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>One attribute of a dump: its value (scaled where a scaler_unit applies), the table of a profile, or the refusal.</summary>
    public sealed record DumpedAttribute(sbyte Id, string Name, DlmsValue? Value, ValueSource Source, ProfileTable? Table, DataAccessResult? Error)
    {
        /// <summary>The value for people, or the table's size, or the refusal's name.</summary>
        public string Text => Error is DataAccessResult e ? DataAccessResults.Name(e)
            : Table is not null ? Table.ToString()
            : Value is null ? "" : PeopleText.Format(Value, Source);
    }

    /// <summary>One object of a dump with the attributes the association could read.</summary>
    public sealed record DumpedObject(ObjectListEntry Entry, IReadOnlyList<DumpedAttribute> Attributes);

    /// <summary>
    /// Reads every attribute an association may read (object_list access rights), registers
    /// scaled by their scaler_unit and profiles as tables with headers from capture_objects.
    /// </summary>
    public static class AssociationDump
    {
        /// <summary>True for an attribute access mode that allows reading (read-only, read-write and their authenticated forms).</summary>
        public static bool CanRead(byte accessMode) => accessMode is 1 or 3 or 4 or 6;

        /// <summary>Reads the dump; <paramref name="progress"/> gets (objects done, objects in all).</summary>
        public static async Task<IReadOnlyList<DumpedObject>> ReadAsync(DlmsClient client, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(client);
            IReadOnlyList<ObjectListEntry> entries = await client.GetObjectListAsync(cancellationToken).ConfigureAwait(false);
            var result = new List<DumpedObject>();
            for (int i = 0; i < entries.Count; i++)
            {
                progress?.Invoke(i, entries.Count);
                result.Add(await ReadObjectAsync(client, entries[i], cancellationToken).ConfigureAwait(false));
            }
            progress?.Invoke(entries.Count, entries.Count);
            return result;
        }

        private static async Task<DumpedObject> ReadObjectAsync(DlmsClient client, ObjectListEntry entry, CancellationToken cancellationToken)
        {
            var values = new Dictionary<sbyte, GetResult>();
            var attributes = new List<DumpedAttribute>();
            foreach (AttributeAccess access in entry.Attributes.Where(a => CanRead(a.AccessMode)))
            {
                var attribute = new CosemAttribute(entry.ClassId, entry.LogicalName, access.AttributeId);
                string name = CosemNames.AttributeName(entry.ClassId, access.AttributeId);
                if (entry.ClassId == 7 && access.AttributeId == 2)
                {
                    try
                    {
                        ProfileTable table = await ProfileTable.ReadAsync(client, entry.LogicalName, (SelectiveAccess?)null, cancellationToken).ConfigureAwait(false);
                        attributes.Add(new DumpedAttribute(access.AttributeId, name, null, ValueSource.Of(attribute), table, null));
                    }
                    catch (DataAccessException e)
                    {
                        attributes.Add(new DumpedAttribute(access.AttributeId, name, null, ValueSource.Of(attribute), null, e.Result));
                    }
                    continue;
                }
                GetResult result = await client.TryGetAsync(attribute, null, cancellationToken).ConfigureAwait(false);
                values[access.AttributeId] = result;
            }
            foreach ((sbyte id, GetResult result) in values.OrderBy(v => v.Key))
            {
                var attribute = new CosemAttribute(entry.ClassId, entry.LogicalName, id);
                ScalerUnit? scaler = null;
                if (ScaledValue.ScalerAttributeFor(entry.ClassId, id) is sbyte scalerId && values.TryGetValue(scalerId, out GetResult? s) && s.Value is DlmsValue sv)
                {
                    try
                    {
                        scaler = ScalerUnit.FromValue(sv);
                    }
                    catch (DlmsProtocolException)
                    {
                        scaler = null;
                    }
                }
                attributes.Add(new DumpedAttribute(id, CosemNames.AttributeName(entry.ClassId, id), result.Value, ValueSource.Of(attribute, scaler), null,
                    result.IsSuccess ? null : result.Result));
            }
            attributes.Sort((a, b) => a.Id.CompareTo(b.Id));
            return new DumpedObject(entry, attributes);
        }
    }
}
