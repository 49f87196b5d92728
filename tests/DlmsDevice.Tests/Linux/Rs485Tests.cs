using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Linux;
using DlmsDevice.LinuxMeter.Board;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Linux.Fakes;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>
    /// RS-485 on a Linux board: the kernel's RS-485 mode asked of a device without it (a pty
    /// answers ENOTTY, as a UART driver without it does), and a GPIO driver-enable line around
    /// every frame of a whole HDLC session over a socat pty pair.
    /// </summary>
    public sealed class Rs485Tests
    {
        private const int DePin = 18;

        [SocatFact]
        public void KernelMode_OnAPty_NotSupportedByThisDevice()
        {
            using SocatPtyPair pty = SocatPtyPair.Start(SocatPtyPair.FindSocat()!);

            Assert.Equal("not supported by this device (ENOTTY)", KernelRs485.Enable(pty.ServerPath, true, 0, 0));
            Assert.Equal("not supported by this device (ENOTTY)", KernelRs485.Read(pty.ServerPath, out _));
        }

        [Fact]
        public void KernelMode_MissingDevice_Missing()
        {
            Assert.Equal("missing", KernelRs485.Enable("/dev/ttyDLMS-nonexistent", true, 0, 0));
        }

        [SocatFact]
        public void BoardWithKernelModeOnAPty_OpenFailsNamingTheDeviceAndTheWayOut()
        {
            using SocatPtyPair pty = SocatPtyPair.Start(SocatPtyPair.FindSocat()!);
            using LinuxMeterTestKit kit = new LinuxMeterTestKit("{ \"rs485\": { \"device\": \"" + pty.ServerPath + "\" }, \"tcp\": { \"wrapperPort\": 0 } }");

            DeviceOpenException e = Assert.Throws<DeviceOpenException>(() => kit.StartAsync().GetAwaiter().GetResult());

            Assert.Equal(pty.ServerPath, e.Device);
            Assert.Equal("RS-485 mode cannot be set (not supported by this device (ENOTTY)): use \"driverEnable\": \"gpio\" with a DE line, or \"auto\" for a transceiver that switches itself", e.Reason);
        }

        [SocatFact]
        public async Task GpioDriverEnable_HdlcSessionOverThePty_DeHighAroundEveryFrameLowBetween()
        {
            using SocatPtyPair pty = SocatPtyPair.Start(SocatPtyPair.FindSocat()!);
            string board = "{ \"rs485\": { \"device\": \"" + pty.ServerPath + "\", \"baud\": 9600, \"driverEnable\": \"gpio\", \"dePin\": 18, \"turnaroundMs\": 2 }, \"tcp\": { \"wrapperPort\": 0 } }";
            using LinuxMeterTestKit kit = new LinuxMeterTestKit(board);
            await kit.StartAsync();

            DlmsClientOptions options = new DlmsClientOptions
            {
                Transport = TransportKind.Serial,
                SerialPort = pty.ClientPath,
                BaudRate = 9600,
                Timeout = LinuxMeterTestKit.Timeout,
            };
            await using (DlmsClient client = await kit.AssociateAsync(options))
            {
                Assert.Equal(DlmsValue.VisibleString("0000000000001"), await client.GetAsync(CosemAttribute.Parse("0.0.96.1.0.255:1:2")));
                await client.ReleaseAsync();
                await client.DisconnectAsync();
            }

            // The client has its last answer as soon as the bytes are in the pty; DE drops after the frame's time.
            await LinuxMeterTestKit.WaitForAsync(() => !kit.Devices.Gpio.Level(DePin), "DE low after the last frame");
            // Opened low (driver off), then high and low around every frame.
            var writes = kit.Devices.Gpio.Writes().Where(w => w.Pin == DePin).SkipWhile(w => !w.High).ToArray();
            // UA, AARE, GET response, RLRE, UA of the DISC: five frames at least, each DE high then low.
            int frames = writes.Count(w => w.High);
            Assert.True(frames >= 5, frames + " frames");
            Assert.False(writes[^1].High);
            // The shortest frame the meter sends (a UA without information field, 9 bytes) takes
            // 9.4 ms at 9600 Bd 10 bits a character; DE stays high at least that long.
            double shortest = double.MaxValue;
            for (int i = 1; i < writes.Length; i++)
            {
                Assert.NotEqual(writes[i - 1].High, writes[i].High);
                if (writes[i - 1].High)
                {
                    shortest = Math.Min(shortest, (writes[i].Timestamp - writes[i - 1].Timestamp) * 1000.0 / Stopwatch.Frequency);
                }
            }
            Assert.True(shortest >= 9.4, "DE high for " + shortest + " ms");
        }

        /// <summary>
        /// A frame written through the DE channel allocates nothing after warm-up (the serial line
        /// and the DE output are stand-ins: System.Device.Gpio's GpioController.Write allocates a
        /// dictionary node per write, which GpioOutput documents).
        /// </summary>
        [Fact]
        public void DriverEnable_Writes_AfterWarmUp_AllocateNothing()
        {
            CountingLine line = new CountingLine();
            RecordingOutput de = new RecordingOutput();
            DriverEnableChannel channel = new DriverEnableChannel(line, line.Pending, de, 921600);
            byte[] frame = new byte[20];
            channel.Write(frame, 0, frame.Length);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++)
            {
                channel.Write(frame, 0, frame.Length);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(51 * 20, line.Written);
            Assert.Equal(51, channel.Frames);
            Assert.Equal(1 + 2 * 51, de.Writes);
            Assert.False(de.Read());
        }

        [Fact]
        public void DriverEnable_ActiveLowGpioLine_HighWhenIdleLowWhileSending()
        {
            FakeGpioDriver driver = new FakeGpioDriver();
            using GpioController controller = new GpioController(driver);
            using GpioOutput de = new GpioOutput(controller, DePin, true, false);
            CountingLine line = new CountingLine();
            DriverEnableChannel channel = new DriverEnableChannel(line, line.Pending, de, 921600);

            channel.Write(new byte[4], 0, 4);

            Assert.True(driver.Level(DePin));
            Assert.Equal(new[] { false, true }, driver.Writes().Where(w => w.Pin == DePin).Select(w => w.High).TakeLast(2));
        }

        private sealed class RecordingOutput : IDigitalOutput
        {
            private bool _level;

            public int Writes;

            public int Pin => DePin;

            public bool Read() => _level;

            public void Write(bool level)
            {
                _level = level;
                Writes++;
            }
        }

        private sealed class CountingLine : IByteChannel
        {
            public readonly Func<int> Pending;
            public long Written;

            public CountingLine()
            {
                Pending = () => 0;
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;

            public void Write(byte[] buffer, int offset, int count) => Written += count;

            public void Close()
            {
            }
        }
    }
}
