using System.Linq;
using System;
using System.IO;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>
    /// A fleet of meters in one process, read by the project's client over real sockets: each
    /// meter on its own ports and, with --one-port, all behind one port at their own addresses;
    /// every meter has its own serial number, system title, derived keys, energy and state.
    /// </summary>
    public sealed class FleetSessionTests
    {
        private static readonly CosemAttribute SerialNumber = CosemAttribute.Parse("0.0.96.1.0.255:1:2");
        private static readonly CosemAttribute LogicalDeviceName = CosemAttribute.Parse("0.0.42.0.0.255:1:2");
        private static readonly CosemAttribute EnergyImport = CosemAttribute.Parse("1.0.1.8.0.255:3:2");
        private static readonly CosemAttribute HdlcDeviceAddress = CosemAttribute.Parse("0.0.22.0.0.255:23:9");

        /// <summary>
        /// A fleet meter leaves billing, tariffs, monitors and the limiter out (its memory per
        /// meter) unless --fleet-automation asks for them; the object list says which.
        /// </summary>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task FleetAutomation_BillingProfileAndTariffsListedOnlyWhenAsked(bool automation)
        {
            using FleetHarness fleet = FleetHarness.Start(2, configure: o => o.FleetAutomation = automation);
            await using DlmsClient client = await fleet.AssociateAsync(fleet.ClientOptions(1, TransportKind.Wrapper));
            var names = (await client.GetObjectListAsync()).Select(e => e.LogicalName.ToString()).ToList();
            Assert.Equal(automation, names.Contains("1.0.98.1.0.255"));
            Assert.Equal(automation, names.Contains("1.0.1.8.1.255"));
            Assert.Equal(automation, names.Contains("0.0.17.0.0.255"));
            Assert.Contains("0.0.97.98.0.255", names);
            await client.ReleaseAsync();
        }

        [Theory]
        [InlineData(false, TransportKind.Wrapper)]
        [InlineData(false, TransportKind.Hdlc)]
        [InlineData(true, TransportKind.Wrapper)]
        [InlineData(true, TransportKind.Hdlc)]
        public async Task FiftyMeters_MetersIAndJ_EachAnswersWithItsOwnIdentityAndEnergy(bool onePort, TransportKind transport)
        {
            using FleetHarness fleet = FleetHarness.Start(50, onePort);
            foreach (int meter in new[] { 0, 17, 49 })
            {
                await using DlmsClient client = await fleet.AssociateAsync(fleet.ClientOptions(meter, transport));
                string serial = (1 + meter).ToString("D13");
                Assert.Equal(serial, (await client.GetAsync(SerialNumber)).Text);
                Assert.Equal("DLD" + serial, System.Text.Encoding.ASCII.GetString((await client.GetAsync(LogicalDeviceName)).Bytes));
                Assert.Equal(FleetHarness.InitialEnergyWh(meter), (await client.GetAsync(EnergyImport)).ToInt64());
                // The IEC HDLC setup shows the address the meter is reached at (16 + i behind one port).
                Assert.Equal(onePort ? 16 + meter : 17, (int)(await client.GetAsync(HdlcDeviceAddress)).ToInt64());
                await client.ReleaseAsync();
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task CipheredAssociation_KeysDerivedFromTheFleetKey_EachMeterItsOwnTitleAndKeys(bool onePort)
        {
            using FleetHarness fleet = FleetHarness.Start(20, onePort, o => o.GivenOptions.Add("--max-connections"));
            byte[]? first = null;
            foreach (int meter in new[] { 3, 11 })
            {
                await using DlmsClient client = await fleet.AssociateAsync(fleet.ManagementOptions(meter, TransportKind.Wrapper));
                byte[] title = client.Security!.ServerSystemTitle!;
                Assert.Equal(Convert.FromHexString("444C4400000000" + (1 + meter).ToString("X2")), title);
                Assert.NotEqual(first, title);
                first = title;
                Assert.Equal(FleetHarness.InitialEnergyWh(meter), (await client.GetAsync(EnergyImport)).ToInt64());
                await client.ReleaseAsync();
            }

            // Meter 3's keys do not open meter 11; another fleet key opens no meter.
            DlmsClientOptions wrongMeter = fleet.ManagementOptions(11, TransportKind.Wrapper) with
            {
                Security = fleet.ManagementOptions(3, TransportKind.Wrapper).Security,
            };
            await AssertRefusedAsync(fleet, wrongMeter);
            await AssertRefusedAsync(fleet, fleet.ManagementOptions(5, TransportKind.Hdlc, "FFEEDDCCBBAA99887766554433221100"));
        }

        [Fact]
        public async Task StateDirectories_PerMeter_ValuesSurviveARestartAndNeverGoBack()
        {
            string dir = Path.Combine(Path.GetTempPath(), "dlms-fleet-" + Guid.NewGuid().ToString("N"));
            try
            {
                long[] before = new long[3];
                using (FleetHarness fleet = FleetHarness.Start(3, configure: o => o.StateDirectory = dir))
                {
                    for (int meter = 0; meter < 3; meter++)
                    {
                        // A different stretch of simulated time per meter: different energies.
                        fleet.Host.Meters[meter].Advance(TimeSpan.FromMinutes(20 * (meter + 1)));
                        await using DlmsClient client = await fleet.AssociateAsync(fleet.ClientOptions(meter, TransportKind.Wrapper));
                        before[meter] = (await client.GetAsync(EnergyImport)).ToInt64();
                        Assert.True(before[meter] > FleetHarness.InitialEnergyWh(meter));
                    }
                }
                for (int meter = 0; meter < 3; meter++)
                {
                    Assert.True(File.Exists(Path.Combine(dir, "meter-" + meter, "record-00000-a.slot")) || File.Exists(Path.Combine(dir, "meter-" + meter, "record-00000-b.slot")));
                }

                using (FleetHarness fleet = FleetHarness.Start(3, configure: o => o.StateDirectory = dir))
                {
                    for (int meter = 0; meter < 3; meter++)
                    {
                        Assert.True(fleet.Host.Meters[meter].ResumedFromState);
                        await using DlmsClient client = await fleet.AssociateAsync(fleet.ClientOptions(meter, TransportKind.Hdlc));
                        long after = (await client.GetAsync(EnergyImport)).ToInt64();
                        Assert.True(after >= before[meter], "meter " + meter + ": " + after + " < " + before[meter]);
                        Assert.Equal((1 + meter).ToString("D13"), (await client.GetAsync(SerialNumber)).Text);
                    }
                    Assert.NotEqual(before[0], before[2]);
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public async Task OnePort_AddressOfNoMeter_ConnectionClosed_TheFleetKeepsServing()
        {
            using FleetHarness fleet = FleetHarness.Start(5, onePort: true);
            DlmsClientOptions nowhere = fleet.ClientOptions(0, TransportKind.Wrapper) with { ServerLogical = 16 + 5 };
            await Assert.ThrowsAnyAsync<Exception>(async () => await fleet.AssociateAsync(nowhere));
            DlmsClientOptions management = fleet.ClientOptions(0, TransportKind.Wrapper) with { ServerLogical = 1 };
            await Assert.ThrowsAnyAsync<Exception>(async () => await fleet.AssociateAsync(management));

            await using DlmsClient client = await fleet.AssociateAsync(fleet.ClientOptions(4, TransportKind.Wrapper));
            Assert.Equal("0000000000005", (await client.GetAsync(SerialNumber)).Text);
            Assert.Contains(fleet.Logs.Lines, l => l.Contains("no meter at TcpWrapper address 21"));
        }

        private static async Task AssertRefusedAsync(FleetHarness fleet, DlmsClientOptions options)
        {
            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            await Assert.ThrowsAnyAsync<Exception>(() => client.AssociateAsync());
        }
    }
}
