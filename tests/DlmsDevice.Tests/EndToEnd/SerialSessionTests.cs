using System.Diagnostics;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator.Transport;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>The default meter on a serial line: one end of a socat pty pair, HDLC at 38400 8N1.</summary>
    public sealed class SerialSessionTests
    {
        [SocatFact]
        public async Task Session_OverPty_TwoClientsOneAfterTheOther()
        {
            using MeterHarness meter = MeterHarness.Start(serial: true);

            DlmsClient first = await meter.ConnectAsync(meter.Options(TransportKind.Serial));
            await MeterSessionTests.RunIdentitySessionAsync(meter, first);
            await using DlmsClient second = await meter.AssociateMeterReaderAsync(TransportKind.Serial);
            var list = await second.GetObjectListAsync();
            await second.ReleaseAsync();

            Assert.Equal(58, list.Count);
        }

        /// <summary>
        /// A serial line waits most of its life: each read that finds nothing returns after the
        /// poll interval so the link can run its timers. Those idle reads must neither throw nor
        /// allocate on the connection thread (measured there with
        /// GC.GetAllocatedBytesForCurrentThread, stored by ChannelWorker after each idle read).
        /// </summary>
        [SocatFact]
        public async Task Serial_IdleReadsWithALinkOpen_ConnectionThreadAllocatesNothing()
        {
            using MeterHarness meter = MeterHarness.Start(serial: true);
            await using DlmsClient client = await meter.AssociateAsync(TransportKind.Serial);
            Assert.Equal(DlmsValue.DoubleLongUnsigned(1_000_000), await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2")));
            ChannelWorker connection = meter.Emulator.SerialConnection!;
            long start = connection.IdleReads;

            await WaitForIdleReadsAsync(connection, start + 1);
            long before = connection.AllocatedBytes;
            await WaitForIdleReadsAsync(connection, start + 6);
            long after = connection.AllocatedBytes;

            Assert.Equal(0, after - before);
            await client.ReleaseAsync();
        }

        private static async Task WaitForIdleReadsAsync(ChannelWorker connection, long count)
        {
            Stopwatch watch = Stopwatch.StartNew();
            while (connection.IdleReads < count)
            {
                Assert.True(watch.Elapsed < MeterHarness.Timeout, "only " + connection.IdleReads + " idle reads");
                await Task.Delay(20);
            }
        }
    }
}
