using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    /// <summary>GET/SET/ACTION on every class must allocate nothing once warmed up (docs/design.md, zero allocation).</summary>
    public class CosemAllocationTests
    {
        private readonly CosemObject[] _objects;
        private readonly CosemContext _context;
        private readonly AssociationLogicalName _association;
        private readonly byte[] _buffer = new byte[4096];
        private readonly AxdrWriter _writer = new AxdrWriter();
        private readonly AxdrReader _reader = new AxdrReader();
        private readonly ArrayCursor _cursor = new ArrayCursor();

        // SET requests: object index, attribute, value bytes.
        private readonly int[] _setObject;
        private readonly int[] _setAttribute;
        private readonly byte[][] _setValue;

        // ACTION requests: object index, method, parameter bytes (null = none).
        private readonly int[] _actionObject;
        private readonly int[] _actionMethod;
        private readonly byte[]?[] _actionParameters;

        public CosemAllocationTests()
        {
            FakeClockSource source = FakeClockSource.At(2024, 3, 31, 0, 30, 0);
            Clock clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255), source);
            clock.TimeZone = -60;
            clock.SetEuropeanDaylightSavings();
            Clock systemClock = new Clock(new ObisCode(0, 0, 1, 0, 1, 255), new DlmsDevice.Hal.Desktop.SystemClock());

            LogicalDevice device = new LogicalDevice(1, "DDV0000000000001", 16);
            CosemValue serial = new CosemValue(DataType.VisibleString, 16);
            serial.SetString("12345678");
            Data serialNumber = new Data(new ObisCode(0, 0, 96, 1, 0, 255), serial);
            CosemValue energyValue = new CosemValue(DataType.DoubleLongUnsigned);
            energyValue.Source = new RecordingValueSource();
            Register energy = new Register(new ObisCode(1, 0, 1, 8, 0, 255), energyValue, 0, Unit.WattHour);
            Register voltage = new Register(new ObisCode(1, 0, 32, 7, 0, 255), new CosemValue(DataType.Float32), 0, Unit.Volt);
            ExtendedRegister maxDemand = new ExtendedRegister(new ObisCode(1, 0, 1, 6, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt, null!);
            maxDemand.Clock = clock;
            DemandRegister demand = new DemandRegister(new ObisCode(1, 0, 1, 4, 0, 255), new CosemValue(DataType.DoubleLong), 0, Unit.Watt, 900, 1);
            demand.Clock = clock;
            SapAssignment sap = new SapAssignment(new ObisCode(0, 0, 41, 0, 0, 255), 2);
            sap.Add(device);
            IecHdlcSetup hdlc = new IecHdlcSetup(new ObisCode(0, 0, 22, 0, 0, 255));
            TcpUdpSetup tcp = new TcpUdpSetup(new ObisCode(0, 0, 25, 0, 0, 255));
            CurrentAssociation current = new CurrentAssociation();

            ObjectList list = new ObjectList(16);
            _association = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), list, 32, 1, 1, 16);
            _association.SetSecret("12345678");
            _objects = new CosemObject[]
            {
                device.Name, serialNumber, energy, voltage, maxDemand, demand, clock, systemClock,
                sap, hdlc, tcp, current, _association,
            };
            foreach (CosemObject obj in _objects)
            {
                list.Add(obj, AttributeAccess.ReadWrite, MethodAccess.Access);
            }
            _context = new CosemContext();
            _context.ClientSap = 32;
            _context.Association = _association;
            _context.Objects = list;
            _context.Status = AssociationStatus.Associated;
            _context.NegotiatedConformance = 0x001E1D;
            _context.ServerMaxReceivePdu = 1024;
            _context.ClientMaxReceivePdu = 0xFFFF;
            _context.DlmsVersion = 6;
            _context.AuthenticationMechanism = 1;

            _setObject = new[] { 1, 2, 2, 3, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 9, 10, 10, 12, 11, 2 };
            _setAttribute = new[] { 2, 2, 3, 2, 4, 5, 6, 7, 8, 9, 2, 3, 5, 6, 7, 8, 5, 4, 3, 7, 7, 2 };
            _setValue = new[]
            {
                Hex.Parse("0A 04 31 32 33 34"),
                Hex.Parse("06 00 00 10 00"),
                Hex.Parse("02 02 0F 00 16 1E"),
                Hex.Parse("17 43 6B 80 00"),
                Hex.Parse("11 01"),
                Hex.Parse("09 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00"),
                Hex.Parse("09 0C 07 E8 03 1F 07 0C 00 00 00 FF C4 00"),   // demand capture_time: into its own date-time
                Hex.Parse("09 0C 07 E8 03 1F 07 0B 2D 00 00 FF C4 00"),   // start_time_current
                Hex.Parse("06 00 00 03 84"),
                Hex.Parse("12 00 01"),
                Hex.Parse("09 0C 07 E8 03 1F 07 01 1E 00 00 FF C4 00"),
                Hex.Parse("10 FF C4"),
                Hex.Parse("09 0C FF FF 03 FE 07 02 00 00 00 80 00 FF"),   // daylight_savings_begin (the EU rule again)
                Hex.Parse("09 0C FF FF 0A FE 07 03 00 00 00 80 00 FF"),   // daylight_savings_end
                Hex.Parse("0F 3C"),
                Hex.Parse("03 01"),
                Hex.Parse("12 00 80"),
                Hex.Parse("12 02 40"),
                Hex.Parse("09 06 00 00 19 01 01 FF"),           // IP_reference: read as a packed long
                Hex.Parse("09 08 31 32 33 34 35 36 37 38"),
                Hex.Parse("09 08 31 32 33 34 35 36 37 38"),
                Hex.Parse("12 00 01"),                          // wrong type: type-unmatched path
            };
            _actionObject = new[] { 2, 4, 5, 5, 6, 6, 6, 6, 6, 6, 6 };
            _actionMethod = new[] { 1, 1, 1, 2, 6, 6, 3, 1, 2, 5, 4 };
            _actionParameters = new byte[]?[]
            {
                Hex.Parse("0F 00"), null, Hex.Parse("0F 00"), Hex.Parse("0F 00"),
                Hex.Parse("10 00 3C"), Hex.Parse("10 FF C4"), Hex.Parse("0F 00"), Hex.Parse("0F 00"), Hex.Parse("0F 00"),
                // preset_adjusting_time: three date-times read one by one into the clock's scratch;
                // the validity window (2020) is past, so adjust_to_preset_time leaves the time alone.
                Hex.Parse("02 03 09 0C 07 E4 01 01 FF 00 00 00 00 00 00 00 09 0C 07 E4 01 01 FF 00 00 00 00 00 00 00"
                    + " 09 0C 07 E4 01 02 FF 00 00 00 00 00 00 00"),
                Hex.Parse("0F 00"),
            };
        }

        private int RunOnce()
        {
            int failures = 0;
            for (int i = 0; i < _objects.Length; i++)
            {
                CosemObject obj = _objects[i];
                for (int a = 1; a <= obj.AttributeCount; a++)
                {
                    _writer.Reset(_buffer, 0, _buffer.Length);
                    if (obj.GetAttribute(a, 0, null!, _writer, _context) != DataAccessResult.Success)
                    {
                        failures++;
                    }
                    DataAccessResult result;
                    if (obj.BeginArray(a, 0, null!, _cursor, _context, out result))
                    {
                        _writer.Reset(_buffer, 0, _buffer.Length);
                        for (_cursor.Index = 0; _cursor.Index < _cursor.Count; _cursor.Index++)
                        {
                            obj.WriteArrayElement(a, _cursor, _writer, _context);
                        }
                    }
                }
            }
            for (int i = 0; i < _setObject.Length; i++)
            {
                byte[] value = _setValue[i];
                _reader.Reset(value, 0, value.Length);
                if (_objects[_setObject[i]].SetAttribute(_setAttribute[i], _reader, _context) != DataAccessResult.Success)
                {
                    failures++;
                }
            }
            for (int i = 0; i < _actionObject.Length; i++)
            {
                byte[]? parameters = _actionParameters[i];
                AxdrReader? reader = null;
                if (parameters != null)
                {
                    _reader.Reset(parameters, 0, parameters.Length);
                    reader = _reader;
                }
                _writer.Reset(_buffer, 0, _buffer.Length);
                if (_objects[_actionObject[i]].Invoke(_actionMethod[i], reader!, _writer, _context) != ActionResult.Success)
                {
                    failures++;
                }
            }
            return failures;
        }

        [Fact]
        public void GetSetAction_EveryClass_AllocatesNothingAfterWarmUp()
        {
            // Expected failures per round: the secret GET (write-only) twice (association and
            // current association) and the deliberate type-unmatched SET.
            Assert.Equal(3, RunOnce());
            long before = GC.GetAllocatedBytesForCurrentThread();
            int failures = 0;
            for (int round = 0; round < 200; round++)
            {
                failures += RunOnce();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.Equal(600, failures);
        }
    }
}
