using System;
using System.Globalization;
using System.IO;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Emulator.Fleet
{
    /// <summary>
    /// Where each meter of a fleet is and what it is called: ports, addresses, serial number,
    /// state directory, seed and clock drift of meter i (0-based), all from the command line.
    /// The one place that says it, for the meters, the key table and docs/fleet.md's address map.
    /// </summary>
    /// <remarks>
    /// <para><b>A port per meter</b> (default): meter i listens on wrapper port P + i, HDLC port
    /// Q + i and UDP port U + i; every meter is logical device 1 (wPort 1) at HDLC physical
    /// address <c>--hdlc-physical-address</c>, as a meter on its own modem.</para>
    /// <para><b>One port</b> (<c>--one-port</c>): all meters behind P, Q and U, as a data
    /// concentrator or a serial gateway holds them; meter i answers at address
    /// <see cref="FirstSharedAddress"/> + i: the wrapper's destination wPort (the logical devices
    /// of a concentrator start at 16, after the management logical device 1 and the reserved
    /// 2..15), and the lower (physical) HDLC address with upper (logical) address 1, as meters
    /// on one RS-485 bus behind a gateway are reached. A 2-byte physical address needs the
    /// 4-byte HDLC server address, whose halves carry 14 bits each (IEC 62056-46 clause 6.4.2):
    /// 0x3FFD is the last usable one (0x3FFE calls "the physical device", 0x3FFF is broadcast).</para>
    /// </remarks>
    public sealed class FleetLayout
    {
        /// <summary>The address of meter 0 on a shared port (wrapper wPort and HDLC physical address).</summary>
        public const int FirstSharedAddress = 16;

        /// <summary>The last HDLC physical address a meter can have (0x3FFD).</summary>
        public const int LastSharedAddress = 0x3FFD;

        /// <summary>The most meters a fleet holds (one port: every meter needs an address up to 0x3FFD).</summary>
        public const int MaxMeters = LastSharedAddress - FirstSharedAddress + 1;

        /// <summary>Largest clock drift a meter gets, ppm (a ±20 ppm crystal gains or loses up to ~1.7 s a day).</summary>
        public const double MaxDriftPpm = 20;

        /// <summary>Default connections per meter and endpoint in a fleet (memory: docs/fleet.md).</summary>
        public const int DefaultConnectionsPerMeter = 1;

        /// <summary>Default load profile rows of a fleet's meters: one day of 15-minute rows.</summary>
        public const int DefaultLoadProfileRows = 96;

        /// <summary>Default event log rows of a fleet's meters.</summary>
        public const int DefaultEventLogRows = 100;

        private readonly EmulatorOptions _options;
        private readonly long _firstSerial;

        /// <summary>The layout the options give (check it with <see cref="Validate"/>).</summary>
        public FleetLayout(EmulatorOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _firstSerial = long.TryParse(options.SerialNumber, NumberStyles.None, CultureInfo.InvariantCulture, out long serial) ? serial : 1;
        }

        /// <summary>Number of meters.</summary>
        public int Count => _options.Meters;

        /// <summary>True when all meters share one port per endpoint.</summary>
        public bool OnePort => _options.OnePort;

        /// <summary>TCP connections (and UDP peers) each meter serves at once on each endpoint.</summary>
        public int ConnectionsPerMeter => _options.GivenOptions.Contains("--max-connections") ? _options.MaxConnections : DefaultConnectionsPerMeter;

        /// <summary>Load profile rows of each meter.</summary>
        public int LoadProfileRows => _options.LoadProfileRows ?? DefaultLoadProfileRows;

        /// <summary>Event log rows of each meter.</summary>
        public int EventLogRows => _options.EventLogRows ?? DefaultEventLogRows;

        /// <summary>The wrapper port of meter <paramref name="index"/>: 0 = none, -1 = an ephemeral one (tests).</summary>
        public int WrapperPort(int index) => Port(_options.WrapperPort, index);

        /// <summary>The HDLC-over-TCP port of meter <paramref name="index"/>: 0 = none, -1 = an ephemeral one.</summary>
        public int HdlcPort(int index) => Port(_options.HdlcPort, index);

        /// <summary>The UDP wrapper port of meter <paramref name="index"/>: 0 = none, -1 = an ephemeral one.</summary>
        public int UdpPort(int index) => Port(_options.UdpPort, index);

        /// <summary>The wPort meter <paramref name="index"/> answers at: 1, or its own on a shared port.</summary>
        public int WPort(int index) => OnePort ? FirstSharedAddress + index : 1;

        /// <summary>The HDLC physical (lower) address of meter <paramref name="index"/>.</summary>
        public int HdlcPhysicalAddress(int index) => OnePort ? FirstSharedAddress + index : _options.HdlcPhysicalAddress;

        /// <summary>The meter whose shared-port address is <paramref name="address"/>; -1 for none.</summary>
        public int MeterAt(int address)
        {
            int index = address - FirstSharedAddress;
            return index >= 0 && index < Count ? index : -1;
        }

        /// <summary>Serial number of meter <paramref name="index"/>: the first (<c>--serial-number</c>'s default 1) + index, 13 digits.</summary>
        public string SerialNumber(int index) => (_firstSerial + index).ToString("D13", CultureInfo.InvariantCulture);

        /// <summary>The state directory of meter <paramref name="index"/>: <c>--state-dir/meter-&lt;index&gt;</c>; null without one.</summary>
        public string? StateDirectory(int index) => _options.StateDirectory == null ? null : Path.Combine(_options.StateDirectory, "meter-" + index.ToString(CultureInfo.InvariantCulture));

        /// <summary>Seed of meter <paramref name="index"/>'s simulated load and supply: <c>--seed</c> + index.</summary>
        public ulong Seed(int index) => unchecked(_options.Seed + (ulong)index);

        /// <summary>
        /// Clock drift of meter <paramref name="index"/>, -20..+20 ppm in steps of 0.1, drawn from
        /// its seed (the same meter drifts the same way every run).
        /// </summary>
        public double DriftPpm(int index)
        {
            double unit = SplitMix64.ToUnitDouble(SplitMix64.At(Seed(index), 0x0D81F7));
            return Math.Round((unit * 2 - 1) * MaxDriftPpm * 10) / 10;
        }

        /// <summary>Why the options do not make a fleet; null when they do.</summary>
        public string? Validate()
        {
            EmulatorOptions o = _options;
            if (o.Meters < 1 || o.Meters > MaxMeters)
            {
                return "--meters is 1.." + MaxMeters;
            }
            if (!string.IsNullOrEmpty(o.SerialDevice) || !string.IsNullOrEmpty(o.OpticalDevice))
            {
                return "--serial and --optical serve one meter: not with --meters, --one-port or --fleet-key";
            }
            if (o.SystemTitle != null)
            {
                return "--system-title names one meter: a fleet's titles follow the serial numbers";
            }
            if (o.Trace)
            {
                return "--trace serves one meter: not with --meters, --one-port or --fleet-key";
            }
            if (o.FleetKey != null && (o.AuthenticationKey != null || o.BlockCipherKey != null || o.MasterKey != null))
            {
                return "--fleet-key derives every meter's keys: not with --auth-key, --block-key or --kek";
            }
            if (_firstSerial + Count - 1 > 9_999_999_999_999)
            {
                return "the serial numbers would need more than 13 digits";
            }
            if (!OnePort)
            {
                string? ranges = CheckRange("--wrapper-port", o.WrapperPort) ?? CheckRange("--hdlc-port", o.HdlcPort) ?? CheckRange("--udp-port", o.UdpPort);
                if (ranges != null)
                {
                    return ranges;
                }
                if (o.WrapperPort > 0 && o.HdlcPort > 0 && o.WrapperPort < o.HdlcPort + Count && o.HdlcPort < o.WrapperPort + Count)
                {
                    return "the wrapper ports " + RangeText(o.WrapperPort) + " and the HDLC ports " + RangeText(o.HdlcPort)
                        + " overlap: give --hdlc-port " + (o.WrapperPort + Count) + " (or 0 for none)";
                }
            }
            return null;
        }

        /// <summary>"P..P+N-1" or "P" (one port or one meter).</summary>
        public string RangeText(int first)
        {
            return OnePort || Count == 1 || first <= 0 ? first.ToString(CultureInfo.InvariantCulture)
                : first.ToString(CultureInfo.InvariantCulture) + ".." + (first + Count - 1).ToString(CultureInfo.InvariantCulture);
        }

        private string? CheckRange(string option, int first)
        {
            return first > 0 && first + Count - 1 > 65535
                ? option + " " + first + " + " + Count + " meters passes port 65535"
                : null;
        }

        private int Port(int first, int index)
        {
            if (first <= 0)
            {
                return first;
            }
            return OnePort ? first : first + index;
        }
    }
}
