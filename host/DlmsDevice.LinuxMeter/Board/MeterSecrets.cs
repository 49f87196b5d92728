namespace DlmsDevice.LinuxMeter.Board
{
    /// <summary>The meter's secrets, read; a null one takes its default (the LLS password 12345678, a published test key).</summary>
    public sealed class MeterSecrets
    {
        /// <summary>LLS password of client 32.</summary>
        public string? Password { get; init; }

        /// <summary>AK of client 48.</summary>
        public byte[]? AuthenticationKey { get; init; }

        /// <summary>EK of client 48.</summary>
        public byte[]? EncryptionKey { get; init; }

        /// <summary>KEK.</summary>
        public byte[]? MasterKey { get; init; }
    }
}
