using System;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// Ciphered requests byte for byte: the AARQs, reply_to_HLS_authentication ACTIONs, general-glo
    /// GETs and ciphered RLRQs of the reference traces (C>S, session 3), and dlms-cosem's ciphered AARQ.
    /// </summary>
    public class SecureRequestBytesTests
    {
        private static readonly byte[] GuruxTitle = Hex.Parse(SecureVectors.GuruxTitle);

        private static SecurityContext Context(uint ic, byte[] title, SecurityPolicy policy = SecurityPolicy.AuthenticatedEncrypted, byte[]? dedicatedKey = null) =>
            new(new DlmsSecurityOptions { Policy = policy, SystemTitle = title, InvocationCounter = ic }, dedicatedKey);

        private static string Aarq(SecurityContext context, Conformance conformance, ushort pdu, AuthenticationMechanism mechanism, byte[] value, byte[]? dedicatedKey = null)
        {
            byte[] initiate = AssociationRequest.EncodeInitiateRequest(conformance, pdu, dedicatedKey);
            return Hex.Format(AssociationRequest.Encode(AssociationRequest.LogicalNameWithCiphering, context.ClientSystemTitle, mechanism, value, context.ProtectInitiateRequest(initiate)));
        }

        [Fact]
        public void Aarq_DlmsCosemCipheredLowSecurityVector_IsByteExact()
        {
            // the Green Book's security examples (DC test_aarq.py::test_parse_ciphered_low_security). Deciphered, its
            // InitiateRequest is 01 01 10 00112233445566778899AABBCCDDEEFF 00 00 06 5F1F 04 00 007E1F 04B0.
            byte[] dedicatedKey = Hex.Parse("00112233445566778899AABBCCDDEEFF");
            SecurityContext context = Context(0x01234567, Hex.Parse("4D4D4D0000BC614E"), dedicatedKey: dedicatedKey);

            string aarq = Aarq(context, (Conformance)0x007E1F, 1200, AuthenticationMechanism.Low, "12345678"u8.ToArray(), dedicatedKey);

            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.S4_Aarq)), aarq);
            Assert.Equal(Hex.Format(Hex.Parse(
                "60 66 A1 09 06 07 60 85 74 05 08 01 03 A6 0A 04 08 4D4D4D0000BC614E 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0A 80 08 3132333435363738 "
                + "BE 34 04 32 21 30 30 01234567 80 13 02 FF 8A 78 74 13 3D 41 4C ED 25 B4 25 34 D2 8D B0 04 77 20 60 6B 17 5B D5 22 11 BE 68 41 DB 20 4D 39 EE 6F DB 8E 35 68 55")), aarq);
            Assert.Equal(0x01234568u, context.NextInvocationCounter);
        }

        [Theory]
        // GuruxDLMS.c client (its CtoS is fixed: rand() is never seeded), IC 0.
        [InlineData(SecureVectors.GxcW_AarqApdu, SecureVectors.GxcCtoS, 0x401E1Du, 0u)]
        // Gurux.DLMS.Net client, IC 0.
        [InlineData("605DA109060760857405080103A60A040847757275783132338A0207808B0760857405080205AC1280105F03291C25573548530E10186C6A4951BE230421211F3000000000CB7AB52BB0A3C68CC30A412621FF7903A86E3631B09B7D04455C",
            "5F03291C25573548530E10186C6A4951", 0x621E5Du, 0u)]
        // dlms-cosem after its invocation-counter pre-read (server counter 0 → IC 1).
        [InlineData("605DA109060760857405080103A60A040847757275783132338A0207808B0760857405080205AC1280107F178BEF5CADA29548BD2A0523A6814BBE230421211F3000000001EA138F2D9AF42F0EC636E685FE117D328717359F956C3630CD48",
            SecureVectors.DcW_CtoS, 0x60525Fu, 1u)]
        public void Aarq_HlsGmacFromTraces_IsByteExact(string expected, string challenge, uint conformance, uint ic)
        {
            string aarq = Aarq(Context(ic, GuruxTitle), (Conformance)conformance, 0xFFFF, AuthenticationMechanism.HighGmac, Hex.Parse(challenge));

            Assert.Equal(Hex.Format(Hex.Parse(expected)), aarq);
        }

        [Fact]
        public void GloAction_GuruxCReplyToHls_IsByteExact()
        {
            // gurux-c-client.txt session 3 (wrapper): after the AARQ (IC 0), f(StoC) takes IC 1 and
            // the glo-action-request IC 2.
            SecurityContext context = Context(1, GuruxTitle);
            byte[] proof = context.GmacProof(Hex.Parse(SecureVectors.GxcW_StoC));
            byte[] action = ActionRequest.Normal(0xC1, DlmsClient.ReplyToHlsAuthentication, AxdrEncoder.Encode(DlmsValue.OctetString(proof)));

            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.GxcW_ActionApdu)), Hex.Format(context.Protect(action, CipheringKind.Glo)));
        }

        [Fact]
        public void GeneralGloGet_GuruxC_IsByteExact()
        {
            // The C client skips IC 3; its GET goes at IC 4 as general-glo-ciphering.
            byte[] get = GetRequest.Normal(0xC1, CosemAttribute.Parse("1.0.1.8.0.255:3:2"), null);

            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.GxcW_GetApdu)), Hex.Format(Context(4, GuruxTitle).Protect(get, CipheringKind.GeneralGlo)));
        }

        [Fact]
        public void Rlrq_CipheredWithInitiateRequest_GuruxC_IsByteExact()
        {
            byte[] initiate = AssociationRequest.EncodeInitiateRequest((Conformance)0x401E1D, 0xFFFF);

            byte[] rlrq = AssociationRequest.EncodeReleaseRequest(Context(5, GuruxTitle).ProtectInitiateRequest(initiate));

            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.GxcW_RlrqApdu)), Hex.Format(rlrq));
        }

        [Fact]
        public void DedGet_UsesDedicatedKey()
        {
            byte[] dedicatedKey = Hex.Parse("00112233445566778899AABBCCDDEEFF");
            byte[] get = Hex.Parse("C0 01 00 00 08 0000010000FF 02 00");

            byte[] apdu = Context(0x01234568, Hex.Parse("4D4D4D0000BC614E"), dedicatedKey: dedicatedKey).Protect(get, CipheringKind.Ded);

            Assert.Equal(Hex.Format(Hex.Parse(SecureVectors.S4_Get)), Hex.Format(apdu));
        }

        [Fact]
        public void Protect_PolicyNone_LeavesApduAlone()
        {
            byte[] get = Hex.Parse("C0 01 C1 0003 0100010800FF 02 00");
            SecurityContext context = Context(7, GuruxTitle, SecurityPolicy.None);

            Assert.Equal(get, context.Protect(get, CipheringKind.Glo));
            Assert.Equal(7u, context.NextInvocationCounter);
        }

        [Fact]
        public void Protect_ServiceWithoutGloForm_IsMisuse()
        {
            var e = Assert.Throws<ArgumentException>(() => Context(1, GuruxTitle).Protect(Hex.Parse("E0 80 0001 0000 00"), CipheringKind.Glo));

            Assert.Contains("general-glo", e.Message);
        }

        [Fact]
        public void TakeInvocationCounter_AfterMaxValue_IsExhausted()
        {
            SecurityContext context = Context(uint.MaxValue, GuruxTitle);

            Assert.Equal(uint.MaxValue, context.TakeInvocationCounter());
            var e = Assert.Throws<DlmsSecurityException>(() => context.TakeInvocationCounter());
            Assert.Equal(SecurityFailure.InvocationCounterExhausted, e.Failure);
        }
    }
}
