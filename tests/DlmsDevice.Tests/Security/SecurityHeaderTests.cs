using System;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class SecurityHeaderTests
    {
        // the Green Book's security examples: bits 0-3 suite, 0x10 authentication, 0x20 encryption, 0x40 broadcast key, 0x80 compression.
        [Theory]
        [InlineData(0x30, 0, true, true, false, false)]
        [InlineData(0x10, 0, true, false, false, false)]
        [InlineData(0x20, 0, false, true, false, false)]
        [InlineData(0x31, 1, true, true, false, false)]
        [InlineData(0xC2, 2, false, false, true, true)]
        public void SecurityControl_Bits_Decode(int sc, int suite, bool authenticated, bool encrypted, bool broadcast, bool compressed)
        {
            byte value = (byte)sc;

            Assert.Equal(suite, SecurityControl.Suite(value));
            Assert.Equal(authenticated, SecurityControl.IsAuthenticated(value));
            Assert.Equal(encrypted, SecurityControl.IsEncrypted(value));
            Assert.Equal(broadcast, SecurityControl.UsesBroadcastKey(value));
            Assert.Equal(compressed, SecurityControl.IsCompressed(value));
        }

        [Theory]
        [InlineData(0, true, true, 0x30)]
        [InlineData(0, true, false, 0x10)]
        [InlineData(0, false, true, 0x20)]
        [InlineData(1, true, true, 0x31)]
        public void SecurityControl_Make_SetsBits(int suite, bool authenticated, bool encrypted, int expected)
        {
            Assert.Equal((byte)expected, SecurityControl.Make(suite, authenticated, encrypted));
        }

        [Theory]
        [InlineData(0x30, SecurityStatus.Ok)]
        [InlineData(0x10, SecurityStatus.Ok)]
        [InlineData(0x20, SecurityStatus.Ok)]
        [InlineData(0x00, SecurityStatus.Unsupported)]
        [InlineData(0x70, SecurityStatus.Unsupported)]
        [InlineData(0xB0, SecurityStatus.Unsupported)]
        [InlineData(0x31, SecurityStatus.UnsupportedSuite)]
        [InlineData(0x3F, SecurityStatus.UnsupportedSuite)]
        public void SecurityControl_CheckSuite0_ClassifiesSc(int sc, SecurityStatus expected)
        {
            Assert.Equal(expected, SecurityControl.CheckSuite0((byte)sc));
        }

        [Fact]
        public void SecurityHeader_WriteThenRead_RoundTrips()
        {
            byte[] buffer = new byte[8];

            int next = SecurityHeader.Write(buffer, 2, 0x30, 0x01234567);

            Assert.Equal(7, next);
            Assert.Equal("00 00 30 01 23 45 67 00", Hex.Format(buffer));
            Assert.True(SecurityHeader.TryRead(buffer, 2, 5, out byte sc, out uint ic));
            Assert.Equal((0x30, 0x01234567u), (sc, ic));
        }

        [Fact]
        public void SecurityHeader_TryReadShort_FalseAndZero()
        {
            byte[] buffer = Hex.Parse("30 01 23 45");

            Assert.False(SecurityHeader.TryRead(buffer, 0, 4, out byte sc, out uint ic));
            Assert.Equal((0, 0u), (sc, ic));
        }

        [Fact]
        public void SecurityHeader_InvocationCounter_IsBigEndian()
        {
            byte[] buffer = new byte[4];

            SecurityHeader.WriteInvocationCounter(buffer, 0, 0xFFFFFFFE);

            Assert.Equal("FF FF FF FE", Hex.Format(buffer));
            Assert.Equal(0xFFFFFFFEu, SecurityHeader.ReadInvocationCounter(buffer, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => SecurityHeader.Write(buffer, 0, 0x30, 1));
        }

        // Green Book xDLMS tags (and Gurux.DLMS.Net Enums/Command.cs).
        [Theory]
        [InlineData(0xC8, 0xC0)]
        [InlineData(0xC9, 0xC1)]
        [InlineData(0xCA, 0xC2)]
        [InlineData(0xCB, 0xC3)]
        [InlineData(0xCC, 0xC4)]
        [InlineData(0xCD, 0xC5)]
        [InlineData(0xCF, 0xC7)]
        [InlineData(0xD0, 0xC0)]
        [InlineData(0xD4, 0xC4)]
        [InlineData(0xD7, 0xC7)]
        [InlineData(0x21, 0x01)]
        [InlineData(0x28, 0x08)]
        [InlineData(0x2E, 0x0E)]
        [InlineData(0xCE, 0x00)]
        [InlineData(0xD6, 0x00)]
        [InlineData(0xDB, 0x00)]
        [InlineData(0xC0, 0x00)]
        public void CipheredTag_ToPlain_MapsServiceSpecificTags(int ciphered, int plain)
        {
            Assert.Equal((byte)plain, CipheredTag.ToPlain((byte)ciphered));
        }

        [Theory]
        [InlineData(0xC0, 0xC8, 0xD0)]
        [InlineData(0xC4, 0xCC, 0xD4)]
        [InlineData(0xC7, 0xCF, 0xD7)]
        [InlineData(0x01, 0x21, 0x00)]
        [InlineData(0x08, 0x28, 0x00)]
        [InlineData(0x0E, 0x2E, 0x00)]
        [InlineData(0xC6, 0x00, 0x00)]
        [InlineData(0x0F, 0x00, 0x00)]
        [InlineData(0xD8, 0x00, 0x00)]
        public void CipheredTag_ToGloAndToDed_MapPlainTags(int plain, int glo, int ded)
        {
            Assert.Equal((byte)glo, CipheredTag.ToGlo((byte)plain));
            Assert.Equal((byte)ded, CipheredTag.ToDed((byte)plain));
        }

        [Theory]
        [InlineData(0xC8, false, false)]
        [InlineData(0xD3, false, true)]
        [InlineData(0xDB, true, false)]
        [InlineData(0xDC, true, true)]
        [InlineData(0x21, false, false)]
        public void CipheredTag_Kinds(int tag, bool general, bool dedicated)
        {
            Assert.Equal(general, CipheredTag.IsGeneral((byte)tag));
            Assert.Equal(dedicated, CipheredTag.UsesDedicatedKey((byte)tag));
        }
    }
}
