using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// A small electricity meter built from the stack's COSEM classes, the way a device would
    /// configure itself at start-up: logical device 1 with its name, a Clock, energy, power,
    /// voltage and current Registers, identification Data objects, the communication setup
    /// objects, a few hundred further Data objects (a real meter's object_list runs to hundreds
    /// of entries: profiles, event logs, tariff tables), and two Association LN objects:
    /// public client (SAP 16, no authentication, read only) and management client (SAP 1, LLS
    /// "12345678", read-write and methods).
    /// </summary>
    /// <remarks>
    /// Built in phases so <see cref="StartupReservation"/> can attribute the memory:
    /// constructor (meter objects), <see cref="AddFiller"/>, <see cref="CreateAssociations"/>,
    /// <see cref="AddToLogicalDevice"/>, <see cref="CreateDirectory"/>. <see cref="Build"/> runs
    /// them all. Every list is created with its final capacity, so nothing is allocated twice.
    /// </remarks>
    internal sealed class MeterModel
    {
        public const int LogicalDeviceAddress = 1;
        public const int PublicClientSap = 16;
        public const int ManagementClientSap = 1;
        public const string ManagementPassword = "12345678";

        /// <summary>Data objects added by <see cref="Build"/>: with the meter objects, the object_list has 300 entries.</summary>
        public const int DefaultFiller = 281;

        /// <summary>Objects created by the constructor (the logical device name included).</summary>
        public const int MeterObjectCount = 17;

        private readonly int _fillerCount;
        private readonly CosemObject[] _meterObjects;
        private Data[] _filler = new Data[0];
        private ObjectList? _publicList;
        private ObjectList? _managementList;

        /// <summary>Creates the logical device (room for every object) and the meter objects; no associations yet.</summary>
        public MeterModel(int fillerCount)
        {
            _fillerCount = fillerCount;
            Device = new LogicalDevice(LogicalDeviceAddress, "DLM0000000000001", MeterObjectCount + fillerCount + 2);
            Clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255), new DlmsDevice.Hal.Desktop.SystemClock());
            ActiveEnergyImport = EnergyRegister(new ObisCode(1, 0, 1, 8, 0, 255), 123456789);
            var serial = new CosemValue(DataType.OctetString, 16);
            serial.SetString("0000000012345678");
            var firmware = new CosemValue(DataType.VisibleString, 16);
            firmware.SetString("DlmsDevice 0.1");
            var errors = new CosemValue(DataType.DoubleLongUnsigned);
            errors.SetInteger(0);
            var hdlc = new IecHdlcSetup(new ObisCode(0, 0, 22, 0, 0, 255));
            var tcp = new TcpUdpSetup(new ObisCode(0, 0, 25, 0, 0, 255));
            var sap = new SapAssignment(new ObisCode(0, 0, 41, 0, 0, 255), 1);
            sap.Add(Device);
            _meterObjects = new CosemObject[]
            {
                Device.Name,
                new CurrentAssociation(),
                sap,
                Clock,
                ActiveEnergyImport,
                EnergyRegister(new ObisCode(1, 0, 2, 8, 0, 255), 4321),
                EnergyRegister(new ObisCode(1, 0, 1, 8, 1, 255), 100000000),
                EnergyRegister(new ObisCode(1, 0, 1, 8, 2, 255), 23456789),
                InstantRegister(new ObisCode(1, 0, 1, 7, 0, 255), DataType.DoubleLong, 1520, 0, Unit.Watt),
                InstantRegister(new ObisCode(1, 0, 2, 7, 0, 255), DataType.DoubleLong, 0, 0, Unit.Watt),
                InstantRegister(new ObisCode(1, 0, 32, 7, 0, 255), DataType.LongUnsigned, 2301, -1, Unit.Volt),
                InstantRegister(new ObisCode(1, 0, 31, 7, 0, 255), DataType.LongUnsigned, 661, -2, Unit.Ampere),
                new Data(new ObisCode(0, 0, 96, 1, 0, 255), serial),
                new Data(new ObisCode(1, 0, 0, 2, 0, 255), firmware),
                new Data(new ObisCode(0, 0, 97, 97, 0, 255), errors),
                hdlc,
                tcp,
            };
            if (_meterObjects.Length != MeterObjectCount)
            {
                throw new InvalidOperationException("MeterObjectCount is out of date");
            }
        }

        public LogicalDevice Device { get; }

        public Clock Clock { get; }

        /// <summary>1.0.1.8.0.255, double-long-unsigned, Wh (value 123456789 until reset).</summary>
        public Register ActiveEnergyImport { get; }

        /// <summary>The last object of the object_list (a filler Data object; null without filler).</summary>
        public Data? LastFiller { get; private set; }

        public AssociationLogicalName? Public { get; private set; }

        public AssociationLogicalName? Management { get; private set; }

        /// <summary>Entries of each association's object_list.</summary>
        public int ObjectCount { get; private set; }

        /// <summary>The whole model: meter objects, <paramref name="filler"/> Data objects, both associations.</summary>
        public static MeterModel Build(int filler = DefaultFiller)
        {
            var model = new MeterModel(filler);
            model.AddFiller();
            model.CreateAssociations();
            model.AddToLogicalDevice();
            return model;
        }

        /// <summary>Creates the long-unsigned Data objects 0.128.96.d.e.255 (manufacturer-specific codes) with values 0, 1, ...</summary>
        public void AddFiller()
        {
            int count = _fillerCount;
            _filler = new Data[count];
            for (int i = 0; i < count; i++)
            {
                var value = new CosemValue(DataType.LongUnsigned);
                value.SetInteger(i);
                _filler[i] = new Data(new ObisCode(0, 128, 96, (byte)(i / 200), (byte)(i % 200), 255), value);
            }
            LastFiller = count > 0 ? _filler[count - 1] : null;
        }

        /// <summary>Creates both object lists (every object, with its access rights) and both Association LN objects.</summary>
        public void CreateAssociations()
        {
            int count = _meterObjects.Length + _filler.Length + 2;
            _publicList = new ObjectList(count);
            _managementList = new ObjectList(count);
            Public = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), _publicList, PublicClientSap, LogicalDeviceAddress, 0, 0);
            Management = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), _managementList, ManagementClientSap, LogicalDeviceAddress, 1, 16);
            Management.SetSecret(ManagementPassword);
            foreach (CosemObject obj in _meterObjects)
            {
                AddToLists(obj);
            }
            AddToLists(Public);
            AddToLists(Management);
            foreach (Data obj in _filler)
            {
                AddToLists(obj);
            }
            ObjectCount = _publicList.Count;
        }

        /// <summary>Adds every object (the associations included) to the logical device's directory.</summary>
        public void AddToLogicalDevice()
        {
            foreach (CosemObject obj in _meterObjects)
            {
                if (obj != Device.Name)
                {
                    Device.Add(obj);
                }
            }
            Device.Add(Public!);
            Device.Add(Management!);
            foreach (Data obj in _filler)
            {
                Device.Add(obj);
            }
        }

        /// <summary>The association directory the server uses (one logical device).</summary>
        public LogicalDeviceDirectory CreateDirectory()
        {
            var directory = new LogicalDeviceDirectory();
            directory.Add(Device);
            return directory;
        }

        private void AddToLists(CosemObject obj)
        {
            _publicList!.Add(obj, AttributeAccess.Read, MethodAccess.NoAccess);
            _managementList!.Add(obj, AttributeAccess.ReadWrite, MethodAccess.Access);
        }

        private static Register EnergyRegister(ObisCode logicalName, long value)
        {
            return InstantRegister(logicalName, DataType.DoubleLongUnsigned, value, 0, Unit.WattHour);
        }

        private static Register InstantRegister(ObisCode logicalName, DataType type, long value, sbyte scaler, Unit unit)
        {
            var cosemValue = new CosemValue(type);
            cosemValue.SetInteger(value);
            return new Register(logicalName, cosemValue, scaler, unit);
        }
    }
}
