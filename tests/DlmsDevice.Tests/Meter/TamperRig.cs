using System;
using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using Unit = DlmsDevice.Stack.Cosem.Unit;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// A <see cref="MeterRig"/> with everything the theft detections read: a neutral current
    /// channel (0.001 A/count, like the phase current), a signed active power channel (1 W/count,
    /// negative = out) and a magnet input, in either event log layout. The phase and neutral
    /// currents start equal at 0, the voltage at 230 V.
    /// </summary>
    internal sealed class TamperRig
    {
        public TamperRig(EventLogLayout layout = EventLogLayout.Standard, Action<MeterConfiguration>? configure = null, bool model = false)
        {
            Neutral = new FakeAnalogInput { Raw = 0 };
            Power = new FakeAnalogInput { Raw = 0 };
            Magnet = new FakeDigitalInput(4);
            Rig = new MeterRig(c =>
            {
                c.NeutralCurrent = new AnalogChannel(Neutral, AnalogQuantity.NeutralCurrent, 0.001, 0, Unit.Ampere, -2);
                c.ActivePower = new AnalogChannel(Power, AnalogQuantity.ActivePower, 1, 0, Unit.Watt, 0);
                c.MagneticField = Magnet;
                c.EventLogs = layout;
                configure?.Invoke(c);
            }, model: model);
        }

        public MeterRig Rig { get; }
        public FakeAnalogInput Neutral { get; }
        public FakeAnalogInput Power { get; }
        public FakeDigitalInput Magnet { get; }
        public MeterEngine Engine => Rig.Engine;

        public TamperRig Begin()
        {
            Rig.Begin();
            return this;
        }

        /// <summary>Phase and neutral current, A (3 decimals).</summary>
        public void Currents(double phase, double neutral)
        {
            Rig.Current.Raw = (int)Math.Round(phase * 1000);
            Neutral.Raw = (int)Math.Round(neutral * 1000);
        }

        public void Volts(double volts)
        {
            Rig.Voltage.Raw = (int)Math.Round(volts * 100);
        }

        /// <summary>(time hex, code) of every row of <paramref name="log"/>.</summary>
        public static List<(string Time, long Code)> Events(ProfileGeneric log)
        {
            return MeterEngineProfileTests.Rows(log).Select(r => (MeterEngineProfileTests.Cell(r, 0), r.Items[1].ToInt64())).ToList();
        }

        /// <summary>Codes of the standard event log after the first <paramref name="skip"/> rows.</summary>
        public long[] Codes(int skip = 0)
        {
            return Events(Engine.EventLog).Skip(skip).Select(e => e.Code).ToArray();
        }

        public long[] CategoryCodes(int category)
        {
            return Events(Engine.GetCategoryLog(category)).Select(e => e.Code).ToArray();
        }

        public IReadOnlyList<DlmsValue> CategoryRows(int category)
        {
            return MeterEngineProfileTests.Rows(Engine.GetCategoryLog(category));
        }

        public string Now => Rig.DateTimeHex(Rig.Clock.Utc);
    }

    /// <summary>Records what the engine reports to the alert hook.</summary>
    internal sealed class RecordingAlarmSink : IAlarmSink
    {
        public readonly List<(uint Raised, uint Register)> Calls = new List<(uint, uint)>();

        public void OnAlarm(uint raisedBits, uint alarmRegister)
        {
            Calls.Add((raisedBits, alarmRegister));
        }
    }
}
