using System.Collections.Generic;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The project's own client library (tools/DlmsDevice.Client, HLS and ciphering) against the
    /// emulator's management client 48: two independent implementations of suite 0 meeting over
    /// the wrapper and HDLC, with the counter pre-read the issue prescribes (0.0.43.1.3.255 as the
    /// public client, then value + 1).
    /// </summary>
    public sealed class SecureClientLibraryTests
    {
        internal static DlmsClientOptions Management(MeterHarness meter, TransportKind transport, CipheringKind ciphering, byte[]? dedicatedKey = null)
        {
            return meter.Options(transport, DefaultMeter.ManagementClientSap) with
            {
                Authentication = AuthenticationMechanism.HighGmac,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    Ciphering = ciphering,
                    DedicatedKey = dedicatedKey,
                    ReadInvocationCounterFrom = ObisCode.Parse("0.0.43.1.3.255"),
                },
            };
        }

        [Theory]
        [InlineData(TransportKind.Wrapper, CipheringKind.Glo)]
        [InlineData(TransportKind.Wrapper, CipheringKind.GeneralGlo)]
        [InlineData(TransportKind.Hdlc, CipheringKind.Glo)]
        [InlineData(TransportKind.Hdlc, CipheringKind.GeneralGlo)]
        [InlineData(TransportKind.Wrapper, CipheringKind.Ded)]
        public async Task ClientLibrary_HlsGmacAuthenticatedEncryption_ReadsObjectListAndWrites(TransportKind transport, CipheringKind ciphering)
        {
            using MeterHarness meter = MeterHarness.Start();
            for (int run = 0; run < 2; run++)
            {
                // Twice: the second run resynchronises through the counter object.
                await using DlmsClient client = await meter.ConnectAsync(Management(meter, transport, ciphering,
                    ciphering == CipheringKind.Ded ? new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 } : null));
                await client.AssociateAsync();

                IReadOnlyList<ObjectListEntry> list = await client.GetObjectListAsync();
                Assert.Contains(list, e => e.ClassId == 64 && e.LogicalName.ToString() == "0.0.43.0.3.255");
                Assert.Equal(MeterHarness.InitialEnergyWh, (await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"))).ToInt64());
                // A secured method: remote disconnect, then reconnect (Disconnect control mode 2).
                await client.ActionAsync(CosemMethod.Parse("0.0.96.3.10.255:70:1"), DlmsValue.Integer(0));
                Assert.Equal(DlmsValue.Enum(0), await client.GetAsync(CosemAttribute.Parse("0.0.96.3.10.255:70:3")));
                await client.ActionAsync(CosemMethod.Parse("0.0.96.3.10.255:70:2"), DlmsValue.Integer(0));
                Assert.Equal(DlmsValue.Enum(1), await client.GetAsync(CosemAttribute.Parse("0.0.96.3.10.255:70:3")));
                await client.ReleaseAsync();
            }
        }
    }
}
