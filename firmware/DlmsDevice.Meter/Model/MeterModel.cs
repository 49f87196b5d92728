using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// A meter's object model, as <see cref="MeterModelBuilder"/> builds it from a meter
    /// definition (meters/*.json, docs/meter-definitions.md): its logical devices with their
    /// objects and associations, the metering engine behind the measured objects, the setup
    /// objects whose values the links use, and the security setup whose invocation counters live
    /// in the meter's store. The same model runs in the emulator and on a device; the host
    /// supplies the hardware (<see cref="MeterConfiguration"/>), a store, a tick and the
    /// communication.
    /// </summary>
    public class MeterModel
    {
        private LogicalDevice[] _devices = new LogicalDevice[0];

        /// <summary>The settings the model was built with (identity, secrets, link values).</summary>
        public DefaultMeterModelSettings Settings { get; internal set; }

        /// <summary>The metering engine (tick it; start it with a store through <see cref="Start"/>).</summary>
        public MeterEngine Engine { get; internal set; }

        /// <summary>The lock to hold while serving a request (the engine's).</summary>
        public object SyncRoot
        {
            get { return Engine.SyncRoot; }
        }

        /// <summary>The first logical device of the definition (the management logical device, address 1, on every shipped meter).</summary>
        public LogicalDevice Device
        {
            get { return _devices.Length > 0 ? _devices[0] : null; }
        }

        /// <summary>Number of logical devices.</summary>
        public int LogicalDeviceCount
        {
            get { return _devices.Length; }
        }

        /// <summary>Logical device <paramref name="index"/> (0-based, in the definition's order).</summary>
        public LogicalDevice GetLogicalDevice(int index)
        {
            return _devices[index];
        }

        /// <summary>The logical device name (the value of 0.0.42.0.0.255 of <see cref="Device"/>) as text.</summary>
        public string LogicalDeviceName { get; internal set; }

        /// <summary>IEC HDLC setup: what it shows is what the HDLC links use (address, window, information field lengths, inactivity), listed in a directory or not.</summary>
        public IecHdlcSetup IecHdlcSetup { get; internal set; }

        /// <summary>TCP-UDP setup: what it shows is what the wrapper uses (port, connections, inactivity), listed in a directory or not.</summary>
        public TcpUdpSetup TcpUdpSetup { get; internal set; }

        /// <summary>The security setup whose keys and counters the ciphered associations use; null when the meter has none.</summary>
        public SecuritySetup SecuritySetup { get; internal set; }

        /// <summary>The keys, titles and counters behind <see cref="SecuritySetup"/>; null without one.</summary>
        public SecurityProfile SecurityProfile
        {
            get { return SecuritySetup == null ? null : SecuritySetup.Profile; }
        }

        /// <summary>The invocation counters of <see cref="SecuritySetup"/> (record <see cref="MeterPersistence.SecurityCountersRecord"/> once started); null without one.</summary>
        public InvocationCounterStore SecurityCounters { get; internal set; }

        /// <summary>True when a key was left at a published test key because the definition allows it and the host supplied none (a host must say so loudly).</summary>
        public bool UsesTestKeys { get; internal set; }

        /// <summary>The Association LN object of <see cref="Device"/> serving <paramref name="clientSap"/>; null when there is none.</summary>
        public AssociationLogicalName FindAssociation(int clientSap)
        {
            LogicalDevice device = Device;
            return device == null ? null : device.FindAssociation(clientSap);
        }

        /// <summary>The object of <see cref="Device"/>'s directory with this class and logical name; null when absent.</summary>
        public CosemObject Find(ushort classId, ObisCode logicalName)
        {
            LogicalDevice device = Device;
            return device == null ? null : device.Find(classId, logicalName);
        }

        /// <summary>
        /// Starts the meter on <paramref name="store"/> (null = no persistence: every restart is a
        /// first start): the engine recovers its state, and the security setup's invocation
        /// counters are read from their record (<see cref="MeterPersistence.SecurityCountersRecord"/>).
        /// If they cannot be read, ciphered associations are refused rather than risk reusing a
        /// counter. Once.
        /// </summary>
        /// <returns>The counters' store status (Ok, also without a store or without a security setup).</returns>
        public StoreStatus Start(INonVolatileStore store)
        {
            Engine.Start(store);
            return SecurityCounters == null ? StoreStatus.Ok : SecurityCounters.Attach(store);
        }

        internal void AddLogicalDevice(LogicalDevice device)
        {
            LogicalDevice[] grown = new LogicalDevice[_devices.Length + 1];
            Array.Copy(_devices, grown, _devices.Length);
            grown[_devices.Length] = device;
            _devices = grown;
        }
    }
}
