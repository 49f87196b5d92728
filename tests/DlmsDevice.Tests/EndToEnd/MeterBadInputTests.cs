using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// Bad input over the real sockets: each gets the standard's answer (AARE diagnostic,
    /// ExceptionResponse, Data-Access-Result, or a silent drop at the link layer), and the next
    /// good request on the same channel still works.
    /// </summary>
    public sealed class MeterBadInputTests : IDisposable
    {
        // A good AARQ: LN context, no authentication, InitiateRequest version 6, conformance 001E1D,
        // client-max-receive-pdu 65535 (the Gurux client's AARQ with another conformance).
        private const string GoodAarq = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";
        private const string GetEnergy = "C0 01 C1 0003 0100010800FF 02 00";

        private readonly MeterHarness _meter = MeterHarness.Start();

        public void Dispose()
        {
            _meter.Dispose();
        }

        private async Task<DlmsClient> ConnectAsync(TransportKind transport, int clientSap = 16)
        {
            return await _meter.ConnectAsync(_meter.Options(transport, clientSap));
        }

        private static async Task<byte[]> ExchangeAsync(DlmsClient client, string hex)
        {
            return await client.ExchangeAsync(Hex.Parse(hex));
        }

        /// <summary>The good AARQ is accepted and a GET of the energy register answers with data.</summary>
        private static async Task AssertStillServesAsync(DlmsClient client)
        {
            AssociationResponse aare = AssociationResponse.Decode(await ExchangeAsync(client, GoodAarq));
            Assert.True(aare.IsAccepted, "the good AARQ after the bad input was rejected");
            byte[] reply = await ExchangeAsync(client, GetEnergy);
            Assert.Equal("C401C10006", Convert.ToHexString(reply, 0, 5));
        }

        [Theory]
        [InlineData(TransportKind.Wrapper, "60 1D A1 09 06 07 60 85 74 05 08 01 02 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")] // SN context
        [InlineData(TransportKind.Hdlc, "60 1D A1 09 06 07 60 85 74 05 08 01 03 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")]    // LN with ciphering
        public async Task Aarq_WrongApplicationContext_ApplicationContextNameNotSupported(TransportKind transport, string aarq)
        {
            await using DlmsClient client = await ConnectAsync(transport);

            AssociationResponse aare = AssociationResponse.Decode(await ExchangeAsync(client, aarq));

            Assert.Equal(1, aare.Result);
            Assert.False(aare.DiagnosticIsProvider);
            Assert.Equal(2, aare.Diagnostic);
            Assert.Equal(1, aare.ApplicationContext);
            await AssertStillServesAsync(client);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper, "05 5F 1F 04 00 00 1E 1D FF FF", 1)] // DLMS version 5: dlms-version-too-low
        [InlineData(TransportKind.Hdlc, "06 5F 1F 04 00 00 1E 1D 00 20", 3)]    // client PDU 32: pdu-size-too-short
        [InlineData(TransportKind.Wrapper, "06 5F 1F 04 00 00 1E 1D 00 3F", 3)] // client PDU 63: just below the minimum
        [InlineData(TransportKind.Wrapper, "06 5F 1F 04 00 40 00 00 FF FF", 2)] // only general-protection: incompatible-conformance
        public async Task Aarq_BadInitiateRequest_InitiateErrorInTheAare(TransportKind transport, string initiateTail, byte initiateError)
        {
            await using DlmsClient client = await ConnectAsync(transport);
            string aarq = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 " + initiateTail;

            AssociationResponse aare = AssociationResponse.Decode(await ExchangeAsync(client, aarq));

            Assert.Equal(1, aare.Result);
            Assert.NotNull(aare.InitiateError);
            Assert.Equal(new ConfirmedServiceError(1, 6, initiateError), aare.InitiateError!.Value);
            await AssertStillServesAsync(client);
        }

        [Fact]
        public async Task Aarq_SmallestAcceptedPdu_IsAccepted()
        {
            await using DlmsClient client = await ConnectAsync(TransportKind.Wrapper);

            AssociationResponse aare = AssociationResponse.Decode(await ExchangeAsync(client,
                "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D 00 40"));

            Assert.True(aare.IsAccepted);
            Assert.Equal(64, aare.ServerMaxReceivePduSize);
        }

        [Fact]
        public async Task Aarq_Truncated_RejectedByTheAcseProvider()
        {
            await using DlmsClient client = await ConnectAsync(TransportKind.Wrapper);

            AssociationResponse aare = AssociationResponse.Decode(await ExchangeAsync(client, "60 1D A1 09 06 07 60 85 74"));

            Assert.Equal(1, aare.Result);
            Assert.True(aare.DiagnosticIsProvider);
            await AssertStillServesAsync(client);
        }

        [Theory]
        [InlineData(TransportKind.Wrapper, "wrong", 13)]  // authentication-failure
        [InlineData(TransportKind.Hdlc, "1234567", 13)]
        [InlineData(TransportKind.Wrapper, null, 12)]     // no mechanism where LLS is required: mechanism-name-required
        public async Task MeterReader_WrongOrMissingPassword_Rejected(TransportKind transport, string? password, byte diagnostic)
        {
            DlmsClientOptions options = _meter.Options(transport, 32, password);
            await using DlmsClient client = await _meter.ConnectAsync(options);

            AssociationRejectedException error = await Assert.ThrowsAsync<AssociationRejectedException>(() => client.AssociateAsync());

            Assert.Equal(1, error.Response.Result);
            Assert.Equal(diagnostic, error.Response.Diagnostic);
            AssociationResponse retry = AssociationResponse.Decode(await client.ExchangeAsync(
                AssociationRequest.Encode(Conformance.Default, 0xFFFF, AuthenticationMechanism.Low, System.Text.Encoding.ASCII.GetBytes("12345678"))));
            Assert.True(retry.IsAccepted, "the right password after a wrong one was rejected");
        }

        [Fact]
        public async Task Aarq_UnknownClientSap_Rejected()
        {
            await using DlmsClient client = await ConnectAsync(TransportKind.Wrapper, clientSap: 99);

            AssociationResponse aare = AssociationResponse.Decode(await ExchangeAsync(client, GoodAarq));

            Assert.Equal(1, aare.Result);
            Assert.False(aare.IsAccepted);
        }

        [Theory]
        [InlineData(99)]
        [InlineData(0)]
        public async Task HdlcSnrm_ClientSapWithoutAssociation_AnsweredDm(int clientSap)
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(_meter.Emulator.HdlcEndPoint!);
            byte client = (byte)(clientSap << 1 | 1);
            await socket.SendAsync(HdlcFrame.Encode(HdlcAddress.Server(1, 17), new byte[] { client }, HdlcFrame.Snrm, ReadOnlySpan<byte>.Empty), SocketFlags.None);

            // DM (control 1F, F set) from 1/17 (2-byte form 02 23) back to that client: 10 bytes.
            byte[] dm = await ReceiveExactlyAsync(socket, 10);
            Assert.Equal("7E A0 08 " + client.ToString("X2") + " 02 23 1F", Hex.Format(dm, 0, 7));

            // An association's client is still served on the same connection.
            await using DlmsClient good = await DlmsClient.ConnectAsync(new NetworkStreamLink(socket), _meter.Options(TransportKind.Hdlc));
            await good.AssociateAsync();
            Assert.Equal(DlmsValue.DoubleLongUnsigned(1_000_000), await good.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2")));
        }

        [Theory]
        [InlineData(TransportKind.Wrapper)]
        [InlineData(TransportKind.Hdlc)]
        public async Task Get_BeforeAssociation_ExceptionResponseServiceNotAllowed(TransportKind transport)
        {
            await using DlmsClient client = await ConnectAsync(transport);

            byte[] reply = await ExchangeAsync(client, GetEnergy);

            Assert.Equal("D80101", Convert.ToHexString(reply)); // service-not-allowed, operation-not-possible
            await AssertStillServesAsync(client);
        }

        [Theory]
        [InlineData("C0 01 C1 0001 0000636363FF 02 00", "C401C10104")]  // unknown object: object-undefined
        [InlineData("C0 01 C1 0001 0100010800FF 02 00", "C401C10109")]  // energy asked as Data: object-class-inconsistent
        [InlineData("C0 01 C1 000F 0000280001FF 07 00", "C401C10103")]  // association secret: read-write-denied
        [InlineData("C0 01 C1 0003 0100010800FF 09 00", "C401C10103")]  // attribute 9 of a Register: read-write-denied
        [InlineData("C0 01 C1 000F 0000280002FF 02 00", "C401C10104")]  // the meter reader's association is not in the public list
        [InlineData("C1 01 C1 0008 0000010000FF 02 00 09 0C 07EA0B1903000000000000 00", "C501C103")] // SET clock: read-write-denied
        [InlineData("C3 01 C1 0003 0100010800FF 01 01 0F 00", "C701C10300")] // ACTION reset: read-write-denied
        [InlineData("C0 01 C1 00 03 01 00", "D80203")]                  // truncated GET: service-unknown, other-reason
        [InlineData("C0 07 C1", "D80202")]                              // unknown GET request type
        [InlineData("AB 01 02 03", "D80202")]                           // unknown APDU tag
        public async Task PublicClient_BadRequest_StandardAnswerThenStillServes(string request, string expected)
        {
            await using DlmsClient client = await _meter.AssociateAsync(TransportKind.Wrapper);

            byte[] reply = await ExchangeAsync(client, request);

            Assert.Equal(expected, Convert.ToHexString(reply));
            Assert.Equal("C401C10006", Convert.ToHexString(await ExchangeAsync(client, GetEnergy), 0, 5));
        }

        [Fact]
        public async Task HdlcOverTcp_GarbageAndBadFrames_DroppedAndTheSessionGoesOn()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(_meter.Emulator.HdlcEndPoint!);
            await using DlmsClient client = await DlmsClient.ConnectAsync(new NetworkStreamLink(socket), _meter.Options(TransportKind.Hdlc));
            await client.AssociateAsync();

            // Noise, a flag pair, a frame whose check sequences are wrong (dropped silently, IEC
            // 62056-46 clause 6.4.4.4.1) and a well-formed SNRM for another physical address
            // (ignored: were it taken, it would reset this link).
            await socket.SendAsync(Hex.Parse("00 13 FF 7E 7E"), SocketFlags.None);
            await socket.SendAsync(Hex.Parse("7E A0 19 02 23 21 32 00 00 E6 E6 00 C0 01 C1 0003 0100010800FF 02 00 00 00 7E"), SocketFlags.None);
            await socket.SendAsync(HdlcFrame.Encode(HdlcAddress.Server(1, 18), new byte[] { HdlcAddress.Client(16) }, HdlcFrame.Snrm, ReadOnlySpan<byte>.Empty), SocketFlags.None);
            DlmsValue energy = await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"));

            Assert.Equal(DlmsValue.DoubleLongUnsigned((uint)MeterHarness.InitialEnergyWh), energy);
            await client.ReleaseAsync();
        }

        [Fact]
        public async Task Wrapper_GarbageHeader_ClosesThatConnectionAndTheMeterServesTheNext()
        {
            using (Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                await socket.ConnectAsync(_meter.Emulator.WrapperEndPoint!);
                await socket.SendAsync(Hex.Parse("47 45 54 20 2F 20 48 54 54 50 2F 31 2E 31 0D 0A 0D 0A"), SocketFlags.None); // "GET / HTTP/1.1"
                byte[] buffer = new byte[64];
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(MeterHarness.Timeout);
                Assert.Equal(0, n);
            }

            await using DlmsClient client = await _meter.AssociateAsync(TransportKind.Wrapper);
            Assert.Equal(DlmsValue.DoubleLongUnsigned((uint)MeterHarness.InitialEnergyWh), await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2")));
        }

        [Fact]
        public async Task Wrapper_ApduLongerThanMaxPdu_PduTooLongAndTheConnectionGoesOn()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(_meter.Emulator.WrapperEndPoint!);
            // The emulator's links take APDUs up to 1024 bytes (--max-pdu): announce and send 1025.
            byte[] tooLong = WrapperTransport.Encode(16, 1, new byte[1025]);
            byte[] aarq = WrapperTransport.Encode(16, 1, Hex.Parse(GoodAarq));
            await socket.SendAsync(tooLong, SocketFlags.None);
            await socket.SendAsync(aarq, SocketFlags.None);

            // ExceptionResponse service-not-allowed / pdu-too-long from wPort 1 to 16, then the AARE.
            byte[] exception = await ReceiveExactlyAsync(socket, 11);
            Assert.Equal("00 01 00 01 00 10 00 03 D8 01 04", Hex.Format(exception));
            byte[] header = await ReceiveExactlyAsync(socket, 8);
            byte[] aare = await ReceiveExactlyAsync(socket, (header[6] << 8) | header[7]);
            Assert.True(AssociationResponse.Decode(aare).IsAccepted);
        }

        private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count)
        {
            byte[] buffer = new byte[count];
            int received = 0;
            while (received < count)
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None).AsTask().WaitAsync(MeterHarness.Timeout);
                Assert.True(n > 0, "the meter closed the connection");
                received += n;
            }
            return buffer;
        }

        [Fact]
        public async Task Wrapper_RequestSplitAcrossManyTcpSegments_IsReassembled()
        {
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(_meter.Emulator.WrapperEndPoint!);
            byte[] aarq = WrapperTransport.Encode(16, 1, Hex.Parse(GoodAarq));
            foreach (byte b in aarq)
            {
                await socket.SendAsync(new[] { b }, SocketFlags.None);
                await Task.Delay(1);
            }
            byte[] reply = new byte[256];
            int n = await socket.ReceiveAsync(reply, SocketFlags.None).WaitAsync(MeterHarness.Timeout);

            Assert.True(n > 8);
            Assert.Equal("000100010010", Convert.ToHexString(reply, 0, 6));
            Assert.Equal(0x61, reply[8]);
        }
    }
}
