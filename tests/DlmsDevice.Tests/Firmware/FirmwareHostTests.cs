using System;
using System.Linq;
using DlmsDevice.Firmware;
using DlmsDevice.Hal;
using DlmsDevice.Runtime;
using DlmsDevice.Runtime.Optical;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Hdlc;
using DlmsDevice.Tests.Optical;
using DlmsDevice.Tests.Runtime;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Firmware
{
    /// <summary>
    /// The Program's wiring (<see cref="FirmwareHost"/>) on simulated parts behind the ESP32
    /// board's seams: which UARTs, pins and speeds it opens, HDLC on RS-485, the optical sign-on,
    /// Wi-Fi and the TCP wrapper, the pulse counter read by the poll, the power-fail checkpoint,
    /// the watchdog, and what reaches the debug output.
    /// </summary>
    public sealed class FirmwareHostTests
    {
        private static (FirmwareHost Host, SimulatedBoard Board) Start(Action<FirmwareSettings>? configure = null)
        {
            var settings = new FirmwareSettings();
            configure?.Invoke(settings);
            var board = new SimulatedBoard();
            var host = new FirmwareHost(settings, board);
            host.Start();
            return (host, board);
        }

        [Fact]
        public void Start_SafeDefaults_Rs485AndOpticalOpenedNoRadio()
        {
            var (host, board) = Start();

            Assert.Equal(new[] { "COM2 TX 17 RX 16 RTS 4 9600 RS485", "COM3 TX 25 RX 26 RTS -1 300" }, board.UartOpens);
            Assert.Empty(board.WifiJoined);
            Assert.Empty(board.Listeners);
            Assert.NotNull(host.Rs485Channel);
            Assert.IsType<OpticalPort>(host.OpticalChannel!.Connection);
            Assert.Equal(2, host.Device.SerialChannels.Capacity);
            Assert.Equal(0, host.Device.HdlcChannels.Capacity);
            Assert.Contains(board.Lines, l => l.Contains("TEST KEYS"));
            Assert.NotNull(host.Watchdog);
        }

        [Fact]
        public void Rs485_SnrmThroughTheLoop_UaOnCom2()
        {
            var (host, board) = Start(s => s.Rs485.TurnaroundMilliseconds = 0);
            FakeSerialLine com2 = board.Uarts["COM2"];

            com2.Feed(ClientFrame.Build(HdlcControl.SetNormalResponseMode));
            host.RunOnce();

            string ua = Assert.Single(com2.TakeWrites());
            Assert.Contains(" 73 ", ua);
            Assert.True(((HdlcServerLink)host.Rs485Channel!.Link).IsConnected);
        }

        [Fact]
        public void Rs485_EchoingTransceiver_OwnUaDropped_NextFrameAnswered()
        {
            var (host, board) = Start(s => { s.Rs485.Echo = true; s.Rs485.TurnaroundMilliseconds = 0; });
            FakeSerialLine com2 = board.Uarts["COM2"];
            com2.Feed(ClientFrame.Build(HdlcControl.SetNormalResponseMode));
            host.RunOnce();
            byte[] ua = Hex.Parse(com2.TakeWrites()[0].Substring("9600 8N1: ".Length));

            com2.Feed(ua);                                        // the transceiver hears its own UA
            com2.Feed(ClientFrame.Build(HdlcControl.Disconnect)); // then the client's DISC
            host.RunOnce();

            Assert.Single(com2.TakeWrites()); // the UA to DISC, nothing for the echo
            Assert.False(((HdlcServerLink)host.Rs485Channel!.Link).IsConnected);
        }

        [Fact]
        public void Optical_SignOnThroughTheLoop_SwitchesTo9600()
        {
            var (host, board) = Start();
            FakeSerialLine com3 = board.Uarts["COM3"];
            var port = (OpticalPort)host.OpticalChannel!.Connection;

            com3.Feed("2F 3F 21 0D 0A");
            host.RunOnce();
            board.ManualClock.Advance(200);
            host.RunOnce();
            Assert.Equal("300 7E1: /DLD5\\20000000000001\r\n", Ascii(com3.TakeWrites().Single()));
            com3.Feed("06 32 35 32 0D 0A");
            host.RunOnce();
            board.ManualClock.Advance(200);
            host.RunOnce();

            Assert.Equal(ModeEState.Hdlc, port.State);
            Assert.Equal("9600 8N1", com3.Now);
        }

        [Fact]
        public void Wifi_Joined_WrapperConnectionAcceptedAndAnswered()
        {
            var (host, board) = Start(s => { s.WifiSsid = "meters"; s.WifiPassword = "pw"; });
            var connection = new PipeChannel();
            board.Listeners[4059].Waiting.Enqueue(connection);
            connection.Feed(DeviceRig.Wrapper(DeviceRig.AarqPublic));

            host.RunOnce();

            Assert.Equal(new[] { "meters" }, board.WifiJoined);
            Assert.Equal(1, board.TimeSyncs);
            Assert.True(host.NetworkUp);
            Assert.Contains("A2 03 02 01 00", connection.Written.Single()); // AARE accepted
            Assert.Equal(1, host.Device.WrapperChannels.AttachedCount);
        }

        [Fact]
        public void Wifi_AllSlotsAssociated_NewConnectionClosed()
        {
            var (host, board) = Start(s => { s.WifiSsid = "meters"; s.TcpConnections = 1; });
            var first = new PipeChannel();
            board.Listeners[4059].Waiting.Enqueue(first);
            first.Feed(DeviceRig.Wrapper(DeviceRig.AarqPublic));
            host.RunOnce();
            var second = new PipeChannel();
            board.Listeners[4059].Waiting.Enqueue(second);

            host.RunOnce();

            Assert.True(second.Closed);
            Assert.False(first.Closed);
        }

        [Fact]
        public void Wifi_JoinFails_LoggedAndServingSerialOnly()
        {
            var settings = new FirmwareSettings { WifiSsid = "meters" };
            var board = new SimulatedBoard { WifiJoins = false };
            var host = new FirmwareHost(settings, board);

            host.Start();
            host.RunOnce();

            Assert.False(host.NetworkUp);
            Assert.Empty(board.Listeners);
            Assert.Contains("Wi-Fi: not connected; serving the serial lines only", board.Lines);
            Assert.NotNull(host.Rs485Channel);
        }

        [Fact]
        public void BadSettingsFile_HostStartsWithSafeDefaults_NoRadioAttempted()
        {
            byte[] file = System.Text.Encoding.ASCII.GetBytes("wifi.ssid = meters\nwifi.password = pw\nrs485.baud = 7\n");
            SettingsFile parsed = SettingsFile.Parse(file, file.Length);
            var board = new SimulatedBoard();

            var host = new FirmwareHost(parsed.Settings, board);
            host.Start();

            Assert.True(parsed.UsesSafeDefaults);
            Assert.Empty(board.WifiJoined);
            Assert.Equal(2, board.UartOpens.Count);
        }

        [Fact]
        public void Pulses_16BitHardwareCountAcrossTheWrap_EnergyFromThePoll()
        {
            var (host, board) = Start(s => s.PulseConstant = 1000);
            board.PulseHardware = 65530;
            host.RunOnce();                           // the poll takes the baseline
            long before = host.Device.Engine.PublishedEnergyImportMilliWh;
            int polls = board.Polls;

            board.PulseHardware = 65536 + 20;         // 26 pulses, the 16-bit counter wrapped
            board.ManualClock.Advance(FirmwareHost.TickIntervalMilliseconds);
            host.RunOnce();
            host.Device.Engine.RequestCheckpoint();
            board.ManualClock.Advance(FirmwareHost.TickIntervalMilliseconds);
            host.RunOnce();

            Assert.True(board.Polls > polls);
            Assert.Equal(26, board.Pulses!.Count);
            Assert.Equal(before + 26_000, host.Device.Engine.PublishedEnergyImportMilliWh); // 1000 imp/kWh: 1 Wh a pulse
        }

        [Fact]
        public void PowerFail_Edge_NextTurnPollsTicksAndCheckpointsAtOnce()
        {
            var (host, board) = Start();
            host.RunOnce();
            board.ManualClock.Advance(10); // well inside the tick interval
            host.RunOnce();
            int events = host.Device.Engine.EventLog.EntriesInUse;
            int writes = board.Medium.WriteCount;
            int polls = board.Polls;

            board.Inputs[33].Raise(true, board.ManualClock.Utc);
            host.RunOnce();

            Assert.Equal(events + 1, host.Device.Engine.EventLog.EntriesInUse); // power-down logged
            Assert.True(board.Medium.WriteCount > writes, "no checkpoint written");
            Assert.Equal(polls + 1, board.Polls);
        }

        [Fact]
        public void Watchdog_FedEveryTurn_ExpiresWhenTheLoopStops()
        {
            var (host, board) = Start(s => s.WatchdogSeconds = 5);
            LoopWatchdog watchdog = host.Watchdog!;

            board.ManualClock.Advance(4000);
            host.RunOnce();
            board.ManualClock.Advance(4999);
            Assert.False(watchdog.IsExpired(board.ManualClock.Mono));
            board.ManualClock.Advance(1);

            Assert.True(watchdog.IsExpired(board.ManualClock.Mono));
            Assert.Null(Start(s => s.WatchdogSeconds = 0).Host.Watchdog);
        }

        [Fact]
        public void DebugOutput_RealKeysAndPasswords_NeverPrinted()
        {
            byte[] ak = Convert.FromHexString("3F1A9C22D0E14B6A8B7C5D4E3F2A1B0C");
            var (host, board) = Start(s =>
            {
                s.AuthenticationKey = ak;
                s.BlockCipherKey = ak;
                s.MasterKey = ak;
                s.Password = "s3cr3t-LLS-pw";
                s.WifiSsid = "meters";
                s.WifiPassword = "wifi-pa55word!";
            });
            var settingsLines = new FirmwareSettings { AuthenticationKey = ak, Password = "s3cr3t-LLS-pw", WifiSsid = "meters", WifiPassword = "wifi-pa55word!" }.Describe();

            string all = string.Join("\n", board.Lines.Concat(settingsLines));

            Assert.DoesNotContain("3F1A9C22", all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("s3cr3t", all);
            Assert.DoesNotContain("pa55word", all);
            Assert.DoesNotContain(board.Lines, l => l.Contains("TEST KEYS"));
        }

        [Fact]
        public void RunOnce_AfterWarmUp_AllocatesNothing()
        {
            var (host, board) = Start(s => { s.WifiSsid = "meters"; s.Rs485.TurnaroundMilliseconds = 0; });
            FakeSerialLine com2 = board.Uarts["COM2"];
            com2.Record = false;
            byte[] snrm = ClientFrame.Build(HdlcControl.SetNormalResponseMode);
            byte[] disc = ClientFrame.Build(HdlcControl.Disconnect);

            void Turns()
            {
                for (int i = 0; i < 10; i++)
                {
                    com2.Feed(snrm);
                    host.RunOnce();
                    com2.Feed(disc);
                    board.ManualClock.Advance(60);
                    host.RunOnce();
                }
            }

            Turns();
            long before = GC.GetAllocatedBytesForCurrentThread();
            Turns();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
        }

        private static string Ascii(string write)
        {
            int colon = write.IndexOf(':');
            byte[] bytes = Hex.Parse(write.Substring(colon + 1));
            return write.Substring(0, colon + 2) + System.Text.Encoding.ASCII.GetString(bytes);
        }
    }
}
