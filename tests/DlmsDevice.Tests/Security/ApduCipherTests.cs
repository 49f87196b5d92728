using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class ApduCipherTests
    {
        private static readonly byte[] s_ak = Hex.Parse(SecurityVectors.AuthenticationKey);
        private static readonly byte[] s_st = Hex.Parse(SecurityVectors.SystemTitle);

        // the Green Book's security examples, byte for byte.
        [Theory]
        [InlineData(0x30, SecurityVectors.GloGetAuthenticatedEncrypted)]
        [InlineData(0x20, SecurityVectors.GloGetEncrypted)]
        public void Encipher_GreenBookGet_MatchesVector(int sc, string expected)
        {
            byte[] plain = Hex.Parse(SecurityVectors.GetClockTime);
            byte[] buffer = new byte[ApduCipher.MaxHeadroom + plain.Length + ApduCipher.MaxTailroom];
            plain.CopyTo(buffer, ApduCipher.MaxHeadroom);

            SecurityStatus status = ApduCipher.Encipher(buffer, ApduCipher.MaxHeadroom, plain.Length, CipheredTag.GloGetRequest, (byte)sc, 0x01234567,
                Ek(), s_ak, 0, s_st, 0, out int start, out int length);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(buffer, start, length));
            Assert.Equal(ApduCipher.MaxHeadroom - ApduCipher.HeaderLength(CipheredTag.GloGetRequest, (byte)sc, plain.Length), start);
        }

        [Theory]
        [InlineData(SecurityVectors.GloGetAuthenticatedEncrypted)]
        [InlineData(SecurityVectors.GloGetEncrypted)]
        public void Decipher_GreenBookGet_RecoversPlaintextInPlace(string hex)
        {
            byte[] buffer = Hex.Parse("00 00 " + hex);
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, 2, buffer.Length - 2));

            SecurityStatus status = ApduCipher.Decipher(buffer, apdu, Ek(), s_ak, 0, s_st, 0, out int offset, out int count);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(9, offset);
            Assert.Equal(Hex.Format(Hex.Parse(SecurityVectors.GetClockTime)), Hex.Format(buffer, offset, count));
        }

        // Authentication only: the plaintext travels in clear, followed by GMAC(SC || AK || plaintext).
        [Fact]
        public void Encipher_AuthenticationOnly_PlaintextInClearAndTagOverScAkPlaintext()
        {
            byte[] plain = Hex.Parse(SecurityVectors.GetClockTime);
            byte[] buffer = new byte[ApduCipher.MaxHeadroom + plain.Length + ApduCipher.MaxTailroom];
            plain.CopyTo(buffer, ApduCipher.MaxHeadroom);

            ApduCipher.Encipher(buffer, ApduCipher.MaxHeadroom, plain.Length, CipheredTag.GloGetRequest, 0x10, 0x01234567,
                Ek(), s_ak, 0, s_st, 0, out int start, out int length);

            byte[] aad = Hex.Parse("10 " + SecurityVectors.AuthenticationKey + " " + SecurityVectors.GetClockTime);
            byte[] tag = new byte[12];
            using (var platform = new System.Security.Cryptography.AesGcm(Hex.Parse(SecurityVectors.EncryptionKey), 12))
            {
                platform.Encrypt(Hex.Parse(SecurityVectors.SystemTitle + "01234567"), Array.Empty<byte>(), Array.Empty<byte>(), tag, aad);
            }

            Assert.Equal("C8 1E 10 01 23 45 67 " + Hex.Format(plain) + " " + Hex.Format(tag), Hex.Format(buffer, start, length));

            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, start, length));
            Assert.Equal(SecurityStatus.Ok, ApduCipher.Decipher(buffer, apdu, Ek(), s_ak, 0, s_st, 0, out int offset, out int count));
            Assert.Equal(Hex.Format(plain), Hex.Format(buffer, offset, count));
        }

        // general-glo: same AAD (SC || AK) and IV, so the same ciphertext and tag as glo-get; the
        // header adds 08 <system title>.
        [Fact]
        public void Encipher_GeneralGlo_CarriesSystemTitleAndSameCiphertext()
        {
            byte[] plain = Hex.Parse(SecurityVectors.GetClockTime);
            byte[] buffer = new byte[ApduCipher.MaxHeadroom + plain.Length + ApduCipher.MaxTailroom];
            plain.CopyTo(buffer, ApduCipher.MaxHeadroom);

            ApduCipher.Encipher(buffer, ApduCipher.MaxHeadroom, plain.Length, CipheredTag.GeneralGloCiphering, 0x30, 0x01234567,
                Ek(), s_ak, 0, s_st, 0, out int start, out int length);

            Assert.Equal("DB 08 4D 4D 4D 00 00 BC 61 4E 1E 30 01 23 45 67 41 13 12 FF 93 5A 47 56 68 27 C4 67 BC 7D 82 5C 3B E4 A7 7C 3F CC 05 6B 6B",
                Hex.Format(buffer, start, length));
        }

        // The ciphered AARQ of the Green Book's security examples: its user-information deciphers to a valid
        // xDLMS InitiateRequest (dedicated key 00112233..FF, DLMS 6, conformance 007E1F, PDU 1200).
        [Fact]
        public void Decipher_GreenBookAarqUserInformation_IsValidInitiateRequest()
        {
            byte[] buffer = Hex.Parse(SecurityVectors.AarqGloInitiateRequest);
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, 0, buffer.Length));
            Assert.Equal(CipheredTag.GloInitiateRequest, apdu.Tag);

            SecurityStatus status = ApduCipher.Decipher(buffer, apdu, Ek(), s_ak, 0, s_st, 0, out int offset, out int count);

            Assert.Equal(SecurityStatus.Ok, status);
            var request = new AarqRequest();
            Assert.Equal(AcseStatus.Ok, InitiateRequestParser.Parse(buffer, offset, count, request));
            Assert.Equal(6, request.ProposedDlmsVersion);
            Assert.Equal(16, request.DedicatedKeyLength);
            Assert.Equal("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF", Hex.Format(request.DedicatedKey, 0, 16));
            Assert.Equal(0x007E1F, request.ProposedConformance);
            Assert.Equal(0x04B0, request.ClientMaxReceivePdu);
        }

        // Real client frames (Gurux.DLMS.Net, HLS-GMAC session, demo keys).
        [Theory]
        [InlineData(SecurityVectors.GuruxAarqGloInitiateRequest, SecurityVectors.GuruxInitiateRequest)]
        [InlineData(SecurityVectors.GuruxGloActionRequest, SecurityVectors.GuruxActionRequest)]
        [InlineData(SecurityVectors.GuruxRlrqGloInitiateRequest, SecurityVectors.GuruxInitiateRequest)]
        public void Decipher_GuruxClientServiceSpecific_RecoversPlaintext(string ciphered, string plain)
        {
            byte[] buffer = Hex.Parse(ciphered);
            byte[] clientTitle = Hex.Parse(SecurityVectors.GuruxClientSystemTitle);
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, 0, buffer.Length));

            SecurityStatus status = ApduCipher.Decipher(buffer, apdu, Ek(), s_ak, 0, clientTitle, 0, out int offset, out int count);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(Hex.Format(Hex.Parse(plain)), Hex.Format(buffer, offset, count));
        }

        [Fact]
        public void Decipher_GuruxClientGeneralGlo_UsesTheTitleInTheApdu()
        {
            byte[] buffer = Hex.Parse(SecurityVectors.GuruxGeneralGloGet);
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, 0, buffer.Length));

            SecurityStatus status = ApduCipher.Decipher(buffer, apdu, Ek(), s_ak, 0, buffer, apdu.SystemTitleOffset, out int offset, out int count);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(Hex.Format(Hex.Parse(SecurityVectors.GuruxGetRequest)), Hex.Format(buffer, offset, count));
        }

        [Theory]
        [InlineData("tag")]
        [InlineData("ciphertext")]
        [InlineData("sc")]
        [InlineData("ic")]
        [InlineData("ak")]
        [InlineData("systemTitle")]
        public void Decipher_Tampered_AuthenticationFailedWithoutException(string what)
        {
            byte[] buffer = Hex.Parse(SecurityVectors.GloGetAuthenticatedEncrypted);
            byte[] ak = (byte[])s_ak.Clone();
            byte[] st = (byte[])s_st.Clone();
            switch (what)
            {
                case "tag": buffer[buffer.Length - 1] ^= 0x01; break;
                case "ciphertext": buffer[7] ^= 0x80; break;
                case "sc": buffer[2] = 0x10; break;             // AAD changes: SC is authenticated
                case "ic": buffer[6] ^= 0x01; break;            // IV changes
                case "ak": ak[15] ^= 0x01; break;
                case "systemTitle": st[7] ^= 0x01; break;
            }

            byte[] before = (byte[])buffer.Clone();
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, 0, buffer.Length));

            SecurityStatus status = ApduCipher.Decipher(buffer, apdu, Ek(), ak, 0, st, 0, out int offset, out int count);

            Assert.Equal(SecurityStatus.AuthenticationFailed, status);
            Assert.Equal((0, 0), (offset, count));
            Assert.Equal(before, buffer);
        }

        [Theory]
        [InlineData("C8 10 30 01234567 000102030405060708090A", SecurityStatus.Malformed)] // 11 bytes: shorter than the tag
        [InlineData("C8 05 10 01234567", SecurityStatus.Malformed)]
        [InlineData("C8 05 31 01234567", SecurityStatus.UnsupportedSuite)]
        [InlineData("C8 05 00 01234567", SecurityStatus.Unsupported)]
        [InlineData("C8 05 B0 01234567", SecurityStatus.Unsupported)]
        [InlineData("C8 05 70 01234567", SecurityStatus.Unsupported)]
        public void Decipher_BadSecurityHeader_Status(string hex, SecurityStatus expected)
        {
            byte[] buffer = Hex.Parse(hex);
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, 0, buffer.Length));

            Assert.Equal(expected, ApduCipher.Decipher(buffer, apdu, Ek(), s_ak, 0, s_st, 0, out _, out _));
        }

        [Fact]
        public void Decipher_HolderNotRead_Throws()
        {
            Assert.Throws<InvalidOperationException>(() =>
                ApduCipher.Decipher(new byte[20], new CipheredApdu(), Ek(), s_ak, 0, s_st, 0, out _, out _));
        }

        [Theory]
        [InlineData(0, 30)]   // no headroom
        [InlineData(6, 30)]   // one byte short of the 7-byte header
        [InlineData(7, 11)]   // one byte short of the tag
        public void Encipher_NoRoom_BufferTooSmallAndUntouched(int headroom, int tailroom)
        {
            byte[] plain = Hex.Parse(SecurityVectors.GetClockTime);
            byte[] buffer = new byte[headroom + plain.Length + tailroom];
            plain.CopyTo(buffer, headroom);
            byte[] before = (byte[])buffer.Clone();

            SecurityStatus status = ApduCipher.Encipher(buffer, headroom, plain.Length, CipheredTag.GloGetRequest, 0x30, 1,
                Ek(), s_ak, 0, s_st, 0, out _, out int length);

            Assert.Equal(SecurityStatus.BufferTooSmall, status);
            Assert.Equal(0, length);
            Assert.Equal(before, buffer);
        }

        [Theory]
        [InlineData(0x31, SecurityStatus.UnsupportedSuite)]
        [InlineData(0x00, SecurityStatus.Unsupported)]
        [InlineData(0xB0, SecurityStatus.Unsupported)]
        public void Encipher_UnsupportedSc_Status(int sc, SecurityStatus expected)
        {
            byte[] buffer = new byte[64];

            Assert.Equal(expected, ApduCipher.Encipher(buffer, 20, 10, CipheredTag.GloGetResponse, (byte)sc, 1,
                Ek(), s_ak, 0, s_st, 0, out _, out _));
        }

        // Every policy, glo/ded/general, short and long length forms, at odd offsets.
        [Theory]
        [InlineData(0xCC, 0x30, 0)]
        [InlineData(0xCC, 0x30, 120)]
        [InlineData(0xD4, 0x10, 200)]
        [InlineData(0x28, 0x20, 255)]
        [InlineData(0xDB, 0x30, 300)]
        [InlineData(0xDC, 0x10, 17)]
        [InlineData(0xDB, 0x20, 1000)]
        public void EncipherThenDecipher_RoundTrips(int tag, int sc, int apduCount)
        {
            byte[] plain = new byte[apduCount];
            new Random(apduCount).NextBytes(plain);
            int apduOffset = ApduCipher.MaxHeadroom + 3;
            byte[] buffer = new byte[apduOffset + apduCount + ApduCipher.MaxTailroom + 2];
            plain.CopyTo(buffer, apduOffset);

            Assert.Equal(SecurityStatus.Ok, ApduCipher.Encipher(buffer, apduOffset, apduCount, (byte)tag, (byte)sc, 0xFFFFFFFF,
                Ek(), s_ak, 0, s_st, 0, out int start, out int length));
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, start, buffer.Length - start));
            Assert.Equal(length, apdu.ApduLength);
            Assert.Equal(0xFFFFFFFFu, apdu.InvocationCounter);
            byte[] title = apdu.HasSystemTitle ? buffer : s_st;
            int titleOffset = apdu.HasSystemTitle ? apdu.SystemTitleOffset : 0;
            Assert.Equal(SecurityStatus.Ok, ApduCipher.Decipher(buffer, apdu, Ek(), s_ak, 0, title, titleOffset, out int offset, out int count));

            Assert.Equal(apduOffset, offset);
            Assert.True(plain.AsSpan().SequenceEqual(buffer.AsSpan(offset, count)));
        }

        private static Gcm128 Ek()
        {
            return Gcm128Tests.Keyed(SecurityVectors.EncryptionKey);
        }
    }
}
