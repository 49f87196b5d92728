using System;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Security
{
    public class AesKeyWrapTests
    {
        // RFC 3394 §4.1: wrap 128 bits of key data with a 128-bit KEK.
        private const string Kek = "000102030405060708090A0B0C0D0E0F";
        private const string KeyData = "00112233445566778899AABBCCDDEEFF";
        private const string Wrapped = "1FA68B0A8112B447 AEF34BD8FB5A7B82 9D3E862371D2CFE5";

        [Fact]
        public void Wrap_Rfc3394Section4_1_MatchesCiphertext()
        {
            AesKeyWrap wrap = Keyed();
            byte[] output = new byte[24];

            wrap.Wrap(Hex.Parse(KeyData), 0, 16, output, 0);

            Assert.Equal(Hex.Format(Hex.Parse(Wrapped)), Hex.Format(output));
        }

        [Fact]
        public void Unwrap_Rfc3394Section4_1_RecoversKeyData()
        {
            AesKeyWrap wrap = Keyed();
            byte[] output = new byte[16];

            SecurityStatus status = wrap.Unwrap(Hex.Parse(Wrapped), 0, 24, output, 0);

            Assert.Equal(SecurityStatus.Ok, status);
            Assert.Equal(Hex.Format(Hex.Parse(KeyData)), Hex.Format(output));
        }

        [Fact]
        public void WrapUnwrap_InPlaceAtOffsets_RoundTrips()
        {
            AesKeyWrap wrap = Keyed();
            byte[] buffer = Hex.Parse("77 " + KeyData + " 00 00 00 00 00 00 00 00 77");

            wrap.Wrap(buffer, 1, 16, buffer, 1);
            Assert.Equal("77 " + Hex.Format(Hex.Parse(Wrapped)) + " 77", Hex.Format(buffer));

            Assert.Equal(SecurityStatus.Ok, wrap.Unwrap(buffer, 1, 24, buffer, 1));
            Assert.Equal(Hex.Format(Hex.Parse(KeyData)), Hex.Format(buffer, 1, 16));
        }

        [Fact]
        public void WrapUnwrap_32ByteKeyData_RoundTrips()
        {
            AesKeyWrap wrap = Keyed();
            byte[] keyData = new byte[32];
            new Random(3394).NextBytes(keyData);
            byte[] wrapped = new byte[40];
            byte[] back = new byte[32];

            wrap.Wrap(keyData, 0, 32, wrapped, 0);

            Assert.Equal(SecurityStatus.Ok, wrap.Unwrap(wrapped, 0, 40, back, 0));
            Assert.Equal(keyData, back);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(23)]
        public void Unwrap_AlteredByte_FailsAndZeroesOutput(int index)
        {
            AesKeyWrap wrap = Keyed();
            byte[] input = Hex.Parse(Wrapped);
            input[index] ^= 0x01;
            byte[] output = new byte[16];
            output.AsSpan().Fill(0x5A);

            SecurityStatus status = wrap.Unwrap(input, 0, 24, output, 0);

            Assert.Equal(SecurityStatus.AuthenticationFailed, status);
            Assert.Equal(new byte[16], output);
        }

        [Fact]
        public void Unwrap_WrongKek_Fails()
        {
            var wrap = new AesKeyWrap();
            wrap.SetKey(Hex.Parse("000102030405060708090A0B0C0D0E0E"), 0);

            Assert.Equal(SecurityStatus.AuthenticationFailed, wrap.Unwrap(Hex.Parse(Wrapped), 0, 24, new byte[16], 0));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(16)]
        [InlineData(23)]
        [InlineData(25)]
        public void Unwrap_BadLength_Malformed(int count)
        {
            AesKeyWrap wrap = Keyed();

            Assert.Equal(SecurityStatus.Malformed, wrap.Unwrap(new byte[32], 0, count, new byte[32], 0));
        }

        [Fact]
        public void Wrap_BadLengthOrNoKey_Throws()
        {
            AesKeyWrap wrap = Keyed();
            Assert.Throws<ArgumentOutOfRangeException>(() => wrap.Wrap(new byte[16], 0, 8, new byte[16], 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => wrap.Wrap(new byte[20], 0, 20, new byte[28], 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => wrap.Wrap(new byte[16], 0, 16, new byte[23], 0));
            Assert.Throws<InvalidOperationException>(() => new AesKeyWrap().Wrap(new byte[16], 0, 16, new byte[24], 0));
        }

        private static AesKeyWrap Keyed()
        {
            var wrap = new AesKeyWrap();
            wrap.SetKey(Hex.Parse(Kek), 0);
            return wrap;
        }
    }
}
