using System;
using System.Collections.Generic;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Server;
using DlmsDevice.Stack.Wrapper;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// The request pre-checks (docs/services.md "Request pre-checks") for ciphered requests and
    /// requests in clear on a ciphered association: the order against the protection checks,
    /// an over-long ciphered request on a real link, the APDU a general envelope holds; and the
    /// ciphered response handed to the link where it was produced.
    /// </summary>
    public sealed class CipheredRequestChecksTests
    {
        private const string EnergyResponse = "C4 01 C1 00 06 00 01 E2 40";

        // A SET of a 120-byte octet-string: 143 bytes in clear, 160 once ciphered (glo).
        private static readonly byte[] s_longSet = Hex.Parse("C1 01 C1 0001 0000600100FF 02 00 09 78" + new string('0', 240));

        // 3 before 4: the state answers before the length (D13 for a request of any length).
        [Fact]
        public void Order_CipheredLongerThanThePduBeforeAssociation_ServiceNotAllowed()
        {
            SecureTestMeter meter = new SecureTestMeter(maxPdu: 128);
            SessionDriver driver = meter.Open(responseMax: 128);
            byte[] request = new SecureClient().Protect(s_longSet, Envelope.Glo);
            Assert.True(request.Length > 128);

            Assert.Equal("D8 01 01", Hex.Format(driver.Exchange(request)));
        }

        // 4 before 5: the length of a general-glo request answers before its conformance (D20).
        [Fact]
        public void Order_GeneralGloWithoutGeneralProtectionLongerThanThePdu_PduTooLong()
        {
            SecureTestMeter meter = new SecureTestMeter(maxPdu: 128);
            SessionDriver driver = meter.Open(responseMax: 128);
            SecureClient client = new SecureClient { ProposedConformance = 0x001E1D };
            SecureSteps.Associate(driver, client);

            Assert.Equal("D8 01 04", Hex.Format(driver.Exchange(client.Protect(s_longSet, Envelope.GeneralGlo))));
            Assert.Equal("D8 01 02", Hex.Format(driver.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.GeneralGlo))));
        }

        // 4 before 5: a request in clear where the policy asks for protection (D11) is refused
        // for its length first.
        [Fact]
        public void Order_PlainRequestLongerThanThePduUnderPolicy3_PduTooLong()
        {
            SecureTestMeter meter = new SecureTestMeter(maxPdu: 128);
            SessionDriver driver = meter.Open(responseMax: 128);
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);

            Assert.Equal("D8 01 04", Hex.Format(driver.Exchange(s_longSet)));
            Assert.Equal("D8 01 05", Hex.Format(driver.Exchange(Hex.Parse(SecureTestMeter.EnergyGet))));
        }

        // 6: the APDU a general-glo envelope holds gets the tag checks of a request in clear.
        // It was authentic, so its counter is used up, and the answer goes back in general-glo
        // (which, unlike the service-specific envelopes, can carry an ExceptionResponse).
        [Theory]
        [InlineData("FF 01 02", "D8 02 02")]
        [InlineData("05 01 02 FA 00", "D8 01 02")]
        [InlineData("C8 03 30 00 00", "D8 01 02")]
        public void GeneralGlo_HoldingAnApduThatIsNotServed_AnsweredAsInClearInsideGeneralGloAndItsCounterUsed(string inner, string answer)
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);
            byte[] request = client.Protect(Hex.Parse(inner), Envelope.GeneralGlo);

            Assert.Equal(answer, Hex.Format(client.Open(driver.Exchange(request))));
            Assert.Equal(0xDB, client.LastResponseTag);

            Assert.Equal("D8 01 06 00 00 00 04", Hex.Format(driver.Exchange(request)));
            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, Envelope.GeneralGlo));
        }

        // 1: a ciphered request the link could not hold is answered pdu-too-long in clear by the
        // session, through the link; its counter was never seen, so the next one is served.
        [Fact]
        public void TooLong_CipheredOverTheWrapper_PduTooLongInClearAndTheNextRequestServed()
        {
            SecureTestMeter meter = new SecureTestMeter(maxPdu: 128);
            WrapperDriver wrapper = new WrapperDriver(meter.Server.CreateSession(), 128);
            SecureClient client = new SecureClient();
            client.ReadAare(wrapper.Exchange(client.Aarq()), out _);
            client.CheckServerHls(client.Open(wrapper.Exchange(client.HlsReply(Envelope.Glo))));
            byte[] request = client.Protect(s_longSet, Envelope.Glo);
            Assert.True(request.Length > 128);

            Assert.Equal("00 01 00 01 00 30 00 03 D8 01 04", wrapper.SendFrame(request));

            byte[] response = client.Open(wrapper.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo)));
            Assert.Equal(EnergyResponse, Hex.Format(response));
        }

        // The plaintext response is written behind the largest envelope header, the envelope is
        // added in place in front of it, and the session reports where it starts: nothing is
        // written in front of that (no copy back to the offset the link gave).
        [Theory]
        [InlineData(Envelope.Glo, 2)]         // room 9 (tag, 3-byte length, SC, IC), header 7 (CC 1F SC IC)
        [InlineData(Envelope.GeneralGlo, 2)]  // room 18 (a 3-byte length), header 16 (DB 08 title 1F SC IC)
        public void ProtectedGet_ResponseLeftWhereItWasProduced(Envelope envelope, int start)
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);
            Array.Fill(driver.Response, (byte)0xEE);

            int length = driver.Send(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), envelope));

            Assert.Equal(SessionDriver.Headroom + start, driver.ResponseStart);
            Assert.Equal(new string('E', 2 * (SessionDriver.Headroom + start)), Convert.ToHexString(driver.Response, 0, driver.ResponseStart));
            byte[] response = driver.Response.AsSpan(driver.ResponseStart, length).ToArray();
            Assert.Equal(EnergyResponse, Hex.Format(client.Open(response)));
        }

        // Two channels of one server share one GCM for dedicated keys: each request keys it with
        // its own association's key.
        [Fact]
        public void DedicatedKeys_TwoChannelsInterleaved_EachRequestUsesItsOwnKey()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver first = meter.Open();
            SessionDriver second = meter.Open();
            SecureClient one = new SecureClient { DedicatedKey = Hex.Parse("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF") };
            // The global key's counter belongs to the Security setup: the second client counts on from 100.
            SecureClient two = new SecureClient { DedicatedKey = Hex.Parse("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF"), NextIc = 100 };
            SecureSteps.Associate(first, one);
            SecureSteps.Associate(second, two);

            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(EnergyResponse, SecureSteps.Request(first, one, SecureTestMeter.EnergyGet, Envelope.Ded));
                Assert.Equal(EnergyResponse, SecureSteps.Request(second, two, SecureTestMeter.EnergyGet, Envelope.GeneralDed));
            }
            // A ded request under the other channel's key is a forgery there.
            byte[] foreign = one.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Ded);
            Assert.Equal("D8 01 05", Hex.Format(second.Exchange(foreign)));
            Assert.Equal(EnergyResponse, Hex.Format(one.Open(first.Exchange(foreign))));
        }

        /// <summary>A session behind a real wrapper channel from client 48 to logical device 1.</summary>
        private sealed class WrapperDriver : IByteChannel
        {
            private readonly WrapperServerChannel _channel;
            private readonly List<byte[]> _frames = new List<byte[]>();

            public WrapperDriver(ApplicationSession session, int maxApduSize)
            {
                _channel = new WrapperServerChannel(maxApduSize, session, this);
            }

            /// <summary>Sends one APDU in a frame, returns the APDU of the single frame answered.</summary>
            public byte[] Exchange(byte[] apdu)
            {
                byte[] frame = Hex.Parse(SendFrame(apdu));
                return frame.AsSpan(WrapperHeader.Size).ToArray();
            }

            /// <summary>Sends one APDU in a frame, returns the single frame answered as hex.</summary>
            public string SendFrame(byte[] apdu)
            {
                byte[] frame = new byte[WrapperHeader.Size + apdu.Length];
                WrapperHeader.Write(frame, 0, SecureTestMeter.SecureSap, 1, apdu.Length);
                Array.Copy(apdu, 0, frame, WrapperHeader.Size, apdu.Length);
                _frames.Clear();
                Assert.Equal(WrapperStatus.Ok, _channel.Receive(frame, 0, frame.Length));
                Assert.Single(_frames);
                return Hex.Format(_frames[0]);
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                _frames.Add(buffer.AsSpan(offset, count).ToArray());
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;

            public void Close()
            {
            }
        }
    }
}
