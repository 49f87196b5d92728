using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace DlmsDevice.MeterDefinitions.Json
{
    /// <summary>
    /// Checks a definition against meters/schema/meter-definition.schema.json (embedded in the
    /// tool) with JsonSchema.Net (draft 2020-12), and turns each failed keyword into a finding
    /// at the failing value's path: unknown properties, missing ones, wrong types, values out of
    /// range or not among those allowed (listed).
    /// </summary>
    internal static class SchemaCheck
    {
        private static readonly Lazy<(JsonSchema Schema, JsonNode Node)> s_schema = new Lazy<(JsonSchema, JsonNode)>(Load);

        /// <summary>The schema's text (the embedded copy of meters/schema/meter-definition.schema.json).</summary>
        public static string SchemaText()
        {
            using Stream stream = typeof(SchemaCheck).Assembly.GetManifestResourceStream("meter-definition.schema.json")
                ?? throw new InvalidOperationException("the schema is not embedded");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        public static void Check(JsonElement document, Findings findings)
        {
            (JsonSchema schema, JsonNode node) = s_schema.Value;
            EvaluationResults results = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            Report(results, node, document, findings);
        }

        // Walks the failed part of the evaluation tree: a passing node (a oneOf branch that
        // matched, a property that is fine) says nothing; a failing oneOf says once that no form
        // matched instead of listing why each form failed.
        private static void Report(EvaluationResults node, JsonNode schema, JsonElement document, Findings findings)
        {
            if (node.IsValid)
            {
                return;
            }
            string path = node.InstanceLocation.ToString();
            string schemaPointer = Uri.UnescapeDataString(node.SchemaLocation.Fragment.TrimStart('#'));
            if (node.Errors != null)
            {
                foreach (KeyValuePair<string, string> error in node.Errors)
                {
                    string? message = Describe(error.Key, error.Value, schemaPointer, schema, document, path);
                    if (message != null)
                    {
                        findings.Error(path, message);
                    }
                }
                if (node.Errors.ContainsKey("oneOf"))
                {
                    return;
                }
            }
            if (node.Details != null)
            {
                foreach (EvaluationResults child in node.Details)
                {
                    Report(child, schema, document, findings);
                }
            }
        }

        // Readable messages for the keywords that matter; null for the wrapper keywords whose
        // branches already reported the real reason.
        private static string? Describe(string keyword, string message, string schemaPointer, JsonNode schema, JsonElement document, string path)
        {
            JsonNode? at = Resolve(schema, schemaPointer);
            switch (keyword)
            {
                case "":
                case "additionalProperties":
                    // additionalProperties: false fails with the false schema.
                    int additional = schemaPointer.LastIndexOf("/additionalProperties", StringComparison.Ordinal);
                    if (message.Contains("false schema", StringComparison.Ordinal) || additional >= 0)
                    {
                        string name = Unescape(path.Substring(path.LastIndexOf('/') + 1));
                        // The location names the keyword, and after it (in JsonSchema.Net 8) the property.
                        string parent = additional >= 0 ? schemaPointer.Substring(0, additional) : schemaPointer;
                        JsonNode? properties = Resolve(schema, parent + "/properties");
                        string known = properties is JsonObject o ? " (known here: " + string.Join(", ", o.Select(p => p.Key)) + ")" : "";
                        return "unknown property \"" + name + "\"" + known;
                    }
                    return message;
                case "enum":
                    return "\"" + Text(document, path) + "\" is not one of " + (at?["enum"] is JsonArray values ? string.Join(", ", values.Select(v => v?.ToJsonString())) : "the values allowed");
                case "const":
                    return "must be " + at?["const"]?.ToJsonString();
                case "required":
                    return message.Replace("Required properties", "missing required property", StringComparison.Ordinal).Replace(" are not present", "", StringComparison.Ordinal);
                case "oneOf":
                    return at?["description"] is JsonValue d ? "does not match any allowed form: " + d.GetValue<string>() : "does not match any allowed form";
                case "allOf":
                case "anyOf":
                case "$ref":
                case "properties":
                case "items":
                    return null;
                default:
                    return keyword + ": " + message;
            }
        }

        private static string Text(JsonElement document, string path)
        {
            JsonElement? value = Find(document, path);
            if (value == null)
            {
                return "";
            }
            return value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() ?? "" : value.Value.GetRawText();
        }

        internal static JsonElement? Find(JsonElement document, string pointer)
        {
            JsonElement current = document;
            if (pointer.Length == 0)
            {
                return current;
            }
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string token = Unescape(raw);
                if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out JsonElement next))
                {
                    current = next;
                }
                else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out int i) && i >= 0 && i < current.GetArrayLength())
                {
                    current = current[i];
                }
                else
                {
                    return null;
                }
            }
            return current;
        }

        private static JsonNode? Resolve(JsonNode root, string pointer)
        {
            JsonNode? current = root;
            if (pointer.Length == 0)
            {
                return current;
            }
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string token = Unescape(raw);
                current = current switch
                {
                    JsonObject o => o[token],
                    JsonArray a when int.TryParse(token, out int i) && i >= 0 && i < a.Count => a[i],
                    _ => null,
                };
                if (current == null)
                {
                    return null;
                }
            }
            return current;
        }

        private static string Unescape(string token)
        {
            return token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        private static (JsonSchema, JsonNode) Load()
        {
            string text = SchemaText();
            return (JsonSchema.FromText(text), JsonNode.Parse(text)!);
        }
    }
}
