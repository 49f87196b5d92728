using System;
using System.Collections.Generic;
using System.IO;
using DlmsDevice.LinuxMeter.Board;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>Secrets by reference: read from a file or the environment; problems name the field and where, never the value.</summary>
    public class SecretReaderTests
    {
        private const string Key = "00112233445566778899AABBCCDDEEFF";

        [Fact]
        public void KeyFile_HexWithLineBreak_SixteenBytes()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, Key.ToLowerInvariant() + "\n");
                List<string> errors = new List<string>();

                byte[]? key = SecretReader.ReadKey(new SecretReference { Field = "meter.keys.authentication", File = path }, errors);

                Assert.Empty(errors);
                Assert.Equal(Convert.FromHexString(Key), key);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void EnvironmentPassword_Read()
        {
            string name = "DLMS_TEST_PASSWORD_" + Guid.NewGuid().ToString("N");
            Environment.SetEnvironmentVariable(name, "a-long-reader-password");
            try
            {
                List<string> errors = new List<string>();

                Assert.Equal("a-long-reader-password", SecretReader.ReadPassword(new SecretReference { Field = "meter.password", Environment = name }, errors));
                Assert.Empty(errors);
            }
            finally
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        [Fact]
        public void BadKeyInFile_ErrorNamesFieldAndFileNotTheValue()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "secret-not-hex");
                List<string> errors = new List<string>();

                Assert.Null(SecretReader.ReadKey(new SecretReference { Field = "meter.keys.encryption", File = path }, errors));

                Assert.Equal(new[] { "meter.keys.encryption: the file " + path + " must hold 32 hex digits (a 16-byte key)" }, errors);
                Assert.DoesNotContain("secret-not-hex", errors[0]);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void MissingFileAndUnsetVariable_Reported()
        {
            List<string> errors = new List<string>();
            MeterSection meter = new MeterSection
            {
                AuthenticationKey = new SecretReference { Field = "meter.keys.authentication", File = "/nonexistent/ak" },
                MasterKey = new SecretReference { Field = "meter.keys.master", Environment = "DLMS_TEST_UNSET_" + Guid.NewGuid().ToString("N") },
            };

            Assert.Null(SecretReader.Resolve(meter, errors));

            Assert.Equal(2, errors.Count);
            Assert.Equal("meter.keys.authentication: /nonexistent/ak cannot be read: missing", errors[0]);
            Assert.StartsWith("meter.keys.master: the environment variable DLMS_TEST_UNSET_", errors[1]);
            Assert.EndsWith(" is not set", errors[1]);
        }
    }
}
