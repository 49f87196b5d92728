using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// The two small structures the classes of this assembly share, in A-XDR and in their
    /// compact form. A script reference (Blue Book: IC 22 executed_script, IC 21 action_item,
    /// IC 71 action_item, IC 20 day_profile_action's script part) is
    /// <c>02 02 09 06 logical_name 12 script_selector</c>, 8 bytes compact (logical name, selector).
    /// A value definition (IC 21 monitored_value, IC 71 monitored_value) is
    /// <c>02 03 12 class_id 09 06 logical_name 0F attribute_index</c>, 9 bytes compact
    /// (class id, logical name, attribute index). Reads leave the reader where it was when they fail.
    /// </summary>
    public static class ScriptReference
    {
        /// <summary>Bytes of a script reference in compact form.</summary>
        public const int Size = 8;

        /// <summary>Bytes of a value definition in compact form.</summary>
        public const int ValueDefinitionSize = 9;

        /// <summary>Writes the script reference stored at <paramref name="offset"/>.</summary>
        public static bool Write(AxdrWriter writer, byte[] buffer, int offset)
        {
            return writer.WriteStructure(2) && writer.WriteOctetString(buffer, offset, ObisCode.Size)
                && writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(buffer, offset + ObisCode.Size));
        }

        /// <summary>
        /// Reads a script reference into <paramref name="buffer"/> at <paramref name="offset"/>
        /// (<see cref="Size"/> bytes).
        /// </summary>
        /// <returns>type-unmatched (buffer and reader unchanged) when the value is not one.</returns>
        public static DataAccessResult Read(AxdrReader reader, byte[] buffer, int offset)
        {
            int start = reader.Position;
            int count;
            long name;
            ushort selector;
            if (reader.ReadStructure(out count) != AxdrStatus.Ok || count != 2
                || reader.ReadObis(out name) != AxdrStatus.Ok
                || reader.ReadLongUnsigned(out selector) != AxdrStatus.Ok)
            {
                reader.Position = start;
                return DataAccessResult.TypeUnmatched;
            }
            ObisCode.Unpack(name, buffer, offset);
            Packed.WriteUInt16(buffer, offset + ObisCode.Size, selector);
            return DataAccessResult.Success;
        }

        /// <summary>The packed logical name (<see cref="ObisCode.Value"/>) of the reference at <paramref name="offset"/>.</summary>
        public static long GetName(byte[] buffer, int offset)
        {
            return ObisCode.Pack(buffer, offset);
        }

        /// <summary>The script selector of the reference at <paramref name="offset"/>.</summary>
        public static int GetSelector(byte[] buffer, int offset)
        {
            return Packed.ReadUInt16(buffer, offset + ObisCode.Size);
        }

        /// <summary>Stores a script reference at <paramref name="offset"/>.</summary>
        public static void Set(byte[] buffer, int offset, ObisCode scriptTable, int selector)
        {
            scriptTable.CopyTo(buffer, offset);
            Packed.WriteUInt16(buffer, offset + ObisCode.Size, selector);
        }

        /// <summary>
        /// True when the reference at <paramref name="offset"/> names something to run: a logical
        /// name that is not all zeros (Blue Book: an empty action) and a selector that is not 0
        /// (script 0 is the null script).
        /// </summary>
        public static bool IsSet(byte[] buffer, int offset)
        {
            return GetSelector(buffer, offset) != 0 && !Packed.IsZero(buffer, offset, ObisCode.Size);
        }

        /// <summary>Runs the referenced script through <paramref name="runner"/> when <see cref="IsSet"/>.</summary>
        internal static void Run(ScriptRunner runner, byte[] buffer, int offset)
        {
            if (runner != null && IsSet(buffer, offset))
            {
                runner.Execute(GetName(buffer, offset), GetSelector(buffer, offset));
            }
        }

        /// <summary>Writes the value definition stored at <paramref name="offset"/>.</summary>
        public static bool WriteValueDefinition(AxdrWriter writer, byte[] buffer, int offset)
        {
            return writer.WriteStructure(3) && writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(buffer, offset))
                && writer.WriteOctetString(buffer, offset + 2, ObisCode.Size)
                && writer.WriteInteger((sbyte)buffer[offset + 2 + ObisCode.Size]);
        }

        /// <summary>Reads a value definition into <paramref name="buffer"/> at <paramref name="offset"/> (<see cref="ValueDefinitionSize"/> bytes).</summary>
        /// <returns>type-unmatched (buffer and reader unchanged) when the value is not one.</returns>
        public static DataAccessResult ReadValueDefinition(AxdrReader reader, byte[] buffer, int offset)
        {
            int start = reader.Position;
            int count;
            ushort classId;
            long name;
            sbyte attribute;
            if (reader.ReadStructure(out count) != AxdrStatus.Ok || count != 3
                || reader.ReadLongUnsigned(out classId) != AxdrStatus.Ok
                || reader.ReadObis(out name) != AxdrStatus.Ok
                || reader.ReadInteger(out attribute) != AxdrStatus.Ok)
            {
                reader.Position = start;
                return DataAccessResult.TypeUnmatched;
            }
            Packed.WriteUInt16(buffer, offset, classId);
            ObisCode.Unpack(name, buffer, offset + 2);
            buffer[offset + 2 + ObisCode.Size] = (byte)attribute;
            return DataAccessResult.Success;
        }

        /// <summary>Stores a value definition at <paramref name="offset"/>.</summary>
        public static void SetValueDefinition(byte[] buffer, int offset, ushort classId, ObisCode logicalName, int attributeId)
        {
            Packed.WriteUInt16(buffer, offset, classId);
            logicalName.CopyTo(buffer, offset + 2);
            buffer[offset + 2 + ObisCode.Size] = (byte)attributeId;
        }

        /// <summary>Reads the value a value definition at <paramref name="offset"/> points to, as a number.</summary>
        internal static bool ReadValue(ScriptRunner runner, byte[] buffer, int offset, out double value)
        {
            return runner.ReadNumber((ushort)Packed.ReadUInt16(buffer, offset), ObisCode.Pack(buffer, offset + 2),
                (sbyte)buffer[offset + 2 + ObisCode.Size], out value);
        }
    }
}
