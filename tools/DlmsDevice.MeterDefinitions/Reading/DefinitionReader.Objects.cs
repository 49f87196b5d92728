using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Classes;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.MeterDefinitions.Reading
{
    /// <content>Logical devices and their objects: the common properties here, the class-specific ones in each class's <see cref="ObjectKind"/>.</content>
    internal sealed partial class DefinitionReader
    {
        private static readonly string[] s_commonProperties = { "id", "description", "class", "version", "logicalName", "access" };

        private const string SerialPlaceholder = "{serial}";

        private void ReadLogicalDevices(JsonElement root)
        {
            var elements = new List<(LogicalDeviceDefinition Device, JsonElement[] Objects)>();
            foreach ((JsonElement item, string path) in Items(root, "logicalDevices", "/logicalDevices"))
            {
                var device = new LogicalDeviceDefinition { Path = path, Address = Int(item, "address") ?? 1 };
                if (_definition.LogicalDevices.Exists(d => d.Address == device.Address))
                {
                    Error(path + "/address", "logical device address " + device.Address + " is used twice");
                }
                string name = String(item, "name", path) ?? _definition.FlagId + SerialPlaceholder;
                int placeholder = name.IndexOf(SerialPlaceholder, System.StringComparison.Ordinal);
                if (placeholder >= 0 && placeholder != name.Length - SerialPlaceholder.Length)
                {
                    Error(path + "/name", "\"{serial}\" may only end the logical device name");
                }
                device.AppendSerialNumber = placeholder >= 0;
                device.NamePrefix = placeholder >= 0 ? name.Substring(0, placeholder) : name;
                _definition.LogicalDevices.Add(device);
                var objects = new List<JsonElement>();
                foreach ((JsonElement element, string objectPath) in Items(item, "objects", path + "/objects"))
                {
                    ObjectDefinition? obj = ReadObject(element, objectPath, device);
                    if (obj != null)
                    {
                        device.Objects.Add(obj);
                        objects.Add(element);
                    }
                }
                elements.Add((device, objects.ToArray()));
            }
            // Second pass: references between objects, rights.
            foreach ((LogicalDeviceDefinition device, JsonElement[] objects) in elements)
            {
                for (int i = 0; i < device.Objects.Count; i++)
                {
                    device.Objects[i].Class.Kind.Resolve(objects[i], device.Objects[i], device, this);
                }
                for (int i = 0; i < device.Objects.Count; i++)
                {
                    ReadAccess(objects[i], device.Objects[i], device);
                }
                CheckLogicalDevice(device);
            }
            CheckBindings();
        }

        private ObjectDefinition? ReadObject(JsonElement element, string path, LogicalDeviceDefinition device)
        {
            CosemClassInfo? cls = null;
            if (element.TryGetProperty("class", out JsonElement c))
            {
                if (c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int id))
                {
                    cls = CosemClassTable.Find(id);
                    if (cls == null)
                    {
                        Error(path + "/class", "interface class " + id + " is not one a definition can use (" + KnownClasses() + ")");
                    }
                }
                else if (c.ValueKind == JsonValueKind.String)
                {
                    cls = CosemClassTable.Find(c.GetString()!);
                    if (cls == null)
                    {
                        Error(path + "/class", "unknown interface class \"" + c.GetString() + "\" (" + KnownClasses() + ")");
                    }
                }
            }
            string? text = String(element, "logicalName", path);
            ObisCode? obis = text == null ? null : ParseObis(text);
            if (text != null && obis == null)
            {
                Error(path + "/logicalName", "\"" + text + "\" is not an OBIS code: six groups 0..255 (A.B.C.D.E.F)");
            }
            if (cls == null || obis == null)
            {
                return null;
            }
            int? version = Int(element, "version");
            if (version != null && version.Value != cls.Version)
            {
                Error(path + "/version", "class " + cls.Name + " (" + cls.Id + ") is served in version " + cls.Version + ", not " + version.Value);
            }
            var obj = new ObjectDefinition
            {
                Path = path,
                Class = cls,
                LogicalName = obis,
                LogicalNameText = text!,
                Id = String(element, "id", path) ?? text!,
            };
            ObjectDefinition? same = device.Objects.Find(o => o.LogicalName.Value == obis.Value);
            if (same != null)
            {
                Error(path + "/logicalName", "logical name " + text + " is already used by " + same.Path + " (one object per OBIS code in a logical device)");
            }
            ObjectDefinition? sameId = device.Objects.Find(o => o.Id == obj.Id);
            if (sameId != null && same == null)
            {
                Error(path + "/id", "id \"" + obj.Id + "\" is already used by " + sameId.Path);
            }
            foreach (JsonProperty property in element.EnumerateObject())
            {
                // A property no class takes is the schema's finding; one another class takes is ours.
                if (!s_commonProperties.Contains(property.Name) && !cls.Kind.Properties.Contains(property.Name)
                    && CosemClassTable.Classes.Any(k => k.Kind.Properties.Contains(property.Name)))
                {
                    Error(path + "/" + property.Name, "\"" + property.Name + "\" does not apply to class " + cls.Name
                        + (cls.Kind.Properties.Count == 0 ? "" : " (it takes: " + string.Join(", ", cls.Kind.Properties) + ")"));
                }
            }
            string? binding = String(element, "binding", path);
            if (binding != null)
            {
                BindingInfo? info = BindingInfo.Find(binding);
                if (info != null && info.ClassId != cls.Id)
                {
                    Error(path + "/binding", "binding \"" + binding + "\" is an object of class " + CosemClassTable.Find(info.ClassId)!.Name + ", not " + cls.Name);
                }
                else
                {
                    obj.Binding = info;
                }
            }
            cls.Kind.Read(element, obj, this);
            return obj;
        }

        private static string KnownClasses()
        {
            return "known: " + string.Join(", ", CosemClassTable.Classes.Select(k => k.Id + " " + k.Name));
        }

        /// <summary>"1.0.1.8.0.255" -> the OBIS code; null when it is not six groups 0..255.</summary>
        internal static ObisCode? ParseObis(string text)
        {
            string[] parts = text.Split('.');
            if (parts.Length != 6)
            {
                return null;
            }
            var groups = new byte[6];
            for (int i = 0; i < 6; i++)
            {
                if (!byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out groups[i]))
                {
                    return null;
                }
            }
            return new ObisCode(groups[0], groups[1], groups[2], groups[3], groups[4], groups[5]);
        }

        /// <summary>The object <paramref name="reference"/> (id or logical name) of <paramref name="device"/>, reported at <paramref name="path"/> when absent.</summary>
        internal ObjectDefinition? Reference(LogicalDeviceDefinition device, string? reference, string path)
        {
            if (reference == null)
            {
                return null;
            }
            ObjectDefinition? found = device.Resolve(reference);
            if (found == null)
            {
                Error(path, "no object \"" + reference + "\" in this logical device (an id or a logical name of one of its objects)");
            }
            return found;
        }

        // What holds for a logical device as a whole.
        private void CheckLogicalDevice(LogicalDeviceDefinition device)
        {
            var saps = new Dictionary<int, ObjectDefinition>();
            foreach (ObjectDefinition obj in device.Objects)
            {
                if (obj.Association == null)
                {
                    continue;
                }
                if (saps.TryGetValue(obj.Association.ClientSap, out ObjectDefinition? other))
                {
                    Error(obj.Path + "/association/clientSap", "client SAP " + obj.Association.ClientSap + " is already served by " + other.Path);
                }
                else
                {
                    saps[obj.Association.ClientSap] = obj;
                }
            }
            if (saps.Count == 0)
            {
                Error(device.Path + "/objects", "the logical device has no association: no client could reach it");
            }
            if (!device.Objects.Exists(o => o.Binding?.Name == "logical-device-name"))
            {
                Error(device.Path + "/objects", "every logical device shows its name: add a data object 0.0.42.0.0.255 with binding logical-device-name");
            }
        }

        // What holds for the definition as a whole: each engine object once, the channels the
        // bound quantities need, the engine's profiles.
        private void CheckBindings()
        {
            var seen = new Dictionary<EngineQuantity, ObjectDefinition>();
            foreach (LogicalDeviceDefinition device in _definition.LogicalDevices)
            {
                foreach (ObjectDefinition obj in device.Objects)
                {
                    BindingInfo? binding = obj.Binding;
                    if (binding?.Quantity == null)
                    {
                        continue;
                    }
                    if (seen.TryGetValue(binding.Quantity.Value, out ObjectDefinition? other))
                    {
                        Error(obj.Path + "/binding", "the engine has one " + binding.Name + " object, already bound by " + other.Path);
                        continue;
                    }
                    seen[binding.Quantity.Value] = obj;
                    bool voltage = _definition.Analog(AnalogQuantity.Voltage) != null;
                    bool current = _definition.Analog(AnalogQuantity.Current) != null;
                    AnalogQuantity? input = BindingInfo.Input(binding.Channels);
                    bool missing = binding.Channels == ChannelNeed.Both ? !voltage || !current : input != null && _definition.Analog(input.Value) == null;
                    if (missing)
                    {
                        Error(obj.Path + "/binding", binding.Name + " needs " + (binding.Channels == ChannelNeed.Both ? "a voltage and a current" : "a " + BindingInfo.InputName(input!.Value))
                            + " input (inputs.analog)");
                    }
                }
            }
            CheckAverages(seen, EngineQuantity.Voltage, EngineQuantity.AverageVoltage);
            CheckAverages(seen, EngineQuantity.Current, EngineQuantity.AverageCurrent);
            CheckAverages(seen, EngineQuantity.ActiveEnergyImport, EngineQuantity.ActiveEnergyExport);
            CheckAverages(seen, EngineQuantity.VoltageL2, EngineQuantity.AverageVoltageL2);
            CheckAverages(seen, EngineQuantity.VoltageL3, EngineQuantity.AverageVoltageL3);
            CheckAverages(seen, EngineQuantity.CurrentL2, EngineQuantity.AverageCurrentL2);
            CheckAverages(seen, EngineQuantity.CurrentL3, EngineQuantity.AverageCurrentL3);
            // The block and reactive energies have the energy registers' one scaler (MeterConfiguration.EnergyScaler).
            CheckAverages(seen, EngineQuantity.ActiveEnergyImport, EngineQuantity.BlockEnergyImport);
            CheckAverages(seen, EngineQuantity.ActiveEnergyImport, EngineQuantity.BlockEnergyExport);
            CheckAverages(seen, EngineQuantity.ReactiveEnergy, EngineQuantity.BlockReactiveEnergy);
            if (seen.TryGetValue(EngineQuantity.ActiveEnergyImport, out ObjectDefinition? energy)
                && seen.TryGetValue(EngineQuantity.ReactiveEnergy, out ObjectDefinition? reactive) && energy.Scaler != reactive.Scaler)
            {
                Error(reactive.Path + "/scaler", "the engine shows " + reactive.Binding!.Name + " with the scaler of " + energy.Binding!.Name + " (" + energy.Path + ")");
            }
        }

        // The engine shows a channel's instantaneous value and its period average with the same
        // scaler and unit, and both energies with one scaler.
        private void CheckAverages(Dictionary<EngineQuantity, ObjectDefinition> seen, EngineQuantity instantaneous, EngineQuantity average)
        {
            if (seen.TryGetValue(instantaneous, out ObjectDefinition? a) && seen.TryGetValue(average, out ObjectDefinition? b)
                && (a.Scaler != b.Scaler || a.Unit != b.Unit))
            {
                Error(b.Path + "/scaler", "the engine shows " + b.Binding!.Name + " with the scaler and unit of " + a.Binding!.Name + " (" + a.Path + ")");
            }
        }
    }
}
