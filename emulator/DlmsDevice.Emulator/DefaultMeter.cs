using System;
using DlmsDevice.Emulator.Simulation;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// The emulator's default meter, built in this one place: the management logical device
    /// (address 1) with its COSEM objects, the two associations (public client 16, meter reader
    /// 32) and their access rights, and the simulated measurements behind the registers.
    /// docs/emulator.md lists the objects and rights; a richer metering model replaces this
    /// class, not the endpoints.
    /// </summary>
    public sealed partial class DefaultMeter : IMeterModel
    {
        /// <summary>Public client SAP: no authentication, read-only.</summary>
        public const int PublicClientSap = 16;

        /// <summary>Meter-reader client SAP: LLS password, reads everything, sets the clock, resets energy.</summary>
        public const int MeterReaderClientSap = 32;

        /// <summary>Logical device name 0.0.42.0.0.255.</summary>
        public static readonly ObisCode LogicalDeviceNameObis = new ObisCode(0, 0, 42, 0, 0, 255);

        /// <summary>Serial number (device ID 1, manufacturing number) 0.0.96.1.0.255.</summary>
        public static readonly ObisCode SerialNumberObis = new ObisCode(0, 0, 96, 1, 0, 255);

        /// <summary>Active firmware identifier 1.0.0.2.0.255.</summary>
        public static readonly ObisCode FirmwareVersionObis = new ObisCode(1, 0, 0, 2, 0, 255);

        /// <summary>Clock 0.0.1.0.0.255.</summary>
        public static readonly ObisCode ClockObis = new ObisCode(0, 0, 1, 0, 0, 255);

        /// <summary>Association LN of the public client 0.0.40.0.1.255.</summary>
        public static readonly ObisCode PublicAssociationObis = new ObisCode(0, 0, 40, 0, 1, 255);

        /// <summary>Association LN of the meter reader 0.0.40.0.2.255.</summary>
        public static readonly ObisCode MeterReaderAssociationObis = new ObisCode(0, 0, 40, 0, 2, 255);

        /// <summary>SAP assignment 0.0.41.0.0.255.</summary>
        public static readonly ObisCode SapAssignmentObis = new ObisCode(0, 0, 41, 0, 0, 255);

        /// <summary>IEC HDLC setup 0.0.22.0.0.255.</summary>
        public static readonly ObisCode IecHdlcSetupObis = new ObisCode(0, 0, 22, 0, 0, 255);

        /// <summary>TCP-UDP setup 0.0.25.0.0.255.</summary>
        public static readonly ObisCode TcpUdpSetupObis = new ObisCode(0, 0, 25, 0, 0, 255);

        /// <summary>Active energy import (+A) total 1.0.1.8.0.255.</summary>
        public static readonly ObisCode ActiveEnergyImportObis = new ObisCode(1, 0, 1, 8, 0, 255);

        /// <summary>Active power import (+P) instantaneous 1.0.1.7.0.255.</summary>
        public static readonly ObisCode ActivePowerImportObis = new ObisCode(1, 0, 1, 7, 0, 255);

        /// <summary>Voltage L1 instantaneous 1.0.32.7.0.255.</summary>
        public static readonly ObisCode VoltageL1Obis = new ObisCode(1, 0, 32, 7, 0, 255);

        /// <summary>Current L1 instantaneous 1.0.31.7.0.255.</summary>
        public static readonly ObisCode CurrentL1Obis = new ObisCode(1, 0, 31, 7, 0, 255);

        private readonly DefaultMeterSettings _settings;
        private readonly object _syncRoot = new object();

        /// <summary>Builds the meter (configuration time: allocates every object once).</summary>
        /// <exception cref="ArgumentException">A setting does not fit (serial number longer than 13 characters, password longer than 64).</exception>
        public DefaultMeter(DefaultMeterSettings settings)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            if (settings.SerialNumber.Length == 0 || settings.SerialNumber.Length > 13)
            {
                throw new ArgumentException("The serial number takes 1 to 13 characters.", nameof(settings));
            }
            Time = settings.Time ?? SimulationTime.StartReal();
            ClockSource = new SimulatedClockSource(Time, settings.StartUtc ?? DateTime.UtcNow);
            Simulation = new MeterSimulation(Time, settings.InitialEnergyWh);

            Device = new LogicalDevice(LogicalDevice.ManagementLogicalDeviceAddress, LogicalDeviceName, 32);
            SerialNumberObject = new Data(SerialNumberObis, VisibleString(settings.SerialNumber));
            FirmwareVersionObject = new Data(FirmwareVersionObis, VisibleString(settings.FirmwareVersion));
            Clock = new Clock(ClockObis, ClockSource);
            CurrentAssociationObject = new CurrentAssociation();
            SapAssignment = new SapAssignment(SapAssignmentObis, 1);
            SapAssignment.Add(Device);
            IecHdlcSetup = CreateIecHdlcSetup(settings);
            TcpUdpSetup = CreateTcpUdpSetup(settings);

            ActiveEnergyImport = new Register(ActiveEnergyImportObis, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
            ActivePowerImport = new Register(ActivePowerImportObis, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt);
            VoltageL1 = new Register(VoltageL1Obis, new CosemValue(DataType.LongUnsigned), -1, Unit.Volt);
            CurrentL1 = new Register(CurrentL1Obis, new CosemValue(DataType.LongUnsigned), -2, Unit.Ampere);
            Simulation.Attach(ActiveEnergyImport.Value, ActivePowerImport.Value, VoltageL1.Value, CurrentL1.Value);

            PublicAssociation = new AssociationLogicalName(PublicAssociationObis, new ObjectList(16),
                PublicClientSap, Device.Address, 0, 0);
            MeterReaderAssociation = new AssociationLogicalName(MeterReaderAssociationObis, new ObjectList(16),
                MeterReaderClientSap, Device.Address, 1, 64);
            if (!MeterReaderAssociation.SetSecret(settings.Password))
            {
                throw new ArgumentException("The LLS password takes at most 64 characters.", nameof(settings));
            }
            PublicAssociation.MaxReceivePduSize = settings.MaxApduSize;
            MeterReaderAssociation.MaxReceivePduSize = settings.MaxApduSize;

            Device.Add(SerialNumberObject);
            Device.Add(FirmwareVersionObject);
            Device.Add(Clock);
            Device.Add(CurrentAssociationObject);
            Device.Add(PublicAssociation);
            Device.Add(MeterReaderAssociation);
            Device.Add(SapAssignment);
            Device.Add(IecHdlcSetup);
            Device.Add(TcpUdpSetup);
            Device.Add(ActiveEnergyImport);
            Device.Add(ActivePowerImport);
            Device.Add(VoltageL1);
            Device.Add(CurrentL1);

            GrantPublicAccess(PublicAssociation.Objects);
            GrantMeterReaderAccess(MeterReaderAssociation.Objects);
            CreateManagementAssociation(settings);
            Server = CreateServer(settings);
        }

        /// <summary>The settings the meter was built with.</summary>
        public DefaultMeterSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>Logical device name: "DLD" + serial number (16 characters with the default serial).</summary>
        public string LogicalDeviceName
        {
            get { return DefaultMeterSettings.FlagId + _settings.SerialNumber; }
        }

        /// <summary>Serial number.</summary>
        public string SerialNumber
        {
            get { return _settings.SerialNumber; }
        }

        /// <summary>The simulation's time base (advance it by hand in tests).</summary>
        public SimulationTime Time { get; }

        /// <summary>The meter clock's time source.</summary>
        public SimulatedClockSource ClockSource { get; }

        /// <summary>The simulated measurements.</summary>
        public MeterSimulation Simulation { get; }

        /// <summary>The management logical device (address 1): the directory of every object.</summary>
        public LogicalDevice Device { get; }

        /// <summary>0.0.96.1.0.255.</summary>
        public Data SerialNumberObject { get; }

        /// <summary>1.0.0.2.0.255.</summary>
        public Data FirmwareVersionObject { get; }

        /// <summary>0.0.1.0.0.255.</summary>
        public Clock Clock { get; }

        /// <summary>0.0.40.0.0.255.</summary>
        public CurrentAssociation CurrentAssociationObject { get; }

        /// <summary>0.0.40.0.1.255, client SAP 16.</summary>
        public AssociationLogicalName PublicAssociation { get; }

        /// <summary>0.0.40.0.2.255, client SAP 32.</summary>
        public AssociationLogicalName MeterReaderAssociation { get; }

        /// <summary>0.0.41.0.0.255.</summary>
        public SapAssignment SapAssignment { get; }

        /// <summary>0.0.22.0.0.255.</summary>
        public IecHdlcSetup IecHdlcSetup { get; }

        /// <summary>0.0.25.0.0.255.</summary>
        public TcpUdpSetup TcpUdpSetup { get; }

        /// <summary>1.0.1.8.0.255, Wh.</summary>
        public Register ActiveEnergyImport { get; }

        /// <summary>1.0.1.7.0.255, W.</summary>
        public Register ActivePowerImport { get; }

        /// <summary>1.0.32.7.0.255, V (scaler -1).</summary>
        public Register VoltageL1 { get; }

        /// <summary>1.0.31.7.0.255, A (scaler -2).</summary>
        public Register CurrentL1 { get; }

        /// <inheritdoc />
        public object SyncRoot
        {
            get { return _syncRoot; }
        }

        private static CosemValue VisibleString(string text)
        {
            CosemValue value = new CosemValue(DataType.VisibleString, Math.Max(text.Length, 1));
            if (!value.SetString(text))
            {
                throw new ArgumentException("Only Latin-1 characters fit in a visible-string: " + text);
            }
            return value;
        }

        private static IecHdlcSetup CreateIecHdlcSetup(DefaultMeterSettings settings)
        {
            IecHdlcSetup setup = new IecHdlcSetup(IecHdlcSetupObis);
            setup.CommSpeed = CommSpeed(settings.BaudRate);
            setup.WindowSizeTransmit = 1;
            setup.WindowSizeReceive = 1;
            setup.MaxInfoFieldLengthTransmit = 128;
            setup.MaxInfoFieldLengthReceive = 128;
            setup.InactivityTimeOut = (ushort)Math.Min(settings.HdlcInactivityTimeoutSeconds, ushort.MaxValue);
            setup.DeviceAddress = (ushort)settings.HdlcPhysicalAddress;
            return setup;
        }

        private static TcpUdpSetup CreateTcpUdpSetup(DefaultMeterSettings settings)
        {
            TcpUdpSetup setup = new TcpUdpSetup(TcpUdpSetupObis);
            setup.Port = (ushort)settings.WrapperPort;
            setup.MaxSimultaneousConnections = (byte)Math.Min(settings.MaxConnections, byte.MaxValue);
            // The emulator keeps idle TCP connections open (no wrapper inactivity time-out).
            setup.InactivityTimeOut = 0;
            return setup;
        }

        // IC 23 comm_speed enum: 0 = 300 baud ... 9 = 115200 baud.
        private static byte CommSpeed(int baud)
        {
            int[] speeds = { 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 };
            int index = Array.IndexOf(speeds, baud);
            return (byte)(index < 0 ? 5 : index);
        }
    }
}
