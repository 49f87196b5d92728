using System.Threading.Tasks;
using DlmsDevice.Client;
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

            Assert.Equal(28, list.Count);
        }
    }
}
