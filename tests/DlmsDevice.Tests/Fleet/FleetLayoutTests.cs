using System.Linq;
using DlmsDevice.Emulator;
using DlmsDevice.Emulator.Fleet;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>Where each meter of a fleet is (docs/fleet.md's address map) and the options that cannot make a fleet.</summary>
    public sealed class FleetLayoutTests
    {
        private static FleetLayout Layout(int meters, bool onePort = false, int wrapper = 10000, int hdlc = 20000, int udp = 0)
        {
            return new FleetLayout(new EmulatorOptions { Meters = meters, OnePort = onePort, WrapperPort = wrapper, HdlcPort = hdlc, UdpPort = udp });
        }

        [Fact]
        public void PortPerMeter_MeterI_PortsFirstPlusI_WPort1_Physical17()
        {
            FleetLayout layout = Layout(10_000, udp: 10000);
            Assert.Null(layout.Validate());
            Assert.Equal((10000, 20000, 10000), (layout.WrapperPort(0), layout.HdlcPort(0), layout.UdpPort(0)));
            Assert.Equal((19999, 29999, 19999), (layout.WrapperPort(9999), layout.HdlcPort(9999), layout.UdpPort(9999)));
            Assert.Equal((1, 17), (layout.WPort(9999), layout.HdlcPhysicalAddress(9999)));
            Assert.Equal(("0000000000001", "0000000010000"), (layout.SerialNumber(0), layout.SerialNumber(9999)));
        }

        [Fact]
        public void OnePort_MeterI_AtAddress16PlusI()
        {
            FleetLayout layout = Layout(16_366, onePort: true);
            Assert.Null(layout.Validate());
            Assert.Equal((10000, 20000), (layout.WrapperPort(5000), layout.HdlcPort(5000)));
            Assert.Equal((16, 16), (layout.WPort(0), layout.HdlcPhysicalAddress(0)));
            Assert.Equal((0x3FFD, 0x3FFD), (layout.WPort(16_365), layout.HdlcPhysicalAddress(16_365)));
            Assert.Equal(16_365, layout.MeterAt(0x3FFD));
            Assert.Equal(-1, layout.MeterAt(0x3FFE));
            Assert.Equal(-1, layout.MeterAt(1));
            Assert.Equal(-1, layout.MeterAt(15));
        }

        [Fact]
        public void Drift_WithinTwentyPpm_SameEveryRun_DiffersBetweenMeters()
        {
            FleetLayout layout = Layout(1000);
            double[] drift = Enumerable.Range(0, 1000).Select(layout.DriftPpm).ToArray();
            Assert.All(drift, d => Assert.InRange(d, -20, 20));
            Assert.Equal(drift, Enumerable.Range(0, 1000).Select(Layout(1000).DriftPpm));
            Assert.True(drift.Distinct().Count() > 300);
            Assert.True(drift.Min() < -15 && drift.Max() > 15);
        }

        [Fact]
        public void StateDirectory_MeterSubdirectory()
        {
            FleetLayout layout = new FleetLayout(new EmulatorOptions { Meters = 3, StateDirectory = "/var/lib/fleet" });
            Assert.Equal("/var/lib/fleet/meter-2", layout.StateDirectory(2));
        }

        [Theory]
        [InlineData(100, 4059, 4060, "the wrapper ports 4059..4158 and the HDLC ports 4060..4159 overlap: give --hdlc-port 4159 (or 0 for none)")]
        [InlineData(100, 65500, 0, "--wrapper-port 65500 + 100 meters passes port 65535")]
        [InlineData(0, 10000, 20000, "--meters is 1..16366")]
        [InlineData(16367, 10000, 20000, "--meters is 1..16366")]
        public void Validate_BadRanges_SaysWhatToDo(int meters, int wrapper, int hdlc, string expected)
        {
            Assert.Equal(expected, Layout(meters, wrapper: wrapper, hdlc: hdlc).Validate());
        }

        [Fact]
        public void Validate_OptionsOfOneMeter_Refused()
        {
            Assert.Contains("--serial", Validate(o => o.SerialDevice = "/dev/ttyUSB0"));
            Assert.Contains("--system-title", Validate(o => o.SystemTitle = "444C440000000001"));
            Assert.Contains("--trace", Validate(o => o.Trace = true));
            Assert.Contains("not with --auth-key", Validate(o => { o.FleetKey = FleetHarness.FleetKeyHex; o.AuthenticationKey = FleetHarness.FleetKeyHex; }));
            Assert.Contains("--fleet-key takes", Validate(o => o.FleetKey = "0011"));
            Assert.Contains("--history-hours", Validate(o => o.HistoryHours = 5000));
        }

        private static string Validate(System.Action<EmulatorOptions> change)
        {
            EmulatorOptions options = new EmulatorOptions { Meters = 3, WrapperPort = 10000, HdlcPort = 20000 };
            change(options);
            return FleetProgram.Validate(options) ?? "";
        }
    }
}
