using System;

namespace DlmsDevice.Client
{
    /// <summary>What the battery needs to know about the server under test. The defaults are the emulator's default meter.</summary>
    public sealed record ConformanceOptions
    {
        /// <summary>Server host.</summary>
        public string Host { get; init; } = "127.0.0.1";

        /// <summary>TCP port of HDLC over TCP; 0 = the server has none (the HDLC checks are not applicable).</summary>
        public int HdlcPort { get; init; } = DlmsClientOptions.DefaultHdlcPort;

        /// <summary>TCP port of the wrapper; 0 = the server has none (the wrapper checks are not applicable).</summary>
        public int WrapperPort { get; init; } = DlmsClientOptions.DefaultWrapperPort;

        /// <summary>Server logical device (HDLC upper address, wrapper destination wPort).</summary>
        public int ServerLogical { get; init; } = 1;

        /// <summary>HDLC physical (lower) address.</summary>
        public int ServerPhysical { get; init; } = 17;

        /// <summary>The public client's SAP (no authentication).</summary>
        public int PublicClient { get; init; } = 16;

        /// <summary>The LLS client's SAP; 0 = none (LLS checks not applicable).</summary>
        public int LlsClient { get; init; } = 32;

        /// <summary>The LLS client's password.</summary>
        public string? Password { get; init; } = "12345678";

        /// <summary>The HLS-GMAC client's SAP (authenticated encryption); 0 = none (HLS and ciphering checks not applicable).</summary>
        public int HlsClient { get; init; } = 48;

        /// <summary>EK of the HLS client (default: the Green Book test key).</summary>
        public byte[] BlockCipherKey { get; init; } = DlmsSecurityOptions.TestBlockCipherKey.ToArray();

        /// <summary>AK of the HLS client (default: the Green Book test key).</summary>
        public byte[] AuthenticationKey { get; init; } = DlmsSecurityOptions.TestAuthenticationKey.ToArray();

        /// <summary>The HLS client's system title.</summary>
        public byte[] SystemTitle { get; init; } = DlmsSecurityOptions.DefaultSystemTitle.ToArray();

        /// <summary>The Data object the public client reads the HLS client's invocation counter from (value + 1 is used); null = start at 1.</summary>
        public ObisCode? InvocationCounterObject { get; init; } = new ObisCode(0, 0, 43, 1, 0, 255);

        /// <summary>A method the LLS client may invoke without harm, for the ACTION check (default: remote_reconnect of the disconnect control).</summary>
        public CosemMethod? ActionMethod { get; init; } = CosemMethod.Parse("0.0.96.3.10.255:70:2");

        /// <summary>The parameter of <see cref="ActionMethod"/>.</summary>
        public DlmsValue? ActionParameter { get; init; } = DlmsValue.Integer(0);

        /// <summary>How long to wait for each reply.</summary>
        public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(3);

        /// <summary>How long silence must last to count as "no answer" (dropped frames).</summary>
        public TimeSpan QuietTime { get; init; } = TimeSpan.FromSeconds(1);

        /// <summary>The most one check may take, whatever the server does.</summary>
        public TimeSpan CheckTimeLimit => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(15).Ticks, ReplyTimeout.Ticks * 20));
    }
}
