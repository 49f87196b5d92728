using System.Text;
using DlmsDevice.Runtime.Optical;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Optical
{
    /// <summary>
    /// The mode E sign-on state machine, one character at a time (IEC 62056-21; protocol notes
    /// 2.2). Vectors: request <c>2F 3F 21 0D 0A</c> ("/?!" CR LF), identification
    /// <c>2F 44 4C 44 35 5C 32 ...</c> ("/DLD5\2..."), option select <c>06 32 35 32 0D 0A</c>.
    /// </summary>
    public sealed class ModeEHandshakeTests
    {
        private const string Request = "2F 3F 21 0D 0A";            // / ? ! CR LF
        private const string OptionSelect9600 = "06 32 35 32 0D 0A"; // ACK 2 5 2 CR LF

        private static ModeEHandshake Create(System.Action<ModeESettings>? configure = null)
        {
            var settings = new ModeESettings { Identification = "METER1" };
            configure?.Invoke(settings);
            return new ModeEHandshake(settings);
        }

        private static void Feed(ModeEHandshake handshake, string hex, long now = 0)
        {
            foreach (byte b in Hex.Parse(hex))
            {
                handshake.Receive(b, now);
            }
        }

        // Brings a handshake to AwaitingOptionSelect at time 200 (identification sent then, 0 ms on the line).
        private static ModeEHandshake Identified(System.Action<ModeESettings>? configure = null)
        {
            ModeEHandshake h = Create(configure);
            Feed(h, Request);
            Assert.True(h.IsReplyDue(200));
            h.ReplySent(200, 0);
            Assert.Equal(ModeEState.AwaitingOptionSelect, h.State);
            return h;
        }

        [Fact]
        public void IdentificationMessage_Defaults_FlagIdBaudCharacterModeEEscapeIdentCrLf()
        {
            ModeEHandshake h = Create();

            // "/DLD5\2METER1" CR LF: 9600 Bd = '5', "\2" = enhanced identification, mode E.
            Assert.Equal("2F 44 4C 44 35 5C 32 4D 45 54 45 52 31 0D 0A", Hex.Format(h.IdentificationMessage));
        }

        [Fact]
        public void IdentificationMessage_WithoutEscapeAt19200_GuruxShape()
        {
            ModeEHandshake h = Create(s => { s.AnnounceModeE = false; s.MaxBaudRate = 19200; s.ManufacturerId = "ABc"; });

            Assert.Equal("/ABc6METER1\r\n", Encoding.ASCII.GetString(h.IdentificationMessage));
        }

        [Fact]
        public void Request_ByteByByte_IdentificationDueAfterTheReactionTime()
        {
            ModeEHandshake h = Create();
            byte[] request = Hex.Parse(Request);
            for (int i = 0; i < request.Length - 1; i++)
            {
                h.Receive(request[i], i * 10);
                Assert.Equal(ModeEState.SignOn, h.State);
            }

            h.Receive(request[^1], 40);

            Assert.Equal(ModeEState.Identifying, h.State);
            Assert.False(h.IsReplyDue(239));
            Assert.Equal(200, h.MillisecondsUntilDue(40));
            Assert.True(h.IsReplyDue(240));
            Assert.Equal(15, h.ReplyLength);
            Assert.Same(h.IdentificationMessage, h.Reply);
        }

        [Fact]
        public void Request_WithParityBitSet_Accepted()
        {
            // 7E1 characters read on a line set to 8 bits: the parity bit arrives as bit 7.
            ModeEHandshake h = Create();

            Feed(h, "AF 3F A1 8D 0A");

            Assert.Equal(ModeEState.Identifying, h.State);
        }

        [Theory]
        [InlineData("2F 3F 21 0D")]          // no LF yet
        [InlineData("2F 21 0D 0A")]          // no '?'
        [InlineData("2F 3F 21 0A")]          // LF without CR
        [InlineData("2F 3F 31 32 0D 0A")]    // no '!'
        [InlineData("3F 21 0D 0A")]          // no '/'
        [InlineData("01 42 30 03 71")]       // break message SOH B0 ETX
        [InlineData("06 32 35 32 0D 0A")]    // option select before any identification
        [InlineData("2F 3F 39 39 21 0D 0A")] // "/?99!": another meter's address
        public void Request_Malformed_OrForAnotherMeter_Ignored(string hex)
        {
            ModeEHandshake h = Create(s => s.DeviceAddress = "12345678");

            Feed(h, hex);

            Assert.Equal(ModeEState.SignOn, h.State);
            Assert.False(h.IsReplyDue(10_000));
        }

        [Fact]
        public void Request_WithOwnAddress_Answered()
        {
            ModeEHandshake h = Create(s => s.DeviceAddress = "12345678");

            Feed(h, "2F 3F " + Hex.Format(Encoding.ASCII.GetBytes("12345678")) + " 21 0D 0A");

            Assert.Equal(ModeEState.Identifying, h.State);
        }

        [Fact]
        public void Request_AfterNoise_StartCharacterRestartsTheMessage()
        {
            ModeEHandshake h = Create();

            Feed(h, "00 FF 41 2F 3F 58 2F 3F 21 0D 0A"); // noise, a broken start, then a good request

            Assert.Equal(ModeEState.Identifying, h.State);
        }

        [Fact]
        public void Request_CharacterGapAboveTimeout_PartialMessageDropped()
        {
            ModeEHandshake h = Create();
            Feed(h, "2F 3F", 0);

            Feed(h, "21 0D 0A", 1500); // ta >= 1500 ms: the "/?" before is gone

            Assert.Equal(ModeEState.SignOn, h.State);
            Feed(h, Request, 1600);
            Assert.Equal(ModeEState.Identifying, h.State);
        }

        [Fact]
        public void OptionSelect_Hdlc9600_AcknowledgementEchoedThenHdlc()
        {
            ModeEHandshake h = Identified();

            Feed(h, OptionSelect9600, 300);

            Assert.Equal(ModeEState.Acknowledging, h.State);
            Assert.Equal(9600, h.AgreedBaudRate);
            Assert.False(h.IsReplyDue(499));
            Assert.True(h.IsReplyDue(500));
            Assert.Equal(OptionSelect9600, Hex.Format(h.Reply, 0, h.ReplyLength));
            h.ReplySent(500, 200);
            Assert.Equal(ModeEState.Hdlc, h.State);
        }

        [Fact]
        public void OptionSelect_SlowerSpeed_Accepted()
        {
            ModeEHandshake h = Identified();

            Feed(h, "06 32 32 32 0D 0A", 300); // Z = '2': 1200 Bd

            Assert.Equal(1200, h.AgreedBaudRate);
            Assert.Equal("06 32 32 32 0D 0A", Hex.Format(h.Reply, 0, h.ReplyLength));
        }

        [Fact]
        public void OptionSelect_WithoutEcho_SwitchDueAtOnceWithNothingToSend()
        {
            ModeEHandshake h = Identified(s => s.EchoAcknowledgement = false);

            Feed(h, OptionSelect9600, 300);

            Assert.True(h.IsReplyDue(300));
            Assert.Equal(0, h.ReplyLength);
        }

        [Theory]
        [InlineData("06 30 35 30 0D 0A")] // V = 0, Y = 0: data readout, mode C
        [InlineData("06 30 35 31 0D 0A")] // programming mode
        [InlineData("06 32 35 30 0D 0A")] // HDLC procedure but data readout
        [InlineData("06 31 35 32 0D 0A")] // secondary protocol
        [InlineData("06 32 36 32 0D 0A")] // 19200 Bd: above the 9600 offered
        [InlineData("06 32 3A 32 0D 0A")] // not a baud rate character
        [InlineData("06 32 35 32 0A")]    // no CR
        [InlineData("06 32 35 32 32 0D 0A")] // one character too many
        [InlineData("41")]                 // a stray character
        public void OptionSelect_NotHdlcOrMalformed_BackToSignOn(string hex)
        {
            ModeEHandshake h = Identified();

            Feed(h, hex, 300);

            Assert.Equal(ModeEState.SignOn, h.State);
            Assert.Equal(0, h.AgreedBaudRate);
            Feed(h, Request, 400); // and the next request is answered
            Assert.Equal(ModeEState.Identifying, h.State);
        }

        [Fact]
        public void OptionSelect_NotInTime_BackToSignOn()
        {
            ModeEHandshake h = Create();
            Feed(h, Request);
            h.ReplySent(200, 500); // the identification needs 500 ms on the line

            h.Poll(2699);
            Assert.Equal(ModeEState.AwaitingOptionSelect, h.State);
            Assert.Equal(1, h.MillisecondsUntilDue(2699));
            h.Poll(2700);

            Assert.Equal(ModeEState.SignOn, h.State);
        }

        [Fact]
        public void AwaitingOptionSelect_NewRequest_IdentifiesAgain()
        {
            ModeEHandshake h = Identified();

            Feed(h, Request, 300);

            Assert.Equal(ModeEState.Identifying, h.State);
        }

        [Fact]
        public void AwaitingOptionSelect_OwnIdentificationEchoedByTheHead_Ignored()
        {
            ModeEHandshake h = Identified();
            byte[] own = h.IdentificationMessage;

            foreach (byte b in own)
            {
                h.Receive(b, 250);
            }
            Feed(h, OptionSelect9600, 300);

            Assert.Equal(ModeEState.Acknowledging, h.State);
        }

        [Fact]
        public void Hdlc_BytesAreNotTheHandshakes()
        {
            ModeEHandshake h = Identified();
            Feed(h, OptionSelect9600, 300);
            h.ReplySent(500, 200);

            Feed(h, "7E A0 08 03 21 93 " + Request, 600);

            Assert.Equal(ModeEState.Hdlc, h.State);
            h.Reset();
            Assert.Equal(ModeEState.SignOn, h.State);
            Assert.Equal(0, h.AgreedBaudRate);
        }

        [Fact]
        public void Settings_BadValues_Refused()
        {
            var s = new ModeESettings();
            Assert.Throws<System.ArgumentException>(() => s.ManufacturerId = "AB");
            Assert.Throws<System.ArgumentException>(() => s.ManufacturerId = "A1C");
            Assert.Throws<System.ArgumentException>(() => s.Identification = "");
            Assert.Throws<System.ArgumentException>(() => s.Identification = "has/slash");
            Assert.Throws<System.ArgumentException>(() => s.DeviceAddress = new string('1', 33));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => s.MaxBaudRate = 115200);
            Assert.Equal('5', ModeESettings.BaudRateCharacter(9600));
            Assert.Equal(-1, ModeESettings.BaudRateCharacter(38400));
        }
    }
}
