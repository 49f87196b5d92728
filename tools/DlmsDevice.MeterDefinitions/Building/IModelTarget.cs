using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.MeterDefinitions.Building
{
    /// <summary>A key or password as the build sees it: the secret's name, and what to use when the host supplies none (a test key, an inline value; null = the host must).</summary>
    /// <param name="Name">The secret's name (what the host supplies it by).</param>
    /// <param name="TestKey">The published test key's name in the settings class (TestAuthenticationKey, ...), or null.</param>
    /// <param name="Inline">The inline value (hex of a key, text of a password), or null.</param>
    public sealed record SecretUse(string Name, string? TestKey, string? Inline);

    /// <summary>An attribute or method exception of an access rule, resolved on one class.</summary>
    /// <param name="Id">Attribute or method id.</param>
    /// <param name="Expression">Its C# name (<c>Clock.Attributes.Status</c>).</param>
    /// <param name="Mode">Attribute or method access, as the byte the object_list shows.</param>
    public sealed record RightException(int Id, string Expression, int Mode);

    /// <summary>
    /// The calls of <c>MeterModelBuilder</c>, one per element of a definition: <see cref="LiveTarget"/>
    /// makes them (the emulator's --meter), <see cref="CSharpTarget"/> writes them as portable code
    /// (a device build). Objects are named by variables the plan chooses.
    /// </summary>
    internal interface IModelTarget
    {
        void Identity(string flagId);

        void Name(EngineQuantity quantity, ObisCode logicalName);

        void EventLogs(EventLogLayout layout);

        void Transformer(int currentPrimary, int currentSecondary, int voltagePrimary, int voltageSecondary);

        void EnergyScaler(int scaler);

        void LoadProfilePeriod(int seconds);

        void DemandPeriod(int seconds);

        void ClockSettings(int timeZone, bool europeanDaylightSavings);

        void ControlMode(int mode);

        void LogicalDevice(string variable, int address, string namePrefix, bool appendSerialNumber, int capacity);

        void LogicalDeviceName(string variable, string device);

        void Data(string variable, ObisCode logicalName, TypedValue value);

        void SerialNumber(string variable, ObisCode logicalName);

        void FirmwareVersion(string variable, ObisCode logicalName);

        void Register(string variable, ObisCode logicalName, TypedValue value, int scaler, int unit);

        void CurrentAssociation(string variable);

        void SapAssignment(string variable, ObisCode logicalName);

        void IecHdlcSetup(string variable, ObisCode logicalName, int windowTransmit, int windowReceive, int maxInfoTransmit, int maxInfoReceive);

        void TcpUdpSetup(string variable, ObisCode logicalName);

        void SecuritySetup(string variable, ObisCode logicalName, byte policy, string policyName, SecretUse authenticationKey, SecretUse encryptionKey, SecretUse masterKey, byte[]? systemTitle);

        void InvocationCounter(string variable, ObisCode logicalName, string securitySetup);

        void Association(string variable, string device, ObisCode logicalName, int clientSap, byte mechanism, string mechanismName, SecretUse? secret,
            int maxSecretLength, bool ciphering, int conformance, IReadOnlyList<string> conformanceNames, string? securitySetup, int capacity);

        void Profile(string layout, EngineQuantity profile, int columns, int entries);

        void Column(string layout, EngineQuantity? quantity, string? obj, int attribute, string attributeExpression, int dataIndex);

        void CreateEngine();

        void Layout(string layout, int columns);

        void SnapshotProfile(string variable, ObisCode logicalName, string layout, int entries);

        void EngineObject(string variable, EngineQuantity quantity);

        void Rule(string variable, AttributeAccess attributes, MethodAccess methods, IReadOnlyList<RightException> attributeExceptions, IReadOnlyList<RightException> methodExceptions);

        void Add(string device, string obj);

        void Allow(string association, string obj, string rule);

        void Finish();
    }
}
