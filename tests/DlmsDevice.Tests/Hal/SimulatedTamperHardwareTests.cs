using System;
using System.Collections.Generic;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Tests.Hal
{
    /// <summary>
    /// The simulated theft scenarios and the waveform: reverse flow counts export, a cut voltage
    /// link shows 0 V and registers nothing while the load draws, an earth leak shortens the
    /// neutral current, the magnet input follows its schedule, and the waveform is a continuous,
    /// reproducible 12-bit sine that reports a lost backlog once.
    /// </summary>
    public class SimulatedTamperHardwareTests
    {
        private static readonly DateTime Start = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);

        private static SimulatedMeterHardware Hardware(Action<SimulatedMeterSettings> schedule)
        {
            SimulatedMeterSettings settings = new SimulatedMeterSettings { Seed = 3, StartUtc = Start };
            schedule(settings);
            return new SimulatedMeterHardware(settings);
        }

        [Fact]
        public void ReverseFlow_TheLoadsEnergyCountsAsExportForItsDuration()
        {
            SimulatedMeterHardware h = Hardware(s => s.ReverseFlows.Add(new ScheduledInterval(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20))));

            h.Advance(TimeSpan.FromMinutes(10));
            long importBefore = h.ActiveEnergyPulses.Count;
            double energyBefore = h.EnergyWh;
            Assert.Equal(0, h.ExportEnergyPulses.Count);
            h.Advance(TimeSpan.FromMinutes(20));
            long importDuring = h.ActiveEnergyPulses.Count - importBefore;
            long export = h.ExportEnergyPulses.Count;
            double reversed = h.EnergyWh - energyBefore;
            h.Advance(TimeSpan.FromMinutes(10));

            // 1000 imp/kWh: a pulse a Wh of what flowed backwards; nothing imported meanwhile
            // (at most the fraction carried over from before).
            Assert.InRange(importDuring, 0, 1);
            Assert.InRange(export, (long)reversed - 1, (long)reversed + 1);
            Assert.True(export > 50, export + " export pulses");
            Assert.Equal(export, h.ExportEnergyPulses.Count);
            Assert.True(h.ActiveEnergyPulses.Count > importBefore + importDuring);
        }

        [Fact]
        public void PotentialCut_VoltageReads0CurrentFlowsNothingRegistered()
        {
            SimulatedMeterHardware h = Hardware(s => s.PotentialCuts.Add(new ScheduledInterval(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30))));

            h.Advance(TimeSpan.FromMinutes(6));
            long pulses = h.ActiveEnergyPulses.Count;
            double energy = h.EnergyWh;
            Assert.True(h.PotentialCutActive);
            Assert.Equal(0, h.Voltage.ReadRaw());
            Assert.True(h.Current.ReadValue() > 0.5, h.Current.ReadValue() + " A");
            h.Advance(TimeSpan.FromMinutes(20));

            Assert.Equal(pulses, h.ActiveEnergyPulses.Count);
            Assert.True(h.EnergyWh - energy > 50, "the load drew " + (h.EnergyWh - energy) + " Wh");
            int[] samples = new int[256];
            Assert.Equal(-1, h.Waveform.Read(samples, 0, samples.Length));
            Assert.Equal(256, h.Waveform.Read(samples, 0, samples.Length));
            Assert.All(samples, v => Assert.InRange(v, 2048 - 10, 2048 + 10));
        }

        [Fact]
        public void EarthLeak_NeutralCurrentShortByTheLeakFraction()
        {
            SimulatedMeterHardware h = Hardware(s => s.EarthLeaks.Add(new ScheduledInterval(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5))));

            h.Advance(TimeSpan.FromSeconds(30));
            double phaseBefore = h.Current.ReadValue();
            double neutralBefore = h.NeutralCurrent.ReadValue();
            h.Advance(TimeSpan.FromMinutes(1));
            double phase = h.Current.ReadValue();
            double neutral = h.NeutralCurrent.ReadValue();

            Assert.InRange(neutralBefore, phaseBefore - 0.05, phaseBefore + 0.05);
            Assert.InRange(neutral, phase * 0.6 - 0.05, phase * 0.6 + 0.05);
        }

        [Fact]
        public void Magnet_ScheduledAndByHand_EdgesAtTheirTimes()
        {
            SimulatedMeterHardware h = Hardware(s => s.MagnetFields.Add(new ScheduledInterval(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(30))));
            List<(bool Level, long Utc)> edges = new List<(bool, long)>();
            h.Magnet.Edge += (pin, level, utc) => edges.Add((level, utc));

            h.Advance(TimeSpan.FromMinutes(3));
            h.DriveMagnet(true);

            Assert.Equal(new[]
            {
                (true, Start.AddSeconds(90).Ticks),
                (false, Start.AddSeconds(120).Ticks),
                (true, Start.AddMinutes(3).Ticks),
            }, edges);
            Assert.Equal(4, h.Magnet.Pin);
        }

        [Fact]
        public void Waveform_ContinuousAcrossReadsAndReproducible()
        {
            SimulatedMeterHardware a = Hardware(s => { });
            SimulatedMeterHardware b = Hardware(s => { });
            a.Advance(TimeSpan.FromSeconds(1));
            b.Advance(TimeSpan.FromSeconds(1));
            int[] whole = new int[1600];
            int[] pieces = new int[1600];

            Assert.Equal(1600, a.Waveform.Read(whole, 0, 1600));
            int got = 0;
            while (got < 1600)
            {
                got += b.Waveform.Read(pieces, got, Math.Min(97, 1600 - got));
            }

            Assert.Equal(whole, pieces);
            Assert.Equal(0, a.Waveform.Read(whole, 0, 10));
            // 230 V RMS at 0.18 V/count: peaks 1807 counts either side of the 2048 bias.
            int min = int.MaxValue;
            int max = 0;
            foreach (int v in whole)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            Assert.InRange(max - 2048, 1790, 1830);
            Assert.InRange(2048 - min, 1790, 1830);
        }

        [Fact]
        public void Waveform_BehindByMoreThanTheBacklog_LossReportedOnceThenTheLatestSamples()
        {
            SimulatedMeterHardware h = Hardware(s => s.Grid.MaxBacklog = TimeSpan.FromSeconds(2));
            h.Advance(TimeSpan.FromMinutes(1));
            int[] samples = new int[4096];

            Assert.Equal(-1, h.Waveform.Read(samples, 0, samples.Length));
            Assert.Equal(3200, h.Waveform.Read(samples, 0, samples.Length));
            Assert.Equal(0, h.Waveform.Read(samples, 0, samples.Length));
            Assert.Equal(60L * 1600, h.Waveform.NextIndex);
        }
    }
}
