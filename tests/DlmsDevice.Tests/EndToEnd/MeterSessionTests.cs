using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;
using EmulatorMeter = DlmsDevice.Emulator.DefaultMeter;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// Whole client sessions (SNRM, AARQ, GET/SET/ACTION, RLRQ, DISC) against the default meter
    /// over real sockets and a pty, with the project's client library.
    /// </summary>
    public sealed class MeterSessionTests : IDisposable
    {
        private readonly MeterHarness _meter = MeterHarness.Start();

        public void Dispose()
        {
            _meter.Dispose();
        }

        private static CosemAttribute Attr(string text)
        {
            return CosemAttribute.Parse(text);
        }

        /// <summary>The identity reads every session starts with, then release and disconnect.</summary>
        internal static async Task RunIdentitySessionAsync(MeterHarness meter, DlmsClient client)
        {
            AssociationResponse aare = await client.AssociateAsync();
            Assert.Equal(6, aare.DlmsVersion);
            Assert.Equal(1024, aare.ServerMaxReceivePduSize);
            Assert.Equal((Conformance)0x001E1D, aare.NegotiatedConformance);

            DlmsValue name = await client.GetAsync(Attr("0.0.42.0.0.255:1:2"));
            DlmsValue serial = await client.GetAsync(Attr("0.0.96.1.0.255:1:2"));
            DlmsValue firmware = await client.GetAsync(Attr("1.0.0.2.0.255:1:2"));
            DlmsValue clock = await client.GetAsync(Attr("0.0.1.0.0.255:8:2"));
            ScaledValue energy = await client.GetScaledAsync(Attr("1.0.1.8.0.255:3:2"));
            await client.ReleaseAsync();
            await client.DisconnectAsync();

            Assert.Equal(DataType.OctetString, name.Type);
            Assert.Equal("DLD0000000000001", Encoding.ASCII.GetString(name.Bytes));
            Assert.Equal(DlmsValue.VisibleString("0000000000001"), serial);
            Assert.Equal(DataType.VisibleString, firmware.Type);
            Assert.Equal(DataType.OctetString, clock.Type);
            CosemDateTime time = CosemDateTime.FromBytes(clock.Bytes);
            Assert.Equal(new CosemDateTime(2026, 11, 25, 3, 10, 0, 0, 0, 0, 0), time);
            Assert.Equal(30, energy.ScalerUnit.Unit);
            Assert.Equal(meter.Meter.Engine.PublishedEnergyImportMilliWh / 1000, (long)energy.Scaled);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task Session_PublicClient_AssociatesReadsReleasesAndDisconnects(TransportKind transport)
        {
            DlmsClient client = await _meter.ConnectAsync(_meter.Options(transport));

            await RunIdentitySessionAsync(_meter, client);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task ObjectList_PublicClient_ListsEveryPublicObjectReadOnly(TransportKind transport)
        {
            await using DlmsClient client = await _meter.AssociateAsync(transport);

            IReadOnlyList<ObjectListEntry> list = await client.GetObjectListAsync();

            string[] expected =
            {
                "1 0.0.42.0.0.255", "1 0.0.96.1.0.255", "1 1.0.0.2.0.255", "8 0.0.1.0.0.255",
                "15 0.0.40.0.0.255", "15 0.0.40.0.1.255", "17 0.0.41.0.0.255", "23 0.0.22.0.0.255",
                "41 0.0.25.0.0.255", "1 0.0.43.1.3.255", "1 0.0.43.1.0.255",
                "3 1.0.1.8.0.255", "3 1.0.2.8.0.255", "3 1.0.1.7.0.255", "3 1.0.32.7.0.255",
                "3 1.0.31.7.0.255", "3 1.0.9.7.0.255", "3 1.0.13.7.0.255", "3 1.0.32.27.0.255", "3 1.0.31.27.0.255",
                "5 1.0.1.4.0.255", "7 1.0.99.1.0.255", "7 1.0.99.2.0.255", "7 0.0.99.98.0.255", "1 0.0.96.11.0.255",
                "4 1.0.1.6.0.255", "70 0.0.96.3.10.255",
                "1 0.0.97.98.0.255", "1 0.0.97.98.10.255", "1 0.0.97.98.20.255", "1 0.0.94.91.0.255",
                "3 1.0.91.7.0.255", "3 1.0.14.7.0.255", "3 1.0.14.27.0.255",
                // ScheduleModel.cs and TariffModel.cs (docs/billing-and-tariffs.md): billing, tariffs,
                // register monitors, the limiter (the push schedule is off by default).
                "1 1.0.0.1.0.255", "1 1.0.0.1.2.255", "7 1.0.98.1.0.255", "9 0.0.10.0.1.255", "22 0.0.15.0.0.255",
                "3 1.0.1.8.1.255", "3 1.0.1.8.2.255", "3 1.0.1.8.3.255", "3 1.0.1.8.4.255",
                "4 1.0.1.6.1.255", "4 1.0.1.6.2.255", "4 1.0.1.6.3.255", "4 1.0.1.6.4.255",
                "6 0.0.14.0.0.255", "9 0.0.10.0.100.255", "20 0.0.13.0.0.255", "11 0.0.11.0.0.255",
                "9 0.0.10.0.128.255", "21 0.0.16.0.0.255", "21 0.0.16.0.1.255", "21 0.0.16.0.2.255",
                "9 0.0.10.0.106.255", "71 0.0.17.0.0.255",
            };
            Assert.Equal(expected, list.Select(e => e.ClassId + " " + e.LogicalName).ToArray());
            Assert.All(list, e => Assert.All(e.Attributes, a => Assert.True(a.AccessMode <= 1, e + " attribute " + a.AttributeId + " is writable")));
            Assert.All(list, e => Assert.All(e.Methods, m => Assert.Equal(0, m.AccessMode)));
            ObjectListEntry association = list.Single(e => e.LogicalName.ToString() == "0.0.40.0.1.255");
            Assert.Equal(0, association.Attributes.Single(a => a.AttributeId == 7).AccessMode);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task ObjectList_MeterReader_SetsClockResetsMaximumDemandAndSwitchesTheRelay(TransportKind transport)
        {
            await using DlmsClient client = await _meter.AssociateMeterReaderAsync(transport);

            IReadOnlyList<ObjectListEntry> list = await client.GetObjectListAsync();

            Assert.Equal(58, list.Count);
            Assert.Contains(list, e => e.ClassId == 15 && e.LogicalName.ToString() == "0.0.40.0.2.255");
            ObjectListEntry clock = list.Single(e => e.ClassId == 8);
            Assert.Equal(3, clock.Attributes.Single(a => a.AttributeId == 2).AccessMode);
            Assert.Equal(1, clock.Attributes.Single(a => a.AttributeId == 4).AccessMode);
            Assert.All(clock.Methods, m => Assert.Equal(1, m.AccessMode));
            ObjectListEntry energy = list.Single(e => e.LogicalName.ToString() == "1.0.1.8.0.255");
            Assert.Equal(0, energy.Methods.Single().AccessMode);
            ObjectListEntry maximum = list.Single(e => e.LogicalName.ToString() == "1.0.1.6.0.255");
            Assert.Equal(1, maximum.Methods.Single().AccessMode);
            ObjectListEntry disconnect = list.Single(e => e.ClassId == 70);
            Assert.All(disconnect.Methods, m => Assert.Equal(1, m.AccessMode));
            Assert.All(list.Where(e => e.ClassId == 7), e => Assert.All(e.Methods, m => Assert.Equal(0, m.AccessMode)));
            ObjectListEntry power = list.Single(e => e.LogicalName.ToString() == "1.0.1.7.0.255");
            Assert.Equal(0, power.Methods.Single().AccessMode);
            ObjectListEntry own = list.Single(e => e.LogicalName.ToString() == "0.0.40.0.2.255");
            Assert.Equal(2, own.Attributes.Single(a => a.AttributeId == 7).AccessMode);
        }

        [Fact]
        public async Task Password_ChangedByMeterReader_AppliesToTheNextAssociation()
        {
            await using (DlmsClient reader = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper))
            {
                await reader.SetAsync(Attr("0.0.40.0.0.255:15:7"), DlmsValue.OctetString(Encoding.ASCII.GetBytes("s3cret!!")));
                DataAccessException read = await Assert.ThrowsAsync<DataAccessException>(() => reader.GetAsync(Attr("0.0.40.0.2.255:15:7")));
                Assert.Equal(DataAccessResult.ReadWriteDenied, read.Result);
                await reader.ReleaseAsync();
            }

            AssociationRejectedException old = await Assert.ThrowsAsync<AssociationRejectedException>(
                () => _meter.AssociateAsync(TransportKind.Hdlc, EmulatorMeter.MeterReaderClientSap, "12345678"));
            await using DlmsClient renewed = await _meter.AssociateAsync(TransportKind.Hdlc, EmulatorMeter.MeterReaderClientSap, "s3cret!!");

            Assert.Equal(13, old.Response.Diagnostic);
            Assert.NotNull(renewed.Association);
        }

        [Fact]
        public async Task Registers_ValueAndScalerUnit_FollowTheSimulatedHardware()
        {
            _meter.Meter.Advance(TimeSpan.FromSeconds(1234));
            await using DlmsClient client = await _meter.AssociateAsync(TransportKind.Wrapper);

            DlmsValue energy = await client.GetAsync(Attr("1.0.1.8.0.255:3:2"));
            DlmsValue energyScaler = await client.GetAsync(Attr("1.0.1.8.0.255:3:3"));
            DlmsValue power = await client.GetAsync(Attr("1.0.1.7.0.255:3:2"));
            DlmsValue powerScaler = await client.GetAsync(Attr("1.0.1.7.0.255:3:3"));
            ScaledValue voltage = await client.GetScaledAsync(Attr("1.0.32.7.0.255:3:2"));
            ScaledValue current = await client.GetScaledAsync(Attr("1.0.31.7.0.255:3:2"));
            ScaledValue apparent = await client.GetScaledAsync(Attr("1.0.9.7.0.255:3:2"));
            ScaledValue factor = await client.GetScaledAsync(Attr("1.0.13.7.0.255:3:2"));

            // The registers show what the engine computed from the simulated pulses and ADC channels.
            var engine = _meter.Meter.Engine;
            Assert.Equal(DlmsValue.DoubleLongUnsigned((uint)(engine.PublishedEnergyImportMilliWh / 1000)), energy);
            Assert.Equal(new ScalerUnit(0, 30), ScalerUnit.FromValue(energyScaler));
            Assert.Equal(DlmsValue.DoubleLongUnsigned((uint)Math.Round(engine.ActivePowerImportWatts, MidpointRounding.AwayFromZero)), power);
            Assert.Equal(new ScalerUnit(0, 27), ScalerUnit.FromValue(powerScaler));
            Assert.Equal(new ScalerUnit(-1, 35), voltage.ScalerUnit);
            Assert.Equal(new ScalerUnit(-2, 33), current.ScalerUnit);
            Assert.Equal(new ScalerUnit(0, 28), apparent.ScalerUnit);
            Assert.Equal(new ScalerUnit(-3, 255), factor.ScalerUnit);
            // And that is the physics of the simulation: 1 Wh per pulse of the integral, 230 V
            // nominal with noise, I = P / V, PF = P / S.
            double integral = MeterHarness.InitialEnergyWh + _meter.Meter.Hardware.EnergyWh;
            Assert.InRange((double)(long)energy.ToInt64(), integral - 11, integral);
            Assert.InRange((double)voltage.Scaled, 226, 234);
            Assert.InRange((double)current.Scaled, 0, 15);
            Assert.InRange((double)apparent.Scaled, (double)(voltage.Scaled * current.Scaled) - 1, (double)(voltage.Scaled * current.Scaled) + 1);
            Assert.InRange((double)factor.Scaled, 0.0, 1.0);
        }

        [Fact]
        public async Task Energy_AfterAnHour_GrewByTheIntegralOfPower()
        {
            await using DlmsClient client = await _meter.AssociateAsync(TransportKind.Hdlc);
            long before = (await client.GetAsync(Attr("1.0.1.8.0.255:3:2"))).ToInt64();
            double integralBefore = _meter.Meter.Hardware.EnergyWh;

            _meter.Meter.Advance(TimeSpan.FromHours(1));
            long after = (await client.GetAsync(Attr("1.0.1.8.0.255:3:2"))).ToInt64();
            double grown = _meter.Meter.Hardware.EnergyWh - integralBefore;

            Assert.Equal(MeterHarness.InitialEnergyWh, before);
            // The register lags the integral by less than the 10 Wh checkpoint step (and a pulse).
            Assert.InRange(after - before, (long)grown - 11, (long)Math.Ceiling(grown));
            Assert.True(grown > 100, "the simulated load drew only " + grown + " Wh in an hour");
        }

        [Fact]
        public async Task LoadProfile_AfterAnHour_FourRowsEveryQuarterHour()
        {
            _meter.Meter.Advance(TimeSpan.FromHours(1));
            await using DlmsClient client = await _meter.AssociateAsync(TransportKind.Wrapper);

            DlmsValue buffer = await client.GetAsync(Attr("1.0.99.1.0.255:7:2"));
            long entries = (await client.GetAsync(Attr("1.0.99.1.0.255:7:7"))).ToInt64();

            Assert.Equal(4, entries);
            Assert.Equal(4, buffer.Items.Count);
            for (int i = 0; i < 4; i++)
            {
                CosemDateTime time = CosemDateTime.FromBytes(buffer.Items[i].Items[0].Bytes);
                Assert.Equal(MeterHarness.StartUtc.AddMinutes(15 * (i + 1)),
                    new DateTime(time.Year, time.Month, time.Day, time.Hour, time.Minute, time.Second, DateTimeKind.Utc));
                Assert.True(buffer.Items[i].Items[1].ToInt64() >= MeterHarness.InitialEnergyWh);
            }
            Assert.True(buffer.Items[3].Items[1].ToInt64() > buffer.Items[0].Items[1].ToInt64());
        }

        [Fact]
        public async Task Relay_DisconnectedOnCommand_TheLoadStopsAndEventsAreLogged()
        {
            await using DlmsClient client = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper);
            long events = (await client.GetAsync(Attr("0.0.99.98.0.255:7:7"))).ToInt64();

            await client.ActionAsync(CosemMethod.Parse("0.0.96.3.10.255:70:1"), DlmsValue.Integer(0));
            bool relay = _meter.Meter.Hardware.Relay.Read();
            double energy = _meter.Meter.Hardware.EnergyWh;
            _meter.Meter.Advance(TimeSpan.FromMinutes(10));
            double whileOff = _meter.Meter.Hardware.EnergyWh - energy;
            DlmsValue output = await client.GetAsync(Attr("0.0.96.3.10.255:70:2"));
            DlmsValue state = await client.GetAsync(Attr("0.0.96.3.10.255:70:3"));
            await client.ActionAsync(CosemMethod.Parse("0.0.96.3.10.255:70:2"), DlmsValue.Integer(0));
            DlmsValue log = await client.GetAsync(Attr("0.0.99.98.0.255:7:2"));

            Assert.False(relay);
            Assert.Equal(0, whileOff);
            Assert.Equal(DlmsValue.Boolean(false), output);
            Assert.Equal(DlmsValue.Enum(0), state);
            Assert.True(_meter.Meter.Hardware.Relay.Read());
            Assert.Equal(new long[] { 62, 63 }, log.Items.Skip((int)events).Select(r => r.Items[1].ToInt64()));
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task Clock_SetByMeterReader_ReadsBackTheNewTime(TransportKind transport)
        {
            await using DlmsClient client = await _meter.AssociateMeterReaderAsync(transport);
            CosemDateTime newTime = new CosemDateTime(2030, 1, 2, 3, 4, 5, 6, 0, 0, 0);

            await client.SetAsync(Attr("0.0.1.0.0.255:8:2"), DlmsValue.OctetString(newTime.ToBytes()));
            _meter.Meter.Advance(TimeSpan.FromSeconds(61));
            DlmsValue read = await client.GetAsync(Attr("0.0.1.0.0.255:8:2"));

            Assert.Equal(new CosemDateTime(2030, 1, 2, 3, 4, 6, 7, 0, 0, 0), CosemDateTime.FromBytes(read.Bytes));
            Assert.Equal(new DateTime(2030, 1, 2, 4, 6, 7, DateTimeKind.Utc), _meter.Meter.ClockUtc);
            // Setting the clock is an event: "clock adjusted" with the old and the new time.
            DlmsValue log = await client.GetAsync(Attr("0.0.99.98.0.255:7:2"));
            Assert.Equal(new long[] { 4, 5 }, log.Items.TakeLast(2).Select(r => r.Items[1].ToInt64()));
        }

        [Fact]
        public async Task Clock_SetByPublicClient_IsReadWriteDenied()
        {
            await using DlmsClient client = await _meter.AssociateAsync(TransportKind.Wrapper);
            CosemDateTime newTime = new CosemDateTime(2030, 1, 2, 3, 4, 5, 6, 0, 0, 0);

            DataAccessException error = await Assert.ThrowsAsync<DataAccessException>(
                () => client.SetAsync(Attr("0.0.1.0.0.255:8:2"), DlmsValue.OctetString(newTime.ToBytes())));

            Assert.Equal(DataAccessResult.ReadWriteDenied, error.Result);
            Assert.Equal(MeterHarness.StartUtc, _meter.Meter.ClockUtc);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task MaximumDemandReset_ByMeterReader_ZeroNow(TransportKind transport)
        {
            await using DlmsClient client = await _meter.AssociateMeterReaderAsync(transport);
            _meter.Meter.Advance(TimeSpan.FromMinutes(31));
            long maximum = (await client.GetAsync(Attr("1.0.1.6.0.255:4:2"))).ToInt64();

            DlmsValue? returned = await client.ActionAsync(CosemMethod.Parse("1.0.1.6.0.255:4:1"), DlmsValue.Integer(0));
            long afterReset = (await client.GetAsync(Attr("1.0.1.6.0.255:4:2"))).ToInt64();
            DlmsValue time = await client.GetAsync(Attr("1.0.1.6.0.255:4:5"));

            Assert.True(maximum > 0, "no maximum demand after two blocks");
            Assert.Null(returned);
            Assert.Equal(0, afterReset);
            Assert.Equal(new CosemDateTime(2026, 11, 25, 3, 10, 31, 0, 0, 0, 0), CosemDateTime.FromBytes(time.Bytes));
        }

        [Fact]
        public async Task EnergyReset_ByMeterReader_IsReadWriteDenied()
        {
            await using DlmsClient client = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper);

            DataAccessException error = await Assert.ThrowsAsync<DataAccessException>(
                () => client.ActionAsync(CosemMethod.Parse("1.0.1.8.0.255:3:1"), DlmsValue.Integer(0)));

            Assert.Equal(DataAccessResult.ReadWriteDenied, error.Result);
            Assert.Equal(MeterHarness.InitialEnergyWh, (await client.GetAsync(Attr("1.0.1.8.0.255:3:2"))).ToInt64());
        }

        [Fact]
        public async Task MaximumDemandResetAndDisconnect_ByPublicClient_AreReadWriteDenied()
        {
            await using DlmsClient client = await _meter.AssociateAsync(TransportKind.Wrapper);

            DataAccessException reset = await Assert.ThrowsAsync<DataAccessException>(
                () => client.ActionAsync(CosemMethod.Parse("1.0.1.6.0.255:4:1"), DlmsValue.Integer(0)));
            DataAccessException disconnect = await Assert.ThrowsAsync<DataAccessException>(
                () => client.ActionAsync(CosemMethod.Parse("0.0.96.3.10.255:70:1"), DlmsValue.Integer(0)));

            Assert.Equal(DataAccessResult.ReadWriteDenied, reset.Result);
            Assert.Equal(DataAccessResult.ReadWriteDenied, disconnect.Result);
            Assert.True(_meter.Meter.Hardware.Relay.Read());
        }

        [Fact]
        public async Task PowerReset_ByMeterReader_IsReadWriteDenied()
        {
            await using DlmsClient client = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper);

            DataAccessException error = await Assert.ThrowsAsync<DataAccessException>(
                () => client.ActionAsync(CosemMethod.Parse("1.0.1.7.0.255:3:1"), DlmsValue.Integer(0)));

            Assert.Equal(DataAccessResult.ReadWriteDenied, error.Result);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task GetWithList_ReadsEveryAttributeInOneRequest(TransportKind transport)
        {
            await using DlmsClient client = await _meter.AssociateAsync(transport);
            CosemAttribute[] attributes =
            {
                Attr("1.0.1.8.0.255:3:2"), Attr("1.0.1.8.0.255:3:3"), Attr("1.0.32.7.0.255:3:2"),
                Attr("0.0.96.1.0.255:1:2"), Attr("0.0.99.99.99.255:1:2"),
            };

            IReadOnlyList<GetResult> results = await client.GetWithListAsync(attributes);

            Assert.Equal(DlmsValue.DoubleLongUnsigned((uint)MeterHarness.InitialEnergyWh), results[0].Value);
            Assert.Equal(new ScalerUnit(0, 30), ScalerUnit.FromValue(results[1].Value!));
            Assert.Equal(DataType.LongUnsigned, results[2].Value!.Type);
            Assert.Equal(DlmsValue.VisibleString("0000000000001"), results[3].Value);
            Assert.False(results[4].IsSuccess);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task ObjectList_SmallestClientPdu_ArrivesInManyBlocksAndDecodes(TransportKind transport)
        {
            int nextRequests = 0;
            DlmsClientOptions options = _meter.Options(transport, EmulatorMeter.MeterReaderClientSap, _meter.Emulator.Options.Password) with
            {
                MaxReceivePduSize = SmallestClientPdu,
                FrameTrace = (direction, frame) =>
                {
                    if (direction == FrameDirection.Sent && ContainsGetNext(frame))
                    {
                        nextRequests++;
                    }
                },
            };
            await using DlmsClient client = await _meter.ConnectAsync(options);
            AssociationResponse aare = await client.AssociateAsync();

            IReadOnlyList<ObjectListEntry> list = await client.GetObjectListAsync();

            Assert.Equal(SmallestClientPdu, aare.ServerMaxReceivePduSize);
            Assert.Equal(58, list.Count);
            Assert.True(nextRequests >= 10, "only " + nextRequests + " GET-Request-Next were needed");
            Assert.Equal(MeterHarness.InitialEnergyWh, (await client.GetAsync(Attr("1.0.1.8.0.255:3:2"))).ToInt64());
        }

        /// <summary>The smallest client-max-receive-pdu-size the meter accepts (AssociationParameters.MinClientMaxReceivePdu).</summary>
        internal const ushort SmallestClientPdu = 64;

        private static bool ContainsGetNext(byte[] frame)
        {
            for (int i = 0; i + 1 < frame.Length; i++)
            {
                if (frame[i] == 0xC0 && frame[i + 1] == 0x02)
                {
                    return true;
                }
            }
            return false;
        }

        [Fact]
        public async Task ManyClients_PublicAndMeterReaderAtOnce_EachSeeTheirOwnAssociation()
        {
            Task<int>[] sessions = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                TransportKind transport = i % 2 == 0 ? TransportKind.Wrapper : TransportKind.Hdlc;
                await using DlmsClient client = i % 4 < 2
                    ? await _meter.AssociateAsync(transport)
                    : await _meter.AssociateMeterReaderAsync(transport);
                int count = 0;
                for (int n = 0; n < 5; n++)
                {
                    count = (await client.GetObjectListAsync()).Count;
                    Assert.Equal(MeterHarness.InitialEnergyWh, (await client.GetAsync(Attr("1.0.1.8.0.255:3:2"))).ToInt64());
                }
                await client.ReleaseAsync();
                return count;
            })).ToArray();

            int[] counts = await Task.WhenAll(sessions);

            Assert.Equal(new[] { 57, 57, 58, 58, 57, 57, 58, 58 }, counts);
        }
    }
}
