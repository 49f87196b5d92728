using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// Billing, tariffs and the limiter of the emulator's meter over TCP with the project's client
    /// library: the billing row after the simulated clock crosses the month end; client 48
    /// (HLS-GMAC, authenticated encryption) writes a passive calendar and activates it, and the
    /// tariff follows; a SET with a bad value gets its data-access-result and the server keeps
    /// serving; limiter thresholds written and read back.
    /// </summary>
    public sealed class BillingAndTariffSessionTests : IDisposable
    {
        private static readonly CosemAttribute ClockTime = CosemAttribute.Parse("0.0.1.0.0.255:8:2");
        private static readonly CosemAttribute BillingBuffer = CosemAttribute.Parse("1.0.98.1.0.255:7:2");
        private static readonly CosemAttribute BillingCounter = CosemAttribute.Parse("1.0.0.1.0.255:1:2");
        private static readonly CosemAttribute ActiveMask = CosemAttribute.Parse("0.0.14.0.0.255:6:4");
        private static readonly CosemAttribute CalendarNameActive = CosemAttribute.Parse("0.0.13.0.0.255:20:2");
        private static readonly CosemAttribute ThresholdNormal = CosemAttribute.Parse("0.0.17.0.0.255:71:4");
        private static readonly CosemAttribute ThresholdActive = CosemAttribute.Parse("0.0.17.0.0.255:71:3");
        private static readonly CosemAttribute MinOverDuration = CosemAttribute.Parse("0.0.17.0.0.255:71:6");

        private readonly MeterHarness _meter = MeterHarness.Start();

        public void Dispose()
        {
            _meter.Dispose();
        }

        private static DlmsValue Value(string hex)
        {
            return AxdrDecoder.Decode(Hex.Parse(hex));
        }

        private async Task<DlmsClient> ManagementAsync()
        {
            DlmsClient client = await _meter.ConnectAsync(SecureClientLibraryTests.Management(_meter, TransportKind.Wrapper, CipheringKind.Glo));
            await client.AssociateAsync();
            return client;
        }

        [Fact]
        public async Task BillingProfile_ClockCrossesTheMonthEnd_OneRowStampedWithTheEndOfThePeriod()
        {
            await using DlmsClient reader = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper);
            Assert.Empty((await reader.GetAsync(BillingBuffer)).Items);

            // Monday 30 November 2026 23:59:50 (deviation 0), then 20 s of simulated time.
            await reader.SetAsync(ClockTime, Value("09 0C 07 EA 0B 1E 01 17 3B 32 00 00 00 00"));
            _meter.Meter.Advance(TimeSpan.FromSeconds(20));

            IReadOnlyList<DlmsValue> rows = (await reader.GetAsync(BillingBuffer)).Items;
            DlmsValue row = Assert.Single(rows);
            // clock, counter, +A, -A, +A T1..T4, MD, MD time, MD T1..T4.
            Assert.Equal(14, row.Items.Count);
            Assert.Equal("07 EA 0C 01 02 00 00 00 00 00 00 00", Hex.Format(row.Items[0].Bytes));
            Assert.Equal(1, row.Items[1].ToInt64());
            long energy = row.Items[2].ToInt64();
            Assert.True(energy >= MeterHarness.InitialEnergyWh, energy.ToString());
            Assert.Equal(1, (await reader.GetAsync(BillingCounter)).ToInt64());
            // The maximum demand was reset at the end of the period.
            Assert.Equal("07 EA 0C 01 02 00 00 00 00 00 00 00",
                Hex.Format((await reader.GetAsync(CosemAttribute.Parse("1.0.1.6.0.255:4:5"))).Bytes));

            // Another 20 s: still one row.
            _meter.Meter.Advance(TimeSpan.FromSeconds(20));
            Assert.Single((await reader.GetAsync(BillingBuffer)).Items);
        }

        [Fact]
        public async Task ManagementClient_WritesAPassiveCalendarAndActivatesIt_TheTariffFollows()
        {
            await using DlmsClient client = await ManagementAsync();
            Assert.Equal("TOU2", System.Text.Encoding.ASCII.GetString((await client.GetAsync(CalendarNameActive)).Bytes));

            await client.SetAsync(CosemAttribute.Parse("0.0.13.0.0.255:20:6"), Value("09 03 4E 45 57"));
            await client.SetAsync(CosemAttribute.Parse("0.0.13.0.0.255:20:7"),
                Value("01 01 02 03 09 01 41 09 0C FF FF 01 01 FF 00 00 00 00 80 00 FF 09 01 41"));
            await client.SetAsync(CosemAttribute.Parse("0.0.13.0.0.255:20:8"),
                Value("01 01 02 08 09 01 41 11 05 11 05 11 05 11 05 11 05 11 05 11 05"));
            // A day profile with a start at 24:00 is out of range: refused, nothing changed, the
            // association goes on.
            DataAccessException refused = await Assert.ThrowsAsync<DataAccessException>(() => client.SetAsync(
                CosemAttribute.Parse("0.0.13.0.0.255:20:9"),
                Value("01 01 02 02 11 05 01 01 02 03 09 04 18 00 00 00 09 06 00 00 0A 00 64 FF 12 00 03")));
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, refused.Result);
            Assert.Equal("01 00", Hex.Format(AxdrEncoder.Encode(await client.GetAsync(CosemAttribute.Parse("0.0.13.0.0.255:20:9")))));
            await client.SetAsync(CosemAttribute.Parse("0.0.13.0.0.255:20:9"),
                Value("01 01 02 02 11 05 01 01 02 03 09 04 00 00 00 00 09 06 00 00 0A 00 64 FF 12 00 03"));

            await client.ActionAsync(CosemMethod.Parse("0.0.13.0.0.255:20:1"), DlmsValue.Integer(0));
            _meter.Meter.Advance(TimeSpan.FromSeconds(2));

            Assert.Equal("NEW", System.Text.Encoding.ASCII.GetString((await client.GetAsync(CalendarNameActive)).Bytes));
            Assert.Equal("T3", System.Text.Encoding.ASCII.GetString((await client.GetAsync(ActiveMask)).Bytes));
            long before = _meter.Meter.Engine.GetLiveTariffEnergyImportMilliWh(2);
            _meter.Meter.Advance(TimeSpan.FromMinutes(20));
            Assert.True(_meter.Meter.Engine.GetLiveTariffEnergyImportMilliWh(2) > before);
            // What the register shows (the last checkpoint) is T3's energy; T1 and T2 stand still.
            long t1 = _meter.Meter.Engine.GetLiveTariffEnergyImportMilliWh(0);
            _meter.Meter.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(t1, _meter.Meter.Engine.GetLiveTariffEnergyImportMilliWh(0));
            Assert.True((await client.GetAsync(CosemAttribute.Parse("1.0.1.8.3.255:3:2"))).ToInt64() > 0);
            await client.ReleaseAsync();
        }

        [Fact]
        public async Task Limiter_ThresholdsWrittenAndReadBack_BadValuesRefused_ReaderMayNotWrite()
        {
            await using (DlmsClient client = await ManagementAsync())
            {
                Assert.Equal(10000, (await client.GetAsync(ThresholdNormal)).ToInt64());
                await client.SetAsync(ThresholdNormal, DlmsValue.DoubleLongUnsigned(7500));
                await client.SetAsync(MinOverDuration, DlmsValue.DoubleLongUnsigned(30));
                Assert.Equal(7500, (await client.GetAsync(ThresholdNormal)).ToInt64());
                Assert.Equal(30, (await client.GetAsync(MinOverDuration)).ToInt64());

                DataAccessException wrongType = await Assert.ThrowsAsync<DataAccessException>(
                    () => client.SetAsync(ThresholdNormal, DlmsValue.OctetString(new byte[] { 1, 2 })));
                Assert.Equal(DataAccessResult.TypeUnmatched, wrongType.Result);
                // threshold_active is the limiter's own: read-only.
                DataAccessException readOnly = await Assert.ThrowsAsync<DataAccessException>(
                    () => client.SetAsync(ThresholdActive, DlmsValue.DoubleLongUnsigned(1)));
                Assert.Equal(DataAccessResult.ReadWriteDenied, readOnly.Result);
                Assert.Equal(7500, (await client.GetAsync(ThresholdNormal)).ToInt64());
                await client.ReleaseAsync();
            }

            _meter.Meter.Advance(TimeSpan.FromSeconds(1));
            await using DlmsClient reader = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper);
            Assert.Equal(7500, (await reader.GetAsync(ThresholdActive)).ToInt64());
            DataAccessException denied = await Assert.ThrowsAsync<DataAccessException>(
                () => reader.SetAsync(ThresholdNormal, DlmsValue.DoubleLongUnsigned(1)));
            Assert.Equal(DataAccessResult.ReadWriteDenied, denied.Result);
        }

        /// <summary>
        /// The limiter acts on the relay over a real session: client 48 lowers the normal
        /// threshold under the meter's load; after the minimum over-threshold duration the limiter
        /// disconnects (the disconnect control's output_state reads false) and, with a long
        /// minimum under-threshold duration, stays open although the open relay took the load
        /// away; with that duration short again the load (none) is under the threshold and the
        /// limiter reconnects.
        /// </summary>
        [Fact]
        public async Task Limiter_LoadOverTheThreshold_RelayOpens_UnderItAgain_RelayCloses()
        {
            CosemAttribute outputState = CosemAttribute.Parse("0.0.96.3.10.255:70:2");
            CosemAttribute minUnderDuration = CosemAttribute.Parse("0.0.17.0.0.255:71:7");
            await using (DlmsClient client = await ManagementAsync())
            {
                Assert.True((bool)(await client.GetAsync(outputState)).Value!);
                await client.SetAsync(MinOverDuration, DlmsValue.DoubleLongUnsigned(30));
                await client.SetAsync(minUnderDuration, DlmsValue.DoubleLongUnsigned(3600));
                await client.SetAsync(ThresholdNormal, DlmsValue.DoubleLongUnsigned(1));
                await client.ReleaseAsync();
            }

            _meter.Meter.Advance(TimeSpan.FromSeconds(20));
            Assert.True(_meter.Meter.Hardware.Relay.Read());               // over, not yet for 30 s
            _meter.Meter.Advance(TimeSpan.FromSeconds(100));
            await using (DlmsClient client = await ManagementAsync())
            {
                Assert.False((bool)(await client.GetAsync(outputState)).Value!);
                await client.SetAsync(minUnderDuration, DlmsValue.DoubleLongUnsigned(30));
                await client.ReleaseAsync();
            }

            _meter.Meter.Advance(TimeSpan.FromSeconds(45));
            await using DlmsClient reader = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper);
            Assert.True((bool)(await reader.GetAsync(outputState)).Value!);
        }
    }
}
