using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>A device clock the test moves by hand: UTC and monotonic time advance together; a set moves only UTC.</summary>
    internal sealed class ManualClock : ISystemClock
    {
        public long Utc;
        public long Mono;

        public ManualClock(DateTime startUtc)
        {
            Utc = startUtc.Ticks;
        }

        public long GetUtcTicks() => Utc;

        public void SetUtcTicks(long utcTicks) => Utc = utcTicks;

        public long GetMonotonicMilliseconds() => Mono;

        public void Advance(long milliseconds)
        {
            Utc += milliseconds * TimeSpan.TicksPerMillisecond;
            Mono += milliseconds;
        }
    }

    /// <summary>An ADC channel whose raw reading the test sets.</summary>
    internal sealed class FakeAnalogInput : IAnalogInput
    {
        public int Raw;
        public int Reads;

        public int ReadRaw()
        {
            Reads++;
            return Raw;
        }

        public double ReadValue() => Raw;
    }

    /// <summary>A digital input the test drives; raises Edge like a platform would.</summary>
    internal sealed class FakeDigitalInput : IDigitalInput
    {
        private bool _level;

        public FakeDigitalInput(int pin)
        {
            Pin = pin;
        }

        public int Pin { get; }

        public event DigitalEdgeHandler? Edge;

        public bool Read() => _level;

        public void Drive(bool level, long utcTicks)
        {
            if (_level != level)
            {
                _level = level;
                Edge?.Invoke(Pin, level, utcTicks);
            }
        }
    }

    /// <summary>The relay: remembers its level; a stuck relay ignores writes.</summary>
    internal sealed class FakeRelay : IDigitalOutput
    {
        public bool Level = true;
        public bool Stuck { get; set; }
        public int Writes;

        public int Pin => 3;

        public bool Read() => Level;

        public void Write(bool level)
        {
            Writes++;
            if (!Stuck)
            {
                Level = level;
            }
        }
    }

    /// <summary>
    /// A medium whose device can "die" in the middle of a write: that write is torn after k
    /// bytes and every later write is dropped (nobody is left to write), until the restart.
    /// </summary>
    internal sealed class CrashableMedium : IStorageMedium
    {
        private readonly MemoryStorageMedium _inner;
        private bool _dead;

        public CrashableMedium(MemoryStorageMedium inner)
        {
            _inner = inner;
        }

        public bool Dead => _dead;

        /// <summary>The next write is torn after <paramref name="bytes"/> bytes; the device is dead afterwards.</summary>
        public void DieDuringNextWrite(int bytes, TearFill fill)
        {
            _inner.TearNextWrite(bytes, fill);
            _armed = true;
        }

        private bool _armed;
        private int _writesLeft = -1;

        /// <summary>The device dies after <paramref name="writes"/> more slot writes: every later write is dropped.</summary>
        public void DieAfterWrites(int writes)
        {
            _writesLeft = writes;
        }

        public void Revive()
        {
            _dead = false;
            _armed = false;
            _writesLeft = -1;
        }

        public int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count)
            => _inner.ReadSlot(recordId, slot, slotOffset, buffer, offset, count);

        public bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count)
        {
            if (_writesLeft == 0)
            {
                _dead = true;
            }
            if (_dead)
            {
                return true;
            }
            if (_writesLeft > 0)
            {
                _writesLeft--;
            }
            bool result = _inner.WriteSlot(recordId, slot, buffer, offset, count);
            if (_armed)
            {
                _dead = true;
            }
            return result;
        }
    }

    /// <summary>
    /// A meter engine on fake hardware the test controls exactly (clock, pulses, ADC raw values,
    /// inputs, relay) and a flash-like memory medium that survives <see cref="Restart"/>.
    /// Default: 1000 imp/kWh import, 1000 imp/kWh export, voltage gain 0.01 V/count, current
    /// gain 0.001 A/count, 1 s averaging, start 2026-03-02 10:07:00 UTC.
    /// </summary>
    internal sealed class MeterRig
    {
        public static readonly DateTime Start = new DateTime(2026, 3, 2, 10, 7, 0, DateTimeKind.Utc);

        private readonly Action<MeterConfiguration>? _configure;
        private readonly bool _model;
        private readonly bool _automation;

        /// <param name="automation">Billing, four tariffs, the register monitors and the limiter (off in the portable defaults), as the emulator has them.</param>
        public MeterRig(Action<MeterConfiguration>? configure = null, bool persistent = true, int impulsesPerKwh = 1000, bool model = false, bool automation = false)
        {
            _configure = configure;
            _model = model;
            _automation = automation;
            ImpulsesPerKwh = impulsesPerKwh;
            Clock = new ManualClock(Start);
            Import = new SimulatedPulseCounter(impulsesPerKwh);
            Export = new SimulatedPulseCounter(impulsesPerKwh);
            Voltage = new FakeAnalogInput { Raw = 23000 };
            Current = new FakeAnalogInput { Raw = 0 };
            Cover = new FakeDigitalInput(1);
            PowerFail = new FakeDigitalInput(2);
            Relay = new FakeRelay();
            Persistent = persistent;
            Build();
            Medium = new MemoryStorageMedium(Engine.RequiredRecordCount, Engine.RequiredPayloadLength + RecordSlotFormat.HeaderLength);
            Crash = new CrashableMedium(Medium);
        }

        /// <summary>The medium the stores use: <see cref="Medium"/>, with "die now" injection.</summary>
        public CrashableMedium Crash { get; }

        public int ImpulsesPerKwh { get; }
        public bool Persistent { get; }
        public ManualClock Clock { get; }
        public SimulatedPulseCounter Import { get; private set; }
        public SimulatedPulseCounter Export { get; private set; }
        public FakeAnalogInput Voltage { get; }
        public FakeAnalogInput Current { get; }
        public FakeDigitalInput Cover { get; private set; }
        public FakeDigitalInput PowerFail { get; private set; }
        public FakeRelay Relay { get; }
        public MemoryStorageMedium Medium { get; }
        public SlottedRecordStore? Store { get; private set; }
        public MeterConfiguration Config { get; private set; } = null!;
        public MeterEngine Engine { get; private set; } = null!;

        private void Build()
        {
            Config = new MeterConfiguration(Clock)
            {
                PulseChannels = new[]
                {
                    new PulseChannel(Import, ImpulsesPerKwh, EnergyDirection.Import),
                    new PulseChannel(Export, ImpulsesPerKwh, EnergyDirection.Export),
                },
                Voltage = new AnalogChannel(Voltage, AnalogQuantity.Voltage, 0.01, 0, Unit.Volt, -1),
                Current = new AnalogChannel(Current, AnalogQuantity.Current, 0.001, 0, Unit.Ampere, -2),
                CoverOpen = Cover,
                PowerFail = PowerFail,
                Relay = Relay,
            };
            if (_automation)
            {
                Config.Tariffs = 4;
                Config.BillingProfileEntries = 12;
            }
            _configure?.Invoke(Config);
            if (_model)
            {
                Model = new DefaultMeterModel(Config, new DefaultMeterModelSettings { RegisterMonitors = _automation, Limiter = _automation });
                Engine = Model.Engine;
            }
            else
            {
                Engine = new MeterEngine(Config);
            }
        }

        /// <summary>The default object model around the engine (when built with model: true).</summary>
        public DefaultMeterModel? Model { get; private set; }

        /// <summary>Starts the engine on a fresh store over the medium (or none).</summary>
        public MeterRig Begin()
        {
            Crash.Revive();
            Store = Persistent ? new SlottedRecordStore(Crash, Engine.RequiredRecordCount, Engine.RequiredPayloadLength) : null;
            if (Model != null)
            {
                Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, Model.Start(Store)); // the engine and client 48's counters
            }
            else
            {
                Engine.Start(Store);
            }
            return this;
        }

        /// <summary>
        /// A restart: the pulse counters and inputs start again (hardware reboots), a new engine
        /// and a new store are built over the same medium; the clock keeps running.
        /// </summary>
        public MeterRig Restart()
        {
            Import = new SimulatedPulseCounter(ImpulsesPerKwh);
            Export = new SimulatedPulseCounter(ImpulsesPerKwh);
            bool cover = Cover.Read();
            Cover = new FakeDigitalInput(1);
            Cover.Drive(cover, 0);
            PowerFail = new FakeDigitalInput(2);
            Build();
            return Begin();
        }

        /// <summary>Advances <paramref name="seconds"/>, ticking once per <paramref name="stepMs"/>.</summary>
        public void Run(double seconds, int stepMs = 1000)
        {
            long total = (long)(seconds * 1000);
            for (long t = 0; t < total; t += stepMs)
            {
                long step = Math.Min(stepMs, total - t);
                Clock.Advance(step);
                Engine.Tick();
            }
        }

        /// <summary>Adds <paramref name="pulses"/> import pulses at the current monotonic time.</summary>
        public void Pulse(long pulses)
        {
            Import.AddPulses(pulses, Clock.Mono);
        }

        /// <summary>Adds export pulses at the current monotonic time.</summary>
        public void PulseExport(long pulses)
        {
            Export.AddPulses(pulses, Clock.Mono);
        }

        /// <summary>A UTC instant of the start day.</summary>
        public static long At(int hour, int minute, int second = 0)
        {
            return new DateTime(Start.Year, Start.Month, Start.Day, hour, minute, second, DateTimeKind.Utc).Ticks;
        }

        /// <summary>The date-time bytes Clock attribute 2 gives for <paramref name="utcTicks"/> (time zone 0): "09 0C ..." hex.</summary>
        public string DateTimeHex(long utcTicks)
        {
            CosemDateTime value = new CosemDateTime();
            Engine.Clock.ToLocal(utcTicks, value);
            byte[] bytes = new byte[12];
            value.WriteTo(bytes, 0);
            return "09 0C " + Support.Hex.Format(bytes);
        }
    }
}
