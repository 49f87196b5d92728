using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The default meter's object model: the management logical device (address 1) with the
    /// identity objects, the clock, the three associations (public client 16, read-only; meter
    /// reader 32, LLS; management client 48, HLS-GMAC with every APDU authenticated and
    /// encrypted) with their security objects, the setup objects, and every object of the
    /// <see cref="MeterEngine"/>; the access rights of each object for each association are one
    /// table (DefaultMeterModel.Access.cs). The same model runs in the emulator and on a device;
    /// the host only supplies the hardware (<see cref="MeterConfiguration"/>), a store, a tick and
    /// the communication. docs/metering.md and docs/emulator.md list the objects and rights.
    /// </summary>
    public sealed partial class DefaultMeterModel
    {
        /// <summary>Public client SAP: no authentication, read-only.</summary>
        public const int PublicClientSap = 16;

        /// <summary>Meter-reader client SAP: LLS password; sets the clock, resets maximum demand, disconnects and reconnects.</summary>
        public const int MeterReaderClientSap = 32;

        /// <summary>Management client SAP: HLS-GMAC, authenticated encryption, reads and changes everything.</summary>
        public const int ManagementClientSap = 48;

        private readonly DefaultMeterModelSettings _settings;

        /// <summary>Builds the engine and the object model (configuration time: allocates everything once).</summary>
        /// <exception cref="ArgumentException">A setting does not fit (serial number not 1..13 characters, password longer than 64, non-Latin-1 text, a key not 16 bytes, a system title not 8 bytes).</exception>
        public DefaultMeterModel(MeterConfiguration configuration, DefaultMeterModelSettings settings)
        {
            if (configuration == null || settings == null)
            {
                throw new ArgumentNullException();
            }
            if (settings.SerialNumber == null || settings.SerialNumber.Length == 0 || settings.SerialNumber.Length > 13)
            {
                throw new ArgumentException();
            }
            _settings = settings;
            Engine = new MeterEngine(configuration);
            // Room in every object list for the objects of ScheduleModel.cs and TariffModel.cs.
            int automation = AutomationObjectCount(settings);

            Device = new LogicalDevice(LogicalDevice.ManagementLogicalDeviceAddress, LogicalDeviceName, 48 + automation);
            SerialNumberObject = new Data(MeterObis.SerialNumber, VisibleString(settings.SerialNumber));
            FirmwareVersionObject = new Data(MeterObis.FirmwareVersion, VisibleString(settings.FirmwareVersion));
            CurrentAssociationObject = new CurrentAssociation();
            SapAssignment = new SapAssignment(MeterObis.SapAssignment, 1);
            SapAssignment.Add(Device);
            IecHdlcSetup = CreateIecHdlcSetup(settings);
            TcpUdpSetup = CreateTcpUdpSetup(settings);

            PublicAssociation = new AssociationLogicalName(MeterObis.PublicAssociation, new ObjectList(40 + automation),
                PublicClientSap, Device.Address, 0, 0);
            MeterReaderAssociation = new AssociationLogicalName(MeterObis.MeterReaderAssociation, new ObjectList(40 + automation),
                MeterReaderClientSap, Device.Address, 1, 64);
            if (settings.Password == null || !MeterReaderAssociation.SetSecret(settings.Password))
            {
                throw new ArgumentException();
            }
            PublicAssociation.MaxReceivePduSize = settings.MaxApduSize;
            MeterReaderAssociation.MaxReceivePduSize = settings.MaxApduSize;
            CreateManagementAssociation(settings, automation);

            AddObjectsAndRights();
            AddAutomationObjects(configuration, settings);
        }

        /// <summary>The settings the model was built with.</summary>
        public DefaultMeterModelSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The metering engine (tick it; start it with a store).</summary>
        public MeterEngine Engine { get; private set; }

        /// <summary>The lock to hold while serving a request (the engine's).</summary>
        public object SyncRoot
        {
            get { return Engine.SyncRoot; }
        }

        /// <summary>Logical device name: "DLD" + serial number.</summary>
        public string LogicalDeviceName
        {
            get { return DefaultMeterModelSettings.FlagId + _settings.SerialNumber; }
        }

        /// <summary>The management logical device (address 1): the directory of every object.</summary>
        public LogicalDevice Device { get; private set; }

        /// <summary>0.0.96.1.0.255.</summary>
        public Data SerialNumberObject { get; private set; }

        /// <summary>1.0.0.2.0.255.</summary>
        public Data FirmwareVersionObject { get; private set; }

        /// <summary>0.0.40.0.0.255.</summary>
        public CurrentAssociation CurrentAssociationObject { get; private set; }

        /// <summary>0.0.40.0.1.255, client SAP 16.</summary>
        public AssociationLogicalName PublicAssociation { get; private set; }

        /// <summary>0.0.40.0.2.255, client SAP 32.</summary>
        public AssociationLogicalName MeterReaderAssociation { get; private set; }

        /// <summary>0.0.41.0.0.255.</summary>
        public SapAssignment SapAssignment { get; private set; }

        /// <summary>0.0.22.0.0.255.</summary>
        public IecHdlcSetup IecHdlcSetup { get; private set; }

        /// <summary>0.0.25.0.0.255.</summary>
        public TcpUdpSetup TcpUdpSetup { get; private set; }

        /// <summary>
        /// Starts the meter on <paramref name="store"/> (null = no persistence: every restart is a
        /// first start): the engine recovers its state, and the management association's
        /// invocation counters are read from their record (<see cref="MeterPersistence.SecurityCountersRecord"/>).
        /// If they cannot be read, ciphered associations are refused rather than risk reusing a
        /// counter. Once.
        /// </summary>
        /// <returns>The counters' store status (Ok, also without a store).</returns>
        public StoreStatus Start(INonVolatileStore store)
        {
            Engine.Start(store);
            return SecurityCounters.Attach(store);
        }

        private static CosemValue VisibleString(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException();
            }
            CosemValue value = new CosemValue(DataType.VisibleString, text.Length > 0 ? text.Length : 1);
            if (!value.SetString(text))
            {
                throw new ArgumentException();
            }
            return value;
        }

        private static IecHdlcSetup CreateIecHdlcSetup(DefaultMeterModelSettings settings)
        {
            IecHdlcSetup setup = new IecHdlcSetup(MeterObis.IecHdlcSetup);
            setup.CommSpeed = CommSpeed(settings.BaudRate);
            setup.WindowSizeTransmit = 1;
            setup.WindowSizeReceive = 1;
            setup.MaxInfoFieldLengthTransmit = 128;
            setup.MaxInfoFieldLengthReceive = 128;
            int inactivity = settings.HdlcInactivityTimeoutSeconds;
            setup.InactivityTimeOut = (ushort)(inactivity > ushort.MaxValue ? ushort.MaxValue : (inactivity < 0 ? 0 : inactivity));
            setup.DeviceAddress = (ushort)settings.HdlcPhysicalAddress;
            return setup;
        }

        private static TcpUdpSetup CreateTcpUdpSetup(DefaultMeterModelSettings settings)
        {
            TcpUdpSetup setup = new TcpUdpSetup(MeterObis.TcpUdpSetup);
            setup.Port = (ushort)settings.WrapperPort;
            int connections = settings.MaxConnections;
            setup.MaxSimultaneousConnections = (byte)(connections > byte.MaxValue ? byte.MaxValue : (connections < 0 ? 0 : connections));
            // A wrapper connection without a frame for this long is closed (the device runtime does it).
            int inactivity = settings.WrapperInactivityTimeoutSeconds;
            setup.InactivityTimeOut = (ushort)(inactivity > ushort.MaxValue ? ushort.MaxValue : (inactivity < 0 ? 0 : inactivity));
            return setup;
        }

        // IC 23 comm_speed enum: 0 = 300 baud ... 9 = 115200 baud; unknown speeds show 9600 (5).
        private static byte CommSpeed(int baud)
        {
            int[] speeds = { 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 };
            for (int i = 0; i < speeds.Length; i++)
            {
                if (speeds[i] == baud)
                {
                    return (byte)i;
                }
            }
            return 5;
        }
    }
}
