using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using DlmsDevice.Benchmarks.NanoHeap;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// <c>--startup</c>, first table: the default meter as a device runs it, with the device
    /// defaults (<see cref="MeterDeviceSettings"/>: the portable <see cref="DefaultMeterModel"/>,
    /// its record store, the server and the channel slots built the way <see cref="MeterDevice"/>
    /// builds them: one serial HDLC channel and two TCP channels, each warmed up through its link
    /// by an association and a GET), measured two ways: the bytes desktop .NET allocated, and the
    /// nanoCLR heap the same objects take on an ESP32 (<see cref="NanoHeapWalker"/>), against the
    /// budget of docs/benchmarks.md. Then the start-up garbage on the device
    /// (<see cref="StartupGarbage"/>).
    /// </summary>
    /// <remarks>
    /// The hardware behind the HAL interfaces is the simulation here; on a device it is the
    /// platform's own objects, so it is not charged (its types are listed).
    /// </remarks>
    internal static class DeviceStartup
    {
        /// <summary>ESP32 budgets in bytes (docs/benchmarks.md).</summary>
        public const int ModelBudget = 40 * 1024;
        public const int ChannelBudget = 8 * 1024;
        public const int TotalBudget = 64 * 1024;
        public const int GarbageBudget = 10 * 1024;

        private sealed class Device
        {
            public readonly MeterDeviceSettings Settings = new MeterDeviceSettings();
            public DefaultMeterModel Model = null!;
            public SlottedRecordStore Store = null!;
            public DlmsServer Server = null!;
            public ChannelSettings? ChannelSettings;
            public long MediumBytes;
            public readonly List<object> Channels = new List<object>();
        }

        private static readonly ChannelKind[] Kinds = { ChannelKind.SerialHdlc, ChannelKind.TcpWrapper, ChannelKind.TcpHdlc };

        // The client's side of the warm-up (AARQ of the public client, GET of the energy
        // register), built once outside the measured constructions: not the device's garbage.
        private static readonly byte[][] s_wrapperWarmUp =
        {
            WrapperFrame(DefaultMeterModel.PublicClientSap, Hex.Parse(Apdus.AarqPublic)),
            WrapperFrame(DefaultMeterModel.PublicClientSap, Hex.Parse(Apdus.GetRegisterValue)),
        };

        private static readonly byte[][] s_hdlcWarmUp =
        {
            ClientFrames.Build(HdlcControl.SetNormalResponseMode, null, DefaultMeterModel.PublicClientSap),
            ClientFrames.Information(0, 0, Hex.Parse(Apdus.AarqPublic), DefaultMeterModel.PublicClientSap),
            ClientFrames.Information(1, 1, Hex.Parse(Apdus.GetRegisterValue), DefaultMeterModel.PublicClientSap),
        };

        public static int Run(TextWriter output)
        {
            SimulatedMeterHardware hardware = CreateHardware();
            Build(hardware, 3); // once cold: type loading and static initialisation are not the device's reservation
            var rows = new List<(string Name, long Desktop, long Nano, int Budget, string Top)>();
            var device = new Device();
            string[] channels = { "Serial HDLC channel (DeviceChannel: session + HdlcServerLink)", "TCP wrapper channel (DeviceChannel: session + WrapperServerChannel)", "TCP HDLC channel (DeviceChannel: session + HdlcServerLink)" };
            var desktop = new long[2 + channels.Length];
            long mark = GC.GetAllocatedBytesForCurrentThread();
            BuildModel(device, hardware);
            desktop[0] = Step(ref mark) - device.MediumBytes;
            BuildServer(device);
            desktop[1] = Step(ref mark);
            for (int i = 0; i < channels.Length; i++)
            {
                AddChannel(device, hardware, Kinds[i]);
                desktop[2 + i] = Step(ref mark);
            }

            // The walker charges each object once: every component is charged for what it adds.
            var walker = NanoHeapWalker.ForDlmsDevice();
            long nano = walker.Add(device.Model) + walker.Add(device.Store);
            rows.Add(("Default meter model (DefaultMeterModel, engine, " + device.Model.Device.Objects.Count + " objects, profiles "
                + device.Model.Engine.LoadProfile.ProfileEntries + "/" + device.Model.Engine.DailyProfile.ProfileEntries + "/"
                + device.Model.Engine.EventLog.ProfileEntries + " rows) + record store", desktop[0], nano, ModelBudget, TopAndClear(walker)));
            nano = walker.Add(device.Server);
            rows.Add(("Server (directory, DlmsServer)", desktop[1], nano, 0, TopAndClear(walker)));
            nano = walker.AddStatics();
            rows.Add(("Static fields of the portable assemblies (lookup tables, shared objects)", 0, nano, 0, TopAndClear(walker)));
            for (int i = 0; i < channels.Length; i++)
            {
                nano = walker.Add(device.Channels[i]);
                rows.Add((channels[i], desktop[2 + i], nano, ChannelBudget, TopAndClear(walker)));
            }

            long totalDesktop = 0;
            long totalNano = 0;
            output.WriteLine("Default meter, device defaults: desktop .NET " + Environment.Version + " (bytes allocated) and ESP32 estimate (nanoCLR heap, 12-byte blocks)");
            output.WriteLine();
            output.WriteLine("| Component | Desktop allocated | ESP32 estimate | ESP32 budget |");
            output.WriteLine("|---|---:|---:|---:|");
            foreach ((string name, long d, long n, int budget, string _) in rows)
            {
                totalDesktop += d;
                totalNano += n;
                output.WriteLine("| " + name + " | " + Format(d) + " | " + Format(n) + " | " + (budget > 0 ? "<= " + Format(budget) + Verdict(n, budget) : "") + " |");
            }
            output.WriteLine("| **Meter + 1 serial HDLC + 2 TCP channels** | **" + Format(totalDesktop) + "** | **" + Format(totalNano) + "** | <= " + Format(TotalBudget) + Verdict(totalNano, TotalBudget) + " |");

            StartupGarbage.Report garbage = StartupGarbage.Measure(() => Build(hardware, channels.Length));
            output.WriteLine("| Start-up garbage (unreachable after start-up: temporaries; desktop " + Format(garbage.DesktopBytes) + " B in " + garbage.Objects + " objects) | | " + Format(garbage.NanoBytes) + " | <= " + Format(GarbageBudget) + Verdict(garbage.NanoBytes, GarbageBudget) + " |");
            output.WriteLine();
            foreach ((string name, long _, long _, int _, string top) in rows)
            {
                output.WriteLine("- " + name + ": " + top);
            }
            output.WriteLine("Largest garbage: " + string.Join(", ", Top(garbage.ByType, 6)));
            output.WriteLine("Not charged (platform objects behind HAL interfaces): " + string.Join(", ", walker.PlatformTypes));
            if (walker.ApproximatedTypes.Count > 0)
            {
                output.WriteLine("Charged with the class rule (mscorlib classes): " + string.Join(", ", walker.ApproximatedTypes));
            }
            output.WriteLine();
            bool within = totalNano <= TotalBudget && garbage.NanoBytes <= GarbageBudget;
            foreach ((string _, long _, long n, int budget, string _) in rows)
            {
                within &= budget == 0 || n <= budget;
            }
            within &= Firmware(output);
            GC.KeepAlive(device);
            return within ? 0 : 1;
        }

        /// <summary>
        /// The ESP32 firmware as it starts with its default settings and Wi-Fi: <see cref="FirmwareHost"/>
        /// (settings, the meter through <see cref="Runtime.MeterDevice"/>, RS-485, the optical port,
        /// two TCP wrapper connections, the watchdog) on a board of inert parts. The whole graph
        /// the firmware holds is charged, the board's parts are not.
        /// </summary>
        private static bool Firmware(TextWriter output)
        {
            var settings = new DlmsDevice.Firmware.FirmwareSettings { WifiSsid = "meters", WifiPassword = "wifi-password" };
            var host = new DlmsDevice.Firmware.FirmwareHost(settings, new BenchmarkBoard());
            host.Start();
            var walker = NanoHeapWalker.ForDlmsDevice();
            long nano = walker.Add(host) + walker.AddStatics();
            output.WriteLine("ESP32 firmware with its default settings and Wi-Fi (FirmwareHost: the meter, RS-485, the optical port, "
                + host.Device.WrapperChannels.Capacity + " TCP wrapper connections, watchdog), statics included: "
                + Format(nano) + " bytes (budget " + Format(TotalBudget) + Verdict(nano, TotalBudget) + ")");
            output.WriteLine("- " + TopAndClear(walker));
            output.WriteLine();
            return nano <= TotalBudget;
        }

        private static Device Build(SimulatedMeterHardware hardware, int channels)
        {
            var device = new Device();
            BuildModel(device, hardware);
            BuildServer(device);
            for (int i = 0; i < channels; i++)
            {
                AddChannel(device, hardware, Kinds[i]);
            }
            return device;
        }

        private static string TopAndClear(NanoHeapWalker walker)
        {
            string top = string.Join(", ", Top(walker.ByType(), 6));
            walker.ClearByType();
            return top;
        }

        private static SimulatedMeterHardware CreateHardware()
        {
            return new SimulatedMeterHardware(new SimulatedMeterSettings { Seed = 1, ImpulsesPerKwh = 1000 });
        }

        private static void BuildModel(Device device, SimulatedMeterHardware hardware)
        {
            SimulatedMeterSettings h = hardware.Settings;
            var configuration = new MeterConfiguration(hardware.Clock)
            {
                PulseChannels = new[] { new PulseChannel(hardware.ActiveEnergyPulses, 1000, EnergyDirection.Import) },
                Voltage = new AnalogChannel(hardware.Voltage, AnalogQuantity.Voltage, h.VoltageGain, 0, Unit.Volt, -1),
                Current = new AnalogChannel(hardware.Current, AnalogQuantity.Current, h.CurrentGain, 0, Unit.Ampere, -2),
                CoverOpen = hardware.CoverOpen,
                PowerFail = hardware.PowerFail,
                Relay = hardware.Relay,
            };
            device.Model = new DefaultMeterModel(configuration, device.Settings.Meter);
            MeterEngine engine = device.Model.Engine;
            // The medium stands for the device's flash: its RAM here is not the device's.
            long before = GC.GetAllocatedBytesForCurrentThread();
            var medium = new MemoryStorageMedium(engine.RequiredRecordCount, engine.RequiredPayloadLength + RecordSlotFormat.HeaderLength);
            device.MediumBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            device.Store = new SlottedRecordStore(medium, engine.RequiredRecordCount, engine.RequiredPayloadLength);
            engine.Start(device.Store);
        }

        private static void BuildServer(Device device)
        {
            device.Server = MeterDevice.CreateServer(device.Model, device.Settings);
        }

        // A channel slot as the device holds it (MeterDevice's pools), warmed up through its link
        // by the public client's association and a GET of the energy register: the link's own
        // buffers carry the exchange, as on the device.
        private static void AddChannel(Device device, SimulatedMeterHardware hardware, ChannelKind kind)
        {
            // One settings object for every slot, as MeterDevice does (the links copy what they need).
            device.ChannelSettings ??= MeterDevice.CreateChannelSettings(device.Model, device.Settings);
            var channel = new DeviceChannel(kind, device.Server.CreateSession(), device.Model.SyncRoot, device.ChannelSettings, hardware.Clock);
            var sink = new CountingSink();
            channel.Attach(sink);
            foreach (byte[] frame in kind == ChannelKind.TcpWrapper ? s_wrapperWarmUp : s_hdlcWarmUp)
            {
                channel.Receive(frame, 0, frame.Length);
            }
            if (!channel.IsAssociated || sink.Frames == 0)
            {
                throw new InvalidOperationException("the warm-up did not associate: " + kind);
            }
            device.Channels.Add(channel);
        }

        private static byte[] WrapperFrame(int clientSap, byte[] apdu)
        {
            var frame = new byte[WrapperHeader.Size + apdu.Length];
            WrapperHeader.Write(frame, 0, clientSap, 1, apdu.Length);
            Array.Copy(apdu, 0, frame, WrapperHeader.Size, apdu.Length);
            return frame;
        }

        private static IEnumerable<string> Top(IEnumerable<(string Type, int Count, long Bytes)> items, int count)
        {
            int n = 0;
            foreach ((string type, int c, long bytes) in items)
            {
                if (n++ == count)
                {
                    yield break;
                }
                yield return type + " x" + c + " " + Format(bytes);
            }
        }

        private static long Step(ref long mark)
        {
            long now = GC.GetAllocatedBytesForCurrentThread();
            long bytes = now - mark;
            mark = now;
            return bytes;
        }

        private static string Verdict(long value, int budget)
        {
            return value <= budget ? " (ok)" : " (**over**)";
        }

        private static string Format(long value)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }
    }
}
