using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client.Cli;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>The command line's HLS and ciphering options against scripted servers.</summary>
    public class SecureCliTests
    {
        private const string Challenge = "3132333435363738393A3B3C3D3E3F40";

        private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
        {
            var stdout = new StringWriter(CultureInfo.InvariantCulture);
            var stderr = new StringWriter(CultureInfo.InvariantCulture);
            int code = await CliApp.RunAsync(args, stdout, stderr);
            return (code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
        }

        private static byte[] W(string apdu) => TestFrames.Wrapper(25, 1, Hex.Parse(apdu));

        private static byte[] R(string apdu) => TestFrames.Wrapper(1, 25, Hex.Parse(apdu));

        private static ScriptStep[] S1Session(string value = SecureVectors.S1_Value) => new[]
        {
            ScriptStep.Of(W(SecureVectors.S1_Aarq), R(SecureVectors.S1_Aare)),
            ScriptStep.Of(W(SecureVectors.S1_Action), R(SecureVectors.S1_ActionReply)),
            ScriptStep.Of(W(SecureVectors.S1_Get), R(value)),
            ScriptStep.Of(W(SecureVectors.S1_Rlrq), R("63 03 80 01 00")),
        };

        private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

        [Fact]
        public async Task Read_HlsGmacAuthEnc_PrintsValue()
        {
            await using var server = new ScriptedServer(S1Session());

            var (code, output, error) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server.Port), "--client", "25",
                "--auth", "hls-gmac", "--security", "auth-enc", "--challenge", Challenge, "--ic", "100");

            Assert.Equal("", error);
            Assert.Equal(0, code);
            Assert.Equal("u32:12345\n", output);
            await server.Completion;
        }

        [Fact]
        public async Task Read_ExplicitKeysAndTitle_SameBytesAsDefaults()
        {
            await using var server = new ScriptedServer(S1Session());

            var (code, output, _) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server.Port), "-c", "25",
                "-a", "hls-gmac", "--security", "auth-enc", "--ciphering", "glo", "--challenge", Challenge, "--ic", "0x64",
                "--block-key", "000102030405060708090A0B0C0D0E0F", "--auth-key", "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF", "--system-title", "4D4D4D0000000001");

            Assert.Equal(0, code);
            Assert.Equal("u32:12345\n", output);
        }

        [Fact]
        public async Task Read_ReadIc_UsesServerCounterPlusOne()
        {
            await using var server = new ScriptedConnections(
                new[]
                {
                    SessionTests.WrapperAssociation(),
                    ScriptStep.Of(TestFrames.WrapperRequest("C0 01 C1 0001 00002B0100FF 02 00"), TestFrames.WrapperReply("C4 01 C1 00 06 00000063")),
                    SessionTests.WrapperRelease(),
                },
                S1Session());

            var (code, output, error) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server.Port), "--client", "25",
                "--auth", "hls-gmac", "--security", "auth-enc", "--challenge", Challenge, "--read-ic", "0.0.43.1.0.255");

            Assert.Equal("", error);
            Assert.Equal(0, code);
            Assert.Equal("u32:12345\n", output);
            await server.Completion;
        }

        [Fact]
        public async Task Read_Trace_ShowsPlainApdusInBrackets()
        {
            await using var server = new ScriptedServer(S1Session());

            var (code, _, error) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server.Port), "--client", "25",
                "--auth", "hls-gmac", "--security", "auth-enc", "--challenge", Challenge, "--ic", "100", "--trace");

            Assert.Equal(0, code);
            string[] lines = error.TrimEnd('\n').Split('\n');
            Assert.Contains("-> [C0 01 C1 00 03 01 00 01 08 00 FF 02 00]", lines);
            Assert.Contains("<- [C4 01 C1 00 06 00 00 30 39]", lines);
            Assert.Contains("-> " + Hex.Format(W(SecureVectors.S1_Get)), lines);
            Assert.Equal(12, lines.Length);
        }

        [Theory]
        [InlineData("--secret", "Gurux")]
        [InlineData("--password", "Gurux")]
        [InlineData("--secret-hex", "4775727578")]
        public async Task Read_HlsSha256_SecretFromAnyOption(string option, string secret)
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(SecureVectors.S2_Aarq), R(SecureVectors.S2_Aare)),
                ScriptStep.Of(W(SecureVectors.S2_Action), R(SecureVectors.S2_ActionReply)),
                ScriptStep.Of(W("C0 01 C1 0003 0100010800FF 02 00"), R("C4 01 C1 00 06 00003039")),
                ScriptStep.Of(W("62 03 80 01 00"), R("63 03 80 01 00")));

            var (code, output, error) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server.Port), "--client", "25",
                "--auth", "hls-sha256", option, secret, "--challenge", Challenge);

            Assert.Equal("", error);
            Assert.Equal(0, code);
            Assert.Equal("u32:12345\n", output);
        }

        [Fact]
        public async Task Read_ServerProofWrong_ExitsThreeWithOneLine()
        {
            await using var server = new ScriptedServer(
                ScriptStep.Of(W(SecureVectors.S1_Aarq), R(SecureVectors.S1_Aare)),
                ScriptStep.Of(W(SecureVectors.S1_Action), R(SecureVectors.S1_ActionReplyWrongProof)));

            var (code, output, error) = await Run("read", "1.0.1.8.0.255:3:2", "--raw", "-p", P(server.Port), "--client", "25",
                "--auth", "hls-gmac", "--security", "auth-enc", "--challenge", Challenge, "--ic", "100");

            Assert.Equal(3, code);
            Assert.Equal("", output);
            Assert.StartsWith("error: The server's HLS-GMAC proof f(CtoS) ", error);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
        }

        [Theory]
        [InlineData("--auth", "hls-sha256")]
        [InlineData("--auth", "hls-gmac", "--block-key", "0001")]
        [InlineData("--auth", "hls-gmac", "--auth-key", "not-hex")]
        [InlineData("--auth", "hls-gmac", "--system-title", "4D4D4D")]
        [InlineData("--auth", "hls-gmac", "--challenge", "0011")]
        [InlineData("--auth", "hls-gmac", "--challenge-length", "65")]
        [InlineData("--security", "paranoid")]
        [InlineData("--security", "auth-enc", "--ciphering", "tls")]
        [InlineData("--dedicated-key", "00112233445566778899AABBCCDDEEFF")]
        [InlineData("--security", "auth-enc", "--ic", "4294967296")]
        [InlineData("--security", "auth-enc", "--ic", "5", "--read-ic", "0.0.43.1.0.255")]
        [InlineData("--security", "auth-enc", "--read-ic", "counter")]
        public async Task BadSecurityArguments_ExitTwoWithoutConnecting(params string[] options)
        {
            // Port 1 on loopback: nothing listens, so reaching the network would exit 1, not 2.
            var (code, _, error) = await Run(new[] { "read", "1.0.1.8.0.255:3:2", "-p", "1" }.Concat(options).ToArray());

            Assert.Equal(2, code);
            Assert.StartsWith("error: ", error);
        }
    }
}
