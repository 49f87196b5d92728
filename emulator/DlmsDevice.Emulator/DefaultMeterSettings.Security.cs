using System;
using DlmsDevice.Hal;
using DlmsDevice.Meter;

namespace DlmsDevice.Emulator
{
    /// <summary>The security settings of the default meter (client 48, HLS-GMAC with authenticated encryption).</summary>
    public sealed partial class DefaultMeterSettings
    {
        /// <summary>AK of client 48; null = the published Green Book test key D0D1..DF.</summary>
        public byte[]? AuthenticationKey { get; set; }

        /// <summary>EK of client 48; null = the published Green Book test key 0001..0F.</summary>
        public byte[]? BlockCipherKey { get; set; }

        /// <summary>KEK of client 48; null = the test key 0001..0F.</summary>
        public byte[]? MasterKey { get; set; }

        /// <summary>The meter's system title (8 bytes); null = "DLD" + 5 bytes of the serial number.</summary>
        public byte[]? SystemTitle { get; set; }

        /// <summary>Where HLS challenges come from; null = the operating system's cryptographic generator.</summary>
        public IEntropySource? Entropy { get; set; }

        /// <summary>True when at least one key is a published test key.</summary>
        public bool UsesTestKeys => AuthenticationKey == null || BlockCipherKey == null || MasterKey == null;

        private static byte[]? Hex(string? text)
        {
            return string.IsNullOrEmpty(text) ? null : Convert.FromHexString(text);
        }

        private void TakeSecurityOptions(EmulatorOptions options)
        {
            AuthenticationKey = Hex(options.AuthenticationKey);
            BlockCipherKey = Hex(options.BlockCipherKey);
            MasterKey = Hex(options.MasterKey);
            SystemTitle = Hex(options.SystemTitle);
        }

        private void PutSecurity(DefaultMeterModelSettings model)
        {
            model.AuthenticationKey = AuthenticationKey;
            model.BlockCipherKey = BlockCipherKey;
            model.MasterKey = MasterKey;
            model.SystemTitle = SystemTitle;
        }
    }
}
