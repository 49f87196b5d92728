using System;
using System.Collections.Generic;
using System.Text.Json;
using DlmsDevice.MeterDefinitions.Classes;
using DlmsDevice.MeterDefinitions.Json;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.MeterDefinitions.Reading
{
    /// <content>Access rules: named ones, inline ones, and each object's rights per association.</content>
    internal sealed partial class DefinitionReader
    {
        private readonly HashSet<string> _checkedRules = new HashSet<string>(StringComparer.Ordinal);

        private void ReadRules(JsonElement root)
        {
            if (!root.TryGetProperty("accessRules", out JsonElement rules) || rules.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            foreach (JsonProperty rule in rules.EnumerateObject())
            {
                AccessRuleDefinition? read = ReadRule(rule.Value, rule.Name, "/accessRules/" + SourceMap.Escape(rule.Name));
                if (read != null)
                {
                    _definition.Rules[rule.Name] = read;
                }
            }
        }

        private static AccessRuleDefinition? ReadRule(JsonElement element, string name, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var rule = new AccessRuleDefinition { Name = name, Path = path };
            rule.Attributes = AttributeMode(String(element, "attributes", path) ?? "none") ?? AttributeAccess.NoAccess;
            rule.Methods = MethodMode(String(element, "methods", path) ?? "none") ?? MethodAccess.NoAccess;
            if (element.TryGetProperty("attribute", out JsonElement attributes) && attributes.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty exception in attributes.EnumerateObject())
                {
                    AttributeAccess? mode = exception.Value.ValueKind == JsonValueKind.String ? AttributeMode(exception.Value.GetString()!) : null;
                    if (mode != null)
                    {
                        rule.AttributeExceptions.Add((exception.Name, mode.Value, path + "/attribute/" + SourceMap.Escape(exception.Name)));
                    }
                }
            }
            if (element.TryGetProperty("method", out JsonElement methods) && methods.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty exception in methods.EnumerateObject())
                {
                    MethodAccess? mode = exception.Value.ValueKind == JsonValueKind.String ? MethodMode(exception.Value.GetString()!) : null;
                    if (mode != null)
                    {
                        rule.MethodExceptions.Add((exception.Name, mode.Value, path + "/method/" + SourceMap.Escape(exception.Name)));
                    }
                }
            }
            return rule;
        }

        /// <summary>"authenticated-encrypted-read-write" -> ReadWrite | AuthenticatedEncryptedRequest; null when not a mode.</summary>
        internal static AttributeAccess? AttributeMode(string text)
        {
            AttributeAccess protection = Protection(ref text);
            AttributeAccess? access = text switch
            {
                "none" => AttributeAccess.NoAccess,
                "read" => AttributeAccess.Read,
                "write" => AttributeAccess.Write,
                "read-write" => AttributeAccess.ReadWrite,
                _ => null,
            };
            return access == null ? null : access.Value | protection;
        }

        /// <summary>"authenticated-encrypted-access" -> Access | AuthenticatedEncryptedRequest; null when not a mode.</summary>
        internal static MethodAccess? MethodMode(string text)
        {
            MethodAccess protection = (MethodAccess)(int)Protection(ref text);
            MethodAccess? access = text switch
            {
                "none" => MethodAccess.NoAccess,
                "access" => MethodAccess.Access,
                _ => null,
            };
            return access == null ? null : access.Value | protection;
        }

        private static AttributeAccess Protection(ref string text)
        {
            const string both = "authenticated-encrypted-";
            const string authenticated = "authenticated-";
            const string encrypted = "encrypted-";
            if (text.StartsWith(both, StringComparison.Ordinal))
            {
                text = text.Substring(both.Length);
                return AttributeAccess.AuthenticatedEncryptedRequest;
            }
            if (text.StartsWith(authenticated, StringComparison.Ordinal))
            {
                text = text.Substring(authenticated.Length);
                return AttributeAccess.AuthenticatedRequest;
            }
            if (text.StartsWith(encrypted, StringComparison.Ordinal))
            {
                text = text.Substring(encrypted.Length);
                return AttributeAccess.EncryptedRequest;
            }
            return AttributeAccess.NoAccess;
        }

        // An object's "access": association id -> rule name or inline rule. The association must
        // be an Association LN object of the same logical device; every exception of the rule
        // must name an attribute or method the object's class has.
        private void ReadAccess(JsonElement element, ObjectDefinition obj, LogicalDeviceDefinition device)
        {
            if (!element.TryGetProperty("access", out JsonElement access) || access.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            foreach (JsonProperty cell in access.EnumerateObject())
            {
                string path = obj.Path + "/access/" + SourceMap.Escape(cell.Name);
                ObjectDefinition? association = device.Objects.Find(o => o.Id == cell.Name && o.Class.Id == 15 && o.Association != null);
                if (association == null)
                {
                    Error(path, "no association \"" + cell.Name + "\" in this logical device (associations: " + AssociationIds(device) + ")");
                }
                AccessRuleDefinition? rule = null;
                if (cell.Value.ValueKind == JsonValueKind.String)
                {
                    string name = cell.Value.GetString()!;
                    if (!_definition.Rules.TryGetValue(name, out rule))
                    {
                        Error(path, "no access rule named \"" + name + "\" (rules: " + (_definition.Rules.Count == 0 ? "none" : string.Join(", ", _definition.Rules.Keys)) + ")");
                    }
                }
                else
                {
                    rule = ReadRule(cell.Value, path, path);
                }
                if (rule == null || association == null)
                {
                    continue;
                }
                CheckRuleFits(rule, obj.Class, path);
                obj.Access.Add((association, rule, path));
            }
        }

        private void CheckRuleFits(AccessRuleDefinition rule, CosemClassInfo cls, string usedAt)
        {
            // A named rule is checked once per class it is applied to (at its first use).
            if (!_checkedRules.Add(rule.Path + "|" + cls.Id))
            {
                return;
            }
            string where = rule.Path == usedAt ? "" : " (rule \"" + rule.Name + "\" applied at " + usedAt + ")";
            foreach ((string key, AttributeAccess _, string path) in rule.AttributeExceptions)
            {
                if (cls.AttributeId(key) == 0)
                {
                    Error(path, "class " + cls.Name + " (" + cls.Id + ") has no attribute \"" + key + "\"" + where + "; its attributes: " + string.Join(", ", cls.Attributes));
                }
            }
            foreach ((string key, MethodAccess _, string path) in rule.MethodExceptions)
            {
                if (cls.MethodId(key) == 0)
                {
                    Error(path, "class " + cls.Name + " (" + cls.Id + ") has no method \"" + key + "\"" + where + "; its methods: " + (cls.Methods.Count == 0 ? "none" : string.Join(", ", cls.Methods)));
                }
            }
        }

        private static string AssociationIds(LogicalDeviceDefinition device)
        {
            string ids = string.Join(", ", device.Objects.FindAll(o => o.Class?.Id == 15 && o.Association != null).ConvertAll(o => o.Id));
            return ids.Length == 0 ? "none" : ids;
        }
    }
}
