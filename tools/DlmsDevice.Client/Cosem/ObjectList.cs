using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DlmsDevice.Client
{
    /// <summary>attribute_access_item: attribute id, access mode (0 none, 1 read, 2 write, 3 read-write, 4-6 authenticated variants), selectors.</summary>
    public sealed record AttributeAccess(sbyte AttributeId, byte AccessMode, IReadOnlyList<sbyte>? AccessSelectors)
    {
        /// <summary>"-", "R", "W", "RW", "aR", "aW", "aRW".</summary>
        public string ModeText => AccessMode switch
        {
            0 => "-",
            1 => "R",
            2 => "W",
            3 => "RW",
            4 => "aR",
            5 => "aW",
            6 => "aRW",
            _ => "?" + AccessMode.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>method_access_item: method id, access mode (0 none, 1 access, 2 authenticated access; boolean in version 0).</summary>
    public sealed record MethodAccess(sbyte MethodId, byte AccessMode)
    {
        /// <summary>"-", "X" (access), "aX" (authenticated access).</summary>
        public string ModeText => AccessMode switch
        {
            0 => "-",
            1 => "X",
            2 => "aX",
            _ => "?" + AccessMode.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>One object_list_element of Association LN (IC 15) attribute 2 (Blue Book 4.4.3).</summary>
    public sealed record ObjectListEntry(ushort ClassId, byte Version, ObisCode LogicalName,
        IReadOnlyList<AttributeAccess> Attributes, IReadOnlyList<MethodAccess> Methods)
    {
        /// <summary>"3 v0 1.0.1.8.0.255 attrs 1:R 2:R 3:R methods 1:X".</summary>
        public override string ToString() =>
            ClassId.ToString(CultureInfo.InvariantCulture) + " v" + Version.ToString(CultureInfo.InvariantCulture) + " " + LogicalName
            + " attrs " + string.Join(' ', Attributes.Select(a => a.AttributeId.ToString(CultureInfo.InvariantCulture) + ":" + a.ModeText))
            + " methods " + string.Join(' ', Methods.Select(m => m.MethodId.ToString(CultureInfo.InvariantCulture) + ":" + m.ModeText));
    }

    /// <summary>Decodes Association LN object_list (attribute 2).</summary>
    public static class ObjectList
    {
        /// <summary>Logical name of the current association (0.0.40.0.0.255).</summary>
        public static readonly ObisCode CurrentAssociation = new(0, 0, 40, 0, 0, 255);

        /// <summary>The object_list attribute of the current association: 15 / 0.0.40.0.0.255 / 2.</summary>
        public static readonly CosemAttribute Attribute = new(15, CurrentAssociation, 2);

        /// <summary>
        /// Decodes <c>array of structure { long-unsigned class_id, unsigned version, octet-string(6)
        /// logical_name, structure { array attribute_access, array method_access } }</c>. Entries
        /// of a shortened form (access_rights missing) get empty access lists.
        /// </summary>
        /// <exception cref="DlmsProtocolException">The value does not have that shape.</exception>
        public static IReadOnlyList<ObjectListEntry> Decode(DlmsValue value)
        {
            if (value.Type != DataType.Array)
            {
                throw new DlmsProtocolException("object_list is not an array: " + value.Type);
            }
            var entries = new List<ObjectListEntry>(value.Items.Count);
            foreach (DlmsValue element in value.Items)
            {
                entries.Add(DecodeEntry(element));
            }
            return entries;
        }

        private static ObjectListEntry DecodeEntry(DlmsValue e)
        {
            if (e.Type != DataType.Structure || e.Items.Count < 3)
            {
                throw new DlmsProtocolException("object_list_element is not a structure of 4: " + e);
            }
            ushort classId = (ushort)Integer(e.Items[0], "class_id");
            byte version = (byte)Integer(e.Items[1], "version");
            DlmsValue ln = e.Items[2];
            if (ln.Type != DataType.OctetString || ln.Bytes.Length != 6)
            {
                throw new DlmsProtocolException("logical_name is not a 6-byte octet-string: " + ln);
            }
            var attributes = new List<AttributeAccess>();
            var methods = new List<MethodAccess>();
            if (e.Items.Count >= 4 && e.Items[3].Type == DataType.Structure && e.Items[3].Items.Count >= 1)
            {
                DlmsValue rights = e.Items[3];
                foreach (DlmsValue a in Elements(rights.Items[0], "attribute_access"))
                {
                    if (a.Type != DataType.Structure || a.Items.Count < 2)
                    {
                        throw new DlmsProtocolException("attribute_access_item is not a structure: " + a);
                    }
                    IReadOnlyList<sbyte>? selectors = a.Items.Count >= 3 && a.Items[2].Type == DataType.Array
                        ? a.Items[2].Items.Select(s => (sbyte)Integer(s, "access_selector")).ToArray()
                        : null;
                    attributes.Add(new AttributeAccess((sbyte)Integer(a.Items[0], "attribute_id"), (byte)Integer(a.Items[1], "access_mode"), selectors));
                }
                if (rights.Items.Count >= 2)
                {
                    foreach (DlmsValue m in Elements(rights.Items[1], "method_access"))
                    {
                        if (m.Type != DataType.Structure || m.Items.Count < 2)
                        {
                            throw new DlmsProtocolException("method_access_item is not a structure: " + m);
                        }
                        methods.Add(new MethodAccess((sbyte)Integer(m.Items[0], "method_id"), (byte)Integer(m.Items[1], "access_mode")));
                    }
                }
            }
            return new ObjectListEntry(classId, version, ObisCode.FromBytes(ln.Bytes), attributes, methods);
        }

        private static IReadOnlyList<DlmsValue> Elements(DlmsValue v, string what)
        {
            if (v.Type != DataType.Array)
            {
                throw new DlmsProtocolException(what + " is not an array: " + v);
            }
            return v.Items;
        }

        // Integers and enums (boolean access_mode in Association LN version 0 counts as 0/1).
        private static long Integer(DlmsValue v, string what)
        {
            if (v.Type == DataType.Boolean)
            {
                return (bool)v.Value! ? 1 : 0;
            }
            if (!v.IsInteger)
            {
                throw new DlmsProtocolException(what + " is not an integer: " + v);
            }
            return v.ToInt64();
        }
    }
}
