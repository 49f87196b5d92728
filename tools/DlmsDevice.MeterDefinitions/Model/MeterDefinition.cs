using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.MeterDefinitions.Model
{
    /// <summary>A meter definition as read and checked: every reference resolved, every default filled in.</summary>
    public sealed class MeterDefinition
    {
        /// <summary>The file it was read from (as given).</summary>
        public string File { get; init; } = "";

        /// <summary>The directory key files are relative to.</summary>
        public string Directory { get; init; } = "";

        /// <summary>Short name.</summary>
        public string Name { get; set; } = "";

        /// <summary>What the meter is.</summary>
        public string? Description { get; set; }

        /// <summary>Manufacturer flag id (3 letters).</summary>
        public string FlagId { get; set; } = DefaultMeterModelSettings.FlagId;

        /// <summary>Serial number.</summary>
        public string SerialNumber { get; set; } = "0000000000001";

        /// <summary>Firmware version text.</summary>
        public string FirmwareVersion { get; set; } = "DlmsDevice 0.1.0";

        /// <summary>Secrets by name.</summary>
        public Dictionary<string, SecretDefinition> Secrets { get; } = new Dictionary<string, SecretDefinition>(System.StringComparer.Ordinal);

        /// <summary>Link settings.</summary>
        public LinkDefinition Link { get; } = new LinkDefinition();

        /// <summary>Pulse inputs.</summary>
        public List<PulseInputDefinition> PulseInputs { get; } = new List<PulseInputDefinition>();

        /// <summary>Analog inputs.</summary>
        public List<AnalogInputDefinition> AnalogInputs { get; } = new List<AnalogInputDefinition>();

        /// <summary>Named access rules.</summary>
        public Dictionary<string, AccessRuleDefinition> Rules { get; } = new Dictionary<string, AccessRuleDefinition>(System.StringComparer.Ordinal);

        /// <summary>Logical devices, in order.</summary>
        public List<LogicalDeviceDefinition> LogicalDevices { get; } = new List<LogicalDeviceDefinition>();

        /// <summary>The current and voltage transformer ratios (inputs.transformer); null = a whole-current meter.</summary>
        public TransformerDefinition? Transformer { get; set; }

        /// <summary>The event log layout the definition asks for ("eventLogs"); null = the host's.</summary>
        public EventLogLayout? EventLogs { get; set; }

        /// <summary>The analog input measuring <paramref name="quantity"/>; null when there is none.</summary>
        public AnalogInputDefinition? Analog(AnalogQuantity quantity) => AnalogInputs.Find(a => a.Quantity == quantity);
    }

    /// <summary>How a secret is given.</summary>
    public enum SecretKind
    {
        /// <summary>An environment variable.</summary>
        Environment,

        /// <summary>A file, relative to the definition.</summary>
        File,

        /// <summary>A published test key.</summary>
        TestKey,

        /// <summary>The value in the definition.</summary>
        Inline,
    }

    /// <summary>A named secret.</summary>
    public sealed record SecretDefinition(string Name, string Path, SecretKind Kind, string Value);

    /// <summary>Link settings with the default meter's defaults.</summary>
    public sealed class LinkDefinition
    {
        /// <summary>server-max-receive-pdu-size.</summary>
        public int MaxPduSize { get; set; } = 1024;

        /// <summary>HDLC lower address.</summary>
        public int HdlcPhysicalAddress { get; set; } = 17;

        /// <summary>Serial speed.</summary>
        public int BaudRate { get; set; } = 9600;

        /// <summary>window_size_transmit.</summary>
        public int WindowTransmit { get; set; } = 1;

        /// <summary>window_size_receive.</summary>
        public int WindowReceive { get; set; } = 1;

        /// <summary>max_info_field_length_transmit.</summary>
        public int MaxInfoTransmit { get; set; } = 128;

        /// <summary>max_info_field_length_receive.</summary>
        public int MaxInfoReceive { get; set; } = 128;

        /// <summary>HDLC inactivity time-out, s.</summary>
        public int HdlcInactivitySeconds { get; set; } = 120;

        /// <summary>HDLC over TCP port.</summary>
        public int HdlcPort { get; set; } = 4060;

        /// <summary>Wrapper port.</summary>
        public int WrapperPort { get; set; } = 4059;

        /// <summary>Simultaneous wrapper connections.</summary>
        public int MaxConnections { get; set; } = 2;

        /// <summary>Wrapper inactivity time-out, s.</summary>
        public int WrapperInactivitySeconds { get; set; } = 120;
    }

    /// <summary>Transformer ratios of a CT/VT-operated meter: values are shown on the primary side.</summary>
    public sealed record TransformerDefinition(int CurrentPrimary, int CurrentSecondary, int VoltagePrimary, int VoltageSecondary);

    /// <summary>A pulse input.</summary>
    public sealed record PulseInputDefinition(string Id, int ImpulsesPerKwh, EnergyDirection Direction, string Path);

    /// <summary>An analog input.</summary>
    public sealed record AnalogInputDefinition(string Id, AnalogQuantity Quantity, double Gain, double Offset, int AveragingMilliseconds, string Path);

    /// <summary>A logical device.</summary>
    public sealed class LogicalDeviceDefinition
    {
        /// <summary>JSON path.</summary>
        public string Path { get; init; } = "";

        /// <summary>Server SAP.</summary>
        public int Address { get; set; }

        /// <summary>The name, or its part before the serial number.</summary>
        public string NamePrefix { get; set; } = "";

        /// <summary>True when the serial number follows <see cref="NamePrefix"/>.</summary>
        public bool AppendSerialNumber { get; set; }

        /// <summary>Objects in object_list order.</summary>
        public List<ObjectDefinition> Objects { get; } = new List<ObjectDefinition>();

        /// <summary>The object with this id or logical name; null when none.</summary>
        public ObjectDefinition? Resolve(string reference)
        {
            return Objects.Find(o => o.Id == reference) ?? Objects.Find(o => o.LogicalNameText == reference);
        }
    }

    /// <summary>An access rule: a mode for every attribute and method, and exceptions by number.</summary>
    public sealed class AccessRuleDefinition
    {
        /// <summary>Its name (or the path of an inline rule).</summary>
        public string Name { get; init; } = "";

        /// <summary>JSON path.</summary>
        public string Path { get; init; } = "";

        /// <summary>Mode of every attribute but logical_name.</summary>
        public AttributeAccess Attributes { get; set; }

        /// <summary>Mode of every method.</summary>
        public MethodAccess Methods { get; set; }

        /// <summary>Attribute exceptions: key (name or number), mode, JSON path.</summary>
        public List<(string Key, AttributeAccess Mode, string Path)> AttributeExceptions { get; } = new List<(string, AttributeAccess, string)>();

        /// <summary>Method exceptions: key (name or number), mode, JSON path.</summary>
        public List<(string Key, MethodAccess Mode, string Path)> MethodExceptions { get; } = new List<(string, MethodAccess, string)>();
    }
}
