using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Classes;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.MeterDefinitions.Building
{
    /// <summary>
    /// Walks a checked definition in the order <c>MeterModelBuilder</c> wants its calls (names,
    /// objects, profiles and engine, directories and rights) and makes them on a target: the
    /// same walk builds the live model and writes the generated code, so both are one model.
    /// </summary>
    internal sealed class ModelPlan
    {
        /// <summary>The logical name IEC HDLC setup gets when the definition does not list one (it exists anyway: the links use its values).</summary>
        public static readonly ObisCode DefaultHdlcSetupName = new ObisCode(0, 0, 22, 0, 0, 255);

        /// <summary>The same for TCP-UDP setup.</summary>
        public static readonly ObisCode DefaultTcpUdpSetupName = new ObisCode(0, 0, 25, 0, 0, 255);

        private static readonly HashSet<string> s_keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
            "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
            "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
            "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
            "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while", "b",
        };

        private readonly MeterDefinition _definition;
        private readonly Dictionary<ObjectDefinition, string> _variables = new Dictionary<ObjectDefinition, string>();
        private readonly Dictionary<LogicalDeviceDefinition, string> _devices = new Dictionary<LogicalDeviceDefinition, string>();
        private readonly Dictionary<string, string> _rules = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _taken = new HashSet<string>(StringComparer.Ordinal);

        public ModelPlan(MeterDefinition definition, IModelTarget target)
        {
            _definition = definition;
            Target = target;
        }

        public IModelTarget Target { get; }

        public MeterDefinition Definition => _definition;

        /// <summary>The variable of <paramref name="obj"/>.</summary>
        public string Variable(ObjectDefinition obj)
        {
            if (!_variables.TryGetValue(obj, out string? name))
            {
                name = Unique(Identifier(obj.Id));
                _variables[obj] = name;
            }
            return name;
        }

        /// <summary>The variable of the logical device holding <paramref name="obj"/>.</summary>
        public string DeviceOf(ObjectDefinition obj)
        {
            return _devices[_definition.LogicalDevices.First(d => d.Objects.Contains(obj))];
        }

        public void Run()
        {
            Target.Identity(_definition.FlagId);
            if (_definition.EventLogs != null)
            {
                Target.EventLogs(_definition.EventLogs.Value);
            }
            TransformerDefinition? t = _definition.Transformer;
            if (t != null)
            {
                Target.Transformer(t.CurrentPrimary, t.CurrentSecondary, t.VoltagePrimary, t.VoltageSecondary);
            }
            int energyScaler = AllObjects().FirstOrDefault(o => o.Binding?.Quantity is EngineQuantity.ActiveEnergyImport or EngineQuantity.ActiveEnergyExport)?.Scaler ?? 0;
            if (energyScaler != 0)
            {
                Target.EnergyScaler(energyScaler);
            }
            foreach (ObjectDefinition obj in AllObjects().Where(o => o.Binding?.Quantity != null))
            {
                Target.Name(obj.Binding!.Quantity!.Value, obj.LogicalName);
            }
            foreach (LogicalDeviceDefinition device in _definition.LogicalDevices)
            {
                string variable = Unique("device" + device.Address.ToString(CultureInfo.InvariantCulture));
                _devices[device] = variable;
                Target.LogicalDevice(variable, device.Address, device.NamePrefix, device.AppendSerialNumber, device.Objects.Count);
            }
            // Security setups first: associations and counters refer to them.
            foreach (ObjectDefinition obj in AllObjects().Where(o => o.Class.Id == 64))
            {
                obj.Class.Kind.Create(obj, this);
            }
            foreach (ObjectDefinition obj in AllObjects().Where(o => o.Class.Id != 64))
            {
                obj.Class.Kind.Create(obj, this);
            }
            if (!AllObjects().Any(o => o.Class.Id == 23))
            {
                LinkDefinition l = _definition.Link;
                Target.IecHdlcSetup(Unique("hdlcSetup"), DefaultHdlcSetupName, l.WindowTransmit, l.WindowReceive, l.MaxInfoTransmit, l.MaxInfoReceive);
            }
            if (!AllObjects().Any(o => o.Class.Id == 41))
            {
                Target.TcpUdpSetup(Unique("tcpUdpSetup"), DefaultTcpUdpSetupName);
            }
            foreach (ObjectDefinition obj in AllObjects())
            {
                obj.Class.Kind.Layout(obj, this);
            }
            Target.CreateEngine();
            foreach (ObjectDefinition obj in AllObjects())
            {
                obj.Class.Kind.AfterEngine(obj, plan: this);
            }
            foreach (LogicalDeviceDefinition device in _definition.LogicalDevices)
            {
                foreach (ObjectDefinition obj in device.Objects)
                {
                    if (obj.Binding?.Quantity != null)
                    {
                        Target.EngineObject(Variable(obj), obj.Binding.Quantity.Value);
                    }
                    Target.Add(_devices[device], Variable(obj));
                    foreach ((ObjectDefinition association, AccessRuleDefinition rule, string _) in obj.Access)
                    {
                        Target.Allow(Variable(association), Variable(obj), RuleVariable(rule, obj.Class));
                    }
                }
            }
            Target.Finish();
        }

        /// <summary>How many objects list <paramref name="association"/> in their access table (its object_list's size).</summary>
        public int ObjectListSize(ObjectDefinition association)
        {
            return AllObjects().Count(o => o.Access.Any(a => a.Association == association));
        }

        /// <summary>A fresh variable for something that is not an object (a profile's layout).</summary>
        public string NewVariable(string wanted) => Unique(wanted);

        private IEnumerable<ObjectDefinition> AllObjects() => _definition.LogicalDevices.SelectMany(d => d.Objects);

        // One rule object per rule, or per rule and class when its exceptions name attributes
        // or methods (names resolve on the class).
        private string RuleVariable(AccessRuleDefinition rule, CosemClassInfo cls)
        {
            bool perClass = rule.AttributeExceptions.Count > 0 || rule.MethodExceptions.Count > 0;
            string key = rule.Path + (perClass ? "|" + cls.Id.ToString(CultureInfo.InvariantCulture) : "");
            if (_rules.TryGetValue(key, out string? variable))
            {
                return variable;
            }
            string baseName = rule.Path.StartsWith("/accessRules/", StringComparison.Ordinal) ? Identifier(rule.Name) : "inline";
            variable = Unique(baseName + "Rule" + (perClass ? "For" + cls.TypeName : ""));
            _rules[key] = variable;
            var attributes = rule.AttributeExceptions
                .Select(e => new RightException(cls.AttributeId(e.Key), cls.AttributeExpression(cls.AttributeId(e.Key)), (int)e.Mode)).ToList();
            var methods = rule.MethodExceptions
                .Select(e => new RightException(cls.MethodId(e.Key), cls.MethodExpression(cls.MethodId(e.Key)), (int)e.Mode)).ToList();
            Target.Rule(variable, rule.Attributes, rule.Methods, attributes, methods);
            return variable;
        }

        private string Unique(string wanted)
        {
            string name = wanted;
            for (int i = 2; !_taken.Add(name); i++)
            {
                name = wanted + i.ToString(CultureInfo.InvariantCulture);
            }
            return name;
        }

        /// <summary>"energy-import" -> energyImport, "1.0.1.8.0.255" -> o1_0_1_8_0_255; never a C# keyword.</summary>
        internal static string Identifier(string text)
        {
            var result = new StringBuilder();
            bool upper = false;
            foreach (char c in text)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    result.Append(upper && result.Length > 0 ? char.ToUpperInvariant(c) : (result.Length == 0 ? char.ToLowerInvariant(c) : c));
                    upper = false;
                }
                else if (c == '.')
                {
                    result.Append('_');
                }
                else
                {
                    upper = true;
                }
            }
            string name = result.ToString();
            if (name.Length == 0 || char.IsAsciiDigit(name[0]))
            {
                name = "o" + name;
            }
            return s_keywords.Contains(name) ? name + "Object" : name;
        }
    }
}
