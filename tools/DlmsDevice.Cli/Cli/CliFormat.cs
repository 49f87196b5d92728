using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DlmsDevice.Client.Cli
{
    /// <summary>Text output of the CLI.</summary>
    public static class CliFormat
    {
        /// <summary>
        /// A read value: date-time hints always, OBIS for logical_name (attr 1) or when asked, and the
        /// meaning of a scaler_unit appended as a comment.
        /// </summary>
        public static string Value(CosemAttribute? attribute, DlmsValue value, bool obisHint)
        {
            bool isLogicalName = attribute is { AttributeId: 1 };
            var options = new DlmsValueFormatOptions
            {
                DateTimeHint = true,
                ObisHint = obisHint || isLogicalName,
                MaxLineWidth = 100,
            };
            string text = DlmsValueText.Format(value, options);
            if (attribute is CosemAttribute a && IsScalerUnitAttribute(a) && value.Type == DataType.Structure)
            {
                try
                {
                    text += "   # " + ScalerUnit.FromValue(value);
                }
                catch (DlmsProtocolException)
                {
                    // Not shaped like a scaler_unit: print as is.
                }
            }
            return text;
        }

        private static bool IsScalerUnitAttribute(CosemAttribute a) =>
            (a.ClassId is 3 or 4 && a.AttributeId == 3) || (a.ClassId == 5 && a.AttributeId == 4);

        /// <summary>The object list as a table: class, version, OBIS, attribute access, method access.</summary>
        public static string ObjectList(IReadOnlyList<ObjectListEntry> entries)
        {
            var sb = new StringBuilder();
            sb.Append("class ver  logical name        attributes / methods\n");
            foreach (ObjectListEntry e in entries)
            {
                string attributes = string.Join(' ', e.Attributes.Select(a => a.AttributeId.ToString(CultureInfo.InvariantCulture) + ":" + a.ModeText));
                string methods = string.Join(' ', e.Methods.Select(m => m.MethodId.ToString(CultureInfo.InvariantCulture) + ":" + m.ModeText));
                sb.Append(e.ClassId.ToString(CultureInfo.InvariantCulture).PadLeft(5))
                  .Append(' ').Append(e.Version.ToString(CultureInfo.InvariantCulture).PadLeft(3))
                  .Append("  ").Append(e.LogicalName.ToString().PadRight(18))
                  .Append("  ").Append(attributes);
                if (methods.Length > 0)
                {
                    sb.Append(" / ").Append(methods);
                }
                sb.Append('\n');
            }
            sb.Append(entries.Count.ToString(CultureInfo.InvariantCulture)).Append(" objects\n");
            return sb.ToString();
        }
    }
}
