using System;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class CipheredApduTests
    {
        [Fact]
        public void Read_GloGet_ReturnsFields()
        {
            byte[] bytes = Hex.Parse(SecurityVectors.GloGetAuthenticatedEncrypted);
            var apdu = new CipheredApdu();

            Assert.Equal(SecurityStatus.Ok, apdu.Read(bytes, 0, bytes.Length));

            Assert.True(apdu.IsValid);
            Assert.Equal(0xC8, apdu.Tag);
            Assert.False(apdu.HasSystemTitle);
            Assert.Equal(-1, apdu.SystemTitleOffset);
            Assert.Equal(0x30, apdu.SecurityControl);
            Assert.Equal(0x01234567u, apdu.InvocationCounter);
            Assert.Equal(7, apdu.PayloadOffset);
            Assert.Equal(13 + 12, apdu.PayloadCount);
            Assert.Equal(bytes.Length, apdu.ApduLength);
        }

        [Fact]
        public void Read_GeneralGloFromTrace_ReturnsSystemTitle()
        {
            byte[] bytes = Hex.Parse("AA " + SecurityVectors.GuruxGeneralGloGet + " BB BB");
            var apdu = new CipheredApdu();

            Assert.Equal(SecurityStatus.Ok, apdu.Read(bytes, 1, bytes.Length - 1));

            Assert.Equal(0xDB, apdu.Tag);
            Assert.True(apdu.HasSystemTitle);
            Assert.Equal(3, apdu.SystemTitleOffset);
            Assert.Equal("47 75 72 75 78 31 32 33", Hex.Format(bytes, apdu.SystemTitleOffset, 8));
            Assert.Equal(3u, apdu.InvocationCounter);
            Assert.Equal(1 + 1 + 1 + 8 + 1 + 5, apdu.PayloadOffset);
            Assert.Equal(25, apdu.PayloadCount);
            Assert.Equal(bytes.Length - 3, apdu.ApduLength);
        }

        // u9n/dlms-cosem#72: some meters send general-glo with an empty system title.
        [Fact]
        public void Read_GeneralGloWithoutSystemTitle_Accepted()
        {
            byte[] bytes = Hex.Parse("DB 00 06 20 00000001 AB");
            var apdu = new CipheredApdu();

            Assert.Equal(SecurityStatus.Ok, apdu.Read(bytes, 0, bytes.Length));
            Assert.False(apdu.HasSystemTitle);
            Assert.Equal(1, apdu.PayloadCount);
        }

        [Theory]
        [InlineData("C8 81 05 30 00000001", 8)]
        [InlineData("C8 82 0005 30 00000001", 9)]
        public void Read_LongLengthForms_Accepted(string hex, int payloadOffset)
        {
            byte[] bytes = Hex.Parse(hex);
            var apdu = new CipheredApdu();

            Assert.Equal(SecurityStatus.Ok, apdu.Read(bytes, 0, bytes.Length));
            Assert.Equal(payloadOffset, apdu.PayloadOffset);
            Assert.Equal(1u, apdu.InvocationCounter);
            Assert.Equal(0, apdu.PayloadCount);
        }

        [Theory]
        [InlineData("", SecurityStatus.Malformed)]
        [InlineData("C8", SecurityStatus.Malformed)]
        [InlineData("C8 1E 30 01234567", SecurityStatus.Malformed)]        // length runs past the input
        [InlineData("C8 04 30 012345", SecurityStatus.Malformed)]           // shorter than SC || IC
        [InlineData("C8 83 000005 30 00000001", SecurityStatus.Malformed)] // 3-byte length form
        [InlineData("C8 80", SecurityStatus.Malformed)]                    // indefinite length
        [InlineData("C8 81", SecurityStatus.Malformed)]
        [InlineData("DB", SecurityStatus.Malformed)]
        [InlineData("DB 07 4D4D4D0000BC61 05 30 00000001", SecurityStatus.Malformed)] // system title length 7
        [InlineData("DB 08 4D4D4D0000BC61", SecurityStatus.Malformed)]
        [InlineData("DD 00", SecurityStatus.Unsupported)]                   // general-ciphering
        [InlineData("C0 01 00 00 08", SecurityStatus.Unsupported)]          // a plain GET
        [InlineData("CE 05 30 00000001", SecurityStatus.Unsupported)]       // no such ciphered tag
        public void Read_BadInput_StatusAndCleared(string hex, SecurityStatus expected)
        {
            byte[] bytes = Hex.Parse(hex);
            var apdu = new CipheredApdu();
            byte[] good = Hex.Parse(SecurityVectors.GloGetEncrypted);
            apdu.Read(good, 0, good.Length);

            SecurityStatus status = apdu.Read(bytes, 0, bytes.Length);

            Assert.Equal(expected, status);
            Assert.False(apdu.IsValid);
            Assert.Equal(0, apdu.Tag);
            Assert.Equal(0u, apdu.InvocationCounter);
        }

        [Theory]
        [InlineData(0xC8, 13, "C8 12 20 01 23 45 67")]
        [InlineData(0xC8, 25, "C8 1E 20 01 23 45 67")]
        [InlineData(0xC8, 122, "C8 7F 20 01 23 45 67")]
        [InlineData(0xC8, 123, "C8 81 80 20 01 23 45 67")]
        [InlineData(0xC8, 250, "C8 81 FF 20 01 23 45 67")]
        [InlineData(0xC8, 251, "C8 82 01 00 20 01 23 45 67")]
        [InlineData(0xDB, 25, "DB 08 4D 4D 4D 00 00 BC 61 4E 1E 20 01 23 45 67")]
        public void WriteHeader_LengthForms_MatchHeaderLengthAndReadBack(int tag, int payloadCount, string expected)
        {
            byte[] systemTitle = Hex.Parse(SecurityVectors.SystemTitle);
            int headerLength = CipheredApdu.HeaderLength((byte)tag, payloadCount);
            byte[] buffer = new byte[headerLength + payloadCount];

            int payloadOffset = CipheredApdu.WriteHeader(buffer, 0, (byte)tag, systemTitle, 0, 0x20, 0x01234567, payloadCount);

            Assert.Equal(headerLength, payloadOffset);
            Assert.Equal(expected, Hex.Format(buffer, 0, headerLength));
            var apdu = new CipheredApdu();
            Assert.Equal(SecurityStatus.Ok, apdu.Read(buffer, 0, buffer.Length));
            Assert.Equal(payloadOffset, apdu.PayloadOffset);
            Assert.Equal(payloadCount, apdu.PayloadCount);
            Assert.Equal(buffer.Length, apdu.ApduLength);
        }

        [Fact]
        public void WriteHeader_Misuse_Throws()
        {
            byte[] buffer = new byte[32];

            Assert.Throws<ArgumentException>(() => CipheredApdu.WriteHeader(buffer, 0, 0xC0, null!, 0, 0x30, 1, 4));
            Assert.Throws<ArgumentOutOfRangeException>(() => CipheredApdu.WriteHeader(buffer, 30, 0xC8, null!, 0, 0x30, 1, 4));
            Assert.Throws<ArgumentNullException>(() => CipheredApdu.WriteHeader(buffer, 0, 0xDB, null!, 0, 0x30, 1, 4));
            Assert.Throws<ArgumentOutOfRangeException>(() => CipheredApdu.HeaderLength(0xC8, 0xFFFF));
        }
    }
}
