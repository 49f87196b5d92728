using System.Collections.Generic;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// Everything the emulator can be told on its command line. The defaults make a meter that
    /// runs with no arguments: TCP wrapper on 4059 and HDLC over TCP on 4060, bound to 127.0.0.1.
    /// </summary>
    public sealed class EmulatorOptions
    {
        /// <summary>IANA port of the DLMS/COSEM TCP wrapper (IEC 62056-47).</summary>
        public const int DefaultWrapperPort = 4059;

        /// <summary>Port of HDLC over TCP (a convention, the next one up).</summary>
        public const int DefaultHdlcPort = 4060;

        /// <summary>TCP wrapper port; 0 disables the endpoint, -1 binds an ephemeral port (tests).</summary>
        public int WrapperPort { get; set; } = DefaultWrapperPort;

        /// <summary>HDLC-over-TCP port; 0 disables the endpoint, -1 binds an ephemeral port (tests).</summary>
        public int HdlcPort { get; set; } = DefaultHdlcPort;

        /// <summary>Address the TCP endpoints listen on (default 127.0.0.1: this machine only).</summary>
        public string BindAddress { get; set; } = "127.0.0.1";

        /// <summary>Serial device for HDLC (e.g. /dev/ttyUSB0 or a socat pty); null = none.</summary>
        public string? SerialDevice { get; set; }

        /// <summary>Serial line speed (default 9600, 8N1).</summary>
        public int BaudRate { get; set; } = 9600;

        /// <summary>
        /// Serial device of an optical port (IEC 62056-21 mode E): it signs on at 300 Bd 7E1 and
        /// switches to <see cref="OpticalBaudRate"/> (or the slower speed the client picks) 8N1
        /// for HDLC; null = none.
        /// </summary>
        public string? OpticalDevice { get; set; }

        /// <summary>The fastest speed the optical port offers for HDLC (300 .. 19200, default 9600).</summary>
        public int OpticalBaudRate { get; set; } = 9600;

        /// <summary>HDLC physical (lower) server address (default 17).</summary>
        public int HdlcPhysicalAddress { get; set; } = 17;

        /// <summary>HDLC inactivity time-out in seconds (IC 23 attribute 8; default 120, 0 = none).</summary>
        public int HdlcInactivityTimeoutSeconds { get; set; } = 120;

        /// <summary>LLS password of the meter-reader association (client SAP 32).</summary>
        public string Password { get; set; } = "12345678";

        /// <summary>server-max-receive-pdu-size: the largest APDU the meter accepts and sends (default 1024).</summary>
        public int MaxApduSize { get; set; } = 1024;

        /// <summary>
        /// TCP connections served at once on each endpoint. When all are taken, the oldest
        /// connection without an association gives way to a new one; when all hold an
        /// association, the new one is refused (closed on accept).
        /// </summary>
        public int MaxConnections { get; set; } = 64;

        /// <summary>A wrapper connection without a frame for this long is closed (TCP-UDP setup inactivity_time_out, seconds; default 120, 0 = never).</summary>
        public int WrapperInactivityTimeoutSeconds { get; set; } = 120;

        /// <summary>A TCP connection that has not associated this long after it opened is closed (seconds; default 10, 0 = never).</summary>
        public int AssociationTimeoutSeconds { get; set; } = 10;

        /// <summary>Annotated protocol trace of every frame in hex to the log.</summary>
        public bool Trace { get; set; }

        /// <summary>Meter serial number; the logical device name is "DLD" + this, padded to 16 characters.</summary>
        public string SerialNumber { get; set; } = "0000000000001";

        /// <summary>State directory: energy, maximum demand, profiles, events and settings survive a restart; null = in memory only.</summary>
        public string? StateDirectory { get; set; }

        /// <summary>A file the emulator keeps up to date with its health (status=ok|failing|stopped, failed writes, ...); null = none.</summary>
        public string? HealthFile { get; set; }

        /// <summary>Simulated seconds per real second (default 1; 60 = an hour a minute).</summary>
        public double TimeScale { get; set; } = 1;

        /// <summary>Seed of the simulated load and supply (default 1).</summary>
        public ulong Seed { get; set; } = 1;

        /// <summary>Authentication key AK of client 48 (32 hex digits); null = the Green Book test key D0D1..DF.</summary>
        public string? AuthenticationKey { get; set; }

        /// <summary>Global unicast encryption key EK of client 48 (32 hex digits); null = the Green Book test key 0001..0F.</summary>
        public string? BlockCipherKey { get; set; }

        /// <summary>Master key (KEK) for key transfer (32 hex digits); null = the test key 0001..0F.</summary>
        public string? MasterKey { get; set; }

        /// <summary>The meter's system title (16 hex digits); null = "DLD" + 5 bytes of the serial number.</summary>
        public string? SystemTitle { get; set; }

        /// <summary>A meter definition file (--meter, docs/meter-definitions.md); null = the compiled-in default meter (meters/default.json).</summary>
        public string? MeterFile { get; set; }

        /// <summary>The definition read from <see cref="MeterFile"/> (<see cref="MeterDefinitionOption.Load"/>).</summary>
        public DlmsDevice.MeterDefinitions.MeterDefinitionFile? MeterDefinition { get; set; }

        /// <summary>The options given on the command line (names with their dashes): with --meter, those override the definition.</summary>
        public ISet<string> GivenOptions { get; set; } = new HashSet<string>();

        /// <summary>Tamper and theft scenarios on the simulated schedule (<see cref="TamperScenario.Parse"/>); null = none.</summary>
        public string? Scenario { get; set; }

        /// <summary>Event logs: "standard" (default, the IDIS standard event log) or "is15959" (the seven logs by category).</summary>
        public string EventLogs { get; set; } = "standard";

        /// <summary>Push destination (<c>HOST:PORT</c>, <c>udp:HOST:PORT</c>, <c>hdlc</c>); null = no push setup (docs/push.md).</summary>
        public string? PushTo { get; set; }

        /// <summary>Push every this many simulated seconds (0 = only when a client calls push).</summary>
        public int PushIntervalSeconds { get; set; }

        /// <summary>Cipher the pushes (general-glo-ciphering with client 48's Security setup).</summary>
        public bool PushCiphered { get; set; }

        /// <summary>The wrapper over UDP (IEC 62056-47): port; 0 (default) = none, -1 = an ephemeral one (tests).</summary>
        public int UdpPort { get; set; }

        /// <summary>Meters served by this process (default 1); more make a fleet (docs/fleet.md).</summary>
        public int Meters { get; set; } = 1;

        /// <summary>A fleet behind one wrapper, one HDLC and one UDP port, each meter at its own address (docs/fleet.md).</summary>
        public bool OnePort { get; set; }

        /// <summary>Fleet master key (32+ hex digits): every meter's AK, EK and KEK are derived from it (Fleet/FleetKeys.cs); null = the test keys.</summary>
        public string? FleetKey { get; set; }

        /// <summary>A file to write the fleet's key table to (CSV, mode 0600), for a head-end; null = none.</summary>
        public string? ExportKeys { get; set; }

        /// <summary>On a first start, each fleet meter lives this many hours of simulated history before it serves (fills its load profile).</summary>
        public int HistoryHours { get; set; }

        /// <summary>Load profile rows of each meter; null = 2880 for one meter, 96 (a day) in a fleet.</summary>
        public int? LoadProfileRows { get; set; }

        /// <summary>Event log rows of each meter; null = 1000 for one meter, 100 in a fleet.</summary>
        public int? EventLogRows { get; set; }

        /// <summary>Fleet meters with billing, tariffs, register monitors and the limiter (the single meter always has them).</summary>
        public bool FleetAutomation { get; set; }

        /// <summary>True when the options make a fleet (more than one meter, one port, or fleet keys) rather than one meter.</summary>
        public bool IsFleet => Meters > 1 || OnePort || FleetKey != null || ExportKeys != null || HistoryHours > 0;

    }
}
