using System;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>
    /// Zero allocation after warm-up on every path this work added: each waveform sample, each
    /// frequency-input edge, each tick judging the detections, every occurrence and restoration
    /// (state saved ahead of the row, the IS 15959 logs), the alert hook, and a client clearing
    /// alarm bits.
    /// </summary>
    public class TamperAllocationTests
    {
        private const int Rate = 1600;

        private sealed class CountingSink : IAlarmSink
        {
            public int Calls;

            public void OnAlarm(uint raisedBits, uint alarmRegister)
            {
                Calls++;
            }
        }

        // Two hours at 1 s ticks with every detection occurring and ending, and a write-back of
        // the alarm register every 10 minutes; 'feed' gives the frequency source its second.
        private static void TwoHours(TamperRig t, Action feed, AxdrReader reader, byte[] clear, CosemContext context)
        {
            for (int s = 0; s < 7200; s++)
            {
                int minute = s / 60;
                int phase = minute % 30;
                t.Rig.Voltage.Raw = phase >= 20 && phase < 24 ? 0 : 23000;
                t.Rig.Current.Raw = 4000;
                t.Neutral.Raw = phase >= 5 && phase < 9 ? 2500 : 4000;
                t.Power.Raw = phase >= 12 && phase < 16 ? -800 : 900;
                if (s % 1800 == 100)
                {
                    t.Magnet.Drive(true, t.Rig.Clock.Utc);
                }
                if (s % 1800 == 160)
                {
                    t.Magnet.Drive(false, t.Rig.Clock.Utc);
                }
                if (s % 1800 == 400)
                {
                    t.Rig.Cover.Drive(true, t.Rig.Clock.Utc);
                }
                if (s % 1800 == 401)
                {
                    t.Rig.Cover.Drive(false, t.Rig.Clock.Utc);
                }
                if (s % 600 == 599)
                {
                    reader.Reset(clear, 0, clear.Length);
                    t.Engine.Alarms.Register.SetAttribute(Data.Attributes.Value, reader, context);
                }
                feed();
                t.Rig.Clock.Advance(1000);
                t.Engine.Tick();
            }
        }

        private static void Check(TamperRig t, Action feed)
        {
            CountingSink sink = new CountingSink();
            t.Engine.Alarms.Sink = sink;
            AxdrReader reader = new AxdrReader();
            byte[] clear = { 0x06, 0xFF, 0xFF, 0xFF, 0xFF };
            CosemContext context = new CosemContext();
            TwoHours(t, feed, reader, clear, context);
            long count = t.Engine.TamperCount.Value.Integer;
            int calls = sink.Calls;

            long bytes = Allocations.Least(() => TwoHours(t, feed, reader, clear, context), 2);

            // The two hours did what they claim: 4 of each measured detection, 4 magnets, 4 covers.
            Assert.Equal(count + 20, t.Engine.TamperCount.Value.Integer);
            Assert.True(sink.Calls - calls >= 20, (sink.Calls - calls) + " alerts");
            Assert.Equal(0, t.Engine.StoreFailures);
            Assert.NotEqual(0, t.Engine.FrequencyMilliHertz);
            Assert.Equal(0, bytes);
        }

        [Fact]
        public void Is15959Layout_WaveformEveryDetectionAndAlarmWrite_AllocatesNothing()
        {
            FakeWaveformInput wave = new FakeWaveformInput(Rate);
            TamperRig t = new TamperRig(EventLogLayout.Is15959, c =>
            {
                c.Frequency = new FrequencyChannel(wave);
                c.CategoryLogEntries = new[] { 70, 70, 40, 20, 60, 1, 1 };
            }).Begin();
            // One second of a 50.05 Hz wave, fed every tick (its phase repeats every 20 s).
            int[][] seconds = new int[20][];
            for (int i = 0; i < seconds.Length; i++)
            {
                seconds[i] = FrequencyTestSignals.Sine(50.05, Rate, 1, phase: 2 * Math.PI * 50.05 * i);
            }
            int next = 0;

            Check(t, () =>
            {
                wave.Add(seconds[next]);
                next = (next + 1) % seconds.Length;
            });
        }

        [Fact]
        public void StandardLayout_FrequencyInputEveryDetectionAndAlarmWrite_AllocatesNothing()
        {
            FakeEdgeTimer edges = new FakeEdgeTimer();
            TamperRig t = new TamperRig(EventLogLayout.Standard, c =>
            {
                c.Frequency = new FrequencyChannel(edges);
                c.EventLogEntries = 64;
            }).Begin();

            Check(t, () =>
            {
                edges.Count += 50;
                edges.LastMicros += 1000000;
            });
        }
    }
}
