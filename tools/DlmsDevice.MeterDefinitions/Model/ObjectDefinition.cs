using System.Collections.Generic;
using DlmsDevice.MeterDefinitions.Classes;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.MeterDefinitions.Model
{
    /// <summary>One object of a logical device, as read: what its class uses is set, the rest is null.</summary>
    public sealed class ObjectDefinition
    {
        /// <summary>JSON path of the object.</summary>
        public string Path { get; init; } = "";

        /// <summary>Its id (the logical name when none was given).</summary>
        public string Id { get; set; } = "";

        /// <summary>The class.</summary>
        public CosemClassInfo Class { get; set; } = null!;

        /// <summary>Logical name.</summary>
        public ObisCode LogicalName { get; set; } = null!;

        /// <summary>Logical name as written (A.B.C.D.E.F).</summary>
        public string LogicalNameText { get; set; } = "";

        /// <summary>What feeds it.</summary>
        public BindingInfo? Binding { get; set; }

        /// <summary>Initial value of a static Data or Register.</summary>
        public TypedValue? Value { get; set; }

        /// <summary>Register scaler.</summary>
        public int? Scaler { get; set; }

        /// <summary>Register unit (enum number).</summary>
        public int? Unit { get; set; }

        /// <summary>The security setup an invocation counter shows (or a ciphered association uses).</summary>
        public ObjectDefinition? SecuritySetup { get; set; }

        /// <summary>Clock time_zone.</summary>
        public int? TimeZone { get; set; }

        /// <summary>Clock daylight saving with the EU rule.</summary>
        public bool? EuropeanDaylightSavings { get; set; }

        /// <summary>Demand register period, s.</summary>
        public int? Period { get; set; }

        /// <summary>Disconnect control mode.</summary>
        public int? ControlMode { get; set; }

        /// <summary>Profile settings.</summary>
        public ProfileDefinition? Profile { get; set; }

        /// <summary>Association settings (null for the current association 0.0.40.0.0.255).</summary>
        public AssociationDefinition? Association { get; set; }

        /// <summary>Security setup settings.</summary>
        public SecurityDefinition? Security { get; set; }

        /// <summary>Rights per association: the association object, the rule, the JSON path.</summary>
        public List<(ObjectDefinition Association, AccessRuleDefinition Rule, string Path)> Access { get; } = new List<(ObjectDefinition, AccessRuleDefinition, string)>();
    }

    /// <summary>A profile's settings.</summary>
    public sealed class ProfileDefinition
    {
        /// <summary>Columns: captured object, attribute id, data index, JSON path.</summary>
        public List<(ObjectDefinition Object, int Attribute, int DataIndex, string Path)> Columns { get; } = new List<(ObjectDefinition, int, int, string)>();

        /// <summary>capture_period, s (null = the engine's default for the role).</summary>
        public int? CapturePeriod { get; set; }

        /// <summary>profile_entries (null = the host's).</summary>
        public int? Entries { get; set; }
    }

    /// <summary>An association's settings.</summary>
    public sealed class AssociationDefinition
    {
        /// <summary>Client SAP.</summary>
        public int ClientSap { get; set; }

        /// <summary>mechanism_name id.</summary>
        public byte Mechanism { get; set; }

        /// <summary>The secret's name (password or HLS secret).</summary>
        public SecretDefinition? Secret { get; set; }

        /// <summary>Room for the secret.</summary>
        public int MaxSecretLength { get; set; }

        /// <summary>Context with ciphering.</summary>
        public bool Ciphering { get; set; }

        /// <summary>Conformance names as written.</summary>
        public List<string> Conformance { get; } = new List<string>();
    }

    /// <summary>A security setup's settings.</summary>
    public sealed class SecurityDefinition
    {
        /// <summary>security_policy 0..3.</summary>
        public byte Policy { get; set; } = 3;

        /// <summary>The authentication key's secret.</summary>
        public SecretDefinition? AuthenticationKey { get; set; }

        /// <summary>The encryption key's secret.</summary>
        public SecretDefinition? EncryptionKey { get; set; }

        /// <summary>The master key's secret.</summary>
        public SecretDefinition? MasterKey { get; set; }

        /// <summary>A fixed system title (8 bytes); null = the flag id and serial number.</summary>
        public byte[]? SystemTitle { get; set; }
    }
}
