using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Building;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.MeterDefinitions.Reading;

namespace DlmsDevice.MeterDefinitions.Classes
{
    /// <summary>
    /// A class the engine alone creates (Extended register, Demand register, Clock, Disconnect
    /// control): the object must be bound to the engine's quantity; the definition gives its
    /// logical name and its first-start settings (time zone, demand period, control mode).
    /// </summary>
    internal sealed class EngineOnlyKind : ObjectKind
    {
        private static readonly string[] s_properties = { "binding", "scaler", "unit", "timeZone", "daylightSavings", "period", "controlMode" };

        public override IReadOnlyList<string> Properties => s_properties;

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            if (obj.Binding == null)
            {
                string bindings = string.Join(", ", BindingInfo.All.Where(b => b.ClassId == obj.Class.Id).Select(b => b.Name));
                reader.Error(obj.Path, "class " + obj.Class.Name + " is served as an engine object only: give \"binding\": " + bindings);
            }
            bool register = obj.Class.Id == 4 || obj.Class.Id == 5;
            bool clock = obj.Class.Id == 8;
            Only(element, obj, reader, "scaler", register);
            Only(element, obj, reader, "unit", register);
            Only(element, obj, reader, "timeZone", clock);
            Only(element, obj, reader, "daylightSavings", clock);
            Only(element, obj, reader, "period", obj.Class.Id == 5);
            Only(element, obj, reader, "controlMode", obj.Class.Id == 70);
            if (register)
            {
                ValueOrBinding.ReadScalerUnit(element, obj, reader);
            }
            obj.TimeZone = DefinitionReader.Int(element, "timeZone");
            string? dst = DefinitionReader.String(element, "daylightSavings", obj.Path);
            obj.EuropeanDaylightSavings = dst == null ? null : dst == "eu";
            obj.Period = DefinitionReader.Int(element, "period");
            if (obj.Period != null && (obj.Period <= 0 || 86400 % obj.Period.Value != 0))
            {
                reader.Error(obj.Path + "/period", "the demand period must divide a day (86400 s), " + obj.Period + " does not");
            }
            obj.ControlMode = DefinitionReader.Int(element, "controlMode");
        }

        private static void Only(JsonElement element, ObjectDefinition obj, DefinitionReader reader, string property, bool applies)
        {
            if (!applies && element.TryGetProperty(property, out JsonElement _))
            {
                reader.Error(obj.Path + "/" + property, "\"" + property + "\" does not apply to class " + obj.Class.Name);
            }
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan)
        {
            if (obj.TimeZone != null || obj.EuropeanDaylightSavings != null)
            {
                plan.Target.ClockSettings(obj.TimeZone ?? 0, obj.EuropeanDaylightSavings ?? false);
            }
            if (obj.Period != null)
            {
                plan.Target.DemandPeriod(obj.Period.Value);
            }
            if (obj.ControlMode != null)
            {
                plan.Target.ControlMode(obj.ControlMode.Value);
            }
        }
    }

    /// <summary>
    /// Profile generic (IC 7) as one of the engine's profiles: the load profile (captured every
    /// capture period), the daily profile (at local midnight) or the event log (at every
    /// event). The definition gives the columns, the period and the depth. Without a binding,
    /// a profile of the definition's own: a snapshot (capture_period 0) captured whenever a
    /// client reads its buffer, one row deep unless the definition says otherwise (the
    /// IS 15959 instantaneous and scaler profiles).
    /// </summary>
    internal sealed class ProfileKind : ObjectKind
    {
        private static readonly string[] s_properties = { "binding", "profile" };

        public override IReadOnlyList<string> Properties => s_properties;

        internal override void Read(JsonElement element, ObjectDefinition obj, DefinitionReader reader)
        {
            EngineQuantity? quantity = obj.Binding?.Quantity;
            if ((quantity >= EngineQuantity.CurrentEventLog && quantity <= EngineQuantity.ControlEventLog)
                || (quantity == EngineQuantity.EventLog && reader.Definition.EventLogs == EventLogLayout.Is15959))
            {
                // The IS 15959 logs by category capture what that standard lists (docs/tamper.md).
                if (element.TryGetProperty("profile", out _))
                {
                    reader.Error(obj.Path + "/profile", "the IS 15959 event logs by category have fixed capture objects: leave \"profile\" out");
                }
                return;
            }
            if (quantity == EngineQuantity.BillingProfile)
            {
                // Clock, counter, energies, per tariff, maximum demand: the engine's (docs/billing-and-tariffs.md).
                if (element.TryGetProperty("profile", out _))
                {
                    reader.Error(obj.Path + "/profile", "the billing profile has the engine's capture objects: leave \"profile\" out");
                }
                return;
            }
            if (!element.TryGetProperty("profile", out JsonElement profile) || profile.ValueKind != JsonValueKind.Object)
            {
                reader.Error(obj.Path, obj.Binding != null
                    ? "a profile needs \"profile\": its capture objects"
                    : "a profile of the definition's own needs \"profile\": its capture objects (or a \"binding\": load-profile, daily-profile, event-log, ...)");
                return;
            }
            var definition = new ProfileDefinition
            {
                CapturePeriod = DefinitionReader.Int(profile, "capturePeriod"),
                Entries = DefinitionReader.Int(profile, "entries"),
            };
            obj.Profile = definition;
            string path = obj.Path + "/profile";
            if (definition.Entries != null && definition.Entries < 1)
            {
                reader.Error(path + "/entries", "profile depth " + definition.Entries + ": a profile keeps at least one row");
            }
            int? period = definition.CapturePeriod;
            switch (obj.Binding?.Name)
            {
                case "load-profile":
                    if (period != null && (period <= 0 || 86400 % period.Value != 0))
                    {
                        reader.Error(path + "/capturePeriod", "the load profile's capture period must divide a day (86400 s), " + period + " does not");
                    }
                    break;
                case "daily-profile":
                    if (period != null && period != 86400)
                    {
                        reader.Error(path + "/capturePeriod", "the daily profile is captured at midnight: capture period 86400, not " + period);
                    }
                    break;
                case "event-log":
                    if (period != null && period != 0)
                    {
                        reader.Error(path + "/capturePeriod", "the event log is captured at events: capture period 0, not " + period);
                    }
                    break;
                case null:
                    // The engine schedules only its own profiles: one of the definition's is a
                    // snapshot, captured when a client reads it.
                    if (period != null && period != 0)
                    {
                        reader.Error(path + "/capturePeriod", "a profile without a binding is a snapshot captured when it is read: capture period 0, not "
                            + period + " (periodic captures are the engine's profiles: load-profile, daily-profile)");
                    }
                    break;
            }
        }

        internal override void Resolve(JsonElement element, ObjectDefinition obj, LogicalDeviceDefinition device, DefinitionReader reader)
        {
            if (obj.Profile == null || !element.TryGetProperty("profile", out JsonElement profile))
            {
                return;
            }
            foreach ((JsonElement column, string path) in DefinitionReader.Items(profile, "captureObjects", obj.Path + "/profile/captureObjects"))
            {
                ObjectDefinition? captured = reader.Reference(device, DefinitionReader.String(column, "object", path), path + "/object");
                if (captured == null)
                {
                    continue;
                }
                if (captured == obj)
                {
                    reader.Error(path + "/object", "a profile cannot capture itself");
                    continue;
                }
                if (captured.Class.Kind is ProfileKind && captured.Binding == null)
                {
                    // It is made after the engine and every profile: nothing can capture it.
                    reader.Error(path + "/object", "\"" + captured.Id + "\" is a profile of the definition's own (a snapshot): no profile can capture it");
                    continue;
                }
                int attribute = 2;
                if (column.TryGetProperty("attribute", out JsonElement a))
                {
                    string key = a.ValueKind == JsonValueKind.Number ? a.GetRawText() : a.GetString() ?? "";
                    attribute = captured.Class.AttributeId(key);
                    if (attribute == 0)
                    {
                        reader.Error(path + "/attribute", "class " + captured.Class.Name + " has no attribute \"" + key + "\"; its attributes: " + string.Join(", ", captured.Class.Attributes));
                        continue;
                    }
                }
                int dataIndex = DefinitionReader.Int(column, "dataIndex") ?? 0;
                if (captured.Binding?.Quantity == null && captured.Class.Kind is EngineOnlyKind or ProfileKind)
                {
                    continue;
                }
                obj.Profile.Columns.Add((captured, attribute, dataIndex, path));
            }
        }

        internal override void Create(ObjectDefinition obj, ModelPlan plan)
        {
            if (obj.Binding?.Name == "load-profile" && obj.Profile?.CapturePeriod != null)
            {
                plan.Target.LoadProfilePeriod(obj.Profile.CapturePeriod.Value);
            }
        }

        internal override void Layout(ObjectDefinition obj, ModelPlan plan)
        {
            if (obj.Profile == null || obj.Binding?.Quantity == null)
            {
                return;
            }
            string layout = plan.NewVariable(ModelPlan.Identifier(obj.Id) + "Layout");
            plan.Target.Profile(layout, obj.Binding.Quantity.Value, obj.Profile.Columns.Count, obj.Profile.Entries ?? 0);
            Columns(obj.Profile, layout, plan);
        }

        internal override void AfterEngine(ObjectDefinition obj, ModelPlan plan)
        {
            if (obj.Profile == null || obj.Binding != null)
            {
                return;
            }
            string layout = plan.NewVariable(ModelPlan.Identifier(obj.Id) + "Layout");
            plan.Target.Layout(layout, obj.Profile.Columns.Count);
            Columns(obj.Profile, layout, plan);
            plan.Target.SnapshotProfile(plan.Variable(obj), obj.LogicalName, layout, obj.Profile.Entries ?? 1);
        }

        private static void Columns(ProfileDefinition profile, string layout, ModelPlan plan)
        {
            foreach ((ObjectDefinition captured, int attribute, int dataIndex, string _) in profile.Columns)
            {
                EngineQuantity? quantity = captured.Binding?.Quantity;
                plan.Target.Column(layout, quantity, quantity == null ? plan.Variable(captured) : null, attribute, captured.Class.AttributeExpression(attribute), dataIndex);
            }
        }
    }
}
