using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>
    /// The wrapper over UDP (IEC 62056-47) over a real socket on 127.0.0.1: one datagram is one
    /// wrapper frame, the reply goes back to the sender; each peer (address, port) has its own
    /// association; datagrams that are not wrapper frames are ignored and the meter keeps
    /// serving; an APDU too long for the meter is answered pdu-too-long as on TCP.
    /// </summary>
    public sealed class UdpWrapperTests
    {
        private static readonly byte[] AarqPublic = AssociationRequest.Encode((Conformance)0x001E1D, 0xFFFF, AuthenticationMechanism.None, null);
        private static readonly byte[] AarqMeterReader = AssociationRequest.Encode((Conformance)0x001E1D, 0xFFFF, AuthenticationMechanism.Low, Encoding.ASCII.GetBytes("12345678"));
        private static readonly byte[] GetEnergy = Hex.Parse("C0 01 C1 0003 0100010800FF 02 00");
        private static readonly byte[] GetSerial = Hex.Parse("C0 01 C1 0001 0000600100FF 02 00");

        [Fact]
        public async Task OneMeter_AssociateGetRelease_OverUdp()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.UdpPort = -1);
            using Peer peer = new Peer(meter.Emulator.UdpEndPoint!);

            byte[] aare = await peer.ExchangeAsync(16, 1, AarqPublic);
            Assert.Equal(0, AssociationResponse.Decode(aare.AsSpan(8)).Result);
            byte[] energy = await peer.ExchangeAsync(16, 1, GetEnergy);
            // GET-Response-Normal, Data: double-long-unsigned 1 000 000 Wh.
            Assert.Equal(Hex.Parse("0001 0001 0010 0009 C4 01 C1 00 06 000F4240"), energy);
            byte[] rlre = await peer.ExchangeAsync(16, 1, AssociationRequest.EncodeReleaseRequest());
            Assert.Equal(0x63, rlre[8]);
            // Released: the next GET has no association (ExceptionResponse service-not-allowed... D8 01 01).
            Assert.Equal(Hex.Parse("D8 01 01"), (await peer.ExchangeAsync(16, 1, GetEnergy)).AsSpan(8).ToArray());
        }

        [Fact]
        public async Task BadDatagrams_IgnoredOrAnsweredPduTooLong_TheMeterKeepsServing()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.UdpPort = -1);
            using Peer peer = new Peer(meter.Emulator.UdpEndPoint!);
            await peer.ExchangeAsync(16, 1, AarqPublic);

            // Ignored (IEC 62056-47 discards them): no reply, so the next reply is the GET's.
            peer.Send(Hex.Parse("0002 0010 0001 0003 C0 01 C1"));            // version 2
            peer.Send(Hex.Parse("0001 0010 0001 0009 C0 01 C1"));            // length says 9, 3 arrive
            peer.Send(Hex.Parse("0001 0010"));                               // shorter than a header
            peer.Send(Hex.Parse("0001 0010 0001 0000"));                     // no APDU
            Assert.Equal(Hex.Parse("C4 01 C1 00 06 000F4240"), (await peer.ExchangeAsync(16, 1, GetEnergy)).AsSpan(8).ToArray());

            // Longer than the meter's 1024 bytes: pdu-too-long, whole (1025) or cut by the socket (5000).
            foreach (int length in new[] { 1025, 5000 })
            {
                byte[] huge = new byte[8 + length];
                WrapperTransport.Encode(16, 1, new byte[length]).CopyTo(huge, 0);
                peer.Send(huge);
                Assert.Equal(Hex.Parse("0001 0001 0010 0003 D8 01 04"), await peer.ReceiveAsync());
            }
            Assert.Equal(Hex.Parse("C4 01 C1 00 06 000F4240"), (await peer.ExchangeAsync(16, 1, GetEnergy)).AsSpan(8).ToArray());
        }

        [Fact]
        public async Task TwoPeers_EachItsOwnAssociation()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o => o.UdpPort = -1);
            using Peer reader = new Peer(meter.Emulator.UdpEndPoint!);
            using Peer stranger = new Peer(meter.Emulator.UdpEndPoint!);

            Assert.Equal(0, AssociationResponse.Decode((await reader.ExchangeAsync(32, 1, AarqMeterReader)).AsSpan(8)).Result);
            // Same client SAP from another port: not associated.
            Assert.Equal(Hex.Parse("D8 01 01"), (await stranger.ExchangeAsync(32, 1, GetEnergy)).AsSpan(8).ToArray());
            Assert.Equal(0xC4, (await reader.ExchangeAsync(32, 1, GetEnergy))[8]);
        }

        [Fact]
        public async Task Peer_SilentForTheInactivityTimeOut_LosesItsAssociation()
        {
            using MeterHarness meter = MeterHarness.Start(configure: o =>
            {
                o.UdpPort = -1;
                o.WrapperInactivityTimeoutSeconds = 1;
            });
            using Peer peer = new Peer(meter.Emulator.UdpEndPoint!);
            await peer.ExchangeAsync(16, 1, AarqPublic);
            Assert.Equal(0xC4, (await peer.ExchangeAsync(16, 1, GetEnergy))[8]);
            await Task.Delay(1700);
            Assert.Equal(Hex.Parse("D8 01 01"), (await peer.ExchangeAsync(16, 1, GetEnergy)).AsSpan(8).ToArray());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Fleet_EachMeterOverUdp_OwnPortOrOwnWPort(bool onePort)
        {
            using FleetHarness fleet = FleetHarness.Start(12, onePort, o => o.UdpPort = -1);
            foreach (int i in new[] { 0, 11 })
            {
                ushort wPort = (ushort)fleet.Host.Layout.WPort(i);
                using Peer peer = new Peer(fleet.Host.UdpEndPoint(i)!);
                byte[] aare = await peer.ExchangeAsync(16, wPort, AarqPublic);
                Assert.Equal(wPort, (aare[2] << 8) | aare[3]);
                byte[] serial = await peer.ExchangeAsync(16, wPort, GetSerial);
                // Data: visible-string (0A) of 13 characters.
                Assert.Equal((1 + i).ToString("D13"), Encoding.ASCII.GetString(serial, 8 + 6, 13));
            }
        }

        /// <summary>A client's UDP socket.</summary>
        private sealed class Peer : IDisposable
        {
            private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

            public Peer(IPEndPoint meter)
            {
                _socket.Connect(meter);
            }

            public void Send(byte[] datagram) => _socket.Send(datagram);

            public async Task<byte[]> ExchangeAsync(ushort clientSap, ushort wPort, byte[] apdu)
            {
                Send(WrapperTransport.Encode(clientSap, wPort, apdu));
                return await ReceiveAsync();
            }

            public async Task<byte[]> ReceiveAsync()
            {
                byte[] buffer = new byte[70000];
                using CancellationTokenSource timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                int n = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                return buffer.AsSpan(0, n).ToArray();
            }

            public void Dispose() => _socket.Dispose();
        }
    }
}
