using System;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Client.Cli;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// The annotator behind <c>dlms translate</c> and the emulator's --trace: layers and fields
    /// with the standard's names, on byte vectors from the Green Book examples.
    /// </summary>
    public sealed class AnnotationTests
    {
        private static Annotation Apdu(string hex) => new TraceSession().Annotate(Hex.Parse(hex), TraceInput.Apdu);

        [Theory]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "get-request choice", "get-request-normal [1]")]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "instance-id", "logical name 0.0.43.1.0.255")]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "invoke-id-and-priority", "invoke-id 1, service-class confirmed, priority high")]
        [InlineData("C4 01 C1 00 06 00001391", "data", "double-long-unsigned 5009")]
        [InlineData("C4 01 C1 01 01", "data-access-result", "1 hardware-fault")]
        [InlineData("C0 02 C1 00000001", "block-number", "1 (the block received, acknowledged: send the next)")]
        [InlineData("C5 01 81 00", "result", "0 success")]
        [InlineData("D8 01 06 00000010", "invocation-counter", "16 (the counter the server expects next)")]
        [InlineData("D8 01 05", "service-error", "5 deciphering-error")]
        [InlineData("62 03 80 01 00", "reason", "0 normal")]
        [InlineData("601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF", "client-max-receive-pdu-size", "65535")]
        [InlineData("601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF", "application-context-name", "Logical_Name_Referencing_No_Ciphering (LN)")]
        [InlineData("61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 01", "error", "1 dlms-version-too-low")]
        [InlineData("61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 01", "result", "1 rejected-permanent")]
        [InlineData("C3 01 C0 000F 0000280000FF 01 01 09 11 10 00001A90 E6D2221FA2FD85EED61ACC22", "method-id", "1 reply_to_HLS_authentication")]
        [InlineData("C7 01 C0 00 01 00 09 11 10 00001AFD E8857B728A3499106AA665D1", "result", "0 success")]
        [InlineData("C1 01 C1 0008 0000010000FF 02 00 09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00", "value", "octet-string (12) date-time 2021-01-24T14:48:57.80+01:00")]
        [InlineData("C0 01 C1 0007 0100630100FF 02 01 02 02 04 06 00000001 06 00000060 12 0001 12 0000", "access-selector", "2 entry_descriptor (Profile generic: rows and columns by number)")]
        [InlineData("0F 000001DB 00 02 02 09 06 0100200700FF 12 0934", "long-invoke-id-and-priority", "long-invoke-id 475, service-class unconfirmed, priority normal")]
        [InlineData("0F 000001DB 00 02 02 09 06 0100200700FF 12 0934", "member 2", "long-unsigned 2356")]
        public void Annotate_Apdu_NamesFieldAndMeaning(string hex, string field, string meaning)
        {
            Annotation root = Apdu(hex);

            Assert.False(root.HasErrors(), AnnotationText.Render(root));
            Assert.Equal(meaning, root.Find(field)?.Meaning);
        }

        [Theory]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00")]
        [InlineData("C4 02 C1 00 00000001 00 05 0102030405")]
        [InlineData("C1 02 C1 0001 0000636363FF 02 00 01 00000001 03 010203")]
        [InlineData("C3 01 C1 0003 0100010800FF 01 01 0F 00")]
        [InlineData("C7 01 C1 00 01 00 11 05")]
        [InlineData("601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF")]
        [InlineData("0E 01 06 01")]
        [InlineData("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B")]
        public void Annotate_EveryPrefix_NeverThrowsAndReportsTheCut(string hex)
        {
            byte[] apdu = Hex.Parse(hex);
            Assert.False(new TraceSession().Annotate(apdu, TraceInput.Apdu).HasErrors());

            for (int length = 1; length < apdu.Length; length++)
            {
                Annotation cut = new TraceSession().Annotate(apdu.AsSpan(0, length).ToArray(), TraceInput.Apdu);

                Assert.True(cut.HasErrors(), hex + " cut to " + length + " bytes:\n" + AnnotationText.Render(cut));
            }
        }

        [Fact]
        public void Annotate_HdlcGet_EveryLayerFieldByField()
        {
            // Trace D (docs/interop.md): GET 1.0.1.8.0.255 attribute 2 from client 16 to server 1/17.
            Annotation frame = new TraceSession().Annotate(Hex.Parse("7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 68 7E"));

            Assert.False(frame.HasErrors());
            Assert.Equal("HDLC frame", frame.Name);
            Assert.Equal("type 3, S=0 (last or only segment), frame length 26", frame.Find("frame format")!.Meaning);
            Assert.Equal("server, upper HDLC address (logical device) 1, lower (physical) 17", frame.Find("destination address")!.Meaning);
            Assert.Equal("client SAP 16", frame.Find("source address")!.Meaning);
            Assert.Equal("I (information) N(S)=1 N(R)=1 P/F=1", frame.Find("control")!.Meaning);
            Assert.Equal("CRC-16/X.25, correct", frame.Find("HCS (header check sequence)")!.Meaning);
            Assert.Equal("IEC 8802-2, command (client to server)", frame.Find("LLC header")!.Meaning);
            Assert.Equal("2 value", frame.Find("attribute-id")!.Meaning);
            Assert.Equal(new byte[] { 0x32, 0x68 }, frame.Find("FCS (frame check sequence)")!.Raw);
        }

        [Fact]
        public void Annotate_HdlcFrameWithFlagInItsHcs_IsDelimitedByItsLength()
        {
            // The Kmethy AARQ (Trace B, docs/interop.md): its HCS is 7E CB.
            Annotation frame = new TraceSession().Annotate(Hex.Parse(
                "7E A0 2E 00 02 00 23 21 10 7E CB E6 E6 00 60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF D4 C5 7E"));

            Assert.False(frame.HasErrors(), AnnotationText.Render(frame));
            Assert.Equal("server, upper HDLC address (logical device) 1, lower (physical) 17", frame.Find("destination address")!.Meaning);
            Assert.Equal("aarq [APPLICATION 0] (A-ASSOCIATE request), 31 bytes", frame.Find("ACSE APDU")!.Meaning);
        }

        [Fact]
        public void Annotate_BadFcs_IsMarkedWrongWithTheRightValue()
        {
            Annotation frame = new TraceSession().Annotate(Hex.Parse("7E A0 1A 02 23 21 32 F6 72 E6 E6 00 C0 01 C1 00 03 01 00 01 08 00 FF 02 00 32 69 7E"));

            Annotation fcs = frame.Find("FCS (frame check sequence)")!;
            Assert.True(fcs.IsError);
            Assert.Equal("wrong: CRC-16/X.25 gives 32 68 (a receiver drops this frame)", fcs.Meaning);
        }

        [Fact]
        public void Annotate_UaParameters_NamedAsInIec62056_46()
        {
            Annotation frame = new TraceSession().Annotate(Hex.Parse("7E A0 1F 21 02 23 73 E6 C7 81 80 12 05 01 9A 06 01 9A 07 04 00 00 00 01 08 04 00 00 00 01 CC A2 7E"));

            Assert.False(frame.HasErrors());
            Assert.Equal("UA (unnumbered acknowledge) F=1", frame.Find("control")!.Meaning);
            Assert.Equal("154", frame.Find("maximum_information_field_length_transmit")!.Meaning);
            Assert.Equal("1", frame.Find("window_size_receive")!.Meaning);
        }

        [Fact]
        public void Annotate_GreenBookCipheredGet_ShowsHeaderAndPlaintext()
        {
            // the Green Book's security examples: glo-get-request, SC 0x30, IC 01234567, system title 4D4D4D0000BC614E.
            var session = new TraceSession { ClientSystemTitle = Convert.FromHexString("4D4D4D0000BC614E") };
            session.UseTestKeys();

            Annotation apdu = session.Annotate(Hex.Parse("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B"), TraceInput.Apdu);

            Assert.False(apdu.HasErrors(), AnnotationText.Render(apdu));
            Assert.Equal("security suite 0, authentication, encryption", apdu.Find("security-control")!.Meaning);
            Assert.Equal("19088743 (IV = 4D4D4D0000BC614E 01234567)", apdu.Find("invocation-counter")!.Meaning);
            Assert.Equal("tag verified, 13 bytes of plaintext", apdu.Find("deciphered APDU")!.Meaning);
            Assert.Equal("logical name 0.0.1.0.0.255", apdu.Find("instance-id")!.Meaning);
            Assert.Equal("2 time", apdu.Find("attribute-id")!.Meaning);
        }

        [Fact]
        public void Annotate_CipheredWithWrongKey_SaysTheTagDoesNotVerify()
        {
            var session = new TraceSession
            {
                ClientSystemTitle = Convert.FromHexString("4D4D4D0000BC614E"),
                BlockCipherKey = new byte[16],
                AuthenticationKey = DlmsSecurityOptions.TestAuthenticationKey.ToArray(),
            };

            Annotation apdu = session.Annotate(Hex.Parse("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B"), TraceInput.Apdu);

            Assert.Null(apdu.Find("deciphered APDU"));
            Assert.StartsWith("not deciphered: Authentication tag mismatch", apdu.Children.Single(c => c.IsError).Meaning);
        }

        [Fact]
        public void Annotate_CipheredWithoutKeys_ShowsTheHeaderAndWhatIsMissing()
        {
            Annotation apdu = Apdu("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B");

            Assert.Equal("19088743 (IV = system title 01234567)", apdu.Find("invocation-counter")!.Meaning);
            Assert.Equal("not shown: the block cipher key EK (--keys) is not known", apdu.Find("plaintext")!.Meaning);
        }

        [Fact]
        public void Annotate_SegmentedReply_ReassembledAtTheLastSegment()
        {
            // A GET-Response-Normal cut in two HDLC segments (S=1, then S=0), built with the client's framing.
            byte[] server = HdlcAddress.Server(1, 17);
            byte[] client = { HdlcAddress.Client(16) };
            byte[] info = Hex.Parse("E6 E7 00 C4 01 C1 00 09 10 444C4430303030303030303030303031");
            byte[] first = HdlcFrame.Encode(client, server, HdlcFrame.InformationControl(0, 1), info.AsSpan(0, 10), segmented: true);
            byte[] last = HdlcFrame.Encode(client, server, HdlcFrame.InformationControl(1, 1), info.AsSpan(10));
            var session = new TraceSession();

            Annotation one = session.Annotate(first);
            Annotation two = session.Annotate(last);

            Assert.Equal("type 3, S=1 (more segments follow), frame length " + (first.Length - 2), one.Find("frame format")!.Meaning);
            Assert.Equal("the APDU continues in the next frame (10 bytes so far)", one.Find("segment 1")!.Meaning);
            Assert.Null(one.Find("xDLMS APDU"));
            Assert.Equal("reassembled with the 1 before it: 25 bytes", two.Find("last segment")!.Meaning);
            Assert.Equal("octet-string (16) \"DLD0000000000001\"", two.Find("data")!.Meaning);
        }

        [Fact]
        public void Annotate_GetWithBlocks_DecodesTheValueAtTheLastBlock()
        {
            var session = new TraceSession();
            session.Annotate(Hex.Parse("C0 01 C1 0007 0100630100FF 03 00"), TraceInput.Apdu);

            Annotation block1 = session.Annotate(Hex.Parse("C4 02 C1 00 00000001 00 06 01 02 02 04 12 00"), TraceInput.Apdu);
            Annotation block2 = session.Annotate(Hex.Parse("C4 02 C1 01 00000002 00 0F 08 09 06 0000010000FF 0F 02 12 0000 00"), TraceInput.Apdu);

            Assert.Null(block1.Find("reassembled value"));
            Assert.Contains("6 bytes so far", block1.Find("note")!.Meaning);
            Annotation value = block2.Find("reassembled value")!;
            Assert.Equal("21 bytes from blocks 1..2", value.Meaning);
            Assert.Equal("array of 2 elements", value.Find("Data")!.Meaning);
            Assert.Equal("logical name 0.0.1.0.0.255", value.Find("Data")!.Find("member 2")!.Meaning!.Replace("octet-string (6) ", "", StringComparison.Ordinal));
        }

        [Fact]
        public void AnnotationText_RendersNameHexMeaningColumns()
        {
            string text = AnnotationText.Render(Apdu("C0 02 C1 00000001"));

            string[] lines = text.TrimEnd('\n').Split('\n');
            Assert.Equal("xDLMS APDU: get-request [192], 7 bytes", lines[0]);
            Assert.Equal("  tag" + new string(' ', AnnotationText.NameWidth - 5) + "C0" + new string(' ', AnnotationText.HexWidth - 2) + "get-request [192]", lines[1]);
            Assert.Equal(5, lines.Length);
        }

        [Theory]
        [InlineData("[3 hdlc 127.0.0.1:4000] C>S 7E A0 08 02 23 21 93 BD 64 7E", "C>S", 10)]
        [InlineData("S>C 00 01 00 01 00 10 00 09 C4 01 C1 00 06 00 00 30 39 ; WRAPPER", "S>C", 17)]
        [InlineData("-> C0 01 C1 00 03 01 00 01 08 00 FF 02 00", "C>S", 13)]
        [InlineData("<- [C4 01 C1 00 06 00 00 30 39]", "S>C", 9)]
        [InlineData("0x7EA00802232193BD647E", null, 10)]
        public void TryParseLine_TraceAndHexLines_GiveDirectionAndBytes(string line, string? direction, int length)
        {
            Assert.True(TranslateCommand.TryParseLine(line, out string? found, out byte[]? bytes, out _));
            Assert.Equal(direction, found);
            Assert.Equal(length, bytes!.Length);
        }

        [Theory]
        [InlineData("    opening flag                        7E")]
        [InlineData("")]
        [InlineData("# a comment")]
        public void TryParseLine_AnnotationOrComment_IsSkipped(string line)
        {
            Assert.False(TranslateCommand.TryParseLine(line, out _, out _, out string? problem));
            Assert.Null(problem);
        }
    }
}
