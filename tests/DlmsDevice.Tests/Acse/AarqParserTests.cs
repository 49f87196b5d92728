using System;
using System.Text;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Acse.AcseVectors;

namespace DlmsDevice.Tests.Acse
{
    public class AarqParserTests
    {
        private static AarqRequest ParseOk(byte[] bytes)
        {
            var request = new AarqRequest();
            Assert.Equal(AcseStatus.Ok, AarqParser.Parse(bytes, 0, bytes.Length, request));
            return request;
        }

        [Theory]
        [InlineData(TraceAAarq, 0x001E1D)]
        [InlineData(TraceBAarq, 0x00301D)]
        [InlineData(GuruxNetAarq, 0x621E5D)]
        [InlineData(GuruxCAarq, 0x401E1D)]
        public void Parse_PlainLnAarq_DecodesContextAndInitiateRequest(string hex, int conformance)
        {
            AarqRequest r = ParseOk(Hex.Parse(hex));

            Assert.True(r.ProtocolVersionSupported);
            Assert.True(r.HasApplicationContextName);
            Assert.True(r.ApplicationContextIsDlms);
            Assert.Equal(ApplicationContextName.LogicalName, r.ApplicationContextId);
            Assert.Equal(0, r.CallingApTitleLength);
            Assert.False(r.HasSenderAcseRequirements);
            Assert.False(r.HasMechanismName);
            Assert.False(r.HasCallingAuthenticationValue);
            Assert.Equal(UserInformationKind.InitiateRequest, r.UserInformation);
            Assert.Equal(0x01, r.UserInformationTag);
            Assert.Equal(17, r.UserInformationOffset);
            Assert.Equal(14, r.UserInformationLength);
            Assert.Equal(0, r.DedicatedKeyLength);
            Assert.True(r.ResponseAllowed);
            Assert.False(r.HasProposedQualityOfService);
            Assert.Equal(6, r.ProposedDlmsVersion);
            Assert.Equal(conformance, r.ProposedConformance);
            Assert.Equal(0xFFFF, r.ClientMaxReceivePdu);
        }

        [Fact]
        public void Parse_DlmsCosemAarq_CopiesCallingApTitle()
        {
            AarqRequest r = ParseOk(Hex.Parse(DlmsCosemAarq));

            Assert.Equal(8, r.CallingApTitleLength);
            Assert.Equal("75 74 69 47 6D 43 36 B2", Hex.Format(r.CallingApTitle, 0, 8));
            Assert.Equal(0x20525F, r.ProposedConformance);
            Assert.Equal(UserInformationKind.InitiateRequest, r.UserInformation);
        }

        [Theory]
        [InlineData(GuruxNetLlsAarq, 0, "Gurux")]
        [InlineData(GuruxCLlsAarq, 0, "Gurux")]
        [InlineData(DlmsCosemLlsAarq, 8, "Gurux")]
        [InlineData(GreenBookLlsAarq, 0, "12345678")]
        public void Parse_LlsAarq_DecodesMechanismAndPassword(string hex, int apTitleLength, string password)
        {
            AarqRequest r = ParseOk(Hex.Parse(hex));

            Assert.Equal(apTitleLength, r.CallingApTitleLength);
            Assert.True(r.HasSenderAcseRequirements);
            Assert.True(r.AuthenticationFunctionalUnit);
            Assert.True(r.HasMechanismName);
            Assert.True(r.MechanismNameIsDlms);
            Assert.Equal(MechanismName.Lls, r.MechanismId);
            Assert.True(r.HasCallingAuthenticationValue);
            Assert.Equal(0x80, r.CallingAuthenticationValueTag);
            Assert.Equal(password, Encoding.ASCII.GetString(r.CallingAuthenticationValue, 0, r.CallingAuthenticationValueLength));
            Assert.Equal(UserInformationKind.InitiateRequest, r.UserInformation);
        }

        [Fact]
        public void Parse_HlsGmacCipheredAarq_ReportsMechanism5AndCipheredRange()
        {
            byte[] bytes = Hex.Parse(GuruxNetHlsAarq);
            AarqRequest r = ParseOk(bytes);

            Assert.Equal(ApplicationContextName.LogicalNameWithCiphering, r.ApplicationContextId);
            Assert.Equal("47 75 72 75 78 31 32 33", Hex.Format(r.CallingApTitle, 0, r.CallingApTitleLength));
            Assert.Equal(MechanismName.HlsGmac, r.MechanismId);
            Assert.Equal("5F 03 29 1C 25 57 35 48 53 0E 10 18 6C 6A 49 51",
                Hex.Format(r.CallingAuthenticationValue, 0, r.CallingAuthenticationValueLength));
            Assert.Equal(UserInformationKind.Ciphered, r.UserInformation);
            Assert.Equal(0x21, r.UserInformationTag);
            // BE 23 04 21 | 21 1F 30 ...: the glo-initiate-request is the last 0x21 bytes.
            Assert.Equal(bytes.Length - 0x21, r.UserInformationOffset);
            Assert.Equal(0x21, r.UserInformationLength);
            Assert.Equal(0x21, bytes[r.UserInformationOffset]);
            Assert.Equal(0x1F, bytes[r.UserInformationOffset + 1]);
            Assert.Equal(0, r.ProposedDlmsVersion);
        }

        [Fact]
        public void Parse_GreenBookCipheredLls_RecordsGloInitiateRange()
        {
            byte[] bytes = Hex.Parse(GreenBookCipheredLlsAarq);
            AarqRequest r = ParseOk(bytes);

            Assert.Equal(ApplicationContextName.LogicalNameWithCiphering, r.ApplicationContextId);
            Assert.Equal("4D 4D 4D 00 00 BC 61 4E", Hex.Format(r.CallingApTitle, 0, r.CallingApTitleLength));
            Assert.Equal(MechanismName.Lls, r.MechanismId);
            Assert.Equal("12345678", Encoding.ASCII.GetString(r.CallingAuthenticationValue, 0, r.CallingAuthenticationValueLength));
            Assert.Equal(UserInformationKind.Ciphered, r.UserInformation);
            Assert.Equal(0x32, r.UserInformationLength);
            Assert.Equal(bytes.Length - 0x32, r.UserInformationOffset);
        }

        [Fact]
        public void Parse_AtBufferOffset_ReportsAbsoluteUserInformationOffset()
        {
            byte[] aarq = Hex.Parse(TraceAAarq);
            byte[] buffer = new byte[aarq.Length + 10];
            Array.Copy(aarq, 0, buffer, 7, aarq.Length);
            var r = new AarqRequest();

            Assert.Equal(AcseStatus.Ok, AarqParser.Parse(buffer, 7, aarq.Length, r));
            Assert.Equal(7 + 17, r.UserInformationOffset);
            Assert.Equal(0x001E1D, r.ProposedConformance);
        }

        [Fact]
        public void Parse_LongFormLengths_SameAsShortForm()
        {
            // 60 81 xx, A1 81 09, BE 82 00 10, 04 81 0E: BER allows non-minimal long forms.
            byte[] bytes = H("60 81 21 A1 81 09 06 07 60 85 74 05 08 01 01 BE 82 00 11 04 81 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D 04 00");
            AarqRequest r = ParseOk(bytes);

            Assert.Equal(ApplicationContextName.LogicalName, r.ApplicationContextId);
            Assert.Equal(0x001E1D, r.ProposedConformance);
            Assert.Equal(0x0400, r.ClientMaxReceivePdu);
        }

        [Fact]
        public void Parse_OptionalAcseElements_SkippedByLength()
        {
            byte[] bytes = Aarq(
                H("80 02 07 80"),                          // protocol-version version1
                Context(),
                H("A2 04 06 02 2A 03"),                    // called-AP-title
                H("A3 03 02 01 01"),                       // called-AE-qualifier
                H("A4 03 02 01 01 A5 03 02 01 01"),        // called AP/AE invocation ids
                H("A7 03 02 01 01 A8 03 02 01 01 A9 03 02 01 01"), // calling AE qualifier / invocation ids
                H("9D 03 41 42 43"),                       // implementation-information
                H("BD 02 05 00"),                          // constructed [29]
                H("BF 20 01 00"),                          // multi-byte tag [32]
                Initiate());
            AarqRequest r = ParseOk(bytes);

            Assert.True(r.ProtocolVersionSupported);
            Assert.Equal(ApplicationContextName.LogicalName, r.ApplicationContextId);
            Assert.Equal(UserInformationKind.InitiateRequest, r.UserInformation);
            Assert.Equal(0x001E1D, r.ProposedConformance);
        }

        [Theory]
        [InlineData("80 02 07 80", true)]
        [InlineData("80 02 07 00", false)]
        [InlineData("80 01 00", false)]
        public void Parse_ProtocolVersion_RecordsVersion1(string element, bool supported)
        {
            AarqRequest r = ParseOk(Aarq(H(element), Context(), Initiate()));

            Assert.Equal(supported, r.ProtocolVersionSupported);
        }

        [Theory]
        [InlineData("A1 09 06 07 60 85 74 05 08 01 02", true, 2)]
        [InlineData("A1 09 06 07 60 85 74 05 08 01 04", true, 4)]
        [InlineData("A1 09 06 07 60 85 74 05 08 03 01", false, 0)]
        [InlineData("A1 08 06 06 60 85 74 05 08 01", false, 0)]
        [InlineData("A1 04 06 02 2A 03", false, 0)]
        public void Parse_ApplicationContextName_RecognisesDlmsPrefix(string element, bool dlms, int id)
        {
            AarqRequest r = ParseOk(Aarq(H(element), Initiate()));

            Assert.True(r.HasApplicationContextName);
            Assert.Equal(dlms, r.ApplicationContextIsDlms);
            Assert.Equal(id, r.ApplicationContextId);
        }

        [Theory]
        [InlineData("8B 07 60 85 74 05 08 02 00", true, 0)]
        [InlineData("8B 07 60 85 74 05 08 02 07", true, 7)]
        [InlineData("8B 07 60 85 74 05 08 02 09", true, 9)]
        [InlineData("8B 07 60 85 74 05 08 01 01", false, 0)]
        [InlineData("8B 03 2A 03 04", false, 0)]
        public void Parse_MechanismName_RecognisesDlmsPrefix(string element, bool dlms, int id)
        {
            AarqRequest r = ParseOk(Aarq(Context(), H(element), Initiate()));

            Assert.True(r.HasMechanismName);
            Assert.Equal(dlms, r.MechanismNameIsDlms);
            Assert.Equal(id, r.MechanismId);
        }

        [Fact]
        public void Parse_BitStringAuthenticationValue_DropsUnusedBitsOctet()
        {
            AarqRequest r = ParseOk(Aarq(Context(), H("8B 07 60 85 74 05 08 02 01 AC 0A 81 08 00 31 32 33 34 35 36 37"), Initiate()));

            Assert.Equal(0x81, r.CallingAuthenticationValueTag);
            Assert.Equal("1234567", Encoding.ASCII.GetString(r.CallingAuthenticationValue, 0, r.CallingAuthenticationValueLength));
        }

        [Fact]
        public void Parse_OtherAuthenticationValueChoice_RecordedWithoutValue()
        {
            AarqRequest r = ParseOk(Aarq(Context(), H("AC 04 A2 02 05 00"), Initiate()));

            Assert.True(r.HasCallingAuthenticationValue);
            Assert.Equal(0xA2, r.CallingAuthenticationValueTag);
            Assert.Equal(0, r.CallingAuthenticationValueLength);
        }

        [Fact]
        public void Parse_MaximumSizes_Accepted()
        {
            byte[] title = new byte[16];
            byte[] value = new byte[64];
            for (int i = 0; i < value.Length; i++)
            {
                value[i] = (byte)(i + 1);
            }

            AarqRequest r = ParseOk(Aarq(Context(), Element(0xA6, Element(0x04, title)),
                Element(0xAC, Element(0x80, value)), Initiate()));

            Assert.Equal(16, r.CallingApTitleLength);
            Assert.Equal(64, r.CallingAuthenticationValueLength);
            Assert.Equal(64, r.CallingAuthenticationValue[63]);
        }

        [Fact]
        public void Parse_CallingApTitleOver16Bytes_TooLarge()
        {
            byte[] bytes = Aarq(Context(), Element(0xA6, Element(0x04, new byte[17])), Initiate());

            Assert.Equal(AcseStatus.TooLarge, AarqParser.Parse(bytes, 0, bytes.Length, new AarqRequest()));
        }

        [Fact]
        public void Parse_AuthenticationValueOver64Bytes_TooLarge()
        {
            byte[] bytes = Aarq(Context(), Element(0xAC, Element(0x80, new byte[65])), Initiate());

            Assert.Equal(AcseStatus.TooLarge, AarqParser.Parse(bytes, 0, bytes.Length, new AarqRequest()));
        }

        [Fact]
        public void Parse_InitiateRequestWithDedicatedKeyQosAndResponseAllowedFalse_DecodesAll()
        {
            byte[] xdlms = H("01 01 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 01 00 01 05 07 5F 1F 04 00 00 00 10 00 80");
            AarqRequest r = ParseOk(Aarq(Context(), Element(0xBE, Element(0x04, xdlms))));

            Assert.Equal(16, r.DedicatedKeyLength);
            Assert.Equal("00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF", Hex.Format(r.DedicatedKey, 0, 16));
            Assert.False(r.ResponseAllowed);
            Assert.True(r.HasProposedQualityOfService);
            Assert.Equal(5, r.ProposedQualityOfService);
            Assert.Equal(7, r.ProposedDlmsVersion);
            Assert.Equal(Conformance.Get, r.ProposedConformance);
            Assert.Equal(0x0080, r.ClientMaxReceivePdu);
        }

        [Fact]
        public void Parse_ConformanceTagWithout1F_AcceptedAsOldEncoders()
        {
            AarqRequest r = ParseOk(Aarq(Context(), Element(0xBE, Element(0x04, H("01 00 00 00 06 5F 04 00 00 1E 1D 04 00")))));

            Assert.Equal(0x001E1D, r.ProposedConformance);
            Assert.Equal(0x0400, r.ClientMaxReceivePdu);
        }

        [Fact]
        public void Parse_DedicatedKeyOver16Bytes_TooLarge()
        {
            byte[] xdlms = new byte[3 + 17 + 12];
            H("01 01 11").CopyTo(xdlms, 0);
            H("00 00 06 5F 1F 04 00 00 1E 1D FF FF").CopyTo(xdlms, 20);
            byte[] bytes = Aarq(Context(), Element(0xBE, Element(0x04, xdlms)));

            Assert.Equal(AcseStatus.TooLarge, AarqParser.Parse(bytes, 0, bytes.Length, new AarqRequest()));
        }

        [Theory]
        [InlineData("01 00 00 00 06 5F 1F 03 00 00 1E 1D FF FF")]  // conformance length 3
        [InlineData("01 00 00 00 06 5E 1F 04 00 00 1E 1D FF FF")]  // wrong conformance tag
        [InlineData("01 00 00 00 06 5F 1F 04 00 00 1E 1D FF")]     // PDU size cut
        [InlineData("01 00 00 00 06")]                             // stops after the version
        [InlineData("01 01 10 00 11")]                             // dedicated key runs out
        [InlineData("01 00 01")]                                   // response-allowed value missing
        [InlineData("01")]
        public void Parse_MalformedInitiateRequest_Invalid(string xdlms)
        {
            byte[] bytes = Aarq(Context(), Element(0xBE, Element(0x04, H(xdlms))));

            Assert.Equal(AcseStatus.Invalid, AarqParser.Parse(bytes, 0, bytes.Length, new AarqRequest()));
        }

        [Theory]
        [InlineData("08 00 06 5F 1F 04 00 00 10 00 04 00 00 07", UserInformationKind.Other, 0x08)]
        [InlineData("DB 08 47 75 72 75 78 31 32 33 05 30 00 00 00 01", UserInformationKind.Ciphered, 0xDB)]
        [InlineData("DD 00", UserInformationKind.Ciphered, 0xDD)]
        public void Parse_NonPlainUserInformation_RecordedByRange(string xdlms, UserInformationKind kind, int tag)
        {
            byte[] inner = H(xdlms);
            byte[] bytes = Aarq(Context(), Element(0xBE, Element(0x04, inner)));
            AarqRequest r = ParseOk(bytes);

            Assert.Equal(kind, r.UserInformation);
            Assert.Equal(tag, r.UserInformationTag);
            Assert.Equal(inner.Length, r.UserInformationLength);
            Assert.Equal(bytes.Length - inner.Length, r.UserInformationOffset);
        }

        [Theory]
        [MemberData(nameof(AcseVectors.AllAarqs), MemberType = typeof(AcseVectors))]
        public void Parse_EveryCutPoint_Truncated(string name, string hex)
        {
            byte[] full = Hex.Parse(hex);
            var r = new AarqRequest();
            for (int cut = 0; cut < full.Length; cut++)
            {
                byte[] part = new byte[cut];
                Array.Copy(full, part, cut);
                Assert.True(AcseStatus.Truncated == AarqParser.Parse(part, 0, cut, r), name + " cut at " + cut);
            }

            Assert.Equal(AcseStatus.Ok, AarqParser.Parse(full, 0, full.Length, r));
        }

        [Theory]
        [InlineData("61 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")] // AARE tag
        [InlineData("60 80 A1 09 06 07 60 85 74 05 08 01 01 00 00")]  // indefinite length
        [InlineData("60 85 00 00 00 00 01 00")]                       // 5 length octets
        [InlineData("60 84 80 00 00 00 00")]                          // length beyond int
        [InlineData("60 05 A1 09 06 07 60")]                          // A1 overruns the AARQ
        [InlineData("60 0B A1 09 04 07 60 85 74 05 08 01 01")]        // A1 holds no OID
        [InlineData("60 0B A1 09 06 08 60 85 74 05 08 01 01")]        // OID overruns A1
        [InlineData("60 0D A1 09 06 07 60 85 74 05 08 01 01 BE 00")]  // empty user-information
        [InlineData("60 0F A1 09 06 07 60 85 74 05 08 01 01 BE 02 02 00")] // user-information not an OCTET STRING
        [InlineData("60 0F A1 09 06 07 60 85 74 05 08 01 01 BE 02 04 00")] // empty OCTET STRING
        [InlineData("60 10 A1 09 06 07 60 85 74 05 08 01 01 BE 03 04 02 01")] // OCTET STRING overruns BE
        [InlineData("60 0D A1 09 06 07 60 85 74 05 08 01 01 8A 00")]  // empty sender-acse-requirements
        [InlineData("60 0F A1 09 06 07 60 85 74 05 08 01 01 8A 02 08 80")] // unused bits > 7
        [InlineData("60 0F A1 09 06 07 60 85 74 05 08 01 01 AC 02 81 00")] // bitstring without its unused-bits octet
        [InlineData("60 0F A1 09 06 07 60 85 74 05 08 01 01 A6 02 02 00")] // AP title not an OCTET STRING
        [InlineData("60 0D A1 09 06 07 60 85 74 05 08 01 01 80 00")]  // empty protocol-version
        [InlineData("60 0E A1 09 06 07 60 85 74 05 08 01 01 BF 81 80")] // multi-byte tag runs out inside the AARQ
        public void Parse_Malformed_Invalid(string hex)
        {
            byte[] bytes = Hex.Parse(hex);

            Assert.Equal(AcseStatus.Invalid, AarqParser.Parse(bytes, 0, bytes.Length, new AarqRequest()));
        }

        [Fact]
        public void Parse_TrailingBytesAfterAarq_Ignored()
        {
            byte[] bytes = Hex.Parse(TraceAAarq + " 00 00 7E");
            AarqRequest r = ParseOk(bytes);

            Assert.Equal(0x001E1D, r.ProposedConformance);
        }

        [Fact]
        public void Parse_EverySingleByteMutation_NeverThrows()
        {
            // Every byte of every client AARQ replaced by every value: a result code each time.
            var r = new AarqRequest();
            foreach (object[] vector in AcseVectors.AllAarqs())
            {
                byte[] original = Hex.Parse((string)vector[1]);
                byte[] bytes = (byte[])original.Clone();
                for (int i = 0; i < bytes.Length; i++)
                {
                    for (int value = 0; value < 256; value++)
                    {
                        bytes[i] = (byte)value;
                        AcseStatus status = AarqParser.Parse(bytes, 0, bytes.Length, r);
                        Assert.True(status <= AcseStatus.TooLarge);
                    }

                    bytes[i] = original[i];
                }
            }
        }

        [Fact]
        public void Parse_RandomGarbage_NeverThrows()
        {
            var random = new Random(62056);
            var r = new AarqRequest();
            byte[] bytes = new byte[96];
            for (int n = 0; n < 20000; n++)
            {
                random.NextBytes(bytes);
                bytes[0] = 0x60;
                int count = random.Next(bytes.Length + 1);
                if (count > 1)
                {
                    bytes[1] = (byte)random.Next(count);
                }

                AarqParser.Parse(bytes, 0, count, r);
            }
        }

        [Fact]
        public void Parse_Reuse_ClearsPreviousFields()
        {
            var r = new AarqRequest();
            byte[] lls = Hex.Parse(DlmsCosemLlsAarq);
            byte[] plain = Hex.Parse(TraceAAarq);
            Assert.Equal(AcseStatus.Ok, AarqParser.Parse(lls, 0, lls.Length, r));

            Assert.Equal(AcseStatus.Ok, AarqParser.Parse(plain, 0, plain.Length, r));

            Assert.Equal(0, r.CallingApTitleLength);
            Assert.False(r.HasMechanismName);
            Assert.False(r.HasCallingAuthenticationValue);
            Assert.Equal(0, r.CallingAuthenticationValueLength);
        }

        [Fact]
        public void Parse_BadArguments_Throw()
        {
            byte[] bytes = Hex.Parse(TraceAAarq);
            Assert.Throws<ArgumentNullException>(() => AarqParser.Parse(null!, 0, 0, new AarqRequest()));
            Assert.Throws<ArgumentNullException>(() => AarqParser.Parse(bytes, 0, bytes.Length, null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => AarqParser.Parse(bytes, 1, bytes.Length, new AarqRequest()));
            Assert.Throws<ArgumentOutOfRangeException>(() => AarqParser.Parse(bytes, -1, 2, new AarqRequest()));
        }

        [Fact]
        public void InitiateRequestParser_DecipheredPlaintext_FillsInitiateFields()
        {
            // What the security layer does after deciphering the trace's glo-initiate-request.
            byte[] bytes = Hex.Parse(GuruxNetHlsAarq);
            AarqRequest r = ParseOk(bytes);
            byte[] plaintext = Hex.Parse("01000000065F1F0400621E5DFFFF");

            Assert.Equal(AcseStatus.Ok, InitiateRequestParser.Parse(plaintext, 0, plaintext.Length, r));

            Assert.Equal(UserInformationKind.InitiateRequest, r.UserInformation);
            Assert.Equal(6, r.ProposedDlmsVersion);
            Assert.Equal(0x621E5D, r.ProposedConformance);
            Assert.Equal(0xFFFF, r.ClientMaxReceivePdu);
            Assert.Equal(MechanismName.HlsGmac, r.MechanismId);
        }
    }
}
