using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>
    /// One JSON object of a board file being read: typed reads of its fields that record an error
    /// naming the field's path (<c>pulseInputs[0].pin</c>) and the reason, and, at the end, an
    /// error for every field nobody asked for (a typo must not be silently ignored).
    /// </summary>
    internal sealed class JsonSection
    {
        private readonly JsonElement _element;
        private readonly string _path;
        private readonly List<string> _errors;
        private readonly HashSet<string> _known = new HashSet<string>(StringComparer.Ordinal);

        internal JsonSection(JsonElement element, string path, List<string> errors)
        {
            _element = element;
            _path = path;
            _errors = errors;
        }

        internal string Path => _path;

        internal string Field(string name) => _path.Length == 0 ? name : _path + "." + name;

        internal void Error(string field, string reason)
        {
            _errors.Add(field + ": " + reason);
        }

        internal bool Has(string name)
        {
            _known.Add(name);
            return _element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null;
        }

        internal JsonSection? Object(string name)
        {
            if (!Has(name))
            {
                return null;
            }
            JsonElement value = _element.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Object)
            {
                Error(Field(name), "must be an object { ... }");
                return null;
            }
            return new JsonSection(value, Field(name), _errors);
        }

        internal List<JsonSection> Array(string name)
        {
            List<JsonSection> items = new List<JsonSection>();
            if (!Has(name))
            {
                return items;
            }
            JsonElement value = _element.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error(Field(name), "must be an array [ ... ]");
                return items;
            }
            int i = 0;
            foreach (JsonElement item in value.EnumerateArray())
            {
                string path = Field(name) + "[" + i + "]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(path, "must be an object { ... }");
                }
                else
                {
                    items.Add(new JsonSection(item, path, _errors));
                }
                i++;
            }
            return items;
        }

        internal int Int(string name, int fallback, int min, int max)
        {
            if (!Has(name))
            {
                return fallback;
            }
            JsonElement value = _element.GetProperty(name);
            if (value.ValueKind == JsonValueKind.String && TryHex(value.GetString(), out int hex))
            {
                return Range(name, hex, min, max, fallback);
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
            {
                Error(Field(name), "must be a whole number from " + min + " to " + max);
                return fallback;
            }
            return Range(name, number, min, max, fallback);
        }

        internal int RequiredInt(string name, int min, int max)
        {
            if (!Has(name))
            {
                Error(Field(name), "is required (a whole number from " + min + " to " + max + ")");
                return min;
            }
            return Int(name, min, min, max);
        }

        internal int OneOf(string name, int fallback, int[] allowed)
        {
            if (!Has(name))
            {
                return fallback;
            }
            JsonElement value = _element.GetProperty(name);
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && System.Array.IndexOf(allowed, number) >= 0)
            {
                return number;
            }
            Error(Field(name), "must be one of " + string.Join(", ", allowed));
            return fallback;
        }

        internal double Double(string name, double fallback)
        {
            if (!Has(name))
            {
                return fallback;
            }
            JsonElement value = _element.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || double.IsNaN(number) || double.IsInfinity(number))
            {
                Error(Field(name), "must be a number");
                return fallback;
            }
            return number;
        }

        internal bool Bool(string name, bool fallback)
        {
            if (!Has(name))
            {
                return fallback;
            }
            JsonElement value = _element.GetProperty(name);
            if (value.ValueKind == JsonValueKind.True)
            {
                return true;
            }
            if (value.ValueKind == JsonValueKind.False)
            {
                return false;
            }
            Error(Field(name), "must be true or false");
            return fallback;
        }

        internal string? String(string name)
        {
            if (!Has(name))
            {
                return null;
            }
            JsonElement value = _element.GetProperty(name);
            if (value.ValueKind != JsonValueKind.String)
            {
                Error(Field(name), "must be a string \"...\"");
                return null;
            }
            return value.GetString();
        }

        internal string? Raw(string name)
        {
            if (!Has(name))
            {
                return null;
            }
            JsonElement value = _element.GetProperty(name);
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }

        internal JsonValueKind Kind(string name)
        {
            _known.Add(name);
            return _element.TryGetProperty(name, out JsonElement value) ? value.ValueKind : JsonValueKind.Undefined;
        }

        internal JsonElement Element(string name)
        {
            _known.Add(name);
            return _element.GetProperty(name);
        }

        /// <summary>An error for each field of the object that was never asked for.</summary>
        internal void RejectUnknown()
        {
            foreach (JsonProperty property in _element.EnumerateObject())
            {
                if (!_known.Contains(property.Name))
                {
                    Error(Field(property.Name), "unknown field (" + Describe(_known) + ")");
                }
            }
        }

        private static string Describe(HashSet<string> known)
        {
            List<string> names = new List<string>(known);
            names.Sort(StringComparer.Ordinal);
            return names.Count == 0 ? "this object takes no fields" : "known here: " + string.Join(", ", names);
        }

        private int Range(string name, int value, int min, int max, int fallback)
        {
            if (value < min || value > max)
            {
                Error(Field(name), value + " is out of range (" + min + " to " + max + ")");
                return fallback;
            }
            return value;
        }

        private static bool TryHex(string? text, out int value)
        {
            value = 0;
            return text != null && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
    }
}
