using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// Pushes from the emulated meter to a head-end on this machine, over real sockets: the
    /// project's client listens (TCP and UDP, 127.0.0.1), decodes every DataNotification, and the
    /// test checks the values, the date-time, the invoke-id and the counters; a client triggers
    /// the push with an ACTION; a destination that is down is retried; bad SETs get their result
    /// and the meter keeps serving.
    /// </summary>
    public sealed class PushEndToEndTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        private static MeterHarness Meter(string destination, Action<PushModelSettings>? configure = null)
        {
            return MeterHarness.Start(meter: s =>
            {
                s.Push = DefaultMeterSettings.ParsePushTo(destination, out string? problem) ?? throw new ArgumentException(problem);
                s.Push.NumberOfRetries = 3;
                s.Push.RepetitionDelay = 1;
                configure?.Invoke(s.Push);
            });
        }

        /// <summary>Ticks the meter (as its tick thread does) until <paramref name="done"/> or the patience runs out.</summary>
        private static async Task TickUntil(MeterHarness meter, Func<bool> done)
        {
            DateTime end = DateTime.UtcNow + Patience;
            while (!done() && DateTime.UtcNow < end)
            {
                meter.Meter.Tick();
                await Task.Delay(20);
            }
            Assert.True(done(), "timed out; push sender: delivered " + meter.Meter.PushSender!.Delivered + ", given up " + meter.Meter.PushSender.GivenUp + ", attempts " + meter.Meter.PushSender.Attempts);
        }

        private static int FreePort(SocketType type)
        {
            using var probe = new Socket(AddressFamily.InterNetwork, type, type == SocketType.Stream ? ProtocolType.Tcp : ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The alert push over TCP for every theft scenario: the power-up alarm of the start is
        /// pushed first; then the scenario (a magnet held on the meter, the terminal cover opened,
        /// reverse current flow, a phase/neutral current mismatch, current with the voltage
        /// missing) raises its alarm bit, and the next push the head-end receives carries it in
        /// the alarm register (the last value of the body).
        /// </summary>
        [Theory]
        [InlineData("magnet@+1m/10m", MeterAlarm.StrongDcField)]
        [InlineData("cover@+1m/10m", MeterAlarm.TerminalCoverRemoved)]
        [InlineData("reverse@+1m/10m", MeterAlarm.ReverseFlow)]
        [InlineData("neutral@+1m/10m", MeterAlarm.CurrentMismatch)]
        [InlineData("no-voltage@+1m/10m", MeterAlarm.CurrentWithoutVoltage)]
        public async Task AlertPush_TheftScenario_HeadEndReceivesItsAlarmBit(string scenario, uint bit)
        {
            await using var headEnd = new HeadEnd();
            BlockingCollection<ReceivedApdu> received = headEnd.Received;
            using MeterHarness meter = MeterHarness.Start(meter: s =>
            {
                s.Push = DefaultMeterSettings.ParsePushTo("127.0.0.1:" + Port(headEnd.Port), out string? problem) ?? throw new ArgumentException(problem);
                s.Push.RepetitionDelay = 1;
                s.Scenarios = TamperScenario.Parse(scenario);
            });

            await TickUntil(meter, () => received.Count > 0);
            DataNotification powerUp = DataNotification.Decode(received.Take().Apdu, null, null);
            Assert.Equal((long)MeterAlarm.PowerUp, powerUp.Body.Items[^1].ToInt64());

            // Minute by minute, as the emulator's tick would, until the detection's persistence
            // time has passed and its push is at the head-end.
            uint bits = 0;
            for (int minute = 0; minute < 10 && (bits & bit) == 0; minute++)
            {
                meter.Meter.Advance(TimeSpan.FromMinutes(1));
                while (received.TryTake(out ReceivedApdu? apdu, 300))
                {
                    bits |= (uint)DataNotification.Decode(apdu.Apdu, null, null).Body.Items[^1].ToInt64();
                }
            }
            Assert.Equal(bit, bits & bit);
            Assert.Equal(bit, meter.Meter.Engine.Alarms.RegisterBits & bit);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Push_TcpWrapper_HeadEndDecodesValuesDateTimeInvokeIdAndCounters(bool ciphered)
        {
            await using var headEnd = new HeadEnd();
            BlockingCollection<ReceivedApdu> received = headEnd.Received;
            using MeterHarness meter = Meter("127.0.0.1:" + Port(headEnd.Port), p => p.Ciphered = ciphered);

            var notifications = new DataNotification[2];
            for (int i = 0; i < 2; i++)
            {
                meter.Meter.PushSetup!.RequestPush();
                await TickUntil(meter, () => received.Count > 0);
                ReceivedApdu apdu = received.Take();
                Assert.Equal("wrapper", apdu.Framing);
                notifications[i] = DataNotification.Decode(apdu.Apdu, DlmsSecurityOptions.TestBlockCipherKey.ToArray(), DlmsSecurityOptions.TestAuthenticationKey.ToArray());
            }

            DataNotification n = notifications[0];
            Assert.Equal(1u, n.InvokeId);
            Assert.Equal(2u, notifications[1].InvokeId);
            Assert.Equal("2026-11-25T10:00:00Z", n.DateTime!.ToString());
            Assert.StartsWith("{0000190900FF, 0000000000001, 2026-11-25T10:00:00Z, " + MeterHarness.InitialEnergyWh + ", ", PeopleText.Format(n.Body));
            if (ciphered)
            {
                Assert.Equal((byte)0x30, n.SecurityControl);
                Assert.True(notifications[1].InvocationCounter > n.InvocationCounter);
                Assert.Equal(Convert.ToHexString(meter.Meter.SecurityProfile.ServerSystemTitle), Convert.ToHexString(n.SystemTitle!));
            }
            else
            {
                Assert.Null(n.SecurityControl);
            }
        }

        [Fact]
        public async Task Push_UdpWrapper_OneDatagramPerPush()
        {
            await using var headEnd = new HeadEnd(udp: true);
            BlockingCollection<ReceivedApdu> received = headEnd.Received;
            using MeterHarness meter = Meter("udp:127.0.0.1:" + Port(headEnd.Port));

            meter.Meter.PushSetup!.RequestPush();
            await TickUntil(meter, () => received.Count > 0);

            ReceivedApdu apdu = received.Take();
            Assert.Equal("udp wrapper", apdu.Framing);
            Assert.Equal(1u, DataNotification.Decode(apdu.Apdu).InvokeId);
        }

        /// <summary>The meter reader (client 32, LLS) calls push (IC 40 method 1) in a standard session over a real socket.</summary>
        [Fact]
        public async Task Push_ActionFromAStandardSession_Pushed()
        {
            await using var headEnd = new HeadEnd();
            BlockingCollection<ReceivedApdu> received = headEnd.Received;
            using MeterHarness meter = Meter("127.0.0.1:" + Port(headEnd.Port));

            await using (DlmsClient client = await meter.AssociateMeterReaderAsync(TransportKind.Wrapper))
            {
                Assert.Null(await client.ActionAsync(CosemMethod.Parse("0.0.25.9.0.255:40:1"), DlmsValue.Integer(0)));
                // What the push setup shows this client.
                DlmsValue destination = await client.GetAsync(CosemAttribute.Parse("0.0.25.9.0.255:40:3"));
                Assert.Equal("127.0.0.1:" + Port(headEnd.Port), System.Text.Encoding.ASCII.GetString(destination.Items[1].Bytes));
                await client.ReleaseAsync();
            }
            await TickUntil(meter, () => received.Count > 0);

            Assert.Equal(1u, DataNotification.Decode(received.Take().Apdu).InvokeId);
        }

        /// <summary>
        /// The head-end is down (nothing listens): the first attempts are refused, the meter keeps
        /// answering a client meanwhile, and once the head-end listens the retry gets through.
        /// </summary>
        [Fact]
        public async Task Push_DestinationDownThenUp_RetriedAndDeliveredWhileAClientIsServed()
        {
            int port = FreePort(SocketType.Stream);
            using MeterHarness meter = Meter("127.0.0.1:" + Port(port), p => { p.NumberOfRetries = 20; p.RepetitionDelay = 1; });
            PushSender sender = meter.Meter.PushSender!;
            await using DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper);

            meter.Meter.PushSetup!.RequestPush();
            await TickUntil(meter, () => sender.Attempts >= 1 && sender.State == PushState.RetryWait);
            Assert.Equal(MeterHarness.InitialEnergyWh, (await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64());

            await using var headEnd = new HeadEnd(port: port);
            BlockingCollection<ReceivedApdu> received = headEnd.Received;
            await TickUntil(meter, () => received.Count > 0);

            Assert.True(sender.Attempts >= 2);
            Assert.Equal(1, sender.Delivered);
            Assert.Equal(1u, DataNotification.Decode(received.Take().Apdu).InvokeId);
        }

        [Fact]
        public async Task Push_DestinationDownForGood_GivenUpAndTheMeterKeepsServing()
        {
            int port = FreePort(SocketType.Stream);
            using MeterHarness meter = Meter("127.0.0.1:" + Port(port), p => { p.NumberOfRetries = 1; p.RepetitionDelay = 0; });
            PushSender sender = meter.Meter.PushSender!;

            meter.Meter.PushSetup!.RequestPush();
            await TickUntil(meter, () => sender.GivenUp == 1);

            Assert.Equal(2, sender.Attempts);
            Assert.Equal(0, sender.Delivered);
            await using DlmsClient client = await meter.AssociateAsync(TransportKind.Wrapper);
            Assert.Equal(MeterHarness.InitialEnergyWh, (await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64());
        }

        /// <summary>
        /// The management client (48, HLS-GMAC, ciphered) writes the push setup: good values are
        /// kept, bad ones get their data-access-result, and the association goes on.
        /// </summary>
        [Fact]
        public async Task Set_ByTheManagementClient_GoodKeptBadRefusedAndTheMeterKeepsServing()
        {
            using MeterHarness meter = Meter("127.0.0.1:4070");
            DlmsClientOptions options = meter.Options(TransportKind.Wrapper, DefaultMeter.ManagementClientSap) with
            {
                Authentication = AuthenticationMechanism.HighGmac,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    Ciphering = CipheringKind.GeneralGlo,
                    ReadInvocationCounterFrom = ObisCode.Parse("0.0.43.1.3.255"),
                },
            };
            await using DlmsClient client = await meter.ConnectAsync(options);
            await client.AssociateAsync();
            var list = CosemAttribute.Parse("0.0.25.9.0.255:40:2");
            var destination = CosemAttribute.Parse("0.0.25.9.0.255:40:3");
            DlmsValue Entry(ushort classId, string name, sbyte attribute) => DlmsValue.Structure(
                DlmsValue.LongUnsigned(classId), DlmsValue.OctetString(ObisCode.Parse(name).ToBytes()), DlmsValue.Integer(attribute), DlmsValue.LongUnsigned(0));

            await client.SetAsync(list, DlmsValue.Array(Entry(3, "1.0.1.8.0.255", 2)));
            await client.SetAsync(destination, DlmsValue.Structure(DlmsValue.Enum(1), DlmsValue.OctetString(System.Text.Encoding.ASCII.GetBytes("127.0.0.1:4071")), DlmsValue.Enum(0)));

            var missing = await Assert.ThrowsAsync<DataAccessException>(() => client.SetAsync(list, DlmsValue.Array(Entry(3, "1.0.99.99.0.255", 2))));
            Assert.Equal(DataAccessResult.ObjectUndefined, missing.Result);
            var malformed = await Assert.ThrowsAsync<DataAccessException>(() => client.SetAsync(list, DlmsValue.Array(DlmsValue.Structure(DlmsValue.LongUnsigned(3)))));
            Assert.Equal(DataAccessResult.TypeUnmatched, malformed.Result);
            var sms = await Assert.ThrowsAsync<DataAccessException>(() => client.SetAsync(destination, DlmsValue.Structure(DlmsValue.Enum(4), DlmsValue.OctetString(new byte[] { 0x31 }), DlmsValue.Enum(0))));
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, sms.Result);

            DlmsValue kept = await client.GetAsync(list);
            Assert.Single(kept.Items);
            Assert.Equal(1, meter.Meter.PushSetup!.ObjectCount);
            Assert.Equal(1, meter.Meter.PushSetup.Transport);
            Assert.Equal(MeterHarness.InitialEnergyWh, (await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64());
            await client.ReleaseAsync();
        }

        [Fact]
        public async Task Set_ByTheMeterReader_ReadWriteDenied()
        {
            using MeterHarness meter = Meter("127.0.0.1:4070");
            await using DlmsClient client = await meter.AssociateMeterReaderAsync(TransportKind.Wrapper);

            var denied = await Assert.ThrowsAsync<DataAccessException>(() => client.SetAsync(CosemAttribute.Parse("0.0.25.9.0.255:40:6"), DlmsValue.Unsigned(9)));

            Assert.Equal(DataAccessResult.ReadWriteDenied, denied.Result);
            Assert.Equal(3, meter.Meter.PushSetup!.NumberOfRetries);
        }
    }
}

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>The emulator's <c>--push-to</c> values.</summary>
    public sealed class PushToOptionTests
    {
        [Theory]
        [InlineData("127.0.0.1:4070", 0, "127.0.0.1:4070")]
        [InlineData("tcp:10.1.2.3:4059", 0, "10.1.2.3:4059")]
        [InlineData("udp:127.0.0.1:4070", 1, "127.0.0.1:4070")]
        [InlineData("localhost:4070", 0, "127.0.0.1:4070")]
        [InlineData("hdlc", 5, "")]
        public void ParsePushTo_Accepted(string text, int transport, string destination)
        {
            DlmsDevice.Meter.PushModelSettings? push = DefaultMeterSettings.ParsePushTo(text, out string? problem);

            Assert.Null(problem);
            Assert.Equal(transport, push!.Transport);
            Assert.Equal(destination, push.Destination);
        }

        [Theory]
        [InlineData("127.0.0.1")]
        [InlineData("127.0.0.1:0")]
        [InlineData("127.0.0.1:70000")]
        [InlineData("meter.example:4070")]
        [InlineData("sms:+3581234")]
        [InlineData("[::1]:4070")]
        public void ParsePushTo_Refused(string text)
        {
            Assert.Null(DefaultMeterSettings.ParsePushTo(text, out string? problem));
            Assert.Contains("--push-to takes", problem);
        }
    }
}
