using System;
using System.IO;
using System.Threading;
using DlmsDevice.Firmware;
using nanoFramework.Runtime.Native;

namespace DlmsDevice.Esp32
{
    /// <summary>
    /// The ESP32 firmware: reads I:\dlmsdevice.conf (docs/esp32.md), builds the meter through
    /// the portable entry point (<see cref="FirmwareHost"/> over <see cref="DlmsDevice.Runtime.MeterDevice"/>)
    /// on the board's parts, and serves RS-485, the optical port and Wi-Fi from one loop. A
    /// missing or bad settings file gives a clear message on the debug output and the safe
    /// defaults (serial lines only, no radio). A loop that stops turning reboots the device.
    /// </summary>
    public static class Program
    {
        /// <summary>The settings file on the internal flash drive.</summary>
        public const string SettingsPath = "I:\\dlmsdevice.conf";

        // How often the watchdog timer looks at the loop (ms).
        private const int WatchdogCheckMilliseconds = 2000;

        private static FirmwareHost s_host;

        // Held here so the collector keeps the timer.
        private static Timer s_watchdog;

        /// <summary>Entry point (nanoCLR calls it after boot).</summary>
        public static void Main()
        {
            Esp32Board board = new Esp32Board();
            byte[] file = ReadSettings(board);
            SettingsFile settings = SettingsFile.Parse(file, file == null ? 0 : file.Length);
            string[] report = settings.Report();
            for (int i = 0; i < report.Length; i++)
            {
                board.Log(report[i]);
            }
            s_host = StartHost(settings.Settings, board);
            if (s_host.Watchdog != null)
            {
                s_watchdog = new Timer(CheckWatchdog, null, WatchdogCheckMilliseconds, WatchdogCheckMilliseconds);
            }
            while (true)
            {
                s_host.RunOnce();
                Thread.Sleep(1);
            }
        }

        // Settings that pass the file's checks can still be refused by the meter model (a key the
        // model rejects): then the safe defaults.
        private static FirmwareHost StartHost(FirmwareSettings settings, Esp32Board board)
        {
            try
            {
                FirmwareHost host = new FirmwareHost(settings, board);
                host.Start();
                return host;
            }
            catch (ArgumentException)
            {
                board.Log("settings: refused by the meter model: using the SAFE DEFAULTS (serial lines only, no radio)");
                FirmwareHost host = new FirmwareHost(new FirmwareSettings(), board);
                host.Start();
                return host;
            }
        }

        private static byte[] ReadSettings(Esp32Board board)
        {
            try
            {
                return File.Exists(SettingsPath) ? File.ReadAllBytes(SettingsPath) : null;
            }
            catch (Exception)
            {
                board.Log("settings: " + SettingsPath + " cannot be read");
                return null;
            }
        }

        private static void CheckWatchdog(object state)
        {
            FirmwareHost host = s_host;
            if (host != null && s_watchdog != null && host.Watchdog.IsExpired(Environment.TickCount64))
            {
                System.Diagnostics.Debug.WriteLine("watchdog: the main loop stopped turning: rebooting");
                Power.RebootDevice();
            }
        }
    }
}
