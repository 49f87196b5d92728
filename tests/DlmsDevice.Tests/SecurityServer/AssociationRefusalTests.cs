using System.Collections.Generic;
using System.Text;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Server;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.SecurityServer.SecurityAttackAarqTests;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// Why an association was refused, as the server tells its host (<see cref="IAssociationObserver"/>):
    /// one call per refused AARQ or failed HLS pass 3/4, with the reason and its two numbers; none
    /// for an accepted association; and the AARE bytes on the wire are the same with or without an
    /// observer (the reason is never sent).
    /// </summary>
    public sealed class AssociationRefusalTests
    {
        private const long Absent = -1;

        [Theory]
        [InlineData(AarqAttack.A1_OtherHlsMechanism, AssociationRefusal.MechanismNotRecognised, (long)MechanismName.HlsSha256, (long)MechanismName.HlsGmac)]
        [InlineData(AarqAttack.A2_EcdsaMechanism, AssociationRefusal.MechanismNotRecognised, (long)MechanismName.HlsEcdsa, (long)MechanismName.HlsGmac)]
        [InlineData(AarqAttack.A3_NoMechanism, AssociationRefusal.MechanismRequired, Absent, (long)MechanismName.HlsGmac)]
        [InlineData(AarqAttack.A4_PlainContextToCipheredAssociation, AssociationRefusal.ApplicationContextNotSupported, 1L, 3L)]
        [InlineData(AarqAttack.A6_NoCallingApTitle, AssociationRefusal.CallingApTitleNotRecognized, 0L, 0L)]
        [InlineData(AarqAttack.A7_ShortCallingApTitle, AssociationRefusal.CallingApTitleNotRecognized, 7L, 0L)]
        [InlineData(AarqAttack.A9_ShortChallenge, AssociationRefusal.ChallengeInvalid, 7L, 8L)]
        [InlineData(AarqAttack.A10_OversizedChallenge, AssociationRefusal.MalformedAarq, (long)AcseStatus.TooLarge, 0L)]
        [InlineData(AarqAttack.A11_AlteredInitiateTag, AssociationRefusal.InitiateNotAuthentic, (long)ProtectionStatus.AuthenticationFailed, 0L)]
        [InlineData(AarqAttack.A12_AlteredInitiateCiphertext, AssociationRefusal.InitiateNotAuthentic, (long)ProtectionStatus.AuthenticationFailed, 0L)]
        [InlineData(AarqAttack.A13_UnsupportedSuiteInInitiate, AssociationRefusal.InitiateNotAuthentic, (long)ProtectionStatus.UnsupportedSecurity, 0L)]
        [InlineData(AarqAttack.A14_InitiateUnderAnotherKey, AssociationRefusal.InitiateNotAuthentic, (long)ProtectionStatus.AuthenticationFailed, 0L)]
        [InlineData(AarqAttack.A16_TruncatedInitiate, AssociationRefusal.InitiateNotAuthentic, (long)ProtectionStatus.Malformed, Absent)]
        [InlineData(AarqAttack.A17_PlainInitiateUnderPolicy3, AssociationRefusal.InitiateNotProtected, Absent, Absent)]
        [InlineData(AarqAttack.A18_DedicatedKeyOf8Bytes, AssociationRefusal.DedicatedKeyInvalid, 8L, 16L)]
        [InlineData(AarqAttack.A19_InitiateAuthenticatedOnlyUnderPolicy3, AssociationRefusal.InitiateNotAuthentic, (long)ProtectionStatus.PolicyViolation, 0L)]
        [InlineData(AarqAttack.A20_InitiateCompressed, AssociationRefusal.InitiateNotAuthentic, (long)ProtectionStatus.UnsupportedSecurity, 0L)]
        public void Aarq_Refused_ObserverToldTheReasonAndTheAareUnchanged(AarqAttack attack, AssociationRefusal reason, long detail, long expected)
        {
            SecureTestMeter silent = new SecureTestMeter();
            byte[] unobserved = silent.Open().Exchange(Build(attack, new SecureClient()));
            SecureTestMeter meter = new SecureTestMeter();
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SessionDriver driver = meter.Open();

            byte[] aare = driver.Exchange(Build(attack, new SecureClient()));

            Assert.Equal(Hex.Format(unobserved), Hex.Format(aare));
            if (attack == AarqAttack.A10_OversizedChallenge)
            {
                // The second number of a malformed AARQ is its length.
                expected = Build(attack, new SecureClient()).Length;
            }
            Assert.Equal(new[] { Call(driver.Session, reason, detail, expected) }, recorder.Calls);
        }

        [Fact]
        public void Aarq_ReplayedCounter_ObserverToldTheCounterReceivedAndTheSmallestAccepted()
        {
            SecureTestMeter meter = new SecureTestMeter();
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SecureClient client = new SecureClient { NextIc = 41 };
            byte[] aarq = client.Aarq();
            Assert.Equal(0, AareView.Parse(meter.Open().Exchange(aarq)).Result);
            Assert.Empty(recorder.Calls);

            SessionDriver other = meter.Open();
            other.Exchange(aarq);

            Assert.Equal(new[] { Call(other.Session, AssociationRefusal.InvocationCounterReplayed, 41, 42) }, recorder.Calls);
        }

        [Fact]
        public void Hls_WrongGmac_ObserverToldOnceAfterTheAcceptedAarq()
        {
            SecureTestMeter meter = new SecureTestMeter();
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { NextIc = 50 };
            client.ReadAare(driver.Exchange(client.Aarq()), out _);
            Assert.Empty(recorder.Calls);
            byte[] wrong = SuiteZero.Gmac(client.Ek, client.Ak, client.ClientTitle, 51, Hex.Parse("00000000000000000000000000000000"));

            byte[] response = client.Open(driver.Exchange(client.HlsReply(Envelope.Glo, reply: wrong)));

            Assert.Equal("C7 01 C1 03 00", Hex.Format(response));
            Assert.Equal(new[] { Call(driver.Session, AssociationRefusal.HlsAuthenticationFailed, MechanismName.HlsGmac, Absent) }, recorder.Calls);
        }

        [Fact]
        public void Hls_RightGmacThenRequests_ObserverNeverCalled()
        {
            SecureTestMeter meter = new SecureTestMeter();
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();

            SecureSteps.Associate(driver, client);
            SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet);

            Assert.Empty(recorder.Calls);
        }

        [Fact]
        public void Aarq_UnknownClientSap_ObserverToldTheSapAndLogicalDevice()
        {
            SecureTestMeter meter = new SecureTestMeter();
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SessionDriver driver = meter.Open(47);

            driver.Exchange(new SecureClient().Aarq());

            Assert.Equal(new[] { Call(driver.Session, AssociationRefusal.UnknownClient, 47, 1) }, recorder.Calls);
        }

        [Theory]
        [InlineData("wrong", 5L)]
        [InlineData("", 0L)]
        public void Aarq_WrongLlsPassword_ObserverToldTheLengthGivenNeverThePassword(string password, long length)
        {
            SecureTestMeter meter = new SecureTestMeter(mechanism: MechanismName.Lls, context: ApplicationContextName.LogicalName);
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { Mechanism = MechanismName.Lls, Context = 1, Secret = Encoding.ASCII.GetBytes(password) };

            AareView view = AareView.Parse(driver.Exchange(client.Aarq(cipheredInitiate: false)));

            Assert.Equal(13, view.Diagnostic);
            Assert.Equal(new[] { Call(driver.Session, AssociationRefusal.WrongPassword, length, Absent) }, recorder.Calls);
            Assert.Equal(AssociationStatus.NonAssociated, driver.Session.Context.Status);
        }

        [Fact]
        public void Aarq_RightLlsPassword_ObserverNeverCalled()
        {
            SecureTestMeter meter = new SecureTestMeter(mechanism: MechanismName.Lls, context: ApplicationContextName.LogicalName);
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { Mechanism = MechanismName.Lls, Context = 1, Secret = Encoding.ASCII.GetBytes("HLS-SHA256-secret") };

            AareView view = AareView.Parse(driver.Exchange(client.Aarq(cipheredInitiate: false)));

            Assert.Equal(0, view.Result);
            Assert.Empty(recorder.Calls);
        }

        [Fact]
        public void Aarq_TooLowDlmsVersion_ObserverToldBothVersions()
        {
            SecureTestMeter meter = new SecureTestMeter();
            Recorder recorder = new Recorder();
            meter.Server.Observer = recorder;
            SessionDriver driver = meter.Open(SecureTestMeter.PublicSap);
            // Public client, LN, no authentication, InitiateRequest proposing DLMS version 5.
            byte[] aarq = Hex.Parse("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 05 5F 1F 04 00 00 1E 1D FF FF");

            AareView view = AareView.Parse(driver.Exchange(aarq));

            Assert.Equal(1, view.Result);
            Assert.Equal(new[] { Call(driver.Session, AssociationRefusal.DlmsVersionTooLow, 5, 6) }, recorder.Calls);
        }

        private static string Call(ApplicationSession session, AssociationRefusal reason, long detail, long expected)
        {
            return session.GetHashCode() + " " + reason + " " + detail + " " + expected;
        }

        private sealed class Recorder : IAssociationObserver
        {
            public List<string> Calls { get; } = new List<string>();

            public void AssociationRefused(ApplicationSession session, AssociationRefusal reason, long detail, long expected)
            {
                Calls.Add(Call(session, reason, detail, expected));
            }
        }
    }
}
