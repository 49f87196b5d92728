using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;
using Microsoft.Win32.SafeHandles;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// The serial transport (System.IO.Ports) against a scripted server on the master side of a
    /// Linux pseudo-terminal; System.IO.Ports puts the slave side into raw mode itself.
    /// </summary>
    public class SerialPtyTests
    {
        private const int O_RDWR = 2;
        private const int O_NOCTTY = 0x100;

        [DllImport("libc", SetLastError = true)]
        private static extern int posix_openpt(int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int grantpt(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern int unlockpt(int fd);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr ptsname(int fd);

        [Fact]
        public async Task Serial_HdlcSessionOverPty_IsByteExact()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }
            int master = posix_openpt(O_RDWR | O_NOCTTY);
            Assert.True(master >= 0, "posix_openpt failed: " + Marshal.GetLastPInvokeError());
            Assert.Equal(0, grantpt(master));
            Assert.Equal(0, unlockpt(master));
            string slave = Marshal.PtrToStringAnsi(ptsname(master))!;
            using var stream = new FileStream(new SafeFileHandle((IntPtr)master, ownsHandle: true), FileAccess.ReadWrite, 1);
            var received = new List<string>();
            Task script = Task.Factory.StartNew(() => ScriptedServer.Play(stream, new[]
            {
                ScriptStep.Of(TestFrames.TraceA_Snrm, TestFrames.TraceA_Ua),
                ScriptStep.Of(TestFrames.TraceA_Aarq, TestFrames.TraceA_Aare),
                ScriptStep.Of(TestFrames.TraceD_GetValue, TestFrames.TraceD_Value),
                ScriptStep.Of(TestFrames.TraceD_GetScaler, TestFrames.TraceD_Scaler),
                ScriptStep.Of(TestFrames.ToServer(0x76, Hex.Parse("E6 E6 00 62 03 80 01 00")), TestFrames.FromServer(0x96, Hex.Parse("E6 E7 00 63 03 80 01 00"))),
                ScriptStep.Of(TestFrames.TraceD_Disc, TestFrames.TraceD_Ua),
            }, received), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

            await using (DlmsClient client = await DlmsClient.ConnectAsync(new DlmsClientOptions { Transport = TransportKind.Serial, SerialPort = slave, BaudRate = 9600 }))
            {
                await client.AssociateAsync();
                ScaledValue energy = await client.GetScaledAsync(CosemAttribute.Parse("1.0.1.8.0.255:3:2"));
                await client.ReleaseAsync();
                await client.DisconnectAsync();

                Assert.Equal("12345 Wh", energy.ToString());
            }
            await script;
            Assert.Equal(6, received.Count);
        }
    }
}
