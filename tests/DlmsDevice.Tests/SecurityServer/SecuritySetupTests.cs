using System;
using System.Text;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// Security setup (IC 64 v0) over the wire: attributes, security_activate, global_key_transfer
    /// (RFC 3394 wrapped with the KEK, all or nothing, effective with the next association),
    /// change_HLS_secret, and the access checks by security level (docs/security.md K and X cases).
    /// </summary>
    public sealed class SecuritySetupTests
    {
        private const string SetupLn = "002B0003FF";
        private static readonly byte[] NewEk = Hex.Parse("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF");
        private static readonly byte[] NewAk = Hex.Parse("C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF");

        [Fact]
        public void KeyWrap_Rfc3394Vector_TheTestHelperIsRight()
        {
            // RFC 3394 §4.1: 128-bit key data with a 128-bit KEK.
            Assert.Equal("1F A6 8B 0A 81 12 B4 47 AE F3 4B D8 FB 5A 7B 82 9D 3E 86 23 71 D2 CF E5",
                Hex.Format(KeyWrap.Wrap(Hex.Parse("000102030405060708090A0B0C0D0E0F"), Hex.Parse("00112233445566778899AABBCCDDEEFF"))));
        }

        [Fact]
        public void Attributes_PolicySuiteTitles_AsConfiguredAndLearnt()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);

            Assert.Equal("C4 01 C1 00 16 03", SecureSteps.Request(driver, client, "C0 01 C1 0040 00" + SetupLn + " 02 00"));
            Assert.Equal("C4 01 C1 00 16 00", SecureSteps.Request(driver, client, "C0 01 C1 0040 00" + SetupLn + " 03 00"));
            Assert.Equal("C4 01 C1 00 09 08 47 75 72 75 78 31 32 33", SecureSteps.Request(driver, client, "C0 01 C1 0040 00" + SetupLn + " 04 00"));
            Assert.Equal("C4 01 C1 00 09 08 4D 4D 4D 00 00 BC 61 4E", SecureSteps.Request(driver, client, "C0 01 C1 0040 00" + SetupLn + " 05 00"));
            Assert.Equal("C5 01 C1 03", SecureSteps.Request(driver, client, "C1 01 C1 0040 00" + SetupLn + " 02 00 16 00"));
            // Association LN attribute 9 points at it.
            Assert.Equal("C4 01 C1 00 09 06 00 00 2B 00 03 FF", SecureSteps.Request(driver, client, "C0 01 C1 000F 0000280000FF 09 00"));
        }

        [Fact]
        public void KeyTransfer_NewEkAndAk_CurrentAssociationKeepsTheOldKeysNextUsesTheNew()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);
            string keys = "01 02 02 02 16 00 09 18 " + Hex.Format(KeyWrap.Wrap(client.Kek, NewEk))
                + " 02 02 16 02 09 18 " + Hex.Format(KeyWrap.Wrap(client.Kek, NewAk));

            Assert.Equal("C7 01 C1 00 00", SecureSteps.Request(driver, client, "C3 01 C1 0040 00" + SetupLn + " 02 01 " + keys));
            // Still the old keys until the association ends.
            Assert.Equal("C4 01 C1 00 06 00 01 E2 40", SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet));
            AareView release = AareView.Parse(driver.Exchange(client.Rlrq()));
            Assert.Equal("08 00 06 5F 1F 04 00 40 1E 1D 04 00 00 07", Hex.Format(client.Open(release.UserInformation!)));

            // The old keys no longer open an association ...
            SecureClient old = new SecureClient { NextIc = 100 };
            Assert.Equal(1, AareView.Parse(driver.Exchange(old.Aarq())).Result);
            // ... the new ones do, and the counter restarted with the new key (IC 0 again).
            SecureClient renewed = new SecureClient { Ek = NewEk, Ak = NewAk };
            SecureSteps.Associate(driver, renewed);
            Assert.Equal("C4 01 C1 00 06 00 01 E2 40", SecureSteps.Request(driver, renewed, SecureTestMeter.EnergyGet));
        }

        [Theory]
        [InlineData("K1 bad wrap", "01 01 02 02 16 00 09 18 #WRAPFLIP#", "FA")]
        [InlineData("K2 key id 5", "01 01 02 02 16 05 09 18 #WRAP#", "0D")]
        [InlineData("K3 not an array", "02 02 16 00 09 18 #WRAP#", "0C")]
        [InlineData("K4 wrapped key of 16 bytes", "01 01 02 02 16 00 09 10 00112233445566778899AABBCCDDEEFF", "0C")]
        [InlineData("K5 second entry bad: nothing kept", "01 02 02 02 16 02 09 18 #WRAP# 02 02 16 00 09 18 #WRAPFLIP#", "FA")]
        [InlineData("K6 empty array", "01 00", "0C")]
        [InlineData("K7 five entries", "01 05 02 02 16 00 09 18 #WRAP# 02 02 16 00 09 18 #WRAP# 02 02 16 00 09 18 #WRAP# 02 02 16 00 09 18 #WRAP# 02 02 16 00 09 18 #WRAP#", "0D")]
        public void KeyTransfer_Refused_ExactResultAndTheKeysUnchanged(string name, string parameters, string result)
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);
            byte[] wrap = KeyWrap.Wrap(client.Kek, NewEk);
            byte[] flipped = (byte[])wrap.Clone();
            flipped[5] ^= 0x20;
            string p = parameters.Replace("#WRAPFLIP#", Hex.Format(flipped)).Replace("#WRAP#", Hex.Format(wrap));

            Assert.True(SecureSteps.Request(driver, client, "C3 01 C1 0040 00" + SetupLn + " 02 01 " + p) == "C7 01 C1 " + result + " 00", name);

            Assert.False(meter.Profile.HasStagedKeys, name);
            driver.Exchange(client.Rlrq());
            SecureSteps.Associate(driver, new SecureClient { NextIc = client.NextIc });
        }

        [Fact]
        public void SecurityActivate_OnlyStrengthens()
        {
            SecureTestMeter meter = new SecureTestMeter(policy: SecurityPolicy.AllMessagesAuthenticated);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);
            const string Activate = "C3 01 C1 0040 00" + SetupLn + " 01 01 ";

            Assert.Equal("C7 01 C1 0C 00", SecureSteps.Request(driver, client, Activate + "11 03"));   // unsigned, not enum
            Assert.Equal("C7 01 C1 0D 00", SecureSteps.Request(driver, client, Activate + "16 04"));   // no such policy
            Assert.Equal("C7 01 C1 03 00", SecureSteps.Request(driver, client, Activate + "16 00"));   // weaker
            Assert.Equal("C7 01 C1 00 00", SecureSteps.Request(driver, client, Activate + "16 03"));   // stronger
            Assert.Equal(3, meter.Profile.SecurityPolicy);
            // authentication only no longer meets the policy
            client.SecurityControl = 0x10;
            Assert.Equal("D8 01 05", Hex.Format(driver.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo))));
            client.SecurityControl = 0x30;
            Assert.Equal("C4 01 C1 00 06 00 01 E2 40", SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet));
        }

        [Fact]
        public void ChangeHlsSecret_Sha256Association_NextAssociationUsesTheNewSecret()
        {
            SecureTestMeter meter = new SecureTestMeter(mechanism: MechanismName.HlsSha256);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { Mechanism = 6, Secret = Encoding.ASCII.GetBytes("HLS-SHA256-secret") };
            SecureSteps.Associate(driver, client);

            Assert.Equal("C7 01 C1 00 00", SecureSteps.Request(driver, client, "C3 01 C1 000F 0000280000FF 02 01 09 06 6E 65 77 6F 6E 65"));
            driver.Exchange(client.Rlrq());

            SecureClient stale = new SecureClient { Mechanism = 6, Secret = client.Secret, NextIc = client.NextIc };
            stale.ReadAare(driver.Exchange(stale.Aarq()), out _);
            Assert.Equal("C7 01 C1 03 00", Hex.Format(stale.Open(driver.Exchange(stale.HlsReply()))));
            SecureSteps.Associate(driver, new SecureClient { Mechanism = 6, Secret = Encoding.ASCII.GetBytes("newone"), NextIc = stale.NextIc });
        }

        [Fact]
        public void Access_X1_EncryptedOnlyAttributeWithAnAuthenticatedRequest_ReadWriteDenied()
        {
            SecureTestMeter meter = new SecureTestMeter(policy: SecurityPolicy.AllMessagesAuthenticated);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { SecurityControl = 0x10 };
            SecureSteps.Associate(driver, client);

            Assert.Equal("C4 01 C1 01 03", SecureSteps.Request(driver, client, SecureTestMeter.SecretGet));
            Assert.Equal("C4 01 C1 00 09 01 AB", SecureSteps.Request(driver, client, SecureTestMeter.SecretGet, securityControl: 0x30));
            // with-list: only that item is refused
            Assert.Equal("C4 03 C1 02 01 03 00 06 00 01 E2 40",
                SecureSteps.Request(driver, client, "C0 03 C1 02 0001 0000600101FF 02 00 0003 0100010800FF 02 00"));
        }

        [Fact]
        public void Access_X2_AuthenticatedOnlyWriteWithAnEncryptedOnlyRequest_ReadWriteDenied()
        {
            SecureTestMeter meter = new SecureTestMeter(policy: SecurityPolicy.AllMessagesEncrypted);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { SecurityControl = 0x20 };
            SecureSteps.Associate(driver, client);
            const string Set = "C1 01 C1 0001 0000600100FF 02 00 09 02 AB CD";

            Assert.Equal("C5 01 C1 03", SecureSteps.Request(driver, client, Set));
            Assert.Equal("C5 01 C1 00", SecureSteps.Request(driver, client, Set, securityControl: 0x30));
        }

        [Fact]
        public void Access_X3_SecuredMethodWithAnAuthenticatedOnlyRequest_ReadWriteDenied()
        {
            SecureTestMeter meter = new SecureTestMeter(policy: SecurityPolicy.AllMessagesAuthenticated);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { SecurityControl = 0x10 };
            SecureSteps.Associate(driver, client);

            Assert.Equal("C7 01 C1 03 00", SecureSteps.Request(driver, client, "C3 01 C1 0003 0100010800FF 01 01 0F 00"));
            Assert.Equal("C7 01 C1 03 00", SecureSteps.Request(driver, client, "C3 01 C1 0040 00" + SetupLn + " 01 01 16 03"));
            Assert.Equal(SecureTestMeter.EnergyValue, meter.Energy.Value.Integer);
        }

        [Fact]
        public void Access_X4_PublicClient_SecuritySetupIsNotInItsView()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open(SecureTestMeter.PublicSap);
            Assert.Equal(0, AareView.Parse(driver.Exchange(Hex.Parse("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF"))).Result);

            Assert.Equal("C7 01 C1 04 00", Hex.Format(driver.Exchange(Hex.Parse("C3 01 C1 0040 00" + SetupLn + " 01 01 16 00"))));
            Assert.Equal("C4 01 C1 01 04", Hex.Format(driver.Exchange(Hex.Parse("C0 01 C1 0040 00" + SetupLn + " 02 00"))));
        }

        [Fact]
        public void ObjectList_SecuredRights_ShownAsVersion1AuthenticatedModes()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);

            string list = SecureSteps.Request(driver, client, "C0 01 C1 000F 0000280003FF 02 00");

            // Secret 0.0.96.1.1.255: attribute 2 read by encrypted requests only -> 4 authenticated-read-only.
            Assert.Contains("09 06 00 00 60 01 01 FF 02 02 01 02 02 03 0F 01 16 01 00 02 03 0F 02 16 04 00", list);
            // Serial 0.0.96.1.0.255: attribute 2 read-write, write needs authentication -> 6.
            Assert.Contains("09 06 00 00 60 01 00 FF 02 02 01 02 02 03 0F 01 16 01 00 02 03 0F 02 16 06 00", list);
            // Security setup: methods with authentication -> 2 authenticated-access.
            Assert.Contains("02 02 0F 01 16 02 02 02 0F 02 16 02", list);
        }
    }
}
