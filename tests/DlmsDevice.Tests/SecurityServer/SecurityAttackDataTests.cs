using System;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// Hostile and broken APDUs on an associated HLS-GMAC channel with authenticated encryption
    /// (docs/security.md cases D1..D23, H1..H5): the exact ExceptionResponse (in clear: it has no
    /// ciphered form), one answer for every forgery (deciphering-error), invocation-counter-error
    /// only for authentic but stale requests, the client's counter untouched by forgeries, and
    /// the next genuine request served.
    /// </summary>
    public sealed class SecurityAttackDataTests
    {
        private const string EnergyResponse = "C4 01 C1 00 06 00 01 E2 40";

        private readonly SecureTestMeter _meter = new SecureTestMeter();
        private readonly SessionDriver _driver;
        private readonly SecureClient _client = new SecureClient();

        public SecurityAttackDataTests()
        {
            _driver = _meter.Open();
            // AARQ IC 0, f(StoC) IC 1, ACTION IC 2: the next acceptable counter is 3.
            SecureSteps.Associate(_driver, _client);
        }

        public enum Forgery
        {
            D3_AlteredTag,
            D4_AlteredCiphertext,
            D5_EncryptionOnlyHeader,
            D6_AlteredInvocationCounter,
            D7_TruncatedByOneByte,
            D8_LengthBeyondTheInput,
            D9_WrongEncryptionKey,
            D10_WrongAuthenticationKey,
            D14_GeneralGloWithAnotherSystemTitle,
            D15_Suite1,
            D16_CompressionBit,
            D17_DedWithoutDedicatedKey,
            D19_AuthenticationOnlyUnderPolicy3,
            D24_BroadcastKeyBit,
            D25_NoProtectionBits,
            D26_EmptyTitleWithAnotherKey,
        }

        [Theory]
        [InlineData(Forgery.D3_AlteredTag, ProtectionStatus.AuthenticationFailed)]
        [InlineData(Forgery.D4_AlteredCiphertext, ProtectionStatus.AuthenticationFailed)]
        [InlineData(Forgery.D5_EncryptionOnlyHeader, ProtectionStatus.PolicyViolation)]
        [InlineData(Forgery.D6_AlteredInvocationCounter, ProtectionStatus.AuthenticationFailed)]
        [InlineData(Forgery.D7_TruncatedByOneByte, ProtectionStatus.Malformed)]
        [InlineData(Forgery.D8_LengthBeyondTheInput, ProtectionStatus.Malformed)]
        [InlineData(Forgery.D9_WrongEncryptionKey, ProtectionStatus.AuthenticationFailed)]
        [InlineData(Forgery.D10_WrongAuthenticationKey, ProtectionStatus.AuthenticationFailed)]
        [InlineData(Forgery.D14_GeneralGloWithAnotherSystemTitle, ProtectionStatus.SystemTitleMismatch)]
        [InlineData(Forgery.D15_Suite1, ProtectionStatus.UnsupportedSecurity)]
        [InlineData(Forgery.D16_CompressionBit, ProtectionStatus.UnsupportedSecurity)]
        [InlineData(Forgery.D17_DedWithoutDedicatedKey, ProtectionStatus.NoDedicatedKey)]
        [InlineData(Forgery.D19_AuthenticationOnlyUnderPolicy3, ProtectionStatus.PolicyViolation)]
        [InlineData(Forgery.D24_BroadcastKeyBit, ProtectionStatus.UnsupportedSecurity)]
        [InlineData(Forgery.D25_NoProtectionBits, ProtectionStatus.UnsupportedSecurity)]
        [InlineData(Forgery.D26_EmptyTitleWithAnotherKey, ProtectionStatus.AuthenticationFailed)]
        public void ProtectedGet_Forged_DecipheringErrorInClearAndTheCounterKept(Forgery forgery, ProtectionStatus reason)
        {
            byte[] request = Forge(forgery);

            byte[] response = _driver.Exchange(request);

            Assert.Equal("D8 01 05", Hex.Format(response));
            Assert.Equal(reason, _driver.Session.Security.LastStatus);
            Assert.Equal(3L, _meter.Profile.Counters.Received.Minimum);
            // The genuine request with the next counter (3) is still accepted.
            _client.NextIc = 3;
            Assert.Equal(EnergyResponse, SecureSteps.Request(_driver, _client, SecureTestMeter.EnergyGet));
            Assert.Equal(AssociationStatus.Associated, _driver.Session.Context.Status);
        }

        private byte[] Forge(Forgery forgery)
        {
            byte[] get = Hex.Parse(SecureTestMeter.EnergyGet);
            byte[] good = _client.Protect(get, Envelope.Glo, ic: 3);
            switch (forgery)
            {
                case Forgery.D3_AlteredTag:
                    good[^1] ^= 0x01;
                    return good;
                case Forgery.D4_AlteredCiphertext:
                    good[7] ^= 0x01;
                    return good;
                case Forgery.D5_EncryptionOnlyHeader:
                    good[2] = 0x20;
                    return good;
                case Forgery.D6_AlteredInvocationCounter:
                    good[6] = 0x09;
                    return good;
                case Forgery.D7_TruncatedByOneByte:
                    return good.AsSpan(0, good.Length - 1).ToArray();
                case Forgery.D8_LengthBeyondTheInput:
                    good[1]++;
                    return good;
                case Forgery.D9_WrongEncryptionKey:
                    return SuiteZero.Envelope(0xC8, SuiteZero.Protect(0x30, 3, Hex.Parse("00112233445566778899AABBCCDDEEFF"), _client.Ak, _client.ClientTitle, get), null);
                case Forgery.D10_WrongAuthenticationKey:
                    return SuiteZero.Envelope(0xC8, SuiteZero.Protect(0x30, 3, _client.Ek, Hex.Parse("00112233445566778899AABBCCDDEEFF"), _client.ClientTitle, get), null);
                case Forgery.D14_GeneralGloWithAnotherSystemTitle:
                {
                    byte[] other = Hex.Parse("4775727578313234");
                    return SuiteZero.Envelope(0xDB, SuiteZero.Protect(0x30, 3, _client.Ek, _client.Ak, other, get), other);
                }
                case Forgery.D15_Suite1:
                    return _client.Protect(get, Envelope.Glo, 0x31, 3);
                case Forgery.D16_CompressionBit:
                    return _client.Protect(get, Envelope.Glo, 0xB0, 3);
                case Forgery.D17_DedWithoutDedicatedKey:
                    return SuiteZero.Envelope(0xD0, SuiteZero.Protect(0x30, 3, _client.Ek, _client.Ak, _client.ClientTitle, get), null);
                case Forgery.D19_AuthenticationOnlyUnderPolicy3:
                    return _client.Protect(get, Envelope.Glo, 0x10, 3);
                case Forgery.D24_BroadcastKeyBit:
                    return _client.Protect(get, Envelope.Glo, 0x70, 3);
                case Forgery.D25_NoProtectionBits:
                    return SuiteZero.Envelope(0xC8, SuiteZero.Concat(new byte[] { 0x00, 0, 0, 0, 3 }, get), null);
                default:
                {
                    // general-glo with an empty system title: the association's client title is
                    // used, so only the key decides (here a wrong one).
                    byte[] content = SuiteZero.Protect(0x30, 3, Hex.Parse("00112233445566778899AABBCCDDEEFF"), _client.Ak, _client.ClientTitle, get);
                    return SuiteZero.Concat(new byte[] { 0xDB, 0x00 }, SuiteZero.Length(content.Length), content);
                }
            }
        }

        [Fact]
        public void ProtectedGet_D1_ReplayedCounter_InvocationCounterErrorWithTheNextAcceptable()
        {
            byte[] request = _client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo, ic: 3);
            byte[] copy = (byte[])request.Clone();
            Assert.Equal(EnergyResponse, Hex.Format(_client.Open(_driver.Exchange(request))));

            Assert.Equal("D8 01 06 00 00 00 04", Hex.Format(_driver.Exchange(copy)));
            Assert.Equal(ProtectionStatus.Replayed, _driver.Session.Security.LastStatus);
        }

        [Fact]
        public void ProtectedGet_D2_DecreasingCounter_InvocationCounterError()
        {
            _client.NextIc = 10;
            Assert.Equal(EnergyResponse, SecureSteps.Request(_driver, _client, SecureTestMeter.EnergyGet));

            Assert.Equal("D8 01 06 00 00 00 0B", Hex.Format(_driver.Exchange(_client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo, ic: 7))));
            Assert.Equal("D8 01 06 00 00 00 0B", Hex.Format(_driver.Exchange(_client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.GeneralGlo, ic: 0))));
        }

        [Fact]
        public void ProtectedGet_D22_ReplayIntoALaterAssociation_InvocationCounterError()
        {
            byte[] captured = _client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo, ic: 3);
            Assert.Equal(EnergyResponse, Hex.Format(_client.Open(_driver.Exchange((byte[])captured.Clone()))));
            _driver.Exchange(_client.Rlrq());

            // A new association of the same client (the counter is per key, across associations).
            SessionDriver later = _meter.Open();
            SecureClient again = new SecureClient { NextIc = _client.NextIc };
            SecureSteps.Associate(later, again);

            Assert.Equal("D8 01 06", Hex.Format(later.Exchange(captured), 0, 3));
        }

        [Fact]
        public void ProtectedGet_D11_PlainRequestInTheCipheredAssociation_DecipheringError()
        {
            Assert.Equal("D8 01 05", Hex.Format(_driver.Exchange(Hex.Parse(SecureTestMeter.EnergyGet))));
            Assert.Equal("D8 01 05", Hex.Format(_driver.Exchange(Hex.Parse("C1 01 C1 0001 0000600100FF 02 00 09 02 AB CD"))));
            Assert.Equal("D8 01 05", Hex.Format(_driver.Exchange(Hex.Parse("C3 01 C1 0003 0100010800FF 01 01 0F 00"))));
            // nothing was written or reset
            Assert.Equal(SecureTestMeter.EnergyValue, _meter.Energy.Value.Integer);
        }

        [Fact]
        public void ProtectedGet_D12_CipheredRequestOnThePlainAssociation_ServiceNotSupported()
        {
            SessionDriver plain = _meter.Open(SecureTestMeter.PublicSap);
            Assert.Equal(0, AareView.Parse(plain.Exchange(Hex.Parse("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF"))).Result);

            Assert.Equal("D8 01 02", Hex.Format(plain.Exchange(_client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo, ic: 3))));
            Assert.Equal("D8 01 02", Hex.Format(plain.Exchange(_client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.GeneralGlo, ic: 3))));
        }

        [Fact]
        public void ProtectedGet_D13_BeforeTheAssociation_ServiceNotAllowed()
        {
            SessionDriver fresh = _meter.Open();

            Assert.Equal("D8 01 01", Hex.Format(fresh.Exchange(_client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo, ic: 3))));
            Assert.Equal("D8 01 01", Hex.Format(fresh.Exchange(Hex.Parse(SecureTestMeter.EnergyGet))));
        }

        [Fact]
        public void ProtectedGet_D18_GloGetHoldingASet_Malformed()
        {
            byte[] set = Hex.Parse("C1 01 C1 0001 0000600100FF 02 00 09 02 AB CD");
            byte[] request = SuiteZero.Envelope(0xC8, SuiteZero.Protect(0x30, 3, _client.Ek, _client.Ak, _client.ClientTitle, set), null);

            Assert.Equal("D8 02 03", Hex.Format(_driver.Exchange(request)));
            // The request was authentic, so its counter (3) was used up.
            _client.NextIc = 4;
            Assert.Equal("C4 01 C1 00 09 03 31 32 33", SecureSteps.Request(_driver, _client, SecureTestMeter.SerialGet));
        }

        [Fact]
        public void ProtectedGet_D20_GeneralGloWithoutGeneralProtection_ServiceNotSupported()
        {
            SessionDriver driver = _meter.Open();
            SecureClient client = new SecureClient { NextIc = 100, ProposedConformance = 0x001E1D };
            SecureSteps.Associate(driver, client);

            Assert.Equal("D8 01 02", Hex.Format(driver.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.GeneralGlo))));
            Assert.Equal(EnergyResponse, SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet, Envelope.Glo));
        }

        [Fact]
        public void ProtectedGet_D21_LongerThanTheServerPdu_PduTooLong()
        {
            SecureTestMeter meter = new SecureTestMeter(maxPdu: 128);
            SessionDriver driver = meter.Open(responseMax: 128);
            SecureClient client = new SecureClient();
            SecureSteps.Associate(driver, client);
            // a SET of a 120-byte octet-string: 160 bytes once ciphered
            byte[] set = Hex.Parse("C1 01 C1 0001 0000600100FF 02 00 09 78" + new string('0', 240));

            Assert.Equal("D8 01 04", Hex.Format(driver.Exchange(client.Protect(set, Envelope.Glo))));
        }

        [Fact]
        public void ProtectedGet_D23_EncryptionOnlyPolicyReplay_CheckedBeforeDecrypting()
        {
            SecureTestMeter meter = new SecureTestMeter(policy: SecurityPolicy.AllMessagesEncrypted);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient { SecurityControl = 0x20 };
            SecureSteps.Associate(driver, client);
            byte[] request = client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo);
            byte[] copy = (byte[])request.Clone();
            Assert.Equal(EnergyResponse, Hex.Format(client.Open(driver.Exchange(request))));

            Assert.Equal("D8 01 06 00 00 00 04", Hex.Format(driver.Exchange(copy)));
        }

        [Fact]
        public void Hls_H1_WrongGmac_ReadWriteDeniedAndTheAssociationDropped()
        {
            SessionDriver driver = _meter.Open();
            SecureClient client = new SecureClient { NextIc = 50 };
            client.ReadAare(driver.Exchange(client.Aarq()), out _);
            byte[] wrong = SuiteZero.Gmac(client.Ek, client.Ak, client.ClientTitle, 51, Hex.Parse("00000000000000000000000000000000"));

            byte[] response = client.Open(driver.Exchange(client.HlsReply(Envelope.Glo, reply: wrong)));

            Assert.Equal(0xCF, client.LastResponseTag);
            Assert.Equal("C7 01 C1 03 00", Hex.Format(response));
            Assert.Equal(AssociationStatus.NonAssociated, driver.Session.Context.Status);
            Assert.Equal("D8 01 01", Hex.Format(driver.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo))));
            // One guess per challenge: the right answer now is too late.
            Assert.Equal("D8 01 01", Hex.Format(driver.Exchange(client.HlsReply(Envelope.Glo))));
        }

        [Theory]
        [InlineData("10 00 00 00 33 01 02 03 04 05 06 07 08 09 0A 0B")]        // 16 bytes
        [InlineData("30 00 00 00 33 01 02 03 04 05 06 07 08 09 0A 0B 0C")]     // SC 30, not 10
        [InlineData("")]                                                        // empty
        public void Hls_H2_MalformedReply_ReadWriteDenied(string reply)
        {
            SessionDriver driver = _meter.Open();
            SecureClient client = new SecureClient { NextIc = 50 };
            client.ReadAare(driver.Exchange(client.Aarq()), out _);

            byte[] response = client.Open(driver.Exchange(client.HlsReply(Envelope.Glo, reply: Hex.Parse(reply))));

            Assert.Equal("C7 01 C1 03 00", Hex.Format(response));
            Assert.Equal(AssociationStatus.NonAssociated, driver.Session.Context.Status);
        }

        [Fact]
        public void Hls_H3_ReplyFromAnEarlierAssociation_ReadWriteDenied()
        {
            // _client answered an earlier challenge; its f(StoC) does not answer a new one.
            byte[] old = SuiteZero.Gmac(_client.Ek, _client.Ak, _client.ClientTitle, 1, _client.StoC!);
            SessionDriver driver = _meter.Open();
            SecureClient client = new SecureClient { NextIc = 60 };
            client.ReadAare(driver.Exchange(client.Aarq()), out _);

            Assert.Equal("C7 01 C1 03 00", Hex.Format(client.Open(driver.Exchange(client.HlsReply(Envelope.Glo, reply: old)))));
        }

        [Fact]
        public void Hls_H4_SecondReplyAfterSuccess_ReadWriteDeniedAssociationKept()
        {
            byte[] response = _client.Open(_driver.Exchange(_client.HlsReply(Envelope.Glo)));

            Assert.Equal("C7 01 C1 03 00", Hex.Format(response));
            Assert.Equal(AssociationStatus.Associated, _driver.Session.Context.Status);
            Assert.Equal(EnergyResponse, SecureSteps.Request(_driver, _client, SecureTestMeter.EnergyGet));
        }

        [Fact]
        public void Hls_H5_RequestWhilePending_ServiceNotAllowed()
        {
            SessionDriver driver = _meter.Open();
            SecureClient client = new SecureClient { NextIc = 70 };
            client.ReadAare(driver.Exchange(client.Aarq()), out _);

            Assert.Equal("D8 01 01", Hex.Format(driver.Exchange(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo))));
            Assert.Equal(AssociationStatus.AssociationPending, driver.Session.Context.Status);
            // The pending association can still be completed.
            client.CheckServerHls(client.Open(driver.Exchange(client.HlsReply(Envelope.Glo))));
        }
    }
}
