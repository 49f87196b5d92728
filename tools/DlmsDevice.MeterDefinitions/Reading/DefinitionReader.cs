using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Json;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.MeterDefinitions.Reading
{
    /// <summary>
    /// Reads a definition after the schema check: fills a <see cref="MeterDefinition"/> and
    /// reports what a schema cannot see (an unknown class or version, a duplicate logical name,
    /// a reference to an object, rule, secret or association that does not exist, a right on an
    /// attribute the class lacks, a binding without its input channel, a profile capturing
    /// nothing, ...). It reads defensively: a value the schema already rejected is skipped, so
    /// every error of the file comes out in one run.
    /// </summary>
    internal sealed partial class DefinitionReader
    {
        private readonly Findings _findings;
        private readonly MeterDefinition _definition;

        private DefinitionReader(Findings findings, MeterDefinition definition)
        {
            _findings = findings;
            _definition = definition;
        }

        internal Findings Findings => _findings;

        internal MeterDefinition Definition => _definition;

        /// <summary>Reads <paramref name="root"/> into a definition; the findings collect every problem.</summary>
        public static MeterDefinition Read(JsonElement root, string file, Findings findings)
        {
            var definition = new MeterDefinition
            {
                File = file,
                Directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".",
            };
            var reader = new DefinitionReader(findings, definition);
            reader.ReadDocument(root);
            return definition;
        }

        internal void Error(string path, string message) => _findings.Error(path, message);

        internal void Warning(string path, string message) => _findings.Warning(path, message);

        private void ReadDocument(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            _definition.Name = String(root, "name", "") ?? "";
            _definition.Description = String(root, "description", "");
            if (root.TryGetProperty("identity", out JsonElement identity) && identity.ValueKind == JsonValueKind.Object)
            {
                _definition.FlagId = String(identity, "flagId", "/identity") ?? _definition.FlagId;
                _definition.SerialNumber = String(identity, "serialNumber", "/identity") ?? _definition.SerialNumber;
                _definition.FirmwareVersion = String(identity, "firmwareVersion", "/identity") ?? _definition.FirmwareVersion;
            }
            string? eventLogs = String(root, "eventLogs", "");
            _definition.EventLogs = eventLogs == "is15959" ? EventLogLayout.Is15959 : (eventLogs == "standard" ? EventLogLayout.Standard : null);
            ReadSecrets(root);
            ReadLink(root);
            ReadInputs(root);
            ReadRules(root);
            ReadLogicalDevices(root);
        }

        private void ReadSecrets(JsonElement root)
        {
            if (!root.TryGetProperty("secrets", out JsonElement secrets) || secrets.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            foreach (JsonProperty secret in secrets.EnumerateObject())
            {
                string path = "/secrets/" + SourceMap.Escape(secret.Name);
                if (secret.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                JsonProperty[] forms = secret.Value.EnumerateObject().ToArray();
                if (forms.Length != 1 || forms[0].Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }
                SecretKind? kind = forms[0].Name switch
                {
                    "env" => SecretKind.Environment,
                    "file" => SecretKind.File,
                    "testKey" => SecretKind.TestKey,
                    "inline" => SecretKind.Inline,
                    _ => null,
                };
                if (kind == null)
                {
                    continue;
                }
                string value = forms[0].Value.GetString()!;
                _definition.Secrets[secret.Name] = new SecretDefinition(secret.Name, path, kind.Value, value);
                if (kind == SecretKind.TestKey)
                {
                    Warning(path + "/testKey", "\"" + secret.Name + "\" is a PUBLISHED test key (" + value + "): anyone can read and change this meter; give an env or file reference for real use");
                }
                else if (kind == SecretKind.Inline)
                {
                    Warning(path + "/inline", "\"" + secret.Name + "\" is written in the definition: keep real secrets in an environment variable or a key file");
                }
            }
        }

        private void ReadLink(JsonElement root)
        {
            if (!root.TryGetProperty("link", out JsonElement link) || link.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            LinkDefinition l = _definition.Link;
            l.MaxPduSize = Int(link, "maxPduSize") ?? l.MaxPduSize;
            if (link.TryGetProperty("hdlc", out JsonElement hdlc) && hdlc.ValueKind == JsonValueKind.Object)
            {
                l.HdlcPhysicalAddress = Int(hdlc, "physicalAddress") ?? l.HdlcPhysicalAddress;
                l.BaudRate = Int(hdlc, "baudRate") ?? l.BaudRate;
                l.WindowTransmit = Int(hdlc, "windowTransmit") ?? l.WindowTransmit;
                l.WindowReceive = Int(hdlc, "windowReceive") ?? l.WindowReceive;
                l.MaxInfoTransmit = Int(hdlc, "maxInfoTransmit") ?? l.MaxInfoTransmit;
                l.MaxInfoReceive = Int(hdlc, "maxInfoReceive") ?? l.MaxInfoReceive;
                l.HdlcInactivitySeconds = Int(hdlc, "inactivityTimeout") ?? l.HdlcInactivitySeconds;
                l.HdlcPort = Int(hdlc, "port") ?? l.HdlcPort;
            }
            if (link.TryGetProperty("wrapper", out JsonElement wrapper) && wrapper.ValueKind == JsonValueKind.Object)
            {
                l.WrapperPort = Int(wrapper, "port") ?? l.WrapperPort;
                l.MaxConnections = Int(wrapper, "maxConnections") ?? l.MaxConnections;
                l.WrapperInactivitySeconds = Int(wrapper, "inactivityTimeout") ?? l.WrapperInactivitySeconds;
            }
            if (l.WrapperPort == l.HdlcPort)
            {
                Error("/link/hdlc/port", "the HDLC over TCP port and the wrapper port are both " + l.WrapperPort);
            }
        }

        private static readonly AnalogQuantity[] s_analogQuantities =
        {
            AnalogQuantity.Voltage, AnalogQuantity.Current, AnalogQuantity.VoltageL2, AnalogQuantity.VoltageL3, AnalogQuantity.CurrentL2, AnalogQuantity.CurrentL3,
        };

        private void ReadInputs(JsonElement root)
        {
            if (!root.TryGetProperty("inputs", out JsonElement inputs) || inputs.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            if (inputs.TryGetProperty("transformer", out JsonElement t) && t.ValueKind == JsonValueKind.Object)
            {
                _definition.Transformer = new TransformerDefinition(Int(t, "currentPrimary") ?? 1, Int(t, "currentSecondary") ?? 1,
                    Int(t, "voltagePrimary") ?? 1, Int(t, "voltageSecondary") ?? 1);
            }
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach ((JsonElement item, string path) in Items(inputs, "pulse", "/inputs/pulse"))
            {
                string? id = String(item, "id", path);
                int? constant = Int(item, "constant");
                string? direction = String(item, "direction", path);
                if (id == null || constant == null || (direction != "import" && direction != "export"))
                {
                    continue;
                }
                if (!ids.Add(id))
                {
                    Error(path + "/id", "input \"" + id + "\" is defined twice");
                }
                _definition.PulseInputs.Add(new PulseInputDefinition(id, constant.Value, direction == "import" ? EnergyDirection.Import : EnergyDirection.Export, path));
            }
            foreach ((JsonElement item, string path) in Items(inputs, "analog", "/inputs/analog"))
            {
                string? id = String(item, "id", path);
                string? quantity = String(item, "quantity", path);
                double? gain = item.TryGetProperty("gain", out JsonElement g) && g.ValueKind == JsonValueKind.Number ? g.GetDouble() : null;
                int parsed = Array.FindIndex(s_analogQuantities, a => BindingInfo.InputName(a) == quantity);
                if (id == null || gain == null || parsed < 0)
                {
                    continue;
                }
                if (!ids.Add(id))
                {
                    Error(path + "/id", "input \"" + id + "\" is defined twice");
                }
                AnalogQuantity q = s_analogQuantities[parsed];
                if (_definition.Analog(q) != null)
                {
                    Error(path + "/quantity", "a second " + quantity + " channel: the engine measures one voltage and one current per phase (voltage, voltage-l2, voltage-l3, current, ...)");
                    continue;
                }
                double offset = item.TryGetProperty("offset", out JsonElement o) && o.ValueKind == JsonValueKind.Number ? o.GetDouble() : 0;
                _definition.AnalogInputs.Add(new AnalogInputDefinition(id, q, gain.Value, offset, Int(item, "averagingMs") ?? 1000, path));
            }
        }

        // ---------------------------------------------------------------------------------
        // Small typed getters: a value of the wrong type is skipped (the schema reported it).
        // ---------------------------------------------------------------------------------

        internal static string? String(JsonElement obj, string name, string parentPath)
        {
            return obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        internal static int? Int(JsonElement obj, string name)
        {
            return obj.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int i) ? i : null;
        }

        internal static bool? Bool(JsonElement obj, string name)
        {
            return obj.TryGetProperty(name, out JsonElement value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False) ? value.GetBoolean() : null;
        }

        internal static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement obj, string name, string path)
        {
            if (!obj.TryGetProperty(name, out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }
            int i = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    yield return (item, path + "/" + i.ToString(CultureInfo.InvariantCulture));
                }
                i++;
            }
        }

        /// <summary>A secret named <paramref name="name"/>, reported at <paramref name="path"/> when the definition has none.</summary>
        internal SecretDefinition? Secret(string? name, string path)
        {
            if (name == null)
            {
                return null;
            }
            if (_definition.Secrets.TryGetValue(name, out SecretDefinition? secret))
            {
                return secret;
            }
            Error(path, "no secret named \"" + name + "\" (secrets: " + (_definition.Secrets.Count == 0 ? "none" : string.Join(", ", _definition.Secrets.Keys)) + ")");
            return null;
        }
    }
}
