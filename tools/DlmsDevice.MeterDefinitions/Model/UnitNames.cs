using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using DlmsDevice.Client;

namespace DlmsDevice.MeterDefinitions.Model
{
    /// <summary>Units by symbol (the client's table, IEC 62056-6-2) or number; the C# name the generated code uses.</summary>
    internal static class UnitNames
    {
        private static readonly Dictionary<string, int> s_bySymbol = Build();

        /// <summary>The unit enum number of <paramref name="element"/> (a symbol, "count", or a number 1..255); null when it is none.</summary>
        public static int? Read(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int n))
            {
                return n >= 1 && n <= 255 ? n : null;
            }
            if (element.ValueKind == JsonValueKind.String)
            {
                return s_bySymbol.TryGetValue(element.GetString()!, out int unit) ? unit : null;
            }
            return null;
        }

        /// <summary>Some symbols, for messages.</summary>
        public static string Examples => "Wh, W, V, A, VA, var, VAh, varh, Hz, %, s, min, h, count, or 1..255";

        /// <summary><c>Unit.WattHour</c>, or <c>(Unit)n</c> for a unit the portable enum does not name.</summary>
        public static string Expression(int unit)
        {
            string? name = Enum.GetName(typeof(DlmsDevice.Stack.Cosem.Unit), (byte)unit);
            return name != null ? "Unit." + name : "(Unit)" + unit.ToString(CultureInfo.InvariantCulture);
        }

        private static Dictionary<string, int> Build()
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal) { ["count"] = 255 };
            for (int unit = 1; unit < 255; unit++)
            {
                string symbol = Units.Symbol((byte)unit);
                if (symbol.Length > 0 && !symbol.StartsWith("unit(", StringComparison.Ordinal))
                {
                    map.TryAdd(symbol, unit);
                }
            }
            return map;
        }
    }
}
