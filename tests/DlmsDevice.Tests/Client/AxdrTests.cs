using System;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>A-XDR decode/encode of COSEM Data (the Green Book's A-XDR examples) and the typed text syntax.</summary>
    public class AxdrTests
    {
        [Theory]
        [InlineData("00", "null")]
        [InlineData("03 01", "bool:true")]
        [InlineData("04 0A C0 40", "bits:1100000001")]
        [InlineData("05 FF FF FF FE", "i32:-2")]
        [InlineData("06 00 01 E2 40", "u32:123456")]
        [InlineData("09 03 01 02 AB", "oct:0102AB")]
        [InlineData("09 00", "oct:")]
        [InlineData("0A 05 47 75 72 75 78", "str:Gurux")]
        [InlineData("0C 03 C3 A4 78", "utf8:äx")]
        [InlineData("0D 12", "bcd:18")]
        [InlineData("0F FF", "i8:-1")]
        [InlineData("10 FF 88", "i16:-120")]
        [InlineData("11 80", "u8:128")]
        [InlineData("12 09 34", "u16:2356")]
        [InlineData("14 80 00 00 00 00 00 00 00", "i64:-9223372036854775808")]
        [InlineData("15 FF FF FF FF FF FF FF FF", "u64:18446744073709551615")]
        [InlineData("16 1E", "enum:30")]
        [InlineData("17 3F C0 00 00", "f32:1.5")]
        [InlineData("18 40 02 00 00 00 00 00 00", "f64:2.25")]
        [InlineData("19 07EA 0B 19 03 0A 00 00 00 FF C4 00", "datetime:2026-11-25T10:00:00+01:00")]
        [InlineData("1A 07EA 0B 19 03", "date:2026-11-25")]
        [InlineData("1B 0A 1E 00 00", "time:10:30:00")]
        [InlineData("02 02 0F 00 16 1E", "{i8:0, enum:30}")]
        [InlineData("01 02 12 00 01 12 00 02", "[u16:1, u16:2]")]
        [InlineData("01 00", "[]")]
        [InlineData("02 02 01 01 02 01 11 05 0A 03 61 2C 62", "{[{u8:5}], str:\"a,b\"}")]
        public void DecodeEncodeFormatParse_RoundTrip(string hex, string text)
        {
            byte[] bytes = Hex.Parse(hex);

            DlmsValue decoded = AxdrDecoder.Decode(bytes);

            Assert.Equal(text, DlmsValueText.Format(decoded));
            Assert.Equal(Hex.Format(bytes), Hex.Format(AxdrEncoder.Encode(decoded)));
            Assert.Equal(decoded, DlmsValueText.Parse(text));
            Assert.Equal(decoded.GetHashCode(), DlmsValueText.Parse(text).GetHashCode());
        }

        [Theory]
        [InlineData(0x7F, "7F")]
        [InlineData(0x80, "81 80")]
        [InlineData(0xFF, "81 FF")]
        [InlineData(0x100, "82 01 00")]
        [InlineData(0x10000, "84 00 01 00 00")]
        public void Length_ShortAndLongForms(int length, string hex)
        {
            var o = new System.Collections.Generic.List<byte>();
            AxdrLength.Write(o, length);
            Assert.Equal(hex, Hex.Format(o.ToArray()));
            Assert.Equal(o.Count, AxdrLength.Size(length));

            int offset = 0;
            Assert.Equal(length, AxdrLength.Read(o.ToArray(), ref offset));
            Assert.Equal(o.Count, offset);
        }

        [Fact]
        public void Length_ThreeByteForm_IsAcceptedWhenDecoding()
        {
            int offset = 0;
            Assert.Equal(0x010203, AxdrLength.Read(Hex.Parse("83 01 02 03"), ref offset));
            Assert.Equal(4, offset);
        }

        [Fact]
        public void LongOctetString_UsesLongLength()
        {
            var value = DlmsValue.OctetString(Enumerable.Repeat((byte)0xAA, 300).ToArray());

            byte[] encoded = AxdrEncoder.Encode(value);

            Assert.Equal("09 82 01 2C", Hex.Format(encoded, 0, 4));
            Assert.Equal(304, encoded.Length);
            Assert.Equal(value, AxdrDecoder.Decode(encoded));
        }

        [Theory]
        [InlineData("")]                     // nothing
        [InlineData("06 00 00 01")]          // truncated uint32
        [InlineData("09 05 01 02")]          // octet-string longer than data
        [InlineData("02 03 11 01 11 02")]    // structure missing an element
        [InlineData("01 FF")]                // count exceeds the data
        [InlineData("07 00")]                // unknown tag 7
        [InlineData("FF")]                   // unknown tag
        [InlineData("11 01 11 02")]          // trailing bytes
        [InlineData("09 85 00 00 00 00 01")] // 5-byte length form
        public void Decode_Malformed_Throws(string hex)
        {
            Assert.Throws<DlmsProtocolException>(() => AxdrDecoder.Decode(Hex.Parse(hex)));
        }

        [Fact]
        public void Decode_FailedRead_LeavesOffsetUnchanged()
        {
            byte[] data = Hex.Parse("11 05 06 00 00");
            int offset = 2;

            Assert.Throws<DlmsProtocolException>(() => AxdrDecoder.Decode(data, ref offset));

            Assert.Equal(2, offset);
        }

        [Fact]
        public void Decode_ExcessiveNesting_Throws()
        {
            byte[] data = Enumerable.Repeat(new byte[] { 0x02, 0x01 }, 100).SelectMany(x => x).Append((byte)0x00).ToArray();

            Assert.Throws<DlmsProtocolException>(() => AxdrDecoder.Decode(data));
        }

        [Fact]
        public void CompactArray_ArrayOfStructures_DecodesAndRoundTrips()
        {
            // compact-array, type description structure{long-unsigned, visible-string}, 2 rows.
            byte[] bytes = Hex.Parse("13 02 02 12 0A 0C 00 01 02 41 42 00 02 01 43 00 03 00");

            DlmsValue value = AxdrDecoder.Decode(bytes);

            Assert.Equal(DataType.CompactArray, value.Type);
            Assert.Equal(3, value.Items.Count);
            Assert.Equal(DlmsValue.Structure(DlmsValue.LongUnsigned(1), DlmsValue.VisibleString("AB")), value.Items[0]);
            Assert.Equal(DlmsValue.Structure(DlmsValue.LongUnsigned(3), DlmsValue.VisibleString("")), value.Items[2]);
            Assert.Equal(Hex.Format(bytes), Hex.Format(AxdrEncoder.Encode(value)));
        }

        [Fact]
        public void CompactArray_OfScalars()
        {
            DlmsValue value = AxdrDecoder.Decode(Hex.Parse("13 11 03 01 02 03"));

            Assert.Equal(new[] { DlmsValue.Unsigned(1), DlmsValue.Unsigned(2), DlmsValue.Unsigned(3) }, value.Items);
        }

        [Theory]
        [InlineData("u32:1234", "06 00 00 04 D2")]
        [InlineData("double-long-unsigned:1234", "06 00 00 04 D2")]
        [InlineData("i16:-2", "10 FF FE")]
        [InlineData("bool:0", "03 00")]
        [InlineData("oct:01 02", "09 02 01 02")]
        [InlineData("str:hello world", "0A 0B 68 65 6C 6C 6F 20 77 6F 72 6C 64")]
        [InlineData("obis:1.0.1.8.0.255", "09 06 01 00 01 08 00 FF")]
        [InlineData("obis:1-0:1.8.0*255", "09 06 01 00 01 08 00 FF")]
        [InlineData("dt:2026-11-25T10:00:00", "09 0C 07 EA 0B 19 03 0A 00 00 00 80 00 00")]
        [InlineData("dt:2026-11-25T10:00:00Z", "09 0C 07 EA 0B 19 03 0A 00 00 00 00 00 00")]
        [InlineData("dt:2021-01-24T14:48:57.80+01:00", "09 0C 07 E5 01 18 07 0E 30 39 50 FF C4 00")]
        [InlineData("dt:2026-11-25T10:00:00+05:30/80", "09 0C 07 EA 0B 19 03 0A 00 00 00 FE B6 80")]
        [InlineData("dt:*-*-*T00:00:00", "09 0C FF FF FF FF FF 00 00 00 00 80 00 00")]
        [InlineData("dt:2026-11-25T*:*:*", "09 0C 07 EA 0B 19 03 FF FF FF FF 80 00 00")]
        [InlineData(" { u8:1 , [ ] , null } ", "02 03 11 01 01 00 00")]
        [InlineData("{u32:1, u32:1, u16:1, u16:0}", "02 04 06 00 00 00 01 06 00 00 00 01 12 00 01 12 00 00")]
        public void Parse_EncodesAsExpected(string text, string hex)
        {
            Assert.Equal(hex, Hex.Format(AxdrEncoder.Encode(DlmsValueText.Parse(text))));
        }

        [Theory]
        [InlineData("1234")]
        [InlineData("u32:")]
        [InlineData("u32:-1")]
        [InlineData("u8:256")]
        [InlineData("x:1")]
        [InlineData("oct:0")]
        [InlineData("{u8:1")]
        [InlineData("{u8:1 u8:2}")]
        [InlineData("u8:1 trailing")]
        [InlineData("str:\"open")]
        [InlineData("str:tab\there")]
        [InlineData("dt:2026-13-40")]
        [InlineData("obis:1.2.3")]
        [InlineData("bool:yes")]
        [InlineData("bits:102")]
        public void Parse_Invalid_ThrowsFormatException(string text)
        {
            Assert.Throws<FormatException>(() => DlmsValueText.Parse(text));
        }

        [Fact]
        public void Format_Hints_DateTimeObisAscii()
        {
            DlmsValue value = DlmsValue.Structure(
                DlmsValue.OctetString(Hex.Parse("07EA0B19FF08131AFF000000")),
                DlmsValue.OctetString(Hex.Parse("0100010800FF")),
                DlmsValue.OctetString(Hex.Parse("4775727578")));

            string text = DlmsValueText.Format(value, new DlmsValueFormatOptions { ObisHint = true, AsciiHint = true });

            Assert.Equal("{dt:2026-11-25T08:19:26Z, obis:1.0.1.8.0.255, oct:4775727578 (\"Gurux\")}", text);
        }

        [Fact]
        public void Format_WithoutHints_IsCanonical()
        {
            DlmsValue value = DlmsValue.OctetString(Hex.Parse("07EA0B19FF08131AFF000000"));

            Assert.Equal("oct:07EA0B19FF08131AFF000000", value.ToString());
        }

        [Fact]
        public void Format_LongStructure_BreaksLines()
        {
            DlmsValue value = DlmsValue.Array(Enumerable.Range(0, 20).Select(i => DlmsValue.LongUnsigned((ushort)(1000 + i))));

            string text = DlmsValueText.Format(value, new DlmsValueFormatOptions { MaxLineWidth = 40 });

            Assert.StartsWith("[\n  u16:1000,\n  u16:1001,\n", text);
            Assert.EndsWith("  u16:1019\n]", text);
        }

        [Theory]
        [InlineData("07EA0B19FF08131AFF000000", true)]
        [InlineData("FFFFFFFFFFFFFFFFFF800000", true)]
        [InlineData("07EA0D19FF08131AFF000000", false)]  // month 13
        [InlineData("07EA0B19FF18131AFF000000", false)]  // hour 24
        [InlineData("0102030405060708090A0B0C", false)]
        [InlineData("07EA0B19FF08131A", false)]          // 8 bytes
        public void LooksLikeDateTime(string hex, bool expected)
        {
            Assert.Equal(expected, CosemDateTime.LooksLikeDateTime(Hex.Parse(hex)));
        }

        [Fact]
        public void CosemDateTime_FromDateTime_SetsWeekdayAndDeviation()
        {
            var dt = CosemDateTime.FromDateTime(new DateTime(2026, 11, 29, 23, 59, 58, 990), TimeSpan.FromHours(5.5));

            Assert.Equal("07 EA 0B 1D 07 17 3B 3A 63 FE B6 00", Hex.Format(dt.ToBytes()));
            Assert.Equal("2026-11-29T23:59:58.99+05:30", dt.ToString());
        }

        [Theory]
        [InlineData(2356, -1, 35, "235.6 V")]
        [InlineData(12345, 0, 30, "12345 Wh")]
        [InlineData(5, 2, 27, "500 W")]
        [InlineData(1122, 0, 27, "1122 W")]
        [InlineData(-15, -3, 33, "-0.015 A")]
        [InlineData(42, 0, 255, "42")]
        [InlineData(5000, -2, 44, "50 Hz")]
        public void ScalerUnit_FormatsScaledValueWithUnit(long raw, int scaler, int unit, string expected)
        {
            var su = new ScalerUnit((sbyte)scaler, (byte)unit);

            Assert.Equal(expected, su.Format(DlmsValue.Long64(raw)));
        }

        [Fact]
        public void ScalerUnit_RealMeterPushExcerpt()
        {
            // DC test_hdlc.py UI frame: 12 0934 02 02 0F FF 16 23 = L1 voltage 235.6 V.
            DlmsValue value = AxdrDecoder.Decode(Hex.Parse("12 09 34"));
            ScalerUnit su = ScalerUnit.FromValue(AxdrDecoder.Decode(Hex.Parse("02 02 0F FF 16 23")));

            Assert.Equal("235.6 V", new ScaledValue(value, su).ToString());
            Assert.Equal(235.6m, new ScaledValue(value, su).Scaled);
            Assert.Equal("10^-1 V", su.ToString());
        }

        [Fact]
        public void ScalerUnit_Float()
        {
            Assert.Equal("1.5 kg", new ScalerUnit(-1, 20).Format(DlmsValue.Float32(15f)));
        }

        [Fact]
        public void ScalerUnit_NotAStructure_Throws()
        {
            Assert.Throws<DlmsProtocolException>(() => ScalerUnit.FromValue(DlmsValue.Unsigned(1)));
        }

        [Theory]
        [InlineData(3, 2, 3)]
        [InlineData(4, 2, 3)]
        [InlineData(5, 2, 4)]
        [InlineData(5, 3, 4)]
        [InlineData(3, 3, null)]
        [InlineData(1, 2, null)]
        public void ScalerAttribute_ByClass(int classId, int attribute, int? expected)
        {
            Assert.Equal(expected is null ? null : (sbyte?)(sbyte)expected.Value, ScaledValue.ScalerAttributeFor((ushort)classId, (sbyte)attribute));
        }

        [Theory]
        [InlineData("1.0.1.8.0.255", "1.0.1.8.0.255")]
        [InlineData("1-0:1.8.0*255", "1.0.1.8.0.255")]
        [InlineData("1-0:1.8.0.255", "1.0.1.8.0.255")]
        [InlineData("0000280000FF", "0.0.40.0.0.255")]
        public void Obis_Parse(string text, string expected)
        {
            Assert.Equal(expected, ObisCode.Parse(text).ToString());
        }

        [Theory]
        [InlineData("1.0.1.8.0")]
        [InlineData("1.0.1.8.0.256")]
        [InlineData("")]
        public void Obis_Invalid_Throws(string text)
        {
            Assert.Throws<FormatException>(() => ObisCode.Parse(text));
        }

        [Theory]
        [InlineData("1.0.1.8.0.255:3:2", 3, "1.0.1.8.0.255", 2)]
        [InlineData("1-0:1.8.0*255:3:2", 3, "1.0.1.8.0.255", 2)]
        [InlineData("0.0.40.0.0.255:15:-1", 15, "0.0.40.0.0.255", -1)]
        public void CosemAttribute_Parse(string text, int classId, string obis, int attribute)
        {
            CosemAttribute a = CosemAttribute.Parse(text);

            Assert.Equal(new CosemAttribute((ushort)classId, ObisCode.Parse(obis), (sbyte)attribute), a);
        }

        [Theory]
        [InlineData("1.0.1.8.0.255:3")]
        [InlineData("1.0.1.8.0.255:x:2")]
        [InlineData("1.0.1.8.0.255:3:200")]
        public void CosemAttribute_Invalid_Throws(string text)
        {
            Assert.Throws<FormatException>(() => CosemAttribute.Parse(text));
        }
    }
}
