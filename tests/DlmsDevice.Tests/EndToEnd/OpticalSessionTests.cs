using System;
using System.Diagnostics;
using System.IO.Ports;
using System.Text;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Runtime.Optical;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.EndToEnd
{
    /// <summary>
    /// The emulator's optical port (<c>--optical</c>, IEC 62056-21 mode E) on one end of a socat
    /// pty pair. The speed the meter sets is read back from the pty itself (<c>stty -F</c>), so
    /// the test sees what System.IO.Ports really applied as the handshake goes: 300 Bd, the
    /// agreed speed, 300 Bd after DISC. A Linux pty refuses 7 data bits and parity changes
    /// (EINVAL; stty shows the same cs8/parenb whatever is asked), so on it the meter makes 7E1
    /// in software on 8N1, the same 10 bits a character on a wire: the test reads the sign-on
    /// bytes raw and checks that bit 7 carries even parity, and that the HDLC frames after the
    /// switch are plain 8-bit bytes.
    /// </summary>
    public sealed class OpticalSessionTests
    {
        private static MeterHarness StartMeter(SocatPtyPair pty, int maxBaud = 9600)
        {
            return MeterHarness.Start(configure: o =>
            {
                o.OpticalDevice = pty.ServerPath;
                o.OpticalBaudRate = maxBaud;
            });
        }

        [SocatFact]
        public async Task Session_OurClient_SignsOnReadsReleasesTwice()
        {
            using SocatPtyPair pty = SocatPtyPair.Start(SocatPtyPair.FindSocat()!);
            using MeterHarness meter = StartMeter(pty);
            OpticalPort port = meter.Emulator.OpticalPort!;
            var signOn = new StringBuilder();
            DlmsClientOptions options = meter.Options(TransportKind.Optical) with
            {
                SerialPort = pty.ClientPath,
                BaudRate = 9600,
                SignOnTrace = line => signOn.AppendLine(line),
            };

            for (int session = 1; session <= 2; session++)
            {
                await using (DlmsClient client = await DlmsClient.ConnectAsync(options))
                {
                    Assert.Equal(ModeEState.Hdlc, port.State);
                    Assert.Equal("9600 8N1", Settings(port.Line));
                    await client.AssociateAsync();
                    Assert.Equal(DlmsValue.DoubleLongUnsigned(1_000_000), await client.GetAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2")));
                    await client.ReleaseAsync();
                    await client.DisconnectAsync();
                }
                await WaitAsync(() => port.State == ModeEState.SignOn && port.ReturnCount == session, "the line back at sign-on after DISC");
                Assert.Equal("300 7E1", Settings(port.Line));
                Assert.Equal(session, port.SwitchCount);
            }
            Assert.Contains("<- /DLD5\\20000000000001␍␊", signOn.ToString());
            Assert.Contains("-> ␆252␍␊", signOn.ToString());
        }

        [SocatFact]
        public async Task SignOn_ByHand_TheMetersPtyChangesSpeedAndFormatAsTheHandshakeGoes()
        {
            using SocatPtyPair pty = SocatPtyPair.Start(SocatPtyPair.FindSocat()!);
            using MeterHarness meter = StartMeter(pty);
            OpticalPort port = meter.Emulator.OpticalPort!;
            var line = (SerialByteChannel)port.Line;
            using var client = new SerialPort(pty.ClientPath, 300, Parity.None, 8, StopBits.One) { ReadTimeout = 5000 };
            client.Open();
            Assert.Equal(300, TermiosSpeed(pty.ServerPath));
            Assert.Equal(SerialCharacterFormat.SevenEvenOne, line.Format);
            Assert.True(line.SoftwareParity);

            // A request for another meter and a mode C option select change nothing.
            WriteSevenEvenOne(client, "/?999!\r\n");
            await Task.Delay(400);
            Assert.Equal(0, client.BytesToRead);
            WriteSevenEvenOne(client, "/?!\r\n");
            Assert.Equal("/DLD5\\20000000000001\r\n", ReadSevenEvenOneLine(client));
            WriteSevenEvenOne(client, "\u000605" + "0\r\n");
            await Task.Delay(400);
            Assert.Equal(ModeEState.SignOn, port.State);
            Assert.Equal(300, TermiosSpeed(pty.ServerPath));

            // Then a real one, with the address: HDLC at 4800 Bd (slower than the 9600 offered).
            WriteSevenEvenOne(client, "/?0000000000001!\r\n");
            Assert.Equal("/DLD5\\20000000000001\r\n", ReadSevenEvenOneLine(client));
            WriteSevenEvenOne(client, "\u0006242\r\n");
            Assert.Equal("\u0006242\r\n", ReadSevenEvenOneLine(client));
            await WaitAsync(() => port.State == ModeEState.Hdlc, "the switch to HDLC");
            Assert.Equal(4800, TermiosSpeed(pty.ServerPath));
            Assert.False(line.SoftwareParity);
            client.BaudRate = 4800;

            byte[] ua = Exchange(client, ClientFrame.Build(HdlcControl.SetNormalResponseMode));
            Assert.Equal(0x73, DecodedFrame.Parse(ua).Control);
            byte[] discUa = Exchange(client, ClientFrame.Build(HdlcControl.Disconnect));
            Assert.Equal(0x73, DecodedFrame.Parse(discUa).Control);

            await WaitAsync(() => port.State == ModeEState.SignOn, "the line back at sign-on after DISC");
            Assert.Equal(300, TermiosSpeed(pty.ServerPath));
            Assert.True(line.SoftwareParity);
        }

        private static string Settings(ISerialLine line) =>
            line.BaudRate + (line.Format == SerialCharacterFormat.SevenEvenOne ? " 7E1" : " 8N1");

        // The speed the pty's termios holds (data bits and parity of a pty mean nothing).
        private static int TermiosSpeed(string path)
        {
            var info = new ProcessStartInfo("stty", "-F " + path + " -a") { RedirectStandardOutput = true, UseShellExecute = false };
            using Process stty = Process.Start(info)!;
            string text = stty.StandardOutput.ReadToEnd();
            stty.WaitForExit();
            int speed = text.IndexOf("speed ", StringComparison.Ordinal);
            return int.Parse(text.Substring(speed + 6, text.IndexOf(' ', speed + 6) - speed - 6), System.Globalization.CultureInfo.InvariantCulture);
        }

        // 7E1 characters on an 8N1 line: bit 7 = even parity of bits 0..6.
        private static void WriteSevenEvenOne(SerialPort port, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = SerialByteChannel.WithEvenParity(bytes[i]);
            }
            port.Write(bytes, 0, bytes.Length);
        }

        // Reads raw bytes up to LF; each must carry even parity in bit 7 (7E1 on the wire).
        private static string ReadSevenEvenOneLine(SerialPort port)
        {
            var line = new StringBuilder();
            while (true)
            {
                int b = port.ReadByte();
                Assert.True(System.Numerics.BitOperations.PopCount((uint)b) % 2 == 0, "character " + b.ToString("X2") + " has odd parity");
                line.Append((char)(b & 0x7F));
                if ((b & 0x7F) == 0x0A)
                {
                    return line.ToString();
                }
            }
        }

        // Writes a frame and reads the answering frame (flag to flag, by its length field).
        private static byte[] Exchange(SerialPort port, byte[] frame)
        {
            port.Write(frame, 0, frame.Length);
            while (port.ReadByte() != 0x7E)
            {
            }
            int b1 = port.ReadByte();
            int b2 = port.ReadByte();
            int length = ((b1 & 0x07) << 8) | b2;
            byte[] answer = new byte[length + 2];
            answer[0] = 0x7E;
            answer[1] = (byte)b1;
            answer[2] = (byte)b2;
            for (int i = 3; i < answer.Length; i++)
            {
                answer[i] = (byte)port.ReadByte();
            }
            return answer;
        }

        private static async Task WaitAsync(Func<bool> condition, string what)
        {
            Stopwatch watch = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.True(watch.Elapsed < MeterHarness.Timeout, "timed out waiting for " + what);
                await Task.Delay(20);
            }
        }
    }
}
