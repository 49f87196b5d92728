using System;
using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Classes;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.MeterDefinitions.Building
{
    /// <summary>Makes the plan's calls on a <see cref="MeterModelBuilder"/>: the model a definition describes, built at run time.</summary>
    internal sealed class LiveTarget : IModelTarget
    {
        private readonly MeterModelBuilder _builder;
        private readonly Dictionary<string, object> _variables = new Dictionary<string, object>(StringComparer.Ordinal);

        public LiveTarget(MeterModelBuilder builder)
        {
            _builder = builder;
        }

        private T Get<T>(string variable) => (T)_variables[variable];

        public void Identity(string flagId) => _builder.Identity(flagId);

        public void Name(EngineQuantity quantity, ObisCode logicalName) => _builder.Name(quantity, logicalName);

        public void EventLogs(EventLogLayout layout) => _builder.Configuration.EventLogs = layout;

        public void Transformer(int currentPrimary, int currentSecondary, int voltagePrimary, int voltageSecondary)
        {
            _builder.Configuration.CurrentTransformerPrimary = currentPrimary;
            _builder.Configuration.CurrentTransformerSecondary = currentSecondary;
            _builder.Configuration.VoltageTransformerPrimary = voltagePrimary;
            _builder.Configuration.VoltageTransformerSecondary = voltageSecondary;
        }

        public void EnergyScaler(int scaler) => _builder.Configuration.EnergyScaler = scaler;

        public void LoadProfilePeriod(int seconds) => _builder.Configuration.LoadProfilePeriodSeconds = seconds;

        public void DemandPeriod(int seconds) => _builder.Configuration.DemandPeriodSeconds = seconds;

        public void ClockSettings(int timeZone, bool europeanDaylightSavings)
        {
            _builder.Configuration.TimeZone = (short)timeZone;
            _builder.Configuration.EuropeanDaylightSavings = europeanDaylightSavings;
        }

        public void ControlMode(int mode) => _builder.Configuration.DisconnectControlMode = (ControlMode)mode;

        public void LogicalDevice(string variable, int address, string namePrefix, bool appendSerialNumber, int capacity)
            => _variables[variable] = _builder.LogicalDevice(address, namePrefix, appendSerialNumber, capacity);

        public void LogicalDeviceName(string variable, string device) => _variables[variable] = Get<LogicalDevice>(device).Name;

        public void Data(string variable, ObisCode logicalName, TypedValue value) => _variables[variable] = _builder.Data(logicalName, Value(value));

        public void SerialNumber(string variable, ObisCode logicalName) => _variables[variable] = _builder.SerialNumber(logicalName);

        public void FirmwareVersion(string variable, ObisCode logicalName) => _variables[variable] = _builder.FirmwareVersion(logicalName);

        public void Register(string variable, ObisCode logicalName, TypedValue value, int scaler, int unit)
            => _variables[variable] = _builder.Register(logicalName, Value(value), (sbyte)scaler, (Unit)unit);

        public void CurrentAssociation(string variable) => _variables[variable] = _builder.CurrentAssociation();

        public void SapAssignment(string variable, ObisCode logicalName) => _variables[variable] = _builder.SapAssignment(logicalName);

        public void IecHdlcSetup(string variable, ObisCode logicalName, int windowTransmit, int windowReceive, int maxInfoTransmit, int maxInfoReceive)
            => _variables[variable] = _builder.IecHdlcSetup(logicalName, windowTransmit, windowReceive, maxInfoTransmit, maxInfoReceive);

        public void TcpUdpSetup(string variable, ObisCode logicalName) => _variables[variable] = _builder.TcpUdpSetup(logicalName);

        public void SecuritySetup(string variable, ObisCode logicalName, byte policy, string policyName, SecretUse authenticationKey, SecretUse encryptionKey, SecretUse masterKey, byte[]? systemTitle)
        {
            _variables[variable] = _builder.SecuritySetup(logicalName, policy,
                authenticationKey.Name, Fallback(authenticationKey), encryptionKey.Name, Fallback(encryptionKey), masterKey.Name, Fallback(masterKey), systemTitle);
        }

        public void InvocationCounter(string variable, ObisCode logicalName, string securitySetup)
            => _variables[variable] = _builder.InvocationCounter(logicalName, Get<SecuritySetup>(securitySetup));

        public void Association(string variable, string device, ObisCode logicalName, int clientSap, byte mechanism, string mechanismName, SecretUse? secret,
            int maxSecretLength, bool ciphering, int conformance, IReadOnlyList<string> conformanceNames, string? securitySetup, int capacity)
        {
            _variables[variable] = _builder.Association(Get<LogicalDevice>(device), logicalName, clientSap, mechanism, secret?.Name, secret?.Inline, maxSecretLength,
                ciphering ? AssociationLogicalName.ContextLogicalNameWithCiphering : AssociationLogicalName.ContextLogicalName, conformance,
                securitySetup == null ? null : Get<SecuritySetup>(securitySetup), capacity);
        }

        public void Profile(string layout, EngineQuantity profile, int columns, int entries) => _variables[layout] = _builder.Profile(profile, columns, entries);

        public void Column(string layout, EngineQuantity? quantity, string? obj, int attribute, string attributeExpression, int dataIndex)
        {
            ProfileLayout l = Get<ProfileLayout>(layout);
            if (quantity != null)
            {
                l.Add(quantity.Value, attribute, dataIndex);
            }
            else
            {
                l.Add(Get<CosemObject>(obj!), attribute, dataIndex);
            }
        }

        public void CreateEngine() => _builder.CreateEngine();

        public void Layout(string layout, int columns) => _variables[layout] = new ProfileLayout(columns);

        public void SnapshotProfile(string variable, ObisCode logicalName, string layout, int entries)
            => _variables[variable] = _builder.SnapshotProfile(logicalName, Get<ProfileLayout>(layout), entries);

        public void EngineObject(string variable, EngineQuantity quantity) => _variables[variable] = _builder.Engine(quantity);

        public void Rule(string variable, AttributeAccess attributes, MethodAccess methods, IReadOnlyList<RightException> attributeExceptions, IReadOnlyList<RightException> methodExceptions)
        {
            var rule = new AccessRule(attributes, methods);
            foreach (RightException e in attributeExceptions)
            {
                rule.Attribute(e.Id, (AttributeAccess)e.Mode);
            }
            foreach (RightException e in methodExceptions)
            {
                rule.Method(e.Id, (MethodAccess)e.Mode);
            }
            _variables[variable] = rule;
        }

        public void Add(string device, string obj) => _builder.Add(Get<LogicalDevice>(device), Get<CosemObject>(obj));

        public void Allow(string association, string obj, string rule)
            => _builder.Allow(Get<AssociationLogicalName>(association), Get<CosemObject>(obj), Get<AccessRule>(rule));

        public void Finish() => _builder.Finish();

        private static byte[]? Fallback(SecretUse secret)
        {
            if (secret.TestKey != null)
            {
                return (byte[])typeof(DefaultMeterModelSettings).GetField(secret.TestKey)!.GetValue(null)!;
            }
            return secret.Inline == null ? null : Secrets.Hex(secret.Inline);
        }

        /// <summary>The portable value holder of <paramref name="value"/> (the same calls the generated code makes).</summary>
        internal static CosemValue Value(TypedValue value)
        {
            switch (value.Value)
            {
                case bool b:
                    return MeterModelBuilder.Boolean(b);
                case long l:
                    return MeterModelBuilder.Integer(value.Type, l);
                case double d:
                    return MeterModelBuilder.Float(value.Type, d);
                case string s:
                    return MeterModelBuilder.Text(value.Type, s, value.MaxLength);
                case byte[] bytes:
                    return MeterModelBuilder.Octets(bytes, value.MaxLength);
                default:
                    throw new InvalidOperationException("unexpected value " + value);
            }
        }
    }
}
