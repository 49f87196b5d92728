using System;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// The default meter's load profile with its rows in the record store (960 rows in chunk
    /// records of 16, a <see cref="SlottedRecordStore"/> over memory standing for the flash):
    /// reads through a public-client session, each loading chunks from the store, and a
    /// capture (the row encoded into the chunk being filled, the chunk record written).
    /// </summary>
    [MemoryDiagnoser]
    public class ProfileStoreBenchmarks
    {
        /// <summary>Blocks of 1024 bytes the 960 rows take (checked in set-up).</summary>
        public const int LoadProfileBlocks = 31;

        private const int Headroom = HdlcServerLink.ResponseHeadroom;
        private const int ResponseMax = 1024;
        private const string Buffer = "C0 01 C1 0007 0100630100FF 02 ";

        private readonly byte[] _response = new byte[Headroom + ResponseMax + HdlcServerLink.ResponseTailroom];
        private DefaultMeterModel _model = null!;
        private ApplicationSession _session = null!;
        private byte[] _getBuffer = null!;
        private byte[] _getEntries = null!;
        private byte[] _getRange = null!;
        private byte[] _getNext = null!;

        [GlobalSetup]
        public void Setup()
        {
            var hardware = new SimulatedMeterHardware(new SimulatedMeterSettings { Seed = 1, ImpulsesPerKwh = 1000 });
            var configuration = new MeterConfiguration(hardware.Clock)
            {
                PulseChannels = new[] { new PulseChannel(hardware.ActiveEnergyPulses, 1000, EnergyDirection.Import) },
                Voltage = new AnalogChannel(hardware.Voltage, AnalogQuantity.Voltage, hardware.Settings.VoltageGain, 0, Unit.Volt, -1),
                Current = new AnalogChannel(hardware.Current, AnalogQuantity.Current, hardware.Settings.CurrentGain, 0, Unit.Ampere, -2),
            };
            _model = new DefaultMeterModel(configuration, new DefaultMeterModelSettings());
            MeterEngine engine = _model.Engine;
            var medium = new MemoryStorageMedium(engine.RequiredRecordCount, engine.RequiredPayloadLength + RecordSlotFormat.HeaderLength);
            engine.Start(new SlottedRecordStore(medium, engine.RequiredRecordCount, engine.RequiredPayloadLength));
            // 1000 quarter hours: the ring of 960 rows wraps.
            for (int i = 0; i < 1000; i++)
            {
                hardware.Clock.Advance(TimeSpan.FromMinutes(15));
                engine.LoadProfile.Capture();
            }

            var directory = new LogicalDeviceDirectory();
            directory.Add(_model.Device);
            _session = new DlmsServer(directory, new ServerLimits()).CreateSession();
            _session.LinkOpened(DefaultMeterModel.PublicClientSap, 1);
            byte[] aarq = Hex.Parse(Apdus.AarqPublic);
            Expect("AARQ public", Apdus.AareStart, Send(aarq));
            _getBuffer = Hex.Parse(Buffer + "00");
            _getEntries = Hex.Parse(Buffer + "01 02 02 04 06 00000002 06 00000003 12 0001 12 0000");
            // +A from 0 to 10 Wh: a numeric range scanning every row.
            _getRange = Hex.Parse(Buffer + "01 01 02 04 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000 06 00000000 06 0000000A 01 00");
            _getNext = Hex.Parse(Apdus.GetNextPrefix);

            int blocks = LoadProfileBlock();
            if (blocks != LoadProfileBlocks || _response[Headroom + 3] != 1)
            {
                throw new InvalidOperationException("the load profile took " + blocks + " blocks, expected " + LoadProfileBlocks);
            }
            Expect("GET entries", "C4 01 C1 00 01 02 02 05", EntryRead());
            Expect("GET range", Apdus.DataBlockStart, RangeRead());
            Capture();
        }

        [Benchmark(Description = "load profile in the store, 960 rows (GET + GET-Next, per block)", OperationsPerInvoke = LoadProfileBlocks)]
        public int LoadProfileBlock()
        {
            int blocks = 1;
            Send(_getBuffer);
            while (_response[Headroom + 3] == 0 && blocks < 1000)
            {
                Array.Copy(_response, Headroom + 4, _getNext, 3, 4);
                Send(_getNext);
                blocks++;
            }
            return blocks;
        }

        [Benchmark(Description = "load profile in the store, entries 2..3 (GET)")]
        public int EntryRead()
        {
            return Send(_getEntries);
        }

        [Benchmark(Description = "load profile in the store, numeric range over 960 rows (GET, first block)")]
        public int RangeRead()
        {
            return Send(_getRange);
        }

        [Benchmark(Description = "load profile capture into the store (row + chunk write)")]
        public int Capture()
        {
            return _model.Engine.LoadProfile.Capture() ? 1 : 0;
        }

        // Where the last response starts (the session frames it where it lies).
        private int _start;

        private int Send(byte[] request)
        {
            return _session.HandleApdu(DefaultMeterModel.PublicClientSap, 1, request, 0, request.Length, _response, Headroom, ResponseMax, out _start);
        }

        private void Expect(string what, string expectedHex, int length)
        {
            Hex.Expect(what, expectedHex, _response, _start, length);
        }
    }
}
