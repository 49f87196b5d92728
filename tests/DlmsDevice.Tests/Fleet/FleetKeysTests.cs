using System;
using System.IO;
using System.Linq;
using DlmsDevice.Emulator;
using DlmsDevice.Emulator.Fleet;

namespace DlmsDevice.Tests.Fleet
{
    /// <summary>
    /// The per-meter keys of a fleet: NIST SP 800-108 counter mode with HMAC-SHA256. The expected
    /// bytes were computed outside .NET, with Python's hmac module as
    /// <c>hmac.new(key, b"\x00\x00\x00\x01" + label + b"\x00" + title + b"\x00\x00\x00\x80", sha256)</c>
    /// (first 16 bytes) and again with the cryptography package's KBKDFHMAC (counter mode, r = 32,
    /// L = 32 bits, counter before the fixed data): both agree.
    /// </summary>
    public sealed class FleetKeysTests
    {
        private static readonly byte[] FleetKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        private static readonly byte[] TitleOfMeter0 = Convert.FromHexString("444C440000000001");

        [Theory]
        [InlineData(FleetKeys.AuthenticationKeyLabel, "786E2D0BAA55B52F4677E79B72A13AF5")]
        [InlineData(FleetKeys.BlockCipherKeyLabel, "F8E01B2A0B317C93ABB6D0CDC74D4215")]
        [InlineData(FleetKeys.MasterKeyLabel, "FD1B07F500BDBBF5302BF331DBFB3A7A")]
        public void Derive_PublishedConstruction_ExactBytes(string label, string expected)
        {
            Assert.Equal(expected, Convert.ToHexString(FleetKeys.Derive(FleetKey, label, TitleOfMeter0)));
        }

        [Fact]
        public void Derive_OtherSystemTitle_OtherKey()
        {
            byte[] meter1 = FleetKeys.Derive(FleetKey, FleetKeys.AuthenticationKeyLabel, Convert.FromHexString("444C440000000002"));
            Assert.NotEqual("786E2D0BAA55B52F4677E79B72A13AF5", Convert.ToHexString(meter1));
        }

        [Fact]
        public void Derive_ShortKeyOrTitle_Refused()
        {
            Assert.Throws<ArgumentException>(() => FleetKeys.Derive(new byte[8], FleetKeys.AuthenticationKeyLabel, TitleOfMeter0));
            Assert.Throws<ArgumentException>(() => FleetKeys.Derive(FleetKey, FleetKeys.AuthenticationKeyLabel, new byte[7]));
        }

        [Fact]
        public void ExportedTable_OneLinePerMeter_DerivedKeys_OwnerOnly()
        {
            string path = Path.Combine(Path.GetTempPath(), "dlms-keys-" + Guid.NewGuid().ToString("N") + ".csv");
            using FleetHarness fleet = FleetHarness.Start(4);
            try
            {
                FleetProgram.ExportKeys(fleet.Host, path);
                string[] lines = File.ReadAllLines(path);
                Assert.Equal("meter,serial_number,system_title,wrapper_port,hdlc_port,udp_port,wport,hdlc_physical_address,ak,ek,kek", lines[0]);
                Assert.Equal(5, lines.Length);
                string[] meter0 = lines[1].Split(',');
                Assert.Equal(new[] { "0", "0000000000001", "444C440000000001" }, meter0.Take(3));
                Assert.Equal(new[] { "786E2D0BAA55B52F4677E79B72A13AF5", "F8E01B2A0B317C93ABB6D0CDC74D4215", "FD1B07F500BDBBF5302BF331DBFB3A7A" }, meter0.Skip(8));
                Assert.Equal("444C440000000004", lines[4].Split(',')[2]);
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
