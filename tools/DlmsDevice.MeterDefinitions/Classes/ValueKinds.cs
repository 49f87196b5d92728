using System.Collections.Generic;
using System.Text.Json;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Building;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.MeterDefinitions.Reading;

namespace DlmsDevice.MeterDefinitions.Classes
{
    /// <summary>Data (IC 1): a value given in the definition, or a binding (the logical device name, the serial number, the firmware version, an invocation counter, the engine's event code).</summary>
    internal sealed class DataKind : ObjectKind
    {
        private static readonly string[] s_properties = { "value", "binding", "securitySetup" };

        public override IReadOnlyList<string> Properties => s_properties;

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            ValueOrBinding.Read(element, obj, reader);
            if (obj.Binding?.Name == "logical-device-name" && obj.LogicalNameText != "0.0.42.0.0.255")
            {
                reader.Error(obj.Path + "/logicalName", "the logical device name object is 0.0.42.0.0.255 (Green Book 4.1.4)");
            }
        }

        internal override void Resolve(JsonElement element, ObjectDefinition obj, LogicalDeviceDefinition device, DefinitionReader reader)
        {
            string? setup = DefinitionReader.String(element, "securitySetup", obj.Path);
            if (obj.Binding?.Name == "invocation-counter")
            {
                if (setup == null)
                {
                    reader.Error(obj.Path, "an invocation-counter object names its securitySetup");
                    return;
                }
                obj.SecuritySetup = reader.Reference(device, setup, obj.Path + "/securitySetup");
                if (obj.SecuritySetup != null && obj.SecuritySetup.Class.Id != 64)
                {
                    reader.Error(obj.Path + "/securitySetup", "\"" + setup + "\" is not a security setup (class 64)");
                    obj.SecuritySetup = null;
                }
            }
            else if (setup != null)
            {
                reader.Error(obj.Path + "/securitySetup", "only an invocation-counter object names a security setup");
            }
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan)
        {
            string variable = plan.Variable(obj);
            switch (obj.Binding?.Name)
            {
                case "logical-device-name":
                    plan.Target.LogicalDeviceName(variable, plan.DeviceOf(obj));
                    break;
                case "serial-number":
                    plan.Target.SerialNumber(variable, obj.LogicalName);
                    break;
                case "firmware-version":
                    plan.Target.FirmwareVersion(variable, obj.LogicalName);
                    break;
                case "invocation-counter":
                    plan.Target.InvocationCounter(variable, obj.LogicalName, plan.Variable(obj.SecuritySetup!));
                    break;
                case null:
                    plan.Target.Data(variable, obj.LogicalName, obj.Value!);
                    break;
            }
        }
    }

    /// <summary>Register (IC 3): a value with scaler and unit given in the definition, or an engine quantity (energy, power, voltage, current, ...).</summary>
    internal sealed class RegisterKind : ObjectKind
    {
        private static readonly string[] s_properties = { "value", "scaler", "unit", "binding" };

        public override IReadOnlyList<string> Properties => s_properties;

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            ValueOrBinding.Read(element, obj, reader);
            ValueOrBinding.ReadScalerUnit(element, obj, reader);
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan)
        {
            if (obj.Binding == null && obj.Value != null)
            {
                plan.Target.Register(plan.Variable(obj), obj.LogicalName, obj.Value, obj.Scaler ?? 0, obj.Unit ?? 255);
            }
        }
    }

    /// <summary>The properties Data and Register share: a value or a binding, a scaler and a unit.</summary>
    internal static class ValueOrBinding
    {
        public static void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            bool hasValue = element.TryGetProperty("value", out JsonElement value);
            bool hasBinding = element.TryGetProperty("binding", out JsonElement _);
            if (hasValue && hasBinding)
            {
                reader.Error(obj.Path + "/value", "a bound object takes its value from the binding: give a value or a binding, not both");
            }
            else if (!hasValue && !hasBinding)
            {
                reader.Error(obj.Path, "a " + obj.Class.Name + " object needs a value or a binding");
            }
            if (hasValue && !hasBinding)
            {
                obj.Value = TypedValue.Read(value, out string? error);
                if (error != null)
                {
                    reader.Error(obj.Path + "/value", error);
                }
            }
        }

        /// <summary>Scaler and unit; for a bound register they must be what the engine shows (or, for a channel's quantities, they set what it shows).</summary>
        public static void ReadScalerUnit(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            obj.Scaler = DefinitionReader.Int(element, "scaler");
            if (element.TryGetProperty("unit", out JsonElement unit))
            {
                obj.Unit = UnitNames.Read(unit);
                if (obj.Unit == null)
                {
                    reader.Error(obj.Path + "/unit", "unknown unit " + unit.GetRawText() + " (" + UnitNames.Examples + ")");
                }
            }
            BindingInfo? binding = obj.Binding;
            if (binding == null)
            {
                return;
            }
            if (binding.Quantity is EngineQuantity.ActiveEnergyImport or EngineQuantity.ActiveEnergyExport or EngineQuantity.BlockEnergyImport
                or EngineQuantity.BlockEnergyExport or EngineQuantity.ReactiveEnergy or EngineQuantity.BlockReactiveEnergy)
            {
                // Wh (0) by default; a CT/VT meter's primary energy in kWh (3) keeps the register from overflowing.
                obj.Scaler ??= 0;
                if (obj.Scaler < 0 || obj.Scaler > 3)
                {
                    reader.Error(obj.Path + "/scaler", "the engine shows " + binding.Name + " with scaler 0 (Wh) to 3 (kWh), not " + obj.Scaler);
                }
                if (obj.Unit != null && obj.Unit != binding.Unit)
                {
                    reader.Error(obj.Path + "/unit", "the engine shows " + binding.Name + " in " + UnitNames.Expression(binding.Unit!.Value) + ", not " + UnitNames.Expression(obj.Unit.Value));
                }
                obj.Unit = binding.Unit;
                return;
            }
            if (binding.Scaler != null)
            {
                if (obj.Scaler != null && obj.Scaler != binding.Scaler)
                {
                    reader.Error(obj.Path + "/scaler", "the engine shows " + binding.Name + " with scaler " + binding.Scaler + ", not " + obj.Scaler);
                }
                if (obj.Unit != null && obj.Unit != binding.Unit)
                {
                    reader.Error(obj.Path + "/unit", "the engine shows " + binding.Name + " in " + UnitNames.Expression(binding.Unit!.Value) + ", not " + UnitNames.Expression(obj.Unit.Value));
                }
                obj.Scaler = binding.Scaler;
                obj.Unit = binding.Unit;
            }
            else if (binding.Channels != ChannelNeed.None)
            {
                // A channel's register: scaler and unit are what the channel is shown with (default 0.1 V, 0.01 A).
                bool voltage = BindingInfo.IsVoltage(BindingInfo.Input(binding.Channels)!.Value);
                obj.Scaler ??= voltage ? -1 : -2;
                obj.Unit ??= voltage ? 35 : 33;
                if (obj.Unit != (voltage ? 35 : 33))
                {
                    reader.Error(obj.Path + "/unit", binding.Name + " is shown in " + (voltage ? "V" : "A"));
                }
            }
        }
    }
}
