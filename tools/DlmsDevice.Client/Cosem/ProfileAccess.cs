using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DlmsDevice.Client
{
    /// <summary>One capture object of a Profile generic (an element of capture_objects, attribute 3).</summary>
    /// <param name="Attribute">The captured attribute.</param>
    /// <param name="DataIndex">data_index: 0 = the whole attribute, n = its n-th element.</param>
    public sealed record CaptureObject(CosemAttribute Attribute, ushort DataIndex)
    {
        /// <summary>
        /// Decodes capture_objects: <c>array of structure { long-unsigned class_id, octet-string
        /// logical_name, integer attribute_index, long-unsigned data_index }</c> (Blue Book IC 7).
        /// </summary>
        /// <exception cref="DlmsProtocolException">Not shaped like capture_objects.</exception>
        public static IReadOnlyList<CaptureObject> Decode(DlmsValue value)
        {
            if (value.Type != DataType.Array)
            {
                throw new DlmsProtocolException("capture_objects is not an array: " + value);
            }
            var result = new List<CaptureObject>();
            foreach (DlmsValue item in value.Items)
            {
                if (item.Type != DataType.Structure || item.Items.Count != 4 || item.Items[1].Type != DataType.OctetString || item.Items[1].Bytes.Length != 6)
                {
                    throw new DlmsProtocolException("A capture object is not {class_id, logical_name, attribute_index, data_index}: " + item);
                }
                result.Add(new CaptureObject(
                    new CosemAttribute((ushort)item.Items[0].ToDecimal(), ObisCode.FromBytes(item.Items[1].Bytes), (sbyte)item.Items[2].ToDecimal()),
                    (ushort)item.Items[3].ToDecimal()));
            }
            return result;
        }

        /// <summary>The capture object as a Data value (for selected_values in a range descriptor).</summary>
        public DlmsValue ToValue() => DlmsValue.Structure(
            DlmsValue.LongUnsigned(Attribute.ClassId),
            DlmsValue.OctetString(Attribute.LogicalName.ToBytes()),
            DlmsValue.Integer(Attribute.AttributeId),
            DlmsValue.LongUnsigned(DataIndex));

        /// <summary>"1.0.1.8.0.255 value" (and "[n]" for a data_index).</summary>
        public string Header => Attribute.LogicalName + " " + CosemNames.AttributeName(Attribute.ClassId, Attribute.AttributeId)
            + (DataIndex == 0 ? "" : "[" + DataIndex.ToString(CultureInfo.InvariantCulture) + "]");
    }

    /// <summary>
    /// Selective access to a Profile generic buffer (Blue Book IC 7 attribute 2): by range of a
    /// column (selector 1, range_descriptor) or by entry numbers (selector 2, entry_descriptor).
    /// </summary>
    public static class ProfileAccess
    {
        /// <summary>The clock's time attribute, the usual restricting object of a range.</summary>
        public static readonly CaptureObject ClockTime = new(new CosemAttribute(8, new ObisCode(0, 0, 1, 0, 0, 255), 2), 0);

        /// <summary>
        /// range_descriptor: <c>structure { restricting_object, from_value, to_value, selected_values }</c>,
        /// the values as 12-byte date-time octet-strings; <paramref name="columns"/> null or empty = all columns.
        /// </summary>
        public static SelectiveAccess ByRange(CaptureObject restrictingObject, CosemDateTime from, CosemDateTime to, IReadOnlyList<CaptureObject>? columns = null)
        {
            ArgumentNullException.ThrowIfNull(restrictingObject);
            ArgumentNullException.ThrowIfNull(from);
            ArgumentNullException.ThrowIfNull(to);
            return new SelectiveAccess(1, DlmsValue.Structure(
                restrictingObject.ToValue(),
                DlmsValue.OctetString(from.ToBytes()),
                DlmsValue.OctetString(to.ToBytes()),
                DlmsValue.Array((columns ?? Array.Empty<CaptureObject>()).Select(c => c.ToValue()))));
        }

        /// <summary>
        /// entry_descriptor: <c>structure { from_entry, to_entry, from_selected_value, to_selected_value }</c>;
        /// entries and columns count from 1, and 0 as a "to" means the last.
        /// </summary>
        public static SelectiveAccess ByEntry(uint fromEntry, uint toEntry, ushort fromColumn = 1, ushort toColumn = 0) =>
            new(2, DlmsValue.Structure(
                DlmsValue.DoubleLongUnsigned(fromEntry),
                DlmsValue.DoubleLongUnsigned(toEntry),
                DlmsValue.LongUnsigned(fromColumn),
                DlmsValue.LongUnsigned(toColumn)));

        /// <summary>Parses "a..b", "a.." (b = 0, the last) or "a" (a..a).</summary>
        /// <exception cref="FormatException">Not a range of positive numbers.</exception>
        public static (uint From, uint To) ParseRange(string text, string option)
        {
            ArgumentNullException.ThrowIfNull(text);
            string[] parts = text.Split("..");
            if (parts.Length > 2 || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint from) || from == 0)
            {
                throw new FormatException(option + " takes a range like 1..96 (counting from 1), not '" + text + "'.");
            }
            if (parts.Length == 1)
            {
                return (from, from);
            }
            if (parts[1].Length == 0)
            {
                return (from, 0);
            }
            if (!uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out uint to) || to < from)
            {
                throw new FormatException(option + " takes a range like 1..96 with the end not before the start, not '" + text + "'.");
            }
            return (from, to);
        }
    }
}
