using System;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Meter;

namespace DlmsDevice.Tests.Runtime
{
    /// <summary>
    /// The default meter as a device runs it (<see cref="MeterDevice"/>) on hand-driven hardware:
    /// a meter clock and a separate link clock that only move when the test says, an in-memory
    /// medium, one serial slot, two TCP wrapper slots and one HDLC-over-TCP slot.
    /// </summary>
    internal sealed class DeviceRig
    {
        public static readonly DateTime Start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

        // Wrapper frames (IEC 62056-47: version 1, source wPort = client SAP 16, destination 1).
        public const string AarqPublic = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";
        public const string GetEnergy = "C0 01 C1 0003 0100010800FF 02 00";
        public const string Rlrq = "62 03 80 01 00";

        public DeviceRig(Action<MeterDeviceSettings>? configure = null, MemoryStorageMedium? medium = null)
        {
            MeterClock = new ManualClock(Start);
            LinkClock = new ManualClock(Start);
            Settings = new MeterDeviceSettings { HdlcTcpChannels = 1, LinkClock = LinkClock };
            configure?.Invoke(Settings);
            var configuration = new MeterConfiguration(MeterClock)
            {
                PulseChannels = new[] { new PulseChannel(new SimulatedPulseCounter(1000), 1000, EnergyDirection.Import) },
                Voltage = new AnalogChannel(new FakeAnalogInput { Raw = 23000 }, AnalogQuantity.Voltage, 0.01, 0, Unit.Volt, -1),
            };
            Medium = medium ?? new MemoryStorageMedium(512, 1024);
            Device = new MeterDevice(Settings, configuration, Medium, new SimulatedEntropy(7));
        }

        public ManualClock MeterClock { get; }
        public ManualClock LinkClock { get; }
        public MeterDeviceSettings Settings { get; }
        public MemoryStorageMedium Medium { get; }
        public MeterDevice Device { get; }

        /// <summary>A wrapper frame around <paramref name="apduHex"/> from client <paramref name="clientSap"/> to logical device 1.</summary>
        public static string Wrapper(string apduHex, int clientSap = 16)
        {
            int length = Support.Hex.Parse(apduHex).Length;
            return "00 01 " + clientSap.ToString("X4") + " 0001 " + length.ToString("X4") + " " + apduHex;
        }

        /// <summary>Attaches a new pipe to a slot of <paramref name="kind"/>.</summary>
        public (DeviceChannel Channel, PipeChannel Pipe) Attach(ChannelKind kind)
        {
            var pipe = new PipeChannel();
            DeviceChannel? channel = kind == ChannelKind.SerialHdlc ? Device.OpenSerial(pipe) : Device.Accept(kind, pipe, out _);
            Assert.NotNull(channel);
            return (channel!, pipe);
        }

        /// <summary>Associates the public client on a wrapper channel (AARQ, AARE accepted).</summary>
        public static void AssociatePublic(DeviceChannel channel, PipeChannel pipe)
        {
            pipe.Feed(Wrapper(AarqPublic));
            Assert.Equal(ChannelStatus.Open, channel.Service(new byte[2048], 0));
            Assert.True(channel.IsAssociated, "AARQ of the public client refused: " + string.Join(" | ", pipe.Written));
        }
    }
}
