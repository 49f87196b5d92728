using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// A-XDR shapes shared by several interface classes: scaler_unit, date-time attributes and
    /// the dummy "integer(0)" parameter of reset-like methods. Failed reads leave the reader
    /// where it was.
    /// </summary>
    internal static class AttributeCodec
    {
        /// <summary>scaler_unit (Blue Book 4.3.2): <c>02 02 0F scaler 16 unit</c>.</summary>
        internal static bool WriteScalerUnit(AxdrWriter writer, sbyte scaler, byte unit)
        {
            return writer.WriteStructure(2) && writer.WriteInteger(scaler) && writer.WriteEnum(unit);
        }

        /// <summary>Reads a scaler_unit structure; type-unmatched when it is not one.</summary>
        internal static DataAccessResult ReadScalerUnit(AxdrReader reader, out sbyte scaler, out byte unit)
        {
            scaler = 0;
            unit = 0;
            int start = reader.Position;
            int count;
            if (reader.ReadStructure(out count) != AxdrStatus.Ok || count != 2
                || reader.ReadInteger(out scaler) != AxdrStatus.Ok
                || reader.ReadEnum(out unit) != AxdrStatus.Ok)
            {
                reader.Position = start;
                return DataAccessResult.TypeUnmatched;
            }
            return DataAccessResult.Success;
        }

        /// <summary>Reads a date-time (<c>09 0C</c> + 12 bytes, or tag 25) into <paramref name="into"/>; type-unmatched (and <paramref name="into"/> unchanged) otherwise.</summary>
        internal static DataAccessResult ReadDateTime(AxdrReader reader, CosemDateTime into)
        {
            if (reader.ReadDateTime(into) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            return DataAccessResult.Success;
        }

        /// <summary>
        /// Consumes the parameter of a method whose parameter carries no information
        /// (Blue Book: "data ::= integer (0)"): accepts no parameter, null-data or any integer.
        /// </summary>
        /// <returns>False when something else is there.</returns>
        internal static bool ReadIgnoredParameter(AxdrReader parameters)
        {
            if (parameters == null || parameters.Remaining == 0)
            {
                return true;
            }
            DataType tag;
            if (parameters.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return false;
            }
            if (tag == DataType.NullData)
            {
                return parameters.ReadNull() == AxdrStatus.Ok;
            }
            long ignored;
            return parameters.ReadInt64Any(out ignored) == AxdrStatus.Ok;
        }
    }
}
