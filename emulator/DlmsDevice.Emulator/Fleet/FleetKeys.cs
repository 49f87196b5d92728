using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using DlmsDevice.Meter;

namespace DlmsDevice.Emulator.Fleet
{
    /// <summary>
    /// The keys of a fleet's meters, derived from one fleet master key so that a head-end that
    /// knows the master key computes every meter's keys itself, and nothing per meter has to be
    /// stored or sent: NIST SP 800-108 KDF in counter mode with HMAC-SHA256
    /// (<see cref="SP800108HmacCounterKdf"/>), label <c>"DlmsDevice fleet AK"</c>,
    /// <c>"... EK"</c> or <c>"... KEK"</c> (ASCII), context = the meter's 8-byte system title,
    /// 128 bits out. With one counter block that is
    /// <c>HMAC-SHA256(master, 00000001 || label || 00 || system title || 00000080)</c>, first 16
    /// bytes (docs/fleet.md has a worked example, the tests check it byte for byte).
    /// </summary>
    public static class FleetKeys
    {
        /// <summary>Label of the authentication key AK of client 48.</summary>
        public const string AuthenticationKeyLabel = "DlmsDevice fleet AK";

        /// <summary>Label of the global unicast encryption key EK of client 48.</summary>
        public const string BlockCipherKeyLabel = "DlmsDevice fleet EK";

        /// <summary>Label of the master key KEK of client 48.</summary>
        public const string MasterKeyLabel = "DlmsDevice fleet KEK";

        /// <summary>Key size in bytes (AES-128, security suite 0).</summary>
        public const int KeyLength = 16;

        /// <summary>The key of <paramref name="label"/> for the meter with <paramref name="systemTitle"/>.</summary>
        public static byte[] Derive(byte[] fleetKey, string label, byte[] systemTitle)
        {
            ArgumentNullException.ThrowIfNull(fleetKey);
            ArgumentNullException.ThrowIfNull(systemTitle);
            if (fleetKey.Length < KeyLength || systemTitle.Length != 8)
            {
                throw new ArgumentException("A fleet key of at least 16 bytes and an 8-byte system title.");
            }
            return SP800108HmacCounterKdf.DeriveBytes(fleetKey, HashAlgorithmName.SHA256, Encoding.ASCII.GetBytes(label), systemTitle, KeyLength);
        }

        /// <summary>
        /// Writes the fleet's key table for a head-end: one CSV line per meter (index, serial
        /// number, system title, ports, addresses, AK, EK, KEK in hex; a key not set is the
        /// published test key it falls back to). The file is created
        /// readable by its owner only (mode 0600 where the system has modes).
        /// </summary>
        public static void WriteTable(string path, FleetLayout layout, Func<int, byte[]> systemTitle, Func<int, (byte[]? Ak, byte[]? Ek, byte[]? Kek)> keys)
        {
            ArgumentNullException.ThrowIfNull(layout);
            FileStreamOptions create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using StreamWriter writer = new StreamWriter(new FileStream(path, create), new UTF8Encoding(false));
            writer.WriteLine("meter,serial_number,system_title,wrapper_port,hdlc_port,udp_port,wport,hdlc_physical_address,ak,ek,kek");
            for (int i = 0; i < layout.Count; i++)
            {
                (byte[]? ak, byte[]? ek, byte[]? kek) = keys(i);
                writer.WriteLine(string.Join(",",
                    i.ToString(CultureInfo.InvariantCulture),
                    layout.SerialNumber(i),
                    Convert.ToHexString(systemTitle(i)),
                    layout.WrapperPort(i).ToString(CultureInfo.InvariantCulture),
                    layout.HdlcPort(i).ToString(CultureInfo.InvariantCulture),
                    layout.UdpPort(i).ToString(CultureInfo.InvariantCulture),
                    layout.WPort(i).ToString(CultureInfo.InvariantCulture),
                    layout.HdlcPhysicalAddress(i).ToString(CultureInfo.InvariantCulture),
                    Convert.ToHexString(ak ?? DefaultMeterModelSettings.TestAuthenticationKey),
                    Convert.ToHexString(ek ?? DefaultMeterModelSettings.TestBlockCipherKey),
                    Convert.ToHexString(kek ?? DefaultMeterModelSettings.TestMasterKey)));
            }
        }
    }
}
