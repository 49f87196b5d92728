using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// Bad and hostile AARQs for the HLS-GMAC association with authenticated encryption (policy
    /// 3). Each gets the exact AARE of docs/security.md (cases A1..A20): rejected-permanent with
    /// one diagnostic, no responding-AP-title, no challenge, no user-information (nothing is
    /// revealed about why a ciphered InitiateRequest failed), the channel stays non-associated,
    /// and a good AARQ afterwards is accepted.
    /// </summary>
    public sealed class SecurityAttackAarqTests
    {
        public enum AarqAttack
        {
            A1_OtherHlsMechanism,
            A2_EcdsaMechanism,
            A3_NoMechanism,
            A4_PlainContextToCipheredAssociation,
            A6_NoCallingApTitle,
            A7_ShortCallingApTitle,
            A9_ShortChallenge,
            A10_OversizedChallenge,
            A11_AlteredInitiateTag,
            A12_AlteredInitiateCiphertext,
            A13_UnsupportedSuiteInInitiate,
            A14_InitiateUnderAnotherKey,
            A16_TruncatedInitiate,
            A17_PlainInitiateUnderPolicy3,
            A18_DedicatedKeyOf8Bytes,
            A19_InitiateAuthenticatedOnlyUnderPolicy3,
            A20_InitiateCompressed,
        }

        [Theory]
        [InlineData(AarqAttack.A1_OtherHlsMechanism, false, 11)]
        [InlineData(AarqAttack.A2_EcdsaMechanism, false, 11)]
        [InlineData(AarqAttack.A3_NoMechanism, false, 12)]
        [InlineData(AarqAttack.A4_PlainContextToCipheredAssociation, false, 2)]
        [InlineData(AarqAttack.A6_NoCallingApTitle, false, 3)]
        [InlineData(AarqAttack.A7_ShortCallingApTitle, false, 3)]
        [InlineData(AarqAttack.A9_ShortChallenge, false, 13)]
        [InlineData(AarqAttack.A10_OversizedChallenge, true, 1)]
        [InlineData(AarqAttack.A11_AlteredInitiateTag, false, 1)]
        [InlineData(AarqAttack.A12_AlteredInitiateCiphertext, false, 1)]
        [InlineData(AarqAttack.A13_UnsupportedSuiteInInitiate, false, 1)]
        [InlineData(AarqAttack.A14_InitiateUnderAnotherKey, false, 1)]
        [InlineData(AarqAttack.A16_TruncatedInitiate, false, 1)]
        [InlineData(AarqAttack.A17_PlainInitiateUnderPolicy3, false, 1)]
        [InlineData(AarqAttack.A18_DedicatedKeyOf8Bytes, false, 1)]
        [InlineData(AarqAttack.A19_InitiateAuthenticatedOnlyUnderPolicy3, false, 1)]
        [InlineData(AarqAttack.A20_InitiateCompressed, false, 1)]
        public void Aarq_Attack_RejectedPermanentWithTheDiagnosticAndNothingElse(AarqAttack attack, bool provider, byte diagnostic)
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();

            byte[] aare = driver.Exchange(Build(attack, client));

            AareView view = AareView.Parse(aare);
            Assert.Equal(new byte[] { 0xA1, 0xA2, 0xA3 }, view.Order.ToArray());
            Assert.Equal(3, view.ApplicationContext);
            Assert.Equal(1, view.Result);
            Assert.Equal(provider, view.DiagnosticIsProvider);
            Assert.Equal(diagnostic, view.Diagnostic);
            Assert.Equal(AssociationStatus.NonAssociated, driver.Session.Context.Status);
            // A ciphered GET now: not associated.
            Assert.Equal("D8 01 01", Hex.Format(driver.Exchange(new SecureClient { NextIc = 900 }.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo))));
            // The server keeps serving: a good AARQ (a fresh counter) is accepted.
            SecureClient good = new SecureClient { NextIc = 1000 };
            SecureSteps.Associate(driver, good);
        }

        internal static byte[] Build(AarqAttack attack, SecureClient client)
        {
            switch (attack)
            {
                case AarqAttack.A1_OtherHlsMechanism:
                    client.Mechanism = MechanismName.HlsSha256;
                    return client.Aarq();
                case AarqAttack.A2_EcdsaMechanism:
                    client.Mechanism = MechanismName.HlsEcdsa;
                    return client.Aarq();
                case AarqAttack.A3_NoMechanism:
                    client.Mechanism = 0;
                    return client.Aarq();
                case AarqAttack.A4_PlainContextToCipheredAssociation:
                    client.Context = 1;
                    return client.Aarq();
                case AarqAttack.A6_NoCallingApTitle:
                    return client.Aarq(callingApTitle: false);
                case AarqAttack.A7_ShortCallingApTitle:
                {
                    byte[] ui = client.GloInitiateRequest();
                    client.ClientTitle = Hex.Parse("47757275783132");
                    return client.Aarq(userInformation: ui);
                }
                case AarqAttack.A9_ShortChallenge:
                    client.CtoS = Hex.Parse("01020304050607");
                    return client.Aarq();
                case AarqAttack.A10_OversizedChallenge:
                    client.CtoS = new byte[65];
                    return client.Aarq();
                case AarqAttack.A11_AlteredInitiateTag:
                {
                    byte[] ui = client.GloInitiateRequest();
                    ui[^1] ^= 0x01;
                    return client.Aarq(userInformation: ui);
                }
                case AarqAttack.A12_AlteredInitiateCiphertext:
                {
                    byte[] ui = client.GloInitiateRequest();
                    ui[8] ^= 0x80;
                    return client.Aarq(userInformation: ui);
                }
                case AarqAttack.A13_UnsupportedSuiteInInitiate:
                    client.SecurityControl = 0x31;
                    return client.Aarq();
                case AarqAttack.A14_InitiateUnderAnotherKey:
                    client.Ek = Hex.Parse("00112233445566778899AABBCCDDEEFF");
                    return client.Aarq();
                case AarqAttack.A16_TruncatedInitiate:
                {
                    byte[] ui = client.GloInitiateRequest();
                    ui[1]++;
                    return client.Aarq(userInformation: ui);
                }
                case AarqAttack.A17_PlainInitiateUnderPolicy3:
                    return client.Aarq(cipheredInitiate: false);
                case AarqAttack.A18_DedicatedKeyOf8Bytes:
                    client.DedicatedKey = Hex.Parse("0011223344556677");
                    return client.Aarq();
                case AarqAttack.A19_InitiateAuthenticatedOnlyUnderPolicy3:
                    client.SecurityControl = 0x10;
                    return client.Aarq();
                default:
                    client.SecurityControl = 0xB0;
                    return client.Aarq();
            }
        }

        [Fact]
        public void Aarq_A5_CipheredContextToThePublicClient_ApplicationContextNotSupported()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open(SecureTestMeter.PublicSap);
            SecureClient client = new SecureClient { Mechanism = 0 };

            AareView view = AareView.Parse(driver.Exchange(client.Aarq()));

            Assert.Equal(1, view.Result);
            Assert.Equal(2, view.Diagnostic);
            Assert.Equal(1, view.ApplicationContext);
            Assert.False(view.Has(0xBE));
        }

        [Fact]
        public void Aarq_A8_NotTheConfiguredClientSystemTitle_CallingApTitleNotRecognized()
        {
            SecureTestMeter meter = new SecureTestMeter();
            meter.Profile.SetClientSystemTitle(Hex.Parse("4775727578313234"), 0);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();

            AareView view = AareView.Parse(driver.Exchange(client.Aarq()));

            Assert.Equal(1, view.Result);
            Assert.Equal(3, view.Diagnostic);
            Assert.False(view.Has(0xBE));
            // The configured one is accepted.
            SecureSteps.Associate(driver, new SecureClient { ClientTitle = Hex.Parse("4775727578313234") });
        }

        [Fact]
        public void Aarq_A15_ReplayedCipheredAarq_RejectedAndTheRecordedAarqNeverWorksAgain()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            byte[] aarq = client.Aarq();
            Assert.Equal(0, AareView.Parse(driver.Exchange(aarq)).Result);

            SessionDriver other = meter.Open();
            AareView view = AareView.Parse(other.Exchange(aarq));

            Assert.Equal(1, view.Result);
            Assert.Equal(1, view.Diagnostic);
            Assert.False(view.Has(0xBE));
            Assert.Equal(AssociationStatus.NonAssociated, other.Session.Context.Status);
            Assert.Equal(ProtectionStatus.Replayed, other.Session.Security.LastStatus);
        }

        [Fact]
        public void Aarq_ForgedInitiate_DoesNotMoveTheClientCounter()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open();
            SecureClient forger = new SecureClient { NextIc = 500, Ek = Hex.Parse("00112233445566778899AABBCCDDEEFF") };
            Assert.Equal(1, AareView.Parse(driver.Exchange(forger.Aarq())).Result);
            Assert.Equal(ProtectionStatus.AuthenticationFailed, driver.Session.Security.LastStatus);

            // Nothing accepted: the genuine client starting at 0 still gets in.
            Assert.Equal(0u, meter.Profile.Counters.Received.Minimum);
            SecureSteps.Associate(driver, new SecureClient());
        }

        [Fact]
        public void Aarq_A21_UnknownClientSap_RejectedNoReasonGiven()
        {
            SecureTestMeter meter = new SecureTestMeter();
            SessionDriver driver = meter.Open(47);

            AareView view = AareView.Parse(driver.Exchange(new SecureClient().Aarq()));

            Assert.Equal(1, view.Result);
            Assert.False(view.DiagnosticIsProvider);
            Assert.Equal(1, view.Diagnostic);
            Assert.False(view.Has(0xBE));
        }

        [Fact]
        public void Aarq_A22_HlsWithoutEntropySource_MechanismNotRecognised()
        {
            SecureTestMeter meter = new SecureTestMeter();
            meter.Server.Entropy = null;
            SessionDriver driver = meter.Open();

            AareView view = AareView.Parse(driver.Exchange(new SecureClient().Aarq()));

            Assert.Equal(1, view.Result);
            Assert.Equal(11, view.Diagnostic);
        }
    }
}
