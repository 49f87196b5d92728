using System;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    /// <summary>What a real line does to the link: time-outs, other stations, echo, noise, split and merged delivery, discarded APDUs; push; settings.</summary>
    public class HdlcServerLinkLineTests
    {
        private const string Dm = "7E A0 08 21 02 23 1F 10 EA 7E";

        [Fact]
        public void Poll_NoFrameForTimeout_ClosesWithoutAFrame()
        {
            var h = new LinkHarness();
            h.Connect();
            long opened = h.Now;
            h.Link.Poll(opened + 119999);
            Assert.True(h.Link.IsConnected);
            h.Link.Poll(opened + 120000);
            Assert.False(h.Link.IsConnected);
            Assert.Equal(new[] { "opened 16 1", "closed" }, h.Handler.Events.ToArray());
            Assert.Empty(h.Sink.Frames);

            // The client comes back after the time-out: the link is gone.
            h.Now = opened + 130000;
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            Assert.Equal(new[] { Dm }, h.Sink.Take());
            h.Link.Poll(opened + 500000);
            Assert.Single(h.Handler.Events.FindAll(e => e == "closed"));
        }

        [Fact]
        public void Poll_FramesKeepTheLinkAlive()
        {
            var h = new LinkHarness(new HdlcSettings { InactivityTimeoutMilliseconds = 5000 });
            h.Connect();
            for (int i = 0; i < 5; i++)
            {
                h.Now += 4000;
                h.Link.Poll(h.Now);
                h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, true)));
                Assert.Equal(HdlcControl.ReceiveReady(0, true), h.Sink.TakeSingle().Control);
            }
            Assert.True(h.Link.IsConnected);
            h.Link.Poll(h.Now + 5000);
            Assert.False(h.Link.IsConnected);
        }

        [Fact]
        public void Receive_AfterTimeout_ClosesBeforeProcessing()
        {
            var h = new LinkHarness(new HdlcSettings { InactivityTimeoutMilliseconds = 5000 });
            h.Connect();
            h.Now += 6000;
            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, true)));
            Assert.Equal(new[] { Dm }, h.Sink.Take());
            Assert.Equal("closed", h.Handler.Events[h.Handler.Events.Count - 1]);
        }

        [Fact]
        public void Poll_TimeoutZero_NeverCloses()
        {
            var h = new LinkHarness(new HdlcSettings { InactivityTimeoutMilliseconds = 0 });
            h.Connect();
            h.Link.Poll(long.MaxValue / 2);
            Assert.True(h.Link.IsConnected);
        }

        [Theory]
        [InlineData(2, 17, 2)]   // logical device not served
        [InlineData(1, 18, 2)]   // other physical address
        [InlineData(1, 18, 4)]
        [InlineData(2, -1, 1)]
        [InlineData(0x7F, -1, 1)] // all-station address: not answered
        public void Receive_OtherServerAddress_IsIgnored(int logical, int physical, int size)
        {
            var h = new LinkHarness();
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, logical: logical, physical: physical, serverSize: size));
            h.Send(ClientFrame.Build(HdlcControl.Disconnect, logical: logical, physical: physical, serverSize: size));
            Assert.Empty(h.Sink.Frames);
            Assert.Empty(h.Handler.Events);
        }

        [Fact]
        public void Receive_TwoByteSourceAddress_IsIgnored()
        {
            var h = new LinkHarness();
            // 7E A0 09 02 23 02 21 93 HCS 7E: a source address of 2 bytes is no client address.
            var frame = new HdlcFrame { Control = HdlcControl.SetNormalResponseMode };
            frame.SetAddresses(1, 17, 2, 1, 16, 2);
            var wire = new byte[HdlcFrameCodec.GetWireLength(2, 2, 0)];
            HdlcFrameCodec.Encode(frame, wire, 0, 0, wire, 0, wire.Length, out _);
            h.Send(wire);
            Assert.Empty(h.Sink.Frames);
        }

        [Fact]
        public void Receive_SeveralLogicalDevices_AnswersEachInTheFormUsed()
        {
            var h = new LinkHarness(new HdlcSettings { LogicalDevices = new[] { 1, 300 } });
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, logical: 300, serverSize: 4, clientSap: 32));
            DecodedFrame ua = h.Sink.TakeSingle();
            Assert.Equal(300, ua.Header.SourceUpper);
            Assert.Equal(17, ua.Header.SourceLower);
            Assert.Equal(4, ua.Header.SourceSize);
            Assert.Equal(32, ua.Header.DestinationUpper);
            Assert.Equal(new[] { "opened 32 300" }, h.Handler.Events.ToArray());

            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01"), logical: 300, serverSize: 4, clientSap: 32));
            Assert.Equal("apdu 32 300 2", h.Handler.Events[1]);
            Assert.Equal(0x30, h.Sink.TakeSingle().Control);

            // The other logical device has no link with this client.
            h.Send(ClientFrame.Information(1, 1, Hex.Parse("C0 01"), logical: 1, clientSap: 32));
            Assert.Equal(HdlcControl.DisconnectedMode, h.Sink.TakeSingle().Control);
        }

        [Theory]
        [InlineData(16)]
        [InlineData(32)]
        public void Receive_SnrmFromAllowedClientSap_Accepted(int clientSap)
        {
            var h = new LinkHarness(new HdlcSettings { ClientSaps = new[] { 16, 32 } });
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, clientSap: clientSap));
            Assert.Equal(HdlcFrameType.UnnumberedAcknowledge, h.Sink.TakeSingle().Type);
            Assert.Equal(new[] { "opened " + clientSap + " 1" }, h.Handler.Events.ToArray());
        }

        [Theory]
        [InlineData(17)]
        [InlineData(1)]
        [InlineData(0x7F)]
        public void Receive_SnrmFromClientSapNotInTheList_AnsweredDm(int clientSap)
        {
            var h = new LinkHarness(new HdlcSettings { ClientSaps = new[] { 16, 32 } });
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, clientSap: clientSap));
            DecodedFrame dm = h.Sink.TakeSingle();
            Assert.Equal(HdlcControl.DisconnectedMode, dm.Control);
            Assert.Equal(clientSap, dm.Header.DestinationUpper);
            Assert.False(h.Link.IsConnected);
            Assert.Empty(h.Handler.Events);
        }

        [Fact]
        public void Receive_SnrmFromClientSapNotInTheListWhileConnected_DmAndTheLinkStays()
        {
            var h = new LinkHarness(new HdlcSettings { ClientSaps = new[] { 16 } });
            h.Connect();
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, clientSap: 32));
            Assert.Equal(HdlcControl.DisconnectedMode, h.Sink.TakeSingle().Control);
            Assert.True(h.Link.IsConnected);
            Assert.Equal(16, h.Link.ClientSap);
            Assert.Equal(new[] { "opened 16 1" }, h.Handler.Events.ToArray());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Receive_SnrmFromNoStationAddress_AlwaysDm(bool withList)
        {
            // Client address 0 is the reserved no-station address (Green Book HDLC addressing): never a client.
            var h = new LinkHarness(withList ? new HdlcSettings { ClientSaps = new[] { 0, 16 } } : null);
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, clientSap: 0));
            Assert.Equal(HdlcControl.DisconnectedMode, h.Sink.TakeSingle().Control);
            Assert.False(h.Link.IsConnected);
            Assert.Empty(h.Handler.Events);
        }

        [Fact]
        public void Receive_SnrmWithEmptyClientSapList_AnyClientAccepted()
        {
            var h = new LinkHarness(new HdlcSettings { ClientSaps = new int[0] });
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, clientSap: 99));
            Assert.Equal(HdlcFrameType.UnnumberedAcknowledge, h.Sink.TakeSingle().Type);
        }

        [Fact]
        public void Constructor_ClientSapListCopied_LaterChangesHaveNoEffect()
        {
            var settings = new HdlcSettings { ClientSaps = new[] { 16 } };
            var h = new LinkHarness(settings);
            settings.ClientSaps[0] = 32;
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, clientSap: 16));
            Assert.Equal(HdlcFrameType.UnnumberedAcknowledge, h.Sink.TakeSingle().Type);
        }

        [Fact]
        public void Receive_OtherClientWhileConnected_GetsDmAndLinkStays()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01"), clientSap: 32));
            DecodedFrame dm = h.Sink.TakeSingle();
            Assert.Equal(HdlcControl.DisconnectedMode, dm.Control);
            Assert.Equal(32, dm.Header.DestinationUpper);
            Assert.Empty(h.Handler.Requests);

            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            Assert.Equal(0x30, h.Sink.TakeSingle().Control);
        }

        [Fact]
        public void Receive_SnrmWhileConnected_ClosesReopensAndResetsSequence()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            h.Sink.Take();

            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, clientSap: 32));
            Assert.Equal(HdlcFrameType.UnnumberedAcknowledge, h.Sink.TakeSingle().Type);
            Assert.Equal(new[] { "opened 16 1", "apdu 16 1 2", "closed", "opened 32 1" }, h.Handler.Events.ToArray());
            Assert.Equal(32, h.Link.ClientSap);

            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01"), clientSap: 32));
            Assert.Equal(0x30, h.Sink.TakeSingle().Control);
        }

        [Theory]
        [InlineData("81 80 03 05 01 00")]   // max info 0
        [InlineData("82 80 00")]            // wrong format identifier
        [InlineData("81 80 05 05 01 40")]   // group length past the field
        [InlineData("81 80 03 05 01 1F")]   // client max info transmit 31: below 32 (IC 23 range 32..2030)
        [InlineData("81 80 03 06 01 01")]   // client max info receive 1
        [InlineData("81 80 04 06 02 00 10")] // 16 in two bytes
        public void Receive_SnrmWithBadParameters_AnswersDm(string parameters)
        {
            var h = new LinkHarness();
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, Hex.Parse(parameters)));
            Assert.Equal(new[] { Dm }, h.Sink.Take());
            Assert.False(h.Link.IsConnected);

            h.Connect();
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, Hex.Parse(parameters)));
            Assert.Equal(new[] { Dm }, h.Sink.Take());
            Assert.False(h.Link.IsConnected);
            Assert.Equal(new[] { "opened 16 1", "closed" }, h.Handler.Events.ToArray());
        }

        [Fact]
        public void Receive_SnrmWithSmallestInformationLength_AcceptedAt32()
        {
            var h = new LinkHarness();
            h.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode, Hex.Parse("81 80 06 05 01 20 06 01 20")));
            Assert.Equal(HdlcFrameType.UnnumberedAcknowledge, h.Sink.TakeSingle().Type);
            Assert.Equal(32, h.Link.MaxInfoTransmit);
            Assert.Equal(32, h.Link.MaxInfoReceive);

            // A 40-byte answer (43 with the LLC) goes out in two segments of at most 32 bytes.
            h.Handler.Responses.Enqueue(ClientFrame.Pattern(40, 5));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01")));
            var first = h.Sink.TakeSingle();
            Assert.True(first.Header.Segmented);
            Assert.Equal(32, first.Information.Length);
        }

        [Fact]
        public void Receive_EchoOfOwnFrames_IsIgnored()
        {
            var h = new LinkHarness();
            h.Send("7E A0 08 02 23 21 93 BD 64 7E");
            byte[] ua = h.Sink.Frames[0];
            h.Sink.Take();
            // Half-duplex line: our UA comes back first.
            h.Send(ua);
            Assert.Empty(h.Sink.Frames);

            h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 06 00 00 30 39"));
            h.Send(ClientFrame.Information(0, 0, Hex.Parse("C0 01 C1 00 03 01 00 01 08 00 FF 02 00")));
            byte[] answer = h.Sink.Frames[0];
            h.Sink.Take();
            h.Send(answer);
            Assert.Empty(h.Sink.Frames);
            Assert.Single(h.Handler.Requests);
            Assert.Equal(HdlcLinkState.Connected, h.Link.State);

            // With the 1-byte server address too (echo destination 0x21 = logical 16, not ours).
            var h1 = new LinkHarness();
            h1.Send("7EA0070321930F017E");
            byte[] ua1 = h1.Sink.Frames[0];
            h1.Sink.Take();
            h1.Send(ClientFrame.Concat(ua1, ua1));
            Assert.Empty(h1.Sink.Frames);
            Assert.True(h1.Link.IsConnected);
        }

        [Fact]
        public void Receive_NoiseAndBadFrames_DroppedAndNextFrameAnswered()
        {
            var h = new LinkHarness();
            h.Connect();
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            byte[] good = ClientFrame.Information(0, 0, Hex.Parse("C0 01 C1 00 03 01 00 01 08 00 FF 02 00"));
            byte[] badHcs = (byte[])good.Clone();
            badHcs[7] ^= 0x40;
            byte[] badFcs = (byte[])good.Clone();
            badFcs[good.Length - 2] ^= 0x01;
            byte[] stream = ClientFrame.Concat(Hex.Parse("00 13 FF 7E 7E A0 55"), badHcs, Hex.Parse("7E A8"), badFcs, Hex.Parse("AA"), good, Hex.Parse("7E 7E 00"));
            h.Send(stream);
            Assert.Equal(0x30, h.Sink.TakeSingle().Control);
            Assert.Single(h.Handler.Requests);
            Assert.True(h.Link.DroppedFrameCount >= 2);
        }

        [Fact]
        public void Receive_OneByteAtATime_SameAnswersAsWholeFrames()
        {
            string[] client =
            {
                "7E A0 08 02 23 21 93 BD 64 7E",
                "7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E",
                "7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E",
                "7E A0 1A 02 23 21 54 C6 74 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 03 00 EA 71 7E",
                "7E A0 08 02 23 21 53 B1 A2 7E",
                "7E A0 08 02 23 21 53 B1 A2 7E",
            };
            string[] Run(int chunk)
            {
                var h = new LinkHarness();
                h.Handler.Responses.Enqueue(Hex.Parse("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07"));
                h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 06 00 00 30 39"));
                h.Handler.Responses.Enqueue(Hex.Parse("C4 01 C1 00 02 02 0F 00 16 1E"));
                foreach (string hex in client)
                {
                    byte[] bytes = Hex.Parse(hex);
                    for (int i = 0; i < bytes.Length; i += chunk)
                    {
                        h.Link.Receive(bytes, i, Math.Min(chunk, bytes.Length - i), h.Now);
                    }
                }
                return h.Sink.Take();
            }
            string[] whole = Run(1000);
            Assert.Equal(6, whole.Length);
            Assert.Equal("7E A0 08 21 02 23 1F 10 EA 7E", whole[5]);
            Assert.Equal(whole, Run(1));
            Assert.Equal(whole, Run(5));
        }

        [Fact]
        public void Receive_BackToBackFramesSharingOneFlag_AnswersBoth()
        {
            var h = new LinkHarness();
            h.Handler.Responses.Enqueue(Hex.Parse("61 00"));
            string snrm = "7E A0 08 02 23 21 93 BD 64";   // closing flag shared with the AARQ
            string aarq = "7E A0 2C 02 23 21 10 AF 9F E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF C5 E4 7E";
            h.Send(snrm + " " + aarq);
            var frames = h.Sink.TakeAll();
            Assert.Equal(2, frames.Count);
            Assert.Equal(HdlcFrameType.UnnumberedAcknowledge, frames[0].Type);
            Assert.Equal(0x30, frames[1].Control);
        }

        [Fact]
        public void Receive_ApduLargerThanMaxApduSize_AnsweredPduTooLong()
        {
            var h = new LinkHarness(new HdlcSettings { MaxApduSize = 64 });
            h.Connect();
            byte[] info = ClientFrame.Concat(ClientFrame.RequestLlc, ClientFrame.Pattern(100, 1));
            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, true), ClientFrame.Slice(info, 0, 60), segmented: true));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);
            h.Send(ClientFrame.Build(HdlcControl.Information(1, 0, true), ClientFrame.Slice(info, 60, info.Length - 60)));
            // The final segment: the reassembled request is too long for the APDU buffer. The
            // handler never sees it; the link answers ExceptionResponse service-not-allowed /
            // pdu-too-long (Green Book) itself, behind the response LLC.
            var answer = h.Sink.TakeSingle();
            Assert.Equal(HdlcControl.Information(0, 2, true), answer.Control);
            Assert.Equal("E6 E7 00 D8 01 04", Hex.Format(answer.Information));
            Assert.Empty(h.Handler.Requests);

            // One frame, too big for the APDU buffer.
            h.Send(ClientFrame.Information(2, 1, ClientFrame.Pattern(65, 2)));
            answer = h.Sink.TakeSingle();
            Assert.Equal(HdlcControl.Information(1, 3, true), answer.Control);
            Assert.Equal("E6 E7 00 D8 01 04", Hex.Format(answer.Information));
            Assert.Empty(h.Handler.Requests);

            // The link goes on: an APDU of exactly 64 bytes is handed up.
            h.Handler.Responses.Enqueue(Hex.Parse("C4 01"));
            h.Send(ClientFrame.Information(3, 2, ClientFrame.Pattern(64, 3)));
            Assert.Equal(Hex.Format(ClientFrame.Pattern(64, 3)), Hex.Format(h.Handler.Requests[0]));
            Assert.Equal(HdlcControl.Information(2, 4, true), h.Sink.TakeSingle().Control);
        }

        [Fact]
        public void Receive_ApduLargerThanMaxApduSizeWithoutPoll_AnsweredOnTheNextPoll()
        {
            var h = new LinkHarness(new HdlcSettings { MaxApduSize = 64 });
            h.Connect();
            byte[] info = ClientFrame.Concat(ClientFrame.RequestLlc, ClientFrame.Pattern(65, 1));
            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, false), info));
            Assert.Empty(h.Sink.Frames);

            h.Send(ClientFrame.Build(HdlcControl.ReceiveReady(0, true)));
            var answer = h.Sink.TakeSingle();
            Assert.Equal(HdlcControl.Information(0, 1, true), answer.Control);
            Assert.Equal("E6 E7 00 D8 01 04", Hex.Format(answer.Information));
        }

        [Theory]
        [InlineData("E6 E7 00 C0 01")]   // response LLC
        [InlineData("C0 01 C1 00")]      // no LLC
        [InlineData("E6 E6")]            // cut
        [InlineData("")]                 // I-frame without information
        public void Receive_RequestWithoutRequestLlc_DiscardedAfterRr(string info)
        {
            var h = new LinkHarness();
            h.Connect();
            h.Send(ClientFrame.Build(HdlcControl.Information(0, 0, true), Hex.Parse(info)));
            Assert.Equal(HdlcControl.ReceiveReady(1, true), h.Sink.TakeSingle().Control);
            Assert.Empty(h.Handler.Requests);
        }

        [Fact]
        public void SendUnnumberedInformation_Push_FramesInPlace()
        {
            var h = new LinkHarness();
            byte[] apdu = Hex.Parse("0F 00 00 00 01 00");
            var buffer = new byte[HdlcServerLink.ResponseHeadroom + apdu.Length + HdlcServerLink.ResponseTailroom];
            Array.Copy(apdu, 0, buffer, HdlcServerLink.ResponseHeadroom, apdu.Length);
            Assert.Equal(HdlcStatus.Ok, h.Link.SendUnnumberedInformation(16, 1, 2, buffer, HdlcServerLink.ResponseHeadroom, apdu.Length));
            // Constructed with an independent implementation: UI 0x13, LLC E6 E7 00.
            Assert.Equal(new[] { "7E A0 13 21 02 23 13 D0 D3 E6 E7 00 0F 00 00 00 01 00 FA DE 7E" }, h.Sink.Take());

            Assert.Equal(HdlcStatus.BufferTooSmall, h.Link.SendUnnumberedInformation(16, 1, 2, buffer, HdlcServerLink.ResponseHeadroom - 1, apdu.Length));
            Assert.Equal(HdlcStatus.TooLong, h.Link.SendUnnumberedInformation(16, 1, 2, new byte[200], HdlcServerLink.ResponseHeadroom, 126));
            Assert.Equal(HdlcStatus.BadAddress, h.Link.SendUnnumberedInformation(16, 200, 2, buffer, HdlcServerLink.ResponseHeadroom, apdu.Length));
            Assert.Empty(h.Sink.Frames);
        }

        public static TheoryData<Action<HdlcSettings>> BadSettings => new TheoryData<Action<HdlcSettings>>
        {
            s => s.MaxInfoTransmit = 31,
            s => s.MaxInfoReceive = 2031,
            s => s.WindowTransmit = 0,
            s => s.WindowReceive = 8,
            s => s.InactivityTimeoutMilliseconds = -1,
            s => s.PhysicalAddress = 0x4000,
            s => s.LogicalDevices = new int[0],
            s => s.LogicalDevices = new[] { 1, -1 },
            s => s.MaxApduSize = 63,
            s => s.ClientSaps = new[] { 16, 0x80 },
            s => s.ClientSaps = new[] { -1 },
        };

        [Theory]
        [MemberData(nameof(BadSettings))]
        public void Constructor_SettingOutOfRange_Throws(Action<HdlcSettings> spoil)
        {
            var settings = new HdlcSettings();
            spoil(settings);
            Assert.Throws<ArgumentException>(() => new HdlcServerLink(settings, new RecordingHandler(), new RecordingSink()));
        }

        [Fact]
        public void Constructor_NullArgument_Throws()
        {
            Assert.Throws<ArgumentNullException>(() => new HdlcServerLink(null!, new RecordingHandler(), new RecordingSink()));
            Assert.Throws<ArgumentNullException>(() => new HdlcServerLink(new HdlcSettings(), null!, new RecordingSink()));
            Assert.Throws<ArgumentNullException>(() => new HdlcServerLink(new HdlcSettings(), new RecordingHandler(), null!));
        }
    }
}
