using System;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Emulator;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.EndToEnd.Replay
{
    /// <summary>
    /// The HLS-GMAC sessions of the three reference clients (traces session 3 / 3b) against the
    /// emulator's client 48, over the TCP wrapper and HDLC: the AARQ, the GET and the RLRQ are
    /// the clients' own bytes, verbatim; reply_to_HLS_authentication answers our (different)
    /// challenge, built by the test client, which first proves it builds the very bytes the real
    /// client sent for the challenge that client had received. All three use the Green Book keys,
    /// which are the emulator's defaults.
    /// </summary>
    public sealed class SecureTraceReplayTests
    {
        [Theory]
        [InlineData("gurux-net", TransportKind.Wrapper)]
        [InlineData("gurux-net", TransportKind.Hdlc)]
        [InlineData("gurux-c", TransportKind.Wrapper)]
        [InlineData("gurux-c", TransportKind.Hdlc)]
        [InlineData("dlms-cosem", TransportKind.Wrapper)]
        [InlineData("dlms-cosem", TransportKind.Hdlc)]
        public async Task Session3_TheClientsOwnBytes_HlsGmacSessionWithAuthenticatedEncryption(string name, TransportKind transport)
        {
            SecureTraceRequests trace = SecureTraceRequests.Of(name);
            using MeterHarness meter = MeterHarness.Start();
            if (trace.PreRead != null)
            {
                // read.py's pre-read of 0.0.43.1.0.255 as the public client: nothing accepted yet, 0.
                await using DlmsClient reader = await meter.ConnectAsync(meter.Options(transport));
                Assert.Equal(0, AareView.Parse(await reader.ExchangeAsync(Hex.Parse(trace.PreRead[0]))).Result);
                Assert.Equal("C4 01 C0 00 06 00 00 00 00", Hex.Format(await reader.ExchangeAsync(Hex.Parse(trace.PreRead[1]))));
                Assert.Equal("63 03 80 01 00", Hex.Format(await reader.ExchangeAsync(Hex.Parse(trace.PreRead[2]))));
            }
            await using DlmsClient link = await meter.ConnectAsync(meter.Options(transport, DefaultMeter.ManagementClientSap));
            byte[] aarq = Hex.Parse(trace.Aarq);
            SecureClient client = NewClient(trace, aarq);

            // AARE: accepted pending HLS, our title, our StoC, the InitiateResponse in a 28.
            AareView aare = client.ReadAare(await link.ExchangeAsync(aarq), out byte[]? initiate);
            Assert.Equal(0, aare.Result);
            Assert.Equal(14, aare.Diagnostic);
            Assert.Equal("44 4C 44 00 00 00 00 01", Hex.Format(aare.RespondingApTitle!));
            Assert.Equal(0x28, aare.UserInformation![0]);
            Assert.Equal("08 00 06 5F 1F 04 00 " + trace.Conformance + " 04 00 00 07", Hex.Format(initiate!));

            // The test client builds exactly what the real client sent for the StoC it received ...
            SecureClient mirror = NewClient(trace, aarq);
            mirror.StoC = Hex.Parse(trace.TraceStoC);
            Assert.Equal(trace.Action, Convert.ToHexString(mirror.HlsReply(trace.ActionGeneral ? Envelope.GeneralGlo : Envelope.Glo, trace.ActionSameIc)));
            // ... and so answers our StoC the same way.
            byte[] hls = client.Open(await link.ExchangeAsync(client.HlsReply(trace.ActionGeneral ? Envelope.GeneralGlo : Envelope.Glo, trace.ActionSameIc)));
            Assert.Equal(trace.ActionGeneral ? 0xDB : 0xCF, client.LastResponseTag);
            client.CheckServerHls(hls);

            // The client's own GET, verbatim (general-glo), answered in general-glo with our title.
            byte[] get = client.Open(await link.ExchangeAsync(Hex.Parse(trace.Get)));
            Assert.Equal(0xDB, client.LastResponseTag);
            Assert.Equal(name == "dlms-cosem" ? "C4 01 C1 01 04" : "C4 01 C1 00 06 00 0F 42 40", Hex.Format(get));

            // The client's own ciphered RLRQ: RLRE with correct BER lengths, InitiateResponse in a 28.
            AareView rlre = AareView.Parse(await link.ExchangeAsync(Hex.Parse(trace.Rlrq)));
            Assert.Equal(0x63, rlre.Tag);
            Assert.Equal(0x28, rlre.UserInformation![0]);
            Assert.Equal("08 00 06 5F 1F 04 00 " + trace.Conformance + " 04 00 00 07", Hex.Format(client.Open(rlre.UserInformation)));

            // The public client sees where client 48's counter stands (also under the alias).
            await using DlmsClient reader2 = await meter.AssociateAsync(transport);
            Assert.Equal((long)trace.LastIc, (await reader2.GetAsync(CosemAttribute.Parse("0.0.43.1.3.255:1:2"))).ToInt64());
            Assert.Equal((long)trace.LastIc, (await reader2.GetAsync(CosemAttribute.Parse("0.0.43.1.0.255:1:2"))).ToInt64());

            // A client that starts its counter where it started before is refused: the counter is
            // per key across associations. Gurux clients start at 0 in every run (use their
            // invocation-counter pre-read, -v 0.0.43.1.3.255); dlms-cosem's read.py reads it first.
            AareView again = AareView.Parse(await link.ExchangeAsync(aarq));
            Assert.Equal(1, again.Result);
            Assert.Equal(1, again.Diagnostic);
        }

        private static SecureClient NewClient(SecureTraceRequests trace, byte[] aarq)
        {
            // CtoS: the 16 bytes after AC 12 80 10.
            int ac = Convert.ToHexString(aarq).IndexOf("AC128010", StringComparison.Ordinal) / 2;
            return new SecureClient
            {
                CtoS = aarq.AsSpan(ac + 4, 16).ToArray(),
                NextIc = trace.AarqIc + 1,
                HlsInvokeId = trace.Name == "dlms-cosem" ? (byte)0xC0 : (byte)0xC1,
            };
        }
    }
}
