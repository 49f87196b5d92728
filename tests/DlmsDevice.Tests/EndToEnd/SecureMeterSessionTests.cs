using System;
using System.IO;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The emulator's management client 48 (HLS-GMAC, LN with ciphering, authenticated encryption)
    /// over the real sockets, wrapper and HDLC: association, ciphered GET/SET/ACTION (normal, with
    /// list, with blocks), the counter object, release; keys and counters from the options.
    /// The client side is the test's SecureClient (System.Security.Cryptography).
    /// </summary>
    public sealed class SecureMeterSessionTests : IDisposable
    {
        private readonly MeterHarness _meter = MeterHarness.Start();

        public void Dispose()
        {
            _meter.Dispose();
        }

        private static async Task<string> RequestAsync(DlmsClient link, SecureClient client, string plainHex, Envelope envelope = Envelope.Glo)
        {
            return Hex.Format(client.Open(await link.ExchangeAsync(client.Protect(Hex.Parse(plainHex), envelope))));
        }

        private static async Task AssociateAsync(DlmsClient link, SecureClient client)
        {
            AareView aare = client.ReadAare(await link.ExchangeAsync(client.Aarq()), out _);
            Assert.True(aare.Result == 0 && aare.Diagnostic == 14, "AARE result " + aare.Result + " diagnostic " + aare.Diagnostic);
            client.CheckServerHls(client.Open(await link.ExchangeAsync(client.HlsReply())));
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task ManagementClient_CipheredSession_GetSetActionListBlocksAndRelease(TransportKind transport)
        {
            await using DlmsClient link = await _meter.ConnectAsync(_meter.Options(transport, DefaultMeter.ManagementClientSap));
            SecureClient client = new SecureClient { ClientMaxReceivePdu = 256 };
            await AssociateAsync(link, client);

            // GET normal and with-list
            Assert.Equal("C4 01 C1 00 06 00 0F 42 40", await RequestAsync(link, client, "C0 01 C1 0003 0100010800FF 02 00"));
            Assert.Equal("C4 03 C1 02 00 06 00 0F 42 40 00 02 02 0F 00 16 1E",
                await RequestAsync(link, client, "C0 03 C1 02 0003 0100010800FF 02 00 0003 0100010800FF 03 00", Envelope.GeneralGlo));
            // SET the clock (the right asks for an authenticated and encrypted request), read it back
            Assert.Equal("C5 01 C1 00", await RequestAsync(link, client, "C1 01 C1 0008 0000010000FF 02 00 09 0C 07EA 0C 01 02 0C 00 00 00 00 00 00"));
            Assert.StartsWith("C4 01 C1 00 09 0C 07 EA 0C 01", await RequestAsync(link, client, "C0 01 C1 0008 0000010000FF 02 00"));
            // ACTION: remote disconnect (a secured method), the relay opens; energy totals have no reset
            Assert.Equal("C7 01 C1 00 00", await RequestAsync(link, client, "C3 01 C1 0046 00006003 0AFF 01 01 0F 00"));
            Assert.Equal("C4 01 C1 00 16 00", await RequestAsync(link, client, "C0 01 C1 0046 00006003 0AFF 03 00"));
            Assert.False(_meter.Meter.Hardware.Relay.Read());
            Assert.Equal("C7 01 C1 03 00", await RequestAsync(link, client, "C3 01 C1 0003 0100010800FF 01 01 0F 00"));
            // GET with blocks: the object list through a 256-byte client PDU, each block ciphered.
            byte[] block = Hex.Parse(await RequestAsync(link, client, "C0 01 C1 000F 0000280000FF 02 00"));
            int blocks = 1;
            while (block[1] == 0x02 && block[3] == 0x00)
            {
                uint number = (uint)(block[4] << 24 | block[5] << 16 | block[6] << 8 | block[7]);
                block = Hex.Parse(await RequestAsync(link, client, "C0 02 C1 " + number.ToString("X8")));
                blocks++;
            }
            Assert.Equal(0x02, block[1]);
            Assert.True(blocks >= 4, blocks + " blocks");
            Assert.Equal(0x00, block[8]);

            // Ciphered release.
            AareView rlre = AareView.Parse(await link.ExchangeAsync(client.Rlrq()));
            Assert.Equal(0x63, rlre.Tag);
            Assert.Equal("08 00 06 5F 1F 04 00 40 1E 1D 01 00 00 07", Hex.Format(client.Open(rlre.UserInformation!)));
            // released: a ciphered GET is now refused
            Assert.Equal("D8 01 01", Hex.Format(await link.ExchangeAsync(client.Protect(Hex.Parse("C0 01 C1 0003 0100010800FF 02 00"), Envelope.Glo))));
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task ManagementClient_Resynchronises_ThroughTheCounterObject(TransportKind transport)
        {
            SecureClient first = new SecureClient();
            await using (DlmsClient link = await _meter.ConnectAsync(_meter.Options(transport, DefaultMeter.ManagementClientSap)))
            {
                await AssociateAsync(link, first);
                await RequestAsync(link, first, "C0 01 C1 0003 0100010800FF 02 00");
                await link.ExchangeAsync(first.Rlrq());
            }

            // A client that lost its counter reads it as the public client, then uses value + 1.
            long value;
            await using (DlmsClient reader = await _meter.AssociateAsync(transport))
            {
                value = (await reader.GetAsync(CosemAttribute.Parse("0.0.43.1.3.255:1:2"))).ToInt64();
            }
            Assert.Equal(first.NextIc - 1, value);
            await using DlmsClient again = await _meter.ConnectAsync(_meter.Options(transport, DefaultMeter.ManagementClientSap));
            SecureClient restarted = new SecureClient { NextIc = (uint)value + 1 };
            await AssociateAsync(again, restarted);
            Assert.Equal("C4 01 C1 00 06 00 0F 42 40", await RequestAsync(again, restarted, "C0 01 C1 0003 0100010800FF 02 00"));
        }

        [Fact]
        public async Task PublicAndMeterReader_CannotReachTheSecurityObjects()
        {
            await using DlmsClient reader = await _meter.AssociateMeterReaderAsync(TransportKind.Wrapper);

            Assert.Equal("C4 01 C1 01 04", Hex.Format(await reader.ExchangeAsync(Hex.Parse("C0 01 C1 0040 00002B0003FF 02 00"))));
            Assert.Equal("C7 01 C1 04 00", Hex.Format(await reader.ExchangeAsync(Hex.Parse("C3 01 C1 0040 00002B0003FF 02 01 01 00"))));
            Assert.Equal("C4 01 C1 01 04", Hex.Format(await reader.ExchangeAsync(Hex.Parse("C0 01 C1 000F 0000280003FF 02 00"))));
        }

        [Fact]
        public async Task ManagementClient_ChangesTheMeterReaderPassword()
        {
            await using (DlmsClient link = await _meter.ConnectAsync(_meter.Options(TransportKind.Wrapper, DefaultMeter.ManagementClientSap)))
            {
                SecureClient client = new SecureClient();
                await AssociateAsync(link, client);
                Assert.Equal("C5 01 C1 00", await RequestAsync(link, client, "C1 01 C1 000F 0000280002FF 07 00 09 08 6E 65 77 70 61 73 73 31"));
                await link.ExchangeAsync(client.Rlrq());
            }

            await using DlmsClient reader = await _meter.AssociateAsync(TransportKind.Hdlc, DefaultMeter.MeterReaderClientSap, "newpass1");
            Assert.NotNull(reader.Association);
        }

        [Fact]
        public async Task OwnKeysAndStateDirectory_CountersSurviveARestart()
        {
            string directory = Path.Combine(Path.GetTempPath(), "dlmsdevice-security-" + Guid.NewGuid().ToString("N"));
            byte[] ek = Hex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF");
            byte[] ak = Hex.Parse("C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF");
            void Configure(EmulatorOptions o)
            {
                o.BlockCipherKey = Convert.ToHexString(ek);
                o.AuthenticationKey = Convert.ToHexString(ak);
                o.MasterKey = "E0E1E2E3E4E5E6E7E8E9EAEBECEDEEEF";
                o.SystemTitle = "4142434445464748";
                o.StateDirectory = directory; // the counters live in the meter's own record store
            }
            try
            {
                SecureClient client = new SecureClient { Ek = ek, Ak = ak };
                uint lastServerIc;
                using (MeterHarness first = MeterHarness.Start(configure: Configure))
                {
                    Assert.False(first.Meter.Settings.UsesTestKeys);
                    await using DlmsClient link = await first.ConnectAsync(first.Options(TransportKind.Wrapper, DefaultMeter.ManagementClientSap));
                    await AssociateAsync(link, client);
                    Assert.Equal("41 42 43 44 45 46 47 48", Hex.Format(client.ServerTitle!));
                    await RequestAsync(link, client, "C0 01 C1 0003 0100010800FF 02 00");
                    lastServerIc = client.LastServerIc;
                    await link.ExchangeAsync(client.Rlrq());
                }

                using MeterHarness second = MeterHarness.Start(configure: Configure);
                await using DlmsClient again = await second.ConnectAsync(second.Options(TransportKind.Wrapper, DefaultMeter.ManagementClientSap));
                // The old counter values are still refused after the restart ...
                SecureClient stale = new SecureClient { Ek = ek, Ak = ak };
                Assert.Equal(1, AareView.Parse(await again.ExchangeAsync(stale.Aarq())).Result);
                // ... and our own counter continues beyond everything used before.
                client.ReadAare(await again.ExchangeAsync(client.Aarq()), out _);
                Assert.True(client.LastServerIc > lastServerIc, client.LastServerIc + " <= " + lastServerIc);
            }
            finally
            {
                Directory.Delete(directory, true);
            }
        }
    }
}
