using System;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// The client's suite-0 and HLS primitives against known-good vectors: the Green Book's security examples (Green
    /// Book), the GMAC proofs of the reference traces, and independently constructed ones.
    /// </summary>
    public class SecurityVectorTests
    {
        private static readonly byte[] Ek = Hex.Parse("000102030405060708090A0B0C0D0E0F");
        private static readonly byte[] Ak = Hex.Parse("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
        private static readonly byte[] BookTitle = Hex.Parse("4D4D4D0000BC614E");
        private const string ClockGet = "C0 01 00 00 08 0000010000FF 02 00";

        [Theory]
        // the Green Book's security examples: Green Book ciphered GET (JD CipheringTest, DC test_security.py).
        [InlineData(SecurityPolicy.AuthenticatedEncrypted, "C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B")]
        [InlineData(SecurityPolicy.Encrypted, "C8 12 20 01234567 411312FF935A47566827C467BC")]
        // [constructed] auth only: plaintext in clear, GMAC over SC ‖ AK ‖ plaintext (SecureVectors.S3_Auth_Get).
        [InlineData(SecurityPolicy.Authenticated, SecureVectors.S3_Auth_Get)]
        public void Protect_GreenBookGet_IsByteExact(SecurityPolicy policy, string expected)
        {
            byte[] content = SuiteZeroCipher.Protect(policy, Ek, Ak, BookTitle, 0x01234567, Hex.Parse(ClockGet));

            Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(CipheredApdu.EncodeServiceSpecific(0xC8, content)));
        }

        [Theory]
        [InlineData("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B", 0x30)]
        [InlineData("C8 12 20 01234567 411312FF935A47566827C467BC", 0x20)]
        [InlineData(SecureVectors.S3_Auth_Get, 0x10)]
        public void Unprotect_GreenBookGet_GivesPlaintext(string apdu, byte sc)
        {
            CipheredApduParts parts = CipheredApdu.Decode(Hex.Parse(apdu));

            byte[] plain = SuiteZeroCipher.Unprotect(parts.Content, Ek, Ak, BookTitle, out byte foundSc, out uint ic);

            Assert.Equal(Hex.Format(Hex.Parse(ClockGet)), Hex.Format(plain));
            Assert.Equal(sc, foundSc);
            Assert.Equal(0x01234567u, ic);
            Assert.Equal(CipheredKeyKind.Global, parts.Key);
            Assert.Null(parts.SystemTitle);
        }

        [Theory]
        // Last tag byte, first ciphertext byte, IC: each change breaks the tag.
        [InlineData("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6C")]
        [InlineData("C8 1E 30 01234567 421312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B")]
        [InlineData("C8 1E 30 01234568 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B")]
        [InlineData("C8 1E 10 01234567 C0010000080000010000FF0200 06725D910F9221D263877517")]
        public void Unprotect_AlteredApdu_ThrowsDecipheringFailed(string apdu)
        {
            CipheredApduParts parts = CipheredApdu.Decode(Hex.Parse(apdu));

            var e = Assert.Throws<DlmsSecurityException>(() => SuiteZeroCipher.Unprotect(parts.Content, Ek, Ak, BookTitle, out _, out _));

            Assert.Equal(SecurityFailure.DecipheringFailed, e.Failure);
        }

        [Theory]
        [InlineData("31 01234567 0000000000000000000000000000", "suite 1")]
        [InlineData("B0 01234567 0000000000000000000000000000", "compression")]
        [InlineData("00 01234567 00", "neither")]
        [InlineData("30 0123", "no security header")]
        [InlineData("30 01234567 0000000000", "shorter than")]
        public void Unprotect_BadSecurityHeader_Throws(string content, string message)
        {
            var e = Assert.Throws<DlmsSecurityException>(() => SuiteZeroCipher.Unprotect(Hex.Parse(content), Ek, Ak, BookTitle, out _, out _));

            Assert.Contains(message, e.Message);
        }

        [Theory]
        // the Green Book's security examples step 5 (DC test_gmac, JD GmacTest).
        [InlineData("4D4D4D0000000001", 1u, "503677524A323146", "10 00000001 1A52FE7DD3E72748973C1E28")]
        // f(StoC) of the reference traces' reply_to_HLS_authentication (client ST 4775727578313233).
        [InlineData(SecureVectors.GuruxTitle, 1u, SecureVectors.GxcW_StoC, "10 00000001 FA07F4BC9DF794E467E770A1")]
        [InlineData(SecureVectors.GuruxTitle, 1u, "450C134E792C524243691D066437652D", "10 00000001 DF1641162BD257601447F7EA")]
        [InlineData(SecureVectors.GuruxTitle, 1u, "52375E4E443F240F30771A0C6B23401A", "10 00000001 0E329DDAD176AA45468F5A99")]
        [InlineData(SecureVectors.GuruxTitle, 1u, "20097011352D23327672083429062C47", "10 00000001 48C8E82487F7FF91674EDEDF")]
        [InlineData(SecureVectors.GuruxTitle, 2u, "70389CCE67B359AC56AB552A158A4522", "10 00000002 0911D7787A3AD1877DD9DBEC")]
        [InlineData(SecureVectors.GuruxTitle, 6u, "91C8E472391C8E47A3D1E874BADD6E37", "10 00000006 38774EE372C7F5FADA5E57B8")]
        public void GmacProof_KnownVectors(string systemTitle, uint ic, string challenge, string expected)
        {
            byte[] proof = HlsAuthentication.GmacProof(Ek, Ak, Hex.Parse(systemTitle), ic, Hex.Parse(challenge));

            Assert.Equal(Hex.Format(Hex.Parse(expected)), Hex.Format(proof));
        }

        [Theory]
        // The servers' f(CtoS) from the traces (the GMACs verified there): Gurux C client vs .NET server,
        // .NET client vs .NET server, dlms-cosem vs C server, Gurux C client over HDLC.
        [InlineData("4752580000BC614E", SecureVectors.GxcCtoS, "10 00000001 48A3129CD09484DFB20D091D", 1u)]
        [InlineData("4752580000BC614E", "5F03291C25573548530E10186C6A4951", "10 00000001 2A28AF8F567E76A0AD218196", 1u)]
        [InlineData("4142434445464748", SecureVectors.DcW_CtoS, "10 00000002 C2B6ED34F6A11C090CE76093", 2u)]
        [InlineData("4142434445464748", SecureVectors.GxcCtoS, "10 00000001 D6F8C848D5FA6F7E673E08D4", 1u)]
        public void VerifyGmacProof_ServerProofsFromTraces_Verify(string serverTitle, string clientChallenge, string proof, uint ic)
        {
            Assert.True(HlsAuthentication.VerifyGmacProof(Hex.Parse(proof), Ek, Ak, Hex.Parse(serverTitle), Hex.Parse(clientChallenge), out uint found));
            Assert.Equal(ic, found);
        }

        [Theory]
        [InlineData("10 00000001 48A3129CD09484DFB20D091C")]    // last byte
        [InlineData("10 00000002 48A3129CD09484DFB20D091D")]    // IC
        [InlineData("30 00000001 48A3129CD09484DFB20D091D")]    // SC must be 0x10
        [InlineData("10 00000001 48A3129CD09484DFB20D09")]      // truncated
        public void VerifyGmacProof_Altered_IsFalse(string proof)
        {
            Assert.False(HlsAuthentication.VerifyGmacProof(Hex.Parse(proof), Ek, Ak, Hex.Parse("4752580000BC614E"), Hex.Parse(SecureVectors.GxcCtoS), out _));
        }

        [Fact]
        public void Sha256Proofs_FollowGuruxOrder()
        {
            // [constructed] with Python hashlib: SHA-256("Gurux" ‖ ST_c ‖ ST_s ‖ StoC ‖ CtoS) and the swapped form.
            byte[] secret = "Gurux"u8.ToArray();
            byte[] stc = Hex.Parse("4D4D4D0000000001");
            byte[] sts = Hex.Parse("4D4D4D0000BC614E");
            byte[] stoc = Hex.Parse("503677524A323146A1A2A3A4A5A6A7A8");
            byte[] ctos = Hex.Parse("3132333435363738393A3B3C3D3E3F40");

            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.S2_ClientProof)), Hex.Format(HlsAuthentication.Sha256ClientProof(secret, stc, sts, stoc, ctos)));
            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.S2_ServerProof)), Hex.Format(HlsAuthentication.Sha256ServerProof(secret, stc, sts, stoc, ctos)));
        }

        [Theory]
        [InlineData(0xC0, 0xC8, 0xD0)]
        [InlineData(0xC1, 0xC9, 0xD1)]
        [InlineData(0xC3, 0xCB, 0xD3)]
        [InlineData(0xC4, 0xCC, 0xD4)]
        [InlineData(0xC5, 0xCD, 0xD5)]
        [InlineData(0xC7, 0xCF, 0xD7)]
        [InlineData(0x01, 0x21, 0x00)]
        [InlineData(0x08, 0x28, 0x00)]
        [InlineData(0xE0, 0x00, 0x00)]
        public void TagMaps_FollowGreenBook(byte plain, byte glo, byte ded)
        {
            Assert.Equal(glo, CipheredApdu.GloTagFor(plain));
            Assert.Equal(ded, CipheredApdu.DedTagFor(plain));
            if (glo != 0)
            {
                Assert.Equal(plain, CipheredApdu.PlainTagFor(glo));
                Assert.True(CipheredApdu.IsCiphered(glo));
            }
            Assert.False(CipheredApdu.IsCiphered(plain));
        }

        [Fact]
        public void Decode_GeneralGlo_FromTrace_CarriesTitle()
        {
            // Gurux C client GET as general-glo, IC 4 (gurux-c-client.txt session 3).
            CipheredApduParts parts = CipheredApdu.Decode(Hex.Parse(SecureVectors.GxcW_GetApdu));
            byte[] plain = SuiteZeroCipher.Unprotect(parts.Content, Ek, Ak, parts.SystemTitle!, out _, out uint ic);

            Assert.Equal(SecureVectors.GuruxTitle, Hex.Format(parts.SystemTitle!).Replace(" ", ""));
            Assert.Equal(4u, ic);
            Assert.Equal("C0 01 C1 00 03 01 00 01 08 00 FF 02 00", Hex.Format(plain));
        }

        [Fact]
        public void Aare_GloInitiateResponseFromGuruxCServer_DecodesAfterDeciphering()
        {
            // dlms-cosem-client.txt session 3b: the C server's AARE (input only).
            AssociationResponse aare = AssociationResponse.Decode(Hex.Parse(SecureVectors.DcW_Aare).AsSpan(8));
            var context = new SecurityContext(new DlmsSecurityOptions { Policy = SecurityPolicy.AuthenticatedEncrypted, ServerSystemTitle = aare.RespondingApTitle }, null);

            Assert.False(aare.IsAccepted);
            Assert.True(aare.IsAuthenticationRequired);
            Assert.Equal((byte)5, aare.MechanismName);
            Assert.Equal(Hex.Format(Hex.Parse("70389CCE67B359AC56AB552A158A4522")), Hex.Format(aare.RespondingAuthenticationValue!));
            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.DcW_GloInitiateResponse)), Hex.Format(aare.CipheredUserInformation!));

            aare = aare.WithUserInformation(context.Unprotect(aare.CipheredUserInformation!));

            Assert.True(aare.IsAccepted);
            Assert.Equal((Conformance)0x40121D, aare.NegotiatedConformance);
            Assert.Equal(512, aare.ServerMaxReceivePduSize);
            Assert.Equal(0u, context.LastServerInvocationCounter);
        }

        [Theory]
        [InlineData("C8")]
        [InlineData("C8 05 30 00")]
        [InlineData("C8 02 30 00 00")]
        [InlineData("DB 08 4775727578313233")]
        [InlineData("C0 01 C1")]
        public void Decode_Malformed_ThrowsProtocolError(string apdu)
        {
            Assert.Throws<DlmsProtocolException>(() => CipheredApdu.Decode(Hex.Parse(apdu)));
        }

        [Fact]
        public void Protect_WrongKeySizes_AreMisuse()
        {
            Assert.Throws<ArgumentException>(() => SuiteZeroCipher.Protect(SecurityPolicy.AuthenticatedEncrypted, new byte[15], Ak, BookTitle, 1, new byte[1]));
            Assert.Throws<ArgumentException>(() => SuiteZeroCipher.Protect(SecurityPolicy.AuthenticatedEncrypted, Ek, Ak, new byte[7], 1, new byte[1]));
            Assert.Throws<ArgumentException>(() => SuiteZeroCipher.Protect(SecurityPolicy.None, Ek, Ak, BookTitle, 1, new byte[1]));
        }
    }
}
