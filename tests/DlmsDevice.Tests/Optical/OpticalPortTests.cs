using System;
using DlmsDevice.Hal;
using DlmsDevice.Runtime;
using DlmsDevice.Runtime.Optical;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Hdlc;
using DlmsDevice.Tests.Runtime;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Optical
{
    /// <summary>
    /// The optical port in a serial slot of the device runtime (<see cref="MeterDevice.OpenOptical"/>):
    /// the line settings as the handshake goes (300 Bd 7E1, then 9600 Bd 8N1), an HDLC session
    /// after the switch, and the way back to sign-on (DISC, HDLC inactivity, silence, a refused
    /// switch). Time is the rig's link clock; the line is scripted.
    /// </summary>
    public sealed class OpticalPortTests
    {
        private const string Request = "2F 3F 21 0D 0A";
        private const string OptionSelect9600 = "06 32 35 32 0D 0A";
        private const string Identification = "2F 44 4C 44 35 5C 32 4D 45 54 45 52 31 0D 0A"; // /DLD5\2METER1 CR LF

        private sealed class Optical
        {
            public Optical(Action<ModeESettings>? configure = null)
            {
                Rig = new DeviceRig();
                Line = new FakeSerialLine();
                var settings = new ModeESettings { Identification = "METER1" };
                configure?.Invoke(settings);
                Channel = Rig.Device.OpenOptical(Line, settings)!;
                Assert.NotNull(Channel);
                Port = (OpticalPort)Channel.Connection;
            }

            public DeviceRig Rig { get; }
            public FakeSerialLine Line { get; }
            public DeviceChannel Channel { get; }
            public OpticalPort Port { get; }
            public byte[] Buffer { get; } = new byte[512];

            // Checked without Assert.Equal, which allocates (its comparer) and would spoil the allocation test.
            public void Service()
            {
                if (Channel.Service(Buffer, 0) != ChannelStatus.Open)
                {
                    Assert.Fail("the optical channel closed");
                }
            }

            public void Advance(long milliseconds)
            {
                Rig.LinkClock.Advance(milliseconds);
                Service();
            }

            public void Send(string hex)
            {
                Line.Feed(hex);
                Service();
            }

            public void Send(byte[] frame)
            {
                Line.Feed(frame);
                Service();
            }

            // Request, identification after 200 ms, option select, echo after 200 ms, switch.
            public void SignOn()
            {
                Send(Request);
                Advance(200);
                Send(OptionSelect9600);
                Advance(200);
                Assert.Equal(ModeEState.Hdlc, Port.State);
            }
        }


        [Fact]
        public void Open_LineAt9600_SetTo300SevenEvenOne()
        {
            var o = new Optical();

            Assert.Equal(new[] { "300 7E1" }, o.Line.Settings);
            Assert.Equal(ModeEState.SignOn, o.Port.State);
            Assert.Equal(1, o.Rig.Device.SerialChannels.AttachedCount);
        }

        [Fact]
        public void SignOn_LineSettingsFollowTheHandshake()
        {
            var o = new Optical();
            o.Line.Settings.Clear();

            o.Send(Request);
            Assert.Empty(o.Line.TakeWrites()); // the reaction time is not over
            o.Advance(199);
            Assert.Empty(o.Line.TakeWrites());
            o.Advance(1);
            Assert.Equal(new[] { "300 7E1: " + Identification }, o.Line.TakeWrites());
            Assert.Equal(ModeEState.AwaitingOptionSelect, o.Port.State);

            o.Send(OptionSelect9600);
            Assert.Empty(o.Line.Settings);
            o.Advance(200);

            Assert.Equal(new[] { "300 7E1: " + OptionSelect9600 }, o.Line.TakeWrites());
            Assert.Equal(new[] { "9600 8N1" }, o.Line.Settings);
            Assert.Equal(ModeEState.Hdlc, o.Port.State);
            Assert.Equal(1, o.Port.SwitchCount);
        }

        [Fact]
        public void Hdlc_SessionThenDisc_UaAt9600ThenBackTo300()
        {
            var o = new Optical();
            o.SignOn();
            o.Line.TakeWrites();
            o.Line.Settings.Clear();

            o.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode));
            string[] ua = o.Line.TakeWrites();
            Assert.Single(ua);
            Assert.StartsWith("9600 8N1: 7E A0", ua[0]);
            Assert.Contains(" 73 ", ua[0]); // UA
            o.Send(ClientFrame.Information(0, 0, Hex.Parse(DeviceRig.AarqPublic)));
            Assert.Contains("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00", o.Line.TakeWrites()[0]); // AARE accepted
            Assert.True(o.Channel.IsAssociated);
            o.Send(ClientFrame.Build(HdlcControl.Disconnect));
            string[] discUa = o.Line.TakeWrites();

            Assert.Single(discUa);
            Assert.StartsWith("9600 8N1: ", discUa[0]);
            Assert.Equal(ModeEState.Hdlc, o.Port.State); // UA first, at 9600 ...
            o.Service();                                 // ... then the line returns to sign-on
            Assert.Equal(new[] { "300 7E1" }, o.Line.Settings);
            Assert.Equal(ModeEState.SignOn, o.Port.State);
            Assert.Equal(1, o.Port.ReturnCount);
            Assert.False(o.Channel.IsAssociated);

            // And the next client signs on again.
            o.SignOn();
            Assert.Equal(2, o.Port.SwitchCount);
        }

        [Fact]
        public void Hdlc_LinkInactivityTimeOut_BackToSignOn()
        {
            var o = new Optical();
            o.SignOn();
            o.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode));
            Assert.True(((HdlcServerLink)o.Channel.Link).IsConnected);

            o.Advance(120_000); // IEC HDLC setup inactivity_time_out: 120 s
            Assert.False(((HdlcServerLink)o.Channel.Link).IsConnected);
            o.Service();

            Assert.Equal(ModeEState.SignOn, o.Port.State);
            Assert.Equal(300, o.Line.BaudRate);
            Assert.Equal(SerialCharacterFormat.SevenEvenOne, o.Line.Format);
        }

        [Fact]
        public void Hdlc_NoLinkAndSilence_BackToSignOnAfterTheIdleTimeOut()
        {
            var o = new Optical(s => s.IdleTimeoutMilliseconds = 5000);
            o.SignOn();

            o.Advance(4999);
            Assert.Equal(ModeEState.Hdlc, o.Port.State);
            o.Advance(1);

            Assert.Equal(ModeEState.SignOn, o.Port.State);
            Assert.Equal("300 7E1", o.Line.Now);
        }

        [Fact]
        public void Hdlc_ReceivedBytesKeepTheLineBeforeALinkIsUp()
        {
            var o = new Optical(s => s.IdleTimeoutMilliseconds = 5000);
            o.SignOn();

            o.Advance(4000);
            o.Send("00 00 00"); // noise at the new speed: not a frame, but the client is there
            o.Advance(4000);

            Assert.Equal(ModeEState.Hdlc, o.Port.State);
        }

        [Fact]
        public void SignOn_HdlcFrameAt300_NotAnsweredByTheLink()
        {
            var o = new Optical();

            o.Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode));
            o.Advance(1000);

            Assert.Empty(o.Line.TakeWrites());
            Assert.False(((HdlcServerLink)o.Channel.Link).IsConnected);
            Assert.Equal(ModeEState.SignOn, o.Port.State);
        }

        [Fact]
        public void SignOn_NonHdlcModeRequested_NoSwitchAndTheLineStaysAt300()
        {
            var o = new Optical();
            o.Send(Request);
            o.Advance(200);
            o.Line.TakeWrites();

            o.Send("06 30 35 30 0D 0A"); // mode C data readout
            o.Advance(5000);

            Assert.Empty(o.Line.TakeWrites());
            Assert.Equal(new[] { "300 7E1" }, o.Line.Settings);
            Assert.Equal(ModeEState.SignOn, o.Port.State);
        }

        [Fact]
        public void SignOn_SwitchRefusedByTheLine_BackToSignOn()
        {
            var o = new Optical();
            o.Send(Request);
            o.Advance(200);
            o.Line.RefuseConfigure = true;

            o.Send(OptionSelect9600);
            o.Advance(200);

            Assert.Equal(ModeEState.SignOn, o.Port.State);
            Assert.Equal(0, o.Port.SwitchCount);
        }

        [Fact]
        public void Close_LineClosed_ReadReportsClosed()
        {
            var o = new Optical();

            o.Port.Close();

            Assert.True(o.Line.Pipe.Closed);
            Assert.Equal(-1, o.Port.Read(new byte[8], 0, 8, 0));
        }

        [Fact]
        public void Port_OnlyOneSerialSlot_SecondPortRefused()
        {
            var o = new Optical();

            Assert.Null(o.Rig.Device.OpenOptical(new FakeSerialLine(), new ModeESettings()));
        }

        /// <summary>
        /// A whole optical session, sign-on to DISC and back (request, identification, option
        /// select, switch, SNRM, AARQ, five GETs, DISC, return to 300 Bd): after one warm-up
        /// session, the next hundred allocate nothing on the serving thread.
        /// </summary>
        [Fact]
        public void Sessions_SignOnToDisc_AfterWarmUp_AllocateNothing()
        {
            var o = new Optical();
            o.Line.Record = false;
            byte[] request = Hex.Parse(Request);
            byte[] select = Hex.Parse(OptionSelect9600);
            byte[] snrm = ClientFrame.Build(HdlcControl.SetNormalResponseMode);
            byte[] aarq = ClientFrame.Information(0, 0, Hex.Parse(DeviceRig.AarqPublic));
            byte[][] gets = new byte[5][];
            for (int i = 0; i < gets.Length; i++)
            {
                gets[i] = ClientFrame.Information((i + 1) % 8, (i + 1) % 8, Hex.Parse(DeviceRig.GetEnergy));
            }
            byte[] disc = ClientFrame.Build(HdlcControl.Disconnect);

            void Session()
            {
                o.Line.Feed(request);
                o.Service();
                o.Advance(200);
                o.Line.Feed(select);
                o.Service();
                o.Advance(200);
                o.Line.Feed(snrm);
                o.Service();
                o.Line.Feed(aarq);
                o.Service();
                for (int i = 0; i < gets.Length; i++)
                {
                    o.Line.Feed(gets[i]);
                    o.Service();
                }
                o.Line.Feed(disc);
                o.Service();
                o.Service();
            }

            Session();
            int frames = o.Line.Pipe.Frames;
            int configures = o.Line.ConfigureCount;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 0; s < 100; s++)
            {
                Session();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(2 + 1 + 1 + 5 + 1, frames); // identification, echo, UA, AARE, 5 responses, UA
            Assert.Equal(101 * frames, o.Line.Pipe.Frames);
            Assert.Equal(configures + 100 * 2, o.Line.ConfigureCount);
            Assert.Equal(ModeEState.SignOn, o.Port.State);
            Assert.Equal(0, allocated);
        }
    }
}
