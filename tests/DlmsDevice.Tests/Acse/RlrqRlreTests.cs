using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Acse
{
    public class RlrqRlreTests
    {
        /// <summary>Ciphered RLRQ from gurux-net-client.txt session 3 (glo-initiate-request inside).</summary>
        private const string CipheredRlrq =
            "6228800100BE230421211F3000000004DF0EF915C84395022DBFC61718247E8D70CC172AF8E599A77A76";

        [Fact]
        public void Parse_PlainRlrq_ReasonNormal()
        {
            byte[] bytes = Hex.Parse("62 03 80 01 00");
            var r = new RlrqRequest();

            Assert.Equal(AcseStatus.Ok, RlrqParser.Parse(bytes, 0, bytes.Length, r));

            Assert.True(r.HasReason);
            Assert.Equal(RlrqRequest.ReasonNormal, r.Reason);
            Assert.Equal(UserInformationKind.None, r.UserInformation);
        }

        [Fact]
        public void Parse_EmptyRlrq_NoReason()
        {
            byte[] bytes = Hex.Parse("62 00");
            var r = new RlrqRequest();

            Assert.Equal(AcseStatus.Ok, RlrqParser.Parse(bytes, 0, bytes.Length, r));

            Assert.False(r.HasReason);
            Assert.Equal(UserInformationKind.None, r.UserInformation);
        }

        [Fact]
        public void Parse_UrgentReason_Recorded()
        {
            byte[] bytes = Hex.Parse("62 03 80 01 01");
            var r = new RlrqRequest();

            Assert.Equal(AcseStatus.Ok, RlrqParser.Parse(bytes, 0, bytes.Length, r));

            Assert.Equal(RlrqRequest.ReasonUrgent, r.Reason);
        }

        [Fact]
        public void Parse_CipheredRlrq_RecordsGloInitiateRange()
        {
            byte[] bytes = Hex.Parse(CipheredRlrq);
            var r = new RlrqRequest();

            Assert.Equal(AcseStatus.Ok, RlrqParser.Parse(bytes, 0, bytes.Length, r));

            Assert.True(r.HasReason);
            Assert.Equal(0, r.Reason);
            Assert.Equal(UserInformationKind.Ciphered, r.UserInformation);
            Assert.Equal(0x21, r.UserInformationTag);
            Assert.Equal(9, r.UserInformationOffset);
            Assert.Equal(0x21, r.UserInformationLength);
            Assert.Equal(bytes.Length, r.UserInformationOffset + r.UserInformationLength);
        }

        [Fact]
        public void Parse_PlainInitiateRequestInRlrq_RecordedNotDecoded()
        {
            byte[] bytes = Hex.Parse("62 15 80 01 00 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF");
            var r = new RlrqRequest();

            Assert.Equal(AcseStatus.Ok, RlrqParser.Parse(bytes, 0, bytes.Length, r));

            Assert.Equal(UserInformationKind.InitiateRequest, r.UserInformation);
            Assert.Equal(9, r.UserInformationOffset);
            Assert.Equal(14, r.UserInformationLength);
        }

        [Fact]
        public void Parse_UnknownElement_Skipped()
        {
            byte[] bytes = Hex.Parse("62 07 9D 02 41 42 80 01 00");
            var r = new RlrqRequest();

            Assert.Equal(AcseStatus.Ok, RlrqParser.Parse(bytes, 0, bytes.Length, r));

            Assert.True(r.HasReason);
        }

        [Theory]
        [InlineData("62 03 80 01 00")]
        [InlineData(CipheredRlrq)]
        public void Parse_EveryCutPoint_Truncated(string hex)
        {
            byte[] full = Hex.Parse(hex);
            var r = new RlrqRequest();
            for (int cut = 0; cut < full.Length; cut++)
            {
                Assert.Equal(AcseStatus.Truncated, RlrqParser.Parse(full, 0, cut, r));
            }
        }

        [Theory]
        [InlineData("63 03 80 01 00")]          // RLRE tag
        [InlineData("62 03 80 02 00")]          // reason overruns the RLRQ
        [InlineData("62 04 80 02 00 00")]       // two-octet reason
        [InlineData("62 02 80 00")]             // empty reason
        [InlineData("62 04 BE 02 02 00")]       // user-information not an OCTET STRING
        [InlineData("62 80 80 01 00 00 00")]    // indefinite length
        public void Parse_Malformed_Invalid(string hex)
        {
            byte[] bytes = Hex.Parse(hex);

            Assert.Equal(AcseStatus.Invalid, RlrqParser.Parse(bytes, 0, bytes.Length, new RlrqRequest()));
        }

        [Fact]
        public void Write_Normal_GuruxReleaseBytes()
        {
            byte[] buffer = new byte[8];

            Assert.Equal(AcseStatus.Ok, RlreWriter.Write(RlreWriter.ReasonNormal, buffer, 0, buffer.Length, out int length));

            Assert.Equal("63 03 80 01 00", Hex.Format(buffer, 0, length));
        }

        [Fact]
        public void Write_WithInitiateResponse_CorrectLengthsUnlikeGuruxW1()
        {
            // docs/interop.md W1: the Gurux server sends 63 11 .. BE 0F for this content; correct is 63 15 .. BE 10.
            byte[] initiate = Hex.Parse("08 00 06 5F 1F 04 00 00 00 10 04 00 00 07");
            byte[] buffer = new byte[32];

            Assert.Equal(AcseStatus.Ok, RlreWriter.Write(0, initiate, 0, initiate.Length, buffer, 0, buffer.Length, out int length));

            Assert.Equal("63 15 80 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 00 10 04 00 00 07", Hex.Format(buffer, 0, length));
        }

        [Fact]
        public void Write_WithCipheredUserInformation_CorrectLengthsUnlikeGuruxW1()
        {
            // docs/interop.md W1: ciphered RLRE declared 63 2D .. BE 2B 04 2A for a 42-byte APDU; correct is 63 31 .. BE 2C.
            byte[] ciphered = new byte[42];
            ciphered[0] = 0xDB;
            byte[] buffer = new byte[64];

            Assert.Equal(AcseStatus.Ok, RlreWriter.Write(0, ciphered, 0, ciphered.Length, buffer, 0, buffer.Length, out int length));

            Assert.Equal(2 + 0x31, length);
            Assert.Equal("63 31 80 01 00 BE 2C 04 2A DB", Hex.Format(buffer, 0, 10));
        }

        [Fact]
        public void Write_TooSmall_OverflowNothingWritten()
        {
            byte[] buffer = { 0xEE, 0xEE, 0xEE, 0xEE, 0xEE };

            Assert.Equal(AcseStatus.Overflow, RlreWriter.Write(0, buffer, 0, 4, out int length));

            Assert.Equal(0, length);
            Assert.All(buffer, b => Assert.Equal(0xEE, b));
        }

        [Fact]
        public void Parse_BadArguments_Throw()
        {
            Assert.Throws<ArgumentNullException>(() => RlrqParser.Parse(null!, 0, 0, new RlrqRequest()));
            Assert.Throws<ArgumentOutOfRangeException>(() => RlrqParser.Parse(new byte[3], 2, 2, new RlrqRequest()));
        }
    }
}
