using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Emulator
{
    /// <summary>The security settings of the default meter (client 48, HLS-GMAC with authenticated encryption).</summary>
    public sealed partial class DefaultMeterSettings
    {
        /// <summary>The authentication key of the DLMS UA Green Book examples (D0D1..DF): a published test key.</summary>
        public static readonly byte[] TestAuthenticationKey = Convert.FromHexString("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");

        /// <summary>The global unicast encryption key of the Green Book examples (0001..0F): a published test key.</summary>
        public static readonly byte[] TestBlockCipherKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

        /// <summary>The master key (KEK) the Gurux tools use by default (0001..0F): a published test key.</summary>
        public static readonly byte[] TestMasterKey = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

        /// <summary>AK of client 48; null = <see cref="TestAuthenticationKey"/>.</summary>
        public byte[]? AuthenticationKey { get; set; }

        /// <summary>EK of client 48; null = <see cref="TestBlockCipherKey"/>.</summary>
        public byte[]? BlockCipherKey { get; set; }

        /// <summary>KEK of client 48; null = <see cref="TestMasterKey"/>.</summary>
        public byte[]? MasterKey { get; set; }

        /// <summary>The meter's system title (8 bytes); null = <see cref="DefaultSystemTitle"/>.</summary>
        public byte[]? SystemTitle { get; set; }

        /// <summary>Where HLS challenges come from; null = the operating system's cryptographic generator.</summary>
        public IEntropySource? Entropy { get; set; }

        /// <summary>The invocation counters of client 48's keys; null = in memory only (they restart at 0 with the process).</summary>
        public InvocationCounterStore? SecurityCounters { get; set; }

        /// <summary>True when at least one key is a published test key.</summary>
        public bool UsesTestKeys
        {
            get { return AuthenticationKey == null || BlockCipherKey == null || MasterKey == null; }
        }

        /// <summary>
        /// "DLD" (44 4C 44, the flag id) followed by the serial number as a 5-byte big-endian
        /// number (0 when it is not decimal): 444C440000000001 for the default serial.
        /// </summary>
        public byte[] DefaultSystemTitle()
        {
            byte[] title = new byte[8];
            title[0] = (byte)FlagId[0];
            title[1] = (byte)FlagId[1];
            title[2] = (byte)FlagId[2];
            if (ulong.TryParse(SerialNumber, out ulong serial))
            {
                for (int i = 7; i >= 3; i--)
                {
                    title[i] = (byte)serial;
                    serial >>= 8;
                }
            }
            return title;
        }

        private static byte[]? Hex(string? text)
        {
            return string.IsNullOrEmpty(text) ? null : Convert.FromHexString(text);
        }

        /// <summary>Record of the security state directory that holds client 48's invocation counters.</summary>
        public const int SecurityCounterRecord = 0;

        /// <summary>
        /// Invocation counters kept in <paramref name="directory"/> (created if needed): our
        /// transmit counter reserved ahead in blocks of 1024, the client's counter saved when an
        /// association starts and ends.
        /// </summary>
        /// <exception cref="InvalidOperationException">The saved counters cannot be read (the meter must not guess them).</exception>
        public static InvocationCounterStore OpenSecurityCounters(string directory)
        {
            SlottedRecordStore store = new SlottedRecordStore(new FileStorageMedium(directory), 1, InvocationCounterStore.RecordLength);
            InvocationCounterStore counters = new InvocationCounterStore(store, SecurityCounterRecord, InvocationCounterStore.DefaultReservationBlock);
            StoreStatus status = counters.Load();
            if (status != StoreStatus.Ok)
            {
                throw new InvalidOperationException("The invocation counters in " + directory + " cannot be read (" + status + ").");
            }
            return counters;
        }

        private void TakeSecurityOptions(EmulatorOptions options)
        {
            AuthenticationKey = Hex(options.AuthenticationKey);
            BlockCipherKey = Hex(options.BlockCipherKey);
            MasterKey = Hex(options.MasterKey);
            SystemTitle = Hex(options.SystemTitle);
            // --state-dir keeps everything: without its own --security-state-dir, client 48's
            // invocation counters live in a "security" folder inside the meter's state directory.
            string? directory = options.SecurityStateDirectory;
            if (string.IsNullOrEmpty(directory) && !string.IsNullOrEmpty(options.StateDirectory))
            {
                directory = System.IO.Path.Combine(options.StateDirectory, "security");
            }
            if (!string.IsNullOrEmpty(directory))
            {
                SecurityCounters = OpenSecurityCounters(directory);
            }
        }
    }
}
