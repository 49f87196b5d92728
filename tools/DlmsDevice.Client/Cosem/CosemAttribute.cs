using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Selective access for a GET/SET (Blue Book 4.1.3): an access selector (1 = range, 2 = entry for a
    /// Profile generic buffer) and its parameters.
    /// </summary>
    public sealed record SelectiveAccess(byte Selector, DlmsValue Parameters);

    /// <summary>An attribute descriptor: class id, logical name, attribute index (Cosem-Attribute-Descriptor).</summary>
    public readonly record struct CosemAttribute(ushort ClassId, ObisCode LogicalName, sbyte AttributeId)
    {
        /// <summary>Parses <c>obis:class:attr</c>, e.g. <c>1.0.1.8.0.255:3:2</c>.</summary>
        public static CosemAttribute Parse(string text)
        {
            (ObisCode obis, ushort classId, sbyte index) = CosemReference.Parse(text, "attribute");
            return new CosemAttribute(classId, obis, index);
        }

        /// <inheritdoc/>
        public override string ToString() => LogicalName + ":" + ClassId.ToString(CultureInfo.InvariantCulture) + ":" + AttributeId.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A method descriptor: class id, logical name, method index (Cosem-Method-Descriptor).</summary>
    public readonly record struct CosemMethod(ushort ClassId, ObisCode LogicalName, sbyte MethodId)
    {
        /// <summary>Parses <c>obis:class:method</c>, e.g. <c>0.0.10.0.0.255:9:1</c>.</summary>
        public static CosemMethod Parse(string text)
        {
            (ObisCode obis, ushort classId, sbyte index) = CosemReference.Parse(text, "method");
            return new CosemMethod(classId, obis, index);
        }

        /// <inheritdoc/>
        public override string ToString() => LogicalName + ":" + ClassId.ToString(CultureInfo.InvariantCulture) + ":" + MethodId.ToString(CultureInfo.InvariantCulture);
    }

    internal static class CosemReference
    {
        // "<obis>:<class>:<index>"; the OBIS part may itself be in IEC form "1-0:1.8.0*255", so
        // the last two ':'-separated fields are taken from the right.
        public static (ObisCode, ushort, sbyte) Parse(string text, string what)
        {
            ArgumentNullException.ThrowIfNull(text);
            int last = text.LastIndexOf(':');
            int middle = last > 0 ? text.LastIndexOf(':', last - 1) : -1;
            if (middle <= 0)
            {
                throw new FormatException("'" + text + "' is not <obis>:<class>:<" + what + "> (e.g. 1.0.1.8.0.255:3:2).");
            }
            ObisCode obis = ObisCode.Parse(text.Substring(0, middle));
            if (!ushort.TryParse(text.AsSpan(middle + 1, last - middle - 1), NumberStyles.None, CultureInfo.InvariantCulture, out ushort classId))
            {
                throw new FormatException("Bad class id in '" + text + "'.");
            }
            if (!sbyte.TryParse(text.AsSpan(last + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out sbyte index))
            {
                throw new FormatException("Bad " + what + " index in '" + text + "' (-128..127).");
            }
            return (obis, classId, index);
        }
    }
}
