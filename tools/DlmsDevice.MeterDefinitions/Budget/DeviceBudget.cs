using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DlmsDevice.Benchmarks.NanoHeap;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Model;

namespace DlmsDevice.MeterDefinitions.Budget
{
    /// <summary>
    /// Whether a definition fits the ESP32 (no PSRAM): the model's managed heap, estimated by the
    /// start-up benchmark's cost model (<see cref="NanoHeapWalker"/>, docs/benchmarks.md) on the
    /// model built from the definition; the objects per logical device; the largest record and
    /// the state file on the flash drive (profile rows x row width). Each line gives the figure
    /// and the limit.
    /// </summary>
    public static class DeviceBudget
    {
        /// <summary>The model and its record store on the ESP32 heap (docs/benchmarks.md: "the default meter model &lt;= 40 KB").</summary>
        public const int ModelHeapBytes = 40 * 1024;

        /// <summary>Objects per logical device: ~175 bytes of heap each (docs/benchmarks.md), so 200 fill the model budget.</summary>
        public const int MaxObjectsPerLogicalDevice = 200;

        /// <summary>A record slot of the ESP32 state file (firmware/DlmsDevice.Esp32/Esp32Board.cs SlotCapacity): header and payload of the largest record.</summary>
        public const int SlotCapacity = 768;

        /// <summary>The state file on I:\ (two slots per record): the project's budget for the flash drive, four times the default meter's ~132 KB.</summary>
        public const int StateFileBytes = 512 * 1024;

        /// <summary>One figure against its limit.</summary>
        /// <param name="What">What is measured.</param>
        /// <param name="Figure">The definition's figure.</param>
        /// <param name="Limit">The device's limit.</param>
        /// <param name="Detail">How the figure comes about.</param>
        public sealed record Line(string What, long Figure, long Limit, string Detail)
        {
            /// <summary>True when the figure is within the limit.</summary>
            public bool Within => Figure <= Limit;

            /// <inheritdoc />
            public override string ToString()
            {
                return (Within ? "ok    " : "OVER  ") + What + ": " + Format(Figure) + " (limit " + Format(Limit) + ")" + (Detail.Length > 0 ? "; " + Detail : "");
            }
        }

        /// <summary>Builds the definition's model on inert hardware with the device defaults and weighs it.</summary>
        public static IReadOnlyList<Line> Check(MeterDefinitionFile file)
        {
            MeterDefinition definition = file.Definition;
            var lines = new List<Line>();
            foreach (LogicalDeviceDefinition device in definition.LogicalDevices)
            {
                lines.Add(new Line("objects in logical device " + device.Address, device.Objects.Count, MaxObjectsPerLogicalDevice, ""));
            }
            MeterConfiguration configuration = InertHardware.Configuration(definition);
            DefaultMeterModelSettings settings = file.CreateSettings();
            FillMissingSecrets(file, settings);
            MeterModel model = file.Build(configuration, settings);
            MeterEngine engine = model.Engine;
            var medium = new MemoryStorageMedium(engine.RequiredRecordCount, engine.RequiredPayloadLength + RecordSlotFormat.HeaderLength);
            var store = new SlottedRecordStore(medium, engine.RequiredRecordCount, engine.RequiredPayloadLength);
            model.Start(store);

            var walker = NanoHeapWalker.ForDlmsDevice();
            long heap = walker.Add(model) + walker.Add(store);
            string top = string.Join(", ", walker.ByType().Take(4).Select(t => t.Type + " x" + t.Count + " " + Format(t.Bytes)));
            lines.Add(new Line("model heap on the ESP32 (bytes, nanoCLR estimate)", heap, ModelHeapBytes,
                "profiles " + engine.LoadProfile.ProfileEntries + "/" + engine.DailyProfile.ProfileEntries + "/" + engine.EventLog.ProfileEntries + " rows; largest: " + top));
            int record = engine.RequiredPayloadLength + RecordSlotFormat.HeaderLength;
            lines.Add(new Line("largest record (bytes)", record, SlotCapacity,
                "a profile chunk is rows per chunk (" + configuration.RowsPerChunk + ") x row width (load " + engine.LoadProfile.RowWidth + ", daily "
                + engine.DailyProfile.RowWidth + ", event log " + engine.EventLog.RowWidth + " bytes)"));
            long state = (long)engine.RequiredRecordCount * 2 * (RegionStorageMedium.LengthSize + SlotCapacity);
            lines.Add(new Line("state file on the flash drive (bytes)", state, StateFileBytes,
                engine.RequiredRecordCount + " records x 2 slots x " + (RegionStorageMedium.LengthSize + SlotCapacity) + " bytes; profile rows x columns: load "
                + engine.LoadProfile.ProfileEntries + " x " + engine.LoadProfile.CaptureObjectCount + ", daily " + engine.DailyProfile.ProfileEntries + " x "
                + engine.DailyProfile.CaptureObjectCount + ", event log " + engine.EventLog.ProfileEntries + " x " + engine.EventLog.CaptureObjectCount));
            GC.KeepAlive(store);
            return lines;
        }

        // Weighing needs a value for every key; the device supplies its own (a key is 16 bytes whatever it holds).
        private static void FillMissingSecrets(MeterDefinitionFile file, DefaultMeterModelSettings settings)
        {
            foreach (SecretDefinition secret in file.Definition.Secrets.Values)
            {
                if (settings.GetSecret(secret.Name) == null && (secret.Kind == SecretKind.Environment || secret.Kind == SecretKind.File))
                {
                    settings.SetSecret(secret.Name, new byte[16]);
                }
            }
        }

        private static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
