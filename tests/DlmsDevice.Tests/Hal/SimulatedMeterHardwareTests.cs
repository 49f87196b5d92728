using System;
using System.Collections.Generic;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>
    /// The whole simulated front end: determinism from the seed, pulses against the integral,
    /// scheduled edges at the right simulated times, outages, relay, sags, time scale.
    /// </summary>
    public class SimulatedMeterHardwareTests
    {
        private static readonly DateTime Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private static SimulatedMeterSettings Settings(ulong seed)
        {
            var settings = new SimulatedMeterSettings { Seed = seed, StartUtc = Start };
            settings.PowerFailures.Add(new ScheduledInterval(TimeSpan.FromHours(2), TimeSpan.FromMinutes(30)));
            settings.CoverOpenings.Add(new ScheduledInterval(TimeSpan.FromHours(5) + TimeSpan.FromSeconds(17), TimeSpan.FromMinutes(10), TimeSpan.FromDays(1)));
            settings.Supply.Deviations.Add(new VoltageDeviation(new ScheduledInterval(TimeSpan.FromHours(9), TimeSpan.FromMinutes(5)), 0.8));
            return settings;
        }

        private static readonly TimeSpan[] IrregularSteps =
        {
            TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(7), TimeSpan.FromMilliseconds(333),
            TimeSpan.FromMinutes(15), TimeSpan.FromHours(1) + TimeSpan.FromSeconds(3),
        };

        private static List<string> Run(ulong seed)
        {
            var hardware = new SimulatedMeterHardware(Settings(seed));
            var trace = new List<string>();
            byte[] entropy = new byte[8];
            for (int i = 0; hardware.Clock.TrueUtcTicks < Start.AddDays(1).Ticks; i++)
            {
                hardware.Advance(IrregularSteps[i % IrregularSteps.Length]);
                long count = hardware.ActiveEnergyPulses.Read(out long lastEdge);
                hardware.Entropy.GetBytes(entropy, 0, 8);
                trace.Add(count + "/" + lastEdge + "/" + BitConverter.DoubleToInt64Bits(hardware.EnergyWh)
                    + "/" + hardware.Voltage.ReadRaw() + "/" + hardware.Current.ReadRaw() + "/" + Convert.ToHexString(entropy));
            }

            return trace;
        }

        [Fact]
        public void Advance_SameSeedSameSteps_IdenticalEverything()
        {
            Assert.Equal(Run(42), Run(42));
        }

        [Fact]
        public void Advance_DifferentSeed_DifferentCountsAndReadings()
        {
            List<string> a = Run(42);
            List<string> b = Run(43);

            Assert.Equal(a.Count, b.Count);
            Assert.NotEqual(a[^1].Split('/')[0], b[^1].Split('/')[0]); // pulse count after a day
            int differentVoltages = 0;
            for (int i = 0; i < a.Count; i++)
            {
                if (a[i].Split('/')[3] != b[i].Split('/')[3])
                {
                    differentVoltages++;
                }
            }

            Assert.True(differentVoltages > a.Count / 2, differentVoltages + " of " + a.Count);
        }

        [Theory]
        [InlineData(1000.0, 60)]
        [InlineData(1000.0, 900)]
        [InlineData(10000.0, 7)]
        [InlineData(500.0, 86400)]
        public void Pulses_OneDay_MatchIntegralOfLoadCurveWithinOnePulse(double impulsesPerKwh, int stepSeconds)
        {
            var settings = new SimulatedMeterSettings { Seed = 5, StartUtc = Start, ImpulsesPerKwh = impulsesPerKwh };
            var hardware = new SimulatedMeterHardware(settings);

            for (long elapsed = 0; elapsed < TimeSpan.TicksPerDay; elapsed += stepSeconds * TimeSpan.TicksPerSecond)
            {
                hardware.Advance(TimeSpan.FromSeconds(stepSeconds));
            }

            // Independent reference: midpoint rule on the power curve, 1 s steps.
            double wattSeconds = 0;
            for (long t = Start.Ticks; t < Start.Ticks + TimeSpan.TicksPerDay; t += TimeSpan.TicksPerSecond)
            {
                wattSeconds += hardware.Load.PowerAt(t + TimeSpan.TicksPerSecond / 2);
            }

            double expectedPulses = wattSeconds / 3600 / 1000 * impulsesPerKwh;
            long pulses = hardware.ActiveEnergyPulses.Count;
            Assert.InRange(expectedPulses - pulses, -0.01, 1.0);
            Assert.Equal(Math.Floor(hardware.EnergyWh / 1000 * impulsesPerKwh), pulses);
            Assert.InRange(hardware.EnergyWh, 10000, 20000); // a plausible household day
        }

        [Fact]
        public void Pulses_BigStepOrSmallSteps_SameCount()
        {
            var coarse = new SimulatedMeterHardware(Settings(9));
            var fine = new SimulatedMeterHardware(Settings(9));

            coarse.Advance(TimeSpan.FromDays(1));
            for (int i = 0; i < 96; i++)
            {
                fine.Advance(TimeSpan.FromMinutes(15));
            }

            Assert.Equal(coarse.EnergyWh, fine.EnergyWh, 6);
            Assert.Equal(coarse.ActiveEnergyPulses.Count, fine.ActiveEnergyPulses.Count);
        }

        [Fact]
        public void ScheduledEdges_FireAtTheirSimulatedTimes_InOrder()
        {
            var hardware = new SimulatedMeterHardware(Settings(1));
            var edges = new List<(int Pin, bool Level, long Utc, long ClockAtCallback)>();
            hardware.PowerFail.Edge += (pin, level, utc) => edges.Add((pin, level, utc, hardware.Clock.GetUtcTicks()));
            hardware.CoverOpen.Edge += (pin, level, utc) => edges.Add((pin, level, utc, hardware.Clock.GetUtcTicks()));

            for (int i = 0; i < 30 * 4; i++)
            {
                hardware.Advance(TimeSpan.FromHours(0.25)); // edges fall inside steps
            }

            DateTime cover = Start.AddHours(5).AddSeconds(17);
            var expected = new List<(int, bool, long)>
            {
                (2, true, Start.AddHours(2).Ticks),
                (2, false, Start.AddHours(2.5).Ticks),
                (1, true, cover.Ticks),
                (1, false, cover.AddMinutes(10).Ticks),
                (1, true, cover.AddDays(1).Ticks), // daily repeat
                (1, false, cover.AddDays(1).AddMinutes(10).Ticks),
            };
            Assert.Equal(expected.Count, edges.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i], (edges[i].Pin, edges[i].Level, edges[i].Utc));
                Assert.Equal(edges[i].Utc, edges[i].ClockAtCallback); // the clock stands at the edge
            }
        }

        [Fact]
        public void ScheduledEdges_MeterClockShifted_EdgesStampedWithMeterTimeAtSamePhysicalMoment()
        {
            var hardware = new SimulatedMeterHardware(Settings(1));
            var stamps = new List<long>();
            hardware.PowerFail.Edge += (pin, level, utc) => stamps.Add(utc);
            hardware.Clock.SetUtcTicks(Start.AddMinutes(-5).Ticks); // meter clock 5 min behind

            hardware.Advance(TimeSpan.FromHours(3));

            Assert.Equal(new[] { Start.AddHours(2).AddMinutes(-5).Ticks, Start.AddHours(2.5).AddMinutes(-5).Ticks }, stamps);
        }

        [Fact]
        public void PowerFailure_NoPulsesNoVoltageNoCurrent_ThenResumes()
        {
            var hardware = new SimulatedMeterHardware(Settings(1));
            long countAtFail = -1;
            long countAtRestore = -1;
            int voltageAtFail = -1;
            hardware.PowerFail.Edge += (pin, level, utc) =>
            {
                if (level)
                {
                    countAtFail = hardware.ActiveEnergyPulses.Count;
                    voltageAtFail = hardware.Voltage.ReadRaw();
                }
                else
                {
                    countAtRestore = hardware.ActiveEnergyPulses.Count;
                }
            };

            hardware.Advance(TimeSpan.FromHours(2.25));
            Assert.True(hardware.PowerFail.Read());
            Assert.False(hardware.SupplyOn);
            Assert.Equal(0, hardware.Voltage.ReadRaw());
            Assert.Equal(0, hardware.Current.ReadRaw());
            Assert.Equal(0.0, hardware.PowerWatts);
            hardware.Advance(TimeSpan.FromHours(1));

            Assert.True(countAtFail > 0);
            Assert.Equal(0, voltageAtFail);
            Assert.Equal(countAtFail, countAtRestore);
            Assert.True(hardware.ActiveEnergyPulses.Count > countAtRestore);
            double outageEnergy = hardware.Load.EnergyWh(Start.AddHours(2).Ticks, Start.AddHours(2.5).Ticks);
            double expected = hardware.Load.EnergyWh(Start.Ticks, Start.AddHours(3.25).Ticks) - outageEnergy;
            Assert.Equal(expected, hardware.EnergyWh, 6);
        }

        [Fact]
        public void Relay_Disconnected_NoEnergyNoCurrent_VoltageStays()
        {
            var hardware = new SimulatedMeterHardware(new SimulatedMeterSettings { Seed = 3, StartUtc = Start });
            var relayEdges = new List<(bool, long)>();
            hardware.Relay.Changed += (pin, level, utc) => relayEdges.Add((level, utc));
            hardware.Advance(TimeSpan.FromHours(1));
            long before = hardware.ActiveEnergyPulses.Count;
            double energyBefore = hardware.EnergyWh;

            hardware.Relay.Write(false);
            hardware.Advance(TimeSpan.FromHours(1));

            Assert.Equal(before, hardware.ActiveEnergyPulses.Count);
            Assert.Equal(energyBefore, hardware.EnergyWh);
            Assert.Equal(0, hardware.Current.ReadRaw());
            Assert.InRange(hardware.Voltage.ReadValue(), 225, 235);
            hardware.Relay.Write(true);
            hardware.Advance(TimeSpan.FromHours(1));
            Assert.True(hardware.ActiveEnergyPulses.Count > before);
            Assert.Equal(new[] { (false, Start.AddHours(1).Ticks), (true, Start.AddHours(2).Ticks) }, relayEdges);
        }

        [Fact]
        public void Voltage_NominalSagAndCurrentFromPower()
        {
            var hardware = new SimulatedMeterHardware(Settings(1));

            hardware.Advance(TimeSpan.FromHours(8.5));
            double nominal = hardware.Voltage.ReadValue();
            double amps = hardware.Current.ReadValue();
            double expectedAmps = hardware.PowerWatts / hardware.Voltage.TrueValue;
            hardware.Advance(TimeSpan.FromHours(0.5) + TimeSpan.FromMinutes(2));
            double sag = hardware.Voltage.ReadValue();
            hardware.Advance(TimeSpan.FromMinutes(10));
            double after = hardware.Voltage.ReadValue();

            Assert.InRange(nominal, 226, 234);          // 230 V ± 5 sigma
            Assert.InRange(sag, 0.8 * 230 - 4, 0.8 * 230 + 4);
            Assert.InRange(after, 226, 234);
            Assert.InRange(amps, expectedAmps - 0.06, expectedAmps + 0.06);
            Assert.Equal(Math.Round(hardware.Voltage.TrueValue / 0.01), hardware.Voltage.ReadRaw());
        }

        [Fact]
        public void LastEdgeTime_WithinStepAndNotAfterClock()
        {
            var hardware = new SimulatedMeterHardware(new SimulatedMeterSettings { Seed = 2, StartUtc = Start });
            Assert.Equal(0, hardware.ActiveEnergyPulses.Read(out long none));
            Assert.Equal(-1, none);
            long previousEdge = -1;
            for (int i = 0; i < 60; i++)
            {
                long stepStart = hardware.Clock.GetMonotonicMilliseconds();
                hardware.Advance(TimeSpan.FromMinutes(1));
                hardware.ActiveEnergyPulses.Read(out long lastEdge);

                Assert.InRange(lastEdge, Math.Max(previousEdge, stepStart - 60000), hardware.Clock.GetMonotonicMilliseconds());
                previousEdge = lastEdge;
            }

            // 250 W or more gives at least 4 pulses a minute at 1000 imp/kWh: an edge in the last minute.
            Assert.True(previousEdge > 59 * 60000);
        }

        [Fact]
        public void ScaledClock_DayOfProfilePeriodsInTenRealSeconds()
        {
            long real = 0;
            var settings = new SimulatedMeterSettings { Seed = 8, StartUtc = Start, TimeScale = 8640, RealElapsedTicks = () => real };
            var hardware = new SimulatedMeterHardware(settings);
            var reference = new SimulatedMeterHardware(new SimulatedMeterSettings { Seed = 8, StartUtc = Start });
            int periods = 0;
            long lastPeriod = 0;

            for (int tick = 1; tick <= 100; tick++)
            {
                real = tick * TimeSpan.TicksPerSecond / 10; // 100 ms of real time per tick
                hardware.Update();
                long period = (hardware.Clock.GetUtcTicks() - Start.Ticks) / (15 * TimeSpan.TicksPerMinute);
                periods += (int)(period - lastPeriod);
                lastPeriod = period;
            }

            reference.Advance(TimeSpan.FromDays(1));
            Assert.Equal(96, periods);
            Assert.Equal(Start.AddDays(1).Ticks, hardware.PositionUtcTicks);
            Assert.Equal(reference.EnergyWh, hardware.EnergyWh, 6);
            Assert.InRange(hardware.ActiveEnergyPulses.Count, reference.ActiveEnergyPulses.Count - 1, reference.ActiveEnergyPulses.Count + 1);
        }

        [Fact]
        public void DriveCoverOpen_ByHand_EdgeAtCurrentClockTime()
        {
            var hardware = new SimulatedMeterHardware(new SimulatedMeterSettings { Seed = 1, StartUtc = Start });
            var edges = new List<(bool, long)>();
            hardware.CoverOpen.Edge += (pin, level, utc) => edges.Add((level, utc));
            hardware.Advance(TimeSpan.FromMinutes(3));

            hardware.DriveCoverOpen(true);
            hardware.DriveCoverOpen(true); // no change, no edge

            Assert.True(hardware.CoverOpen.Read());
            Assert.Equal(new[] { (true, Start.AddMinutes(3).Ticks) }, edges);
        }

        [Fact]
        public void Advance_Loop_ZeroBytesAfterWarmUp()
        {
            var hardware = new SimulatedMeterHardware(Settings(4));
            hardware.Advance(TimeSpan.FromMinutes(1));
            int raw = hardware.Voltage.ReadRaw() + hardware.Current.ReadRaw();

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                hardware.Advance(TimeSpan.FromMinutes(1)); // crosses the scheduled outage and cover edges
                raw += hardware.Voltage.ReadRaw() + hardware.Current.ReadRaw();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.True(raw > 0);
            Assert.True(hardware.ActiveEnergyPulses.Count > 0);
        }
    }
}
