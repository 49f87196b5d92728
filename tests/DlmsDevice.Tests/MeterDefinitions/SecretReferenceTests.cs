using System;
using System.IO;
using System.Linq;
using System.Text;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// Keys and passwords by reference: an environment variable, a key file next to the
    /// definition, a published test key (a warning), an inline value (a warning); a reference
    /// that cannot be resolved is an error at its path and line, with the others.
    /// </summary>
    public sealed class SecretReferenceTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "dlms-secrets-" + Guid.NewGuid().ToString("N"));
        private readonly string _variable = "DLMS_TEST_EK_" + Guid.NewGuid().ToString("N");

        public SecretReferenceTests()
        {
            Directory.CreateDirectory(Path.Combine(_directory, "keys"));
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable(_variable, null);
            Directory.Delete(_directory, true);
        }

        /// <summary>The minimal meter with a ciphered HLS association whose keys are <paramref name="secrets"/>.</summary>
        internal static string Secured(string secrets)
        {
            Assert.Contains("\"access\": { \"public\": \"read\" } }\n      ]", DefinitionValidationTests.Minimal, StringComparison.Ordinal);
            return DefinitionValidationTests.Minimal
                .Replace("\"name\": \"minimal\",", "\"name\": \"secured\",\n  \"secrets\": {\n" + secrets + "\n  },", StringComparison.Ordinal)
                .Replace("\"access\": { \"public\": \"read\" } }\n      ]",
                    "\"access\": { \"public\": \"read\" } },\n"
                    + "            { \"id\": \"security\", \"class\": \"security-setup\", \"logicalName\": \"0.0.43.0.3.255\", \"security\": { \"authenticationKey\": \"ak\", \"encryptionKey\": \"ek\", \"masterKey\": \"kek\" } },\n"
                    + "            { \"id\": \"management\", \"class\": \"association-ln\", \"logicalName\": \"0.0.40.0.3.255\", \"association\": { \"clientSap\": 48, \"authentication\": \"hls-gmac\", \"ciphering\": true, \"securitySetup\": \"security\" }, \"access\": { \"management\": \"read\" } }\n      ]", StringComparison.Ordinal);
        }

        private MeterDefinitionFile Load(string json)
        {
            string path = Path.Combine(_directory, "meter.json");
            File.WriteAllText(path, json);
            return MeterDefinitionFile.Load(path);
        }

        [Fact]
        public void KeyFileAndEnvironmentVariable_Resolved_IntoTheModel()
        {
            File.WriteAllText(Path.Combine(_directory, "keys", "ak.hex"), "00112233445566778899AABBCCDDEEFF\n");
            Environment.SetEnvironmentVariable(_variable, "A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF");
            MeterDefinitionFile file = Load(Secured(
                "    \"ak\": { \"file\": \"keys/ak.hex\" },\n    \"ek\": { \"env\": \"" + _variable + "\" },\n    \"kek\": { \"env\": \"" + _variable + "\" }"));
            Assert.Empty(file.Warnings);
            DefaultMeterModelSettings settings = file.CreateSettings();
            MeterModel model = file.Build(DefaultMeterGoldenTests.Configuration(), settings);
            Assert.False(model.UsesTestKeys);
            Assert.Equal(Convert.FromHexString("00112233445566778899AABBCCDDEEFF"), model.SecurityProfile!.AuthenticationKey);
            Assert.Equal(Convert.FromHexString("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"), settings.GetSecret("ek"));
            Assert.Same(model.SecuritySetup, model.FindAssociation(48)!.SecuritySetup);
        }

        [Fact]
        public void TestKeysAndInlineKey_Used_WithALoudWarningEach()
        {
            MeterDefinitionFile file = Load(Secured(
                "    \"ak\": { \"testKey\": \"green-book-authentication-key\" },\n    \"ek\": { \"inline\": \"000102030405060708090A0B0C0D0E0F\" },\n    \"kek\": { \"testKey\": \"green-book-master-key\" }"));
            Assert.Equal(new[] { "/secrets/ak/testKey", "/secrets/ek/inline", "/secrets/kek/testKey" }, file.Warnings.Select(w => w.Path));
            MeterModel model = file.Build(DefaultMeterGoldenTests.Configuration(), file.CreateSettings());
            Assert.True(model.UsesTestKeys);
            Assert.Equal(DefaultMeterModelSettings.TestAuthenticationKey, model.SecurityProfile!.AuthenticationKey);
        }

        [Fact]
        public void MissingVariableMissingFileAndBadKey_EachAnErrorAtItsReference_AllAtOnce()
        {
            File.WriteAllText(Path.Combine(_directory, "keys", "short.hex"), "0011");
            string json = Secured(
                "    \"ak\": { \"file\": \"keys/absent.hex\" },\n    \"ek\": { \"env\": \"" + _variable + "\" },\n    \"kek\": { \"file\": \"keys/short.hex\" }");
            DefinitionException ex = Assert.Throws<DefinitionException>(() => Load(json));
            Assert.Equal(new[] { "/secrets/ak/file", "/secrets/ek/env", "/secrets/kek/file" }, ex.Errors.Select(e => e.Path));
            Assert.Contains("does not exist", ex.Errors[0].Message, StringComparison.Ordinal);
            Assert.Contains("environment variable " + _variable + " is not set", ex.Errors[1].Message, StringComparison.Ordinal);
            Assert.Contains("a key: 32 hex digits (16 bytes), not 2 bytes", ex.Errors[2].Message, StringComparison.Ordinal);
            Assert.Equal(DefinitionValidationTests.Line(json, "keys/absent.hex"), ex.Errors[0].Line);
            Assert.Equal(DefinitionValidationTests.Line(json, _variable), ex.Errors[1].Line);
        }

        [Fact]
        public void UnresolvedReferences_NotNeededToGenerateDeviceCode()
        {
            // A device supplies its keys from its own settings: generating its code reads none.
            string json = Secured("    \"ak\": { \"env\": \"" + _variable + "\" },\n    \"ek\": { \"env\": \"" + _variable + "\" },\n    \"kek\": { \"file\": \"keys/none.hex\" }");
            string path = Path.Combine(_directory, "meter.json");
            File.WriteAllText(path, json);
            string code = MeterDefinitionFile.Load(path, resolveSecrets: false).Generate("Test", "SecuredMeterDefinition", "meter.json");
            Assert.Contains("\"ak\", null,", code, StringComparison.Ordinal);
            Assert.DoesNotContain("WARNING", code, StringComparison.Ordinal);
        }

        [Fact]
        public void PasswordFromAFile_IsTheLlsSecret()
        {
            File.WriteAllText(Path.Combine(_directory, "keys", "password.txt"), "s3cret-pw\n");
            string json = DefinitionValidationTests.Minimal
                .Replace("\"name\": \"minimal\",", "\"name\": \"lls\",\n  \"secrets\": { \"pw\": { \"file\": \"keys/password.txt\" } },", StringComparison.Ordinal)
                .Replace("\"association\": { \"clientSap\": 16 }", "\"association\": { \"clientSap\": 32, \"authentication\": \"lls\", \"secret\": \"pw\" }", StringComparison.Ordinal);
            MeterDefinitionFile file = Load(json);
            MeterModel model = file.Build(DefaultMeterGoldenTests.Configuration(), file.CreateSettings());
            byte[] secret = new byte[64];
            int length = model.FindAssociation(32)!.CopySecret(secret, 0);
            Assert.Equal("s3cret-pw", Encoding.ASCII.GetString(secret, 0, length));
        }
    }
}
