using System;

namespace DlmsDevice.Client
{
    /// <summary>Which framing carries the APDUs.</summary>
    public enum TransportKind
    {
        /// <summary>TCP wrapper (IEC 62056-47), default port 4059.</summary>
        Wrapper,
        /// <summary>HDLC (IEC 62056-46) over TCP, default port 4060.</summary>
        Hdlc,
        /// <summary>HDLC over a serial port.</summary>
        Serial,
        /// <summary>
        /// An optical port (IEC 62056-21 mode E): sign-on at 300 Bd 7E1 on the serial port, then
        /// HDLC at the agreed speed (at most <see cref="DlmsClientOptions.BaudRate"/>) 8N1.
        /// </summary>
        Optical,
    }

    /// <summary>Everything needed to reach and associate with a server. Defaults match the CLI's.</summary>
    public sealed record DlmsClientOptions
    {
        /// <summary>Default TCP port of the wrapper (IANA "dlms" 4059).</summary>
        public const int DefaultWrapperPort = 4059;

        /// <summary>Default TCP port for HDLC over TCP (this project's emulator convention).</summary>
        public const int DefaultHdlcPort = 4060;

        /// <summary>Framing (default wrapper).</summary>
        public TransportKind Transport { get; init; } = TransportKind.Wrapper;

        /// <summary>Server host for TCP transports (default 127.0.0.1).</summary>
        public string Host { get; init; } = "127.0.0.1";

        /// <summary>TCP port; null = 4059 for the wrapper, 4060 for HDLC over TCP.</summary>
        public int? Port { get; init; }

        /// <summary>Serial device for <see cref="TransportKind.Serial"/> (e.g. /dev/ttyUSB0, COM3).</summary>
        public string? SerialPort { get; init; }

        /// <summary>
        /// Serial baud rate (default 9600, 8N1); for <see cref="TransportKind.Optical"/> the fastest
        /// speed to accept after the sign-on (the meter's offer is used when lower).
        /// </summary>
        public int BaudRate { get; init; } = 9600;

        /// <summary>Device address for the optical sign-on (<c>/?address!</c>); null sends <c>/?!</c>.</summary>
        public string? OpticalAddress { get; init; }

        /// <summary>Called with each message of the optical sign-on (null = quiet).</summary>
        public Action<string>? SignOnTrace { get; init; }

        /// <summary>Client SAP (default 16, the public client). HDLC address (SAP&lt;&lt;1)|1; wrapper source wPort.</summary>
        public int ClientSap { get; init; } = 16;

        /// <summary>Server logical device address (default 1). HDLC upper address; wrapper destination wPort.</summary>
        public int ServerLogical { get; init; } = 1;

        /// <summary>HDLC physical device address (lower address; default 17); null = 1-byte server address.</summary>
        public int? ServerPhysical { get; init; } = 17;

        /// <summary>HDLC server address size (default: 2 bytes with a physical address, else 1).</summary>
        public HdlcAddressSize ServerAddressSize { get; init; } = HdlcAddressSize.Auto;

        /// <summary>SNRM parameters to propose; null (default) sends an SNRM without information field (128/1).</summary>
        public HdlcParameters? HdlcParameters { get; init; }

        /// <summary>Authentication mechanism (default none): none, LLS, HLS-GMAC or HLS-SHA256.</summary>
        public AuthenticationMechanism Authentication { get; init; } = AuthenticationMechanism.None;

        /// <summary>LLS password (sent as its UTF-8/ASCII bytes).</summary>
        public string? Password { get; init; }

        /// <summary>
        /// HLS keys, system title, invocation counter, security policy and ciphering (default: no
        /// ciphering, Green Book test keys for HLS).
        /// </summary>
        public DlmsSecurityOptions Security { get; init; } = new();

        /// <summary>Proposed conformance (default 0x001E1D, see <see cref="Conformance.Default"/>).</summary>
        public Conformance ProposedConformance { get; init; } = Conformance.Default;

        /// <summary>client-max-receive-pdu-size (default 0xFFFF, as all reference clients send).</summary>
        public ushort MaxReceivePduSize { get; init; } = 0xFFFF;

        /// <summary>invoke-id-and-priority of every request (default 0xC1: high priority, confirmed, id 1).</summary>
        public byte InvokeIdAndPriority { get; init; } = 0xC1;

        /// <summary>How long to wait for each reply (frame) and for the TCP connection (default 5 s).</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

        /// <summary>Called with every frame sent and received (whole HDLC frame or wrapper PDU).</summary>
        public Action<FrameDirection, byte[]>? FrameTrace { get; init; }

        /// <summary>
        /// Called with the plain APDU of every ciphered request before it is protected and of every
        /// ciphered reply after it is deciphered (the frames themselves go to <see cref="FrameTrace"/>).
        /// </summary>
        public Action<FrameDirection, byte[]>? ApduTrace { get; init; }

        /// <summary>
        /// Called after every data block of a long GET (GET-Response-With-Datablock) with the block
        /// number and the bytes of the value received so far (progress for long transfers).
        /// </summary>
        public Action<uint, int>? BlockReceived { get; init; }

        /// <summary>The TCP port actually used.</summary>
        public int EffectivePort => Port ?? (Transport == TransportKind.Wrapper ? DefaultWrapperPort : DefaultHdlcPort);
    }
}
