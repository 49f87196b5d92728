using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using DlmsDevice.Benchmarks.NanoHeap;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// <c>--startup</c>, first table: the default meter as a device runs it, with the device
    /// defaults (the portable <see cref="DefaultMeterModel"/>, its record store, the server, one
    /// serial HDLC channel and two TCP channels, each channel warmed up by an association and a
    /// GET), measured two ways: the bytes desktop .NET allocated, and the nanoCLR heap the same
    /// objects take on an ESP32 (<see cref="NanoHeapWalker"/>), against the budget of
    /// docs/benchmarks.md. Then the start-up garbage on the device (<see cref="StartupGarbage"/>).
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
            public DefaultMeterModel Model = null!;
            public SlottedRecordStore Store = null!;
            public DlmsServer Server = null!;
            public long MediumBytes;
            public readonly List<object> Channels = new List<object>();
        }

        public static int Run(TextWriter output)
        {
            SimulatedMeterHardware hardware = CreateHardware();
            Build(hardware, 3); // once cold: type loading and static initialisation are not the device's reservation
            var rows = new List<(string Name, long Desktop, long Nano, int Budget, string Top)>();
            var device = new Device();
            string[] channels = { "Serial HDLC channel (session + HdlcServerLink)", "TCP wrapper channel (session + WrapperServerChannel)", "TCP HDLC channel (session + HdlcServerLink)" };
            var desktop = new long[2 + channels.Length];
            long mark = GC.GetAllocatedBytesForCurrentThread();
            BuildModel(device, hardware);
            desktop[0] = Step(ref mark) - device.MediumBytes;
            BuildServer(device);
            desktop[1] = Step(ref mark);
            for (int i = 0; i < channels.Length; i++)
            {
                AddChannel(device, i == 1);
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
            GC.KeepAlive(device);
            return within ? 0 : 1;
        }

        private static Device Build(SimulatedMeterHardware hardware, int channels)
        {
            var device = new Device();
            BuildModel(device, hardware);
            BuildServer(device);
            for (int i = 0; i < channels; i++)
            {
                AddChannel(device, i == 1);
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
            device.Model = new DefaultMeterModel(configuration, new DefaultMeterModelSettings());
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
            var directory = new LogicalDeviceDirectory();
            directory.Add(device.Model.Device);
            var limits = new ServerLimits();
            limits.MaxReceivePdu = device.Model.Settings.MaxApduSize;
            device.Server = new DlmsServer(directory, limits);
        }

        // A channel as the device holds it: the session and its link, warmed up by the public
        // client's association and a GET of the energy register.
        private static object AddChannel(Device device, bool wrapper)
        {
            ApplicationSession session = device.Server.CreateSession();
            var sink = new CountingSink();
            object link = wrapper
                ? new WrapperServerChannel(device.Model.Settings.MaxApduSize, session, sink)
                : new HdlcServerLink(new HdlcSettings(), session, sink);
            byte[] aarq = Hex.Parse(Apdus.AarqPublic);
            byte[] get = Hex.Parse(Apdus.GetRegisterValue);
            var response = new byte[2048];
            session.HandleApdu(DefaultMeterModel.PublicClientSap, 1, aarq, 0, aarq.Length, response, 0, response.Length, out _);
            if (session.HandleApdu(DefaultMeterModel.PublicClientSap, 1, get, 0, get.Length, response, 0, response.Length, out _) == 0)
            {
                throw new InvalidOperationException("no answer to the warm-up GET");
            }
            var channel = new object[] { session, link };
            device.Channels.Add(channel);
            return channel;
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
