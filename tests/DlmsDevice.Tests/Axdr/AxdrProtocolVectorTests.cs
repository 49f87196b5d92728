using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Axdr.AxdrTestBuffers;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>
    /// A-XDR vectors from the Green Book examples and the published traces (docs/interop.md), byte for byte: APDU
    /// parameters read with the untagged reads, Data values with the tagged ones.
    /// </summary>
    public class AxdrProtocolVectorTests
    {
        // the Green Book's xDLMS APDU examples, selective access on IC7 buffer, range_descriptor (DC test_selective_access.py).
        private const string RangeDescriptor =
            "02 04 " +
            "02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00 " +   // restricting object: clock attr 2
            "09 0C 07 E2 06 01 FF 00 03 00 FF FF 88 80 " +               // from
            "09 0C 07 E5 01 06 FF 00 03 00 FF FF C4 00 " +               // to
            "01 00";                                                     // selected columns: all

        private const string RangeGetRequest = "C0 01 C1 00 07 01 00 63 01 00 FF 02 01 01 " + RangeDescriptor;

        // Trace C's object_list element (a real meter, GXDLMSDirector#4, docs/interop.md). The source ends in "...";
        // we close it with an empty method_access array (01 00).
        private const string ObjectListElement =
            "02 04 12 00 08 11 00 09 06 00 00 01 00 00 FF 02 02 01 01 02 03 0F 01 16 01 00 01 00";

        [Fact]
        public void GetResponseNormal_Data_DoubleLongUnsigned5009()
        {
            AxdrReader reader = Reader("C4 01 C1 00 06 00 00 13 91");

            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte apdu));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte type));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte invokeIdAndPriority));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte resultChoice));
            Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLongUnsigned(out uint value));

            Assert.Equal(0xC4, apdu);
            Assert.Equal(1, type);
            Assert.Equal(0xC1, invokeIdAndPriority);
            Assert.Equal(0, resultChoice);
            Assert.Equal(5009u, value);
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void GetRequestNormal_AttributeDescriptor_Fields()
        {
            AxdrReader reader = Reader("C0 01 C1 00 01 00 00 2B 01 00 FF 02 00");
            Assert.Equal(AxdrStatus.Ok, reader.Skip(3));

            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt16(out ushort classId));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawObis(out long name));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte attribute));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte accessSelection));

            Assert.Equal(1, classId);
            Assert.Equal(ObisCode.Parse("0-0:43.1.0*255").Value, name);
            Assert.Equal(2, attribute);
            Assert.Equal(0, accessSelection);
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void GetRequestWithList_TwoDescriptors_Fields()
        {
            AxdrReader reader = Reader("C0 03 C1 02 00 01 00 00 2A 00 00 FF 02 00 00 08 00 00 01 00 00 FF 02 00");
            Assert.Equal(AxdrStatus.Ok, reader.Skip(3));
            Assert.Equal(AxdrStatus.Ok, reader.ReadLength(out int count));
            Assert.Equal(2, count);

            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt16(out ushort class1));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawObis(out long name1));
            Assert.Equal(AxdrStatus.Ok, reader.Skip(2));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt16(out ushort class2));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawObis(out long name2));
            Assert.Equal(AxdrStatus.Ok, reader.Skip(2));

            Assert.Equal(1, class1);
            Assert.Equal(ObisCode.Parse("0.0.42.0.0.255").Value, name1);
            Assert.Equal(8, class2);
            Assert.Equal(ObisCode.Parse("0.0.1.0.0.255").Value, name2);
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void GetResponseWithDatablock_RawDataLength82Form_1182Bytes()
        {
            // 12 header bytes, then the 1182 raw bytes (zeros here).
            byte[] apdu = Concat(Hex.Parse("C4 02 C1 00 00 00 00 01 00 82 04 9E"), new byte[1182]);
            AxdrReader reader = Reader(apdu, apdu.Length);
            Assert.Equal(AxdrStatus.Ok, reader.Skip(3));

            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte lastBlock));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt32(out uint blockNumber));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte rawDataChoice));
            Assert.Equal(AxdrStatus.Ok, reader.ReadLength(out int length));

            Assert.Equal(0, lastBlock);
            Assert.Equal(1u, blockNumber);
            Assert.Equal(0, rawDataChoice);
            Assert.Equal(1182, length);
            Assert.Equal(length, reader.Remaining);
        }

        [Fact]
        public void SetRequestNormal_DateTimeValue_AllFields()
        {
            AxdrReader reader = Reader("C1 01 C1 00 08 00 00 01 00 00 FF 02 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00");
            Assert.Equal(AxdrStatus.Ok, reader.Skip(3));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt16(out ushort classId));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawObis(out long name));
            Assert.Equal(AxdrStatus.Ok, reader.Skip(2));

            CosemDateTime value = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(value));

            Assert.Equal(8, classId);
            Assert.Equal(ObisCode.Parse("0-0:1.0.0*255").Value, name);
            Assert.Equal("2021-01-24 * 14:48:57.80 dev -60 st 00", value.ToString());
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void ActionRequestAndResponse_HlsReply_OctetString17()
        {
            AxdrReader request = Reader("C3 01 C0 00 0F 00 00 28 00 00 FF 01 01 09 11 10 00 00 1A 90 E6 D2 22 1F A2 FD 85 EE D6 1A CC 22");
            Assert.Equal(AxdrStatus.Ok, request.Skip(3));
            Assert.Equal(AxdrStatus.Ok, request.ReadUInt16(out ushort classId));
            Assert.Equal(AxdrStatus.Ok, request.ReadRawObis(out long name));
            Assert.Equal(AxdrStatus.Ok, request.ReadByte(out byte method));
            Assert.Equal(AxdrStatus.Ok, request.ReadByte(out byte parametersPresent));
            Assert.Equal(AxdrStatus.Ok, request.ReadOctetString(out int offset, out int length));

            Assert.Equal(15, classId);
            Assert.Equal(ObisCode.Parse("0-0:40.0.0*255").Value, name);
            Assert.Equal(1, method);
            Assert.Equal(1, parametersPresent);
            Assert.Equal(17, length);
            Assert.Equal("10 00 00 1A 90", Slice(request, offset, 5));

            AxdrReader response = Reader("C7 01 C0 00 01 00 09 11 10 00 00 1A FD E8 85 7B 72 8A 34 99 10 6A A6 65 D1");
            Assert.Equal(AxdrStatus.Ok, response.Skip(3));
            Assert.Equal(AxdrStatus.Ok, response.ReadByte(out byte result));
            Assert.Equal(AxdrStatus.Ok, response.ReadByte(out byte returnPresent));
            Assert.Equal(AxdrStatus.Ok, response.ReadByte(out byte dataChoice));
            Assert.Equal(AxdrStatus.Ok, response.ReadOctetString(out _, out int returned));
            Assert.Equal(0, result);
            Assert.Equal(1, returnPresent);
            Assert.Equal(0, dataChoice);
            Assert.Equal(17, returned);
            Assert.Equal(0, response.Remaining);
        }

        [Fact]
        public void DataNotification_Header_LongInvokeIdAndAbsentDateTime()
        {
            // 0F <long-invoke-id u32> <date-time absent 00> <notification-body Data>; the body is ours.
            AxdrReader reader = Reader("0F 00 00 01 DB 00 02 02 09 06 01 00 20 07 00 FF 12 09 34");
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte tag));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt32(out uint invokeId));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte dateTimePresent));

            Assert.Equal(0x0F, tag);
            Assert.Equal(0x1DBu, invokeId);
            Assert.Equal(0, dateTimePresent);
            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void RangeDescriptor_ParsedFieldByField()
        {
            AxdrReader reader = Reader(RangeGetRequest);
            Assert.Equal(AxdrStatus.Ok, reader.Skip(3));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUInt16(out ushort classId));
            Assert.Equal(AxdrStatus.Ok, reader.ReadRawObis(out long profile));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte attribute));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte accessSelection));
            Assert.Equal(AxdrStatus.Ok, reader.ReadByte(out byte selector));
            Assert.Equal(7, classId);
            Assert.Equal(ObisCode.Parse("1-0:99.1.0*255").Value, profile);
            Assert.Equal(2, attribute);
            Assert.Equal(1, accessSelection);
            Assert.Equal(1, selector);

            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int fields));
            Assert.Equal(4, fields);
            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int restricting));
            Assert.Equal(4, restricting);
            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort restrictingClass));
            Assert.Equal(AxdrStatus.Ok, reader.ReadObis(out long restrictingName));
            Assert.Equal(AxdrStatus.Ok, reader.ReadInteger(out sbyte restrictingAttribute));
            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort dataIndex));
            CosemDateTime from = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(from));
            CosemDateTime to = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(to));
            Assert.Equal(AxdrStatus.Ok, reader.ReadArray(out int columns));

            Assert.Equal(8, restrictingClass);
            Assert.Equal(ObisCode.Parse("0-0:1.0.0*255").Value, restrictingName);
            Assert.Equal(2, restrictingAttribute);
            Assert.Equal(0, dataIndex);
            Assert.Equal("2018-06-01 * 00:03:00.* dev -120 st 80", from.ToString());
            Assert.Equal("2021-01-06 * 00:03:00.* dev -60 st 00", to.ToString());
            Assert.Equal(CosemDateTime.ClockStatusDaylightSavingActive, from.ClockStatus);
            Assert.Equal(0, columns);
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void RangeDescriptor_SkippedWhole()
        {
            AxdrReader reader = Reader(RangeGetRequest);
            Assert.Equal(AxdrStatus.Ok, reader.Skip(14));
            int start = reader.Position;

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());

            Assert.Equal(0, reader.Remaining);
            Assert.Equal(Hex.Parse(RangeDescriptor).Length, reader.Position - start);
        }

        [Fact]
        public void RangeDescriptor_TruncatedAtEveryByte_SkipAndReadsFailCleanly()
        {
            byte[] data = Hex.Parse(RangeDescriptor);
            for (int count = 0; count < data.Length; count++)
            {
                AxdrReader reader = Reader(data, count);

                Assert.Equal(AxdrStatus.Truncated, reader.SkipValue());
                Assert.Equal(Lead, reader.Position);
            }
        }

        [Fact]
        public void EntryDescriptor_FieldsAndSkip()
        {
            // entry_descriptor (2.4): from entry 1, to entry 0 (= highest), columns 1..0 (= all). Values ours.
            AxdrReader reader = Reader("02 04 06 00 00 00 01 06 00 00 00 00 12 00 01 12 00 00");

            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(0, reader.Remaining);
            reader.Position = reader.Start;
            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int count));
            Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLongUnsigned(out uint fromEntry));
            Assert.Equal(AxdrStatus.Ok, reader.ReadDoubleLongUnsigned(out uint toEntry));
            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort fromValue));
            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort toValue));
            Assert.Equal(4, count);
            Assert.Equal(1u, fromEntry);
            Assert.Equal(0u, toEntry);
            Assert.Equal(1, fromValue);
            Assert.Equal(0, toValue);
        }

        [Fact]
        public void ScalerUnit_0F_FF_16_23_MinusOneVolt()
        {
            AxdrReader reader = Reader("02 02 0F FF 16 23");

            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int count));
            Assert.Equal(AxdrStatus.Ok, reader.ReadInteger(out sbyte scaler));
            Assert.Equal(AxdrStatus.Ok, reader.ReadEnum(out byte unit));

            Assert.Equal(2, count);
            Assert.Equal(-1, scaler);
            Assert.Equal(35, unit);   // V
        }

        [Fact]
        public void PushExcerpts_VoltageAndPower_Values()
        {
            AxdrReader voltage = Reader("09 06 01 00 20 07 00 FF 12 09 34 02 02 0F FF 16 23");
            Assert.Equal(AxdrStatus.Ok, voltage.ReadObis(out long name));
            Assert.Equal(AxdrStatus.Ok, voltage.ReadInt64Any(out long raw));
            Assert.Equal(AxdrStatus.Ok, voltage.ReadStructure(out _));
            Assert.Equal(AxdrStatus.Ok, voltage.ReadInteger(out sbyte scaler));
            Assert.Equal(AxdrStatus.Ok, voltage.ReadEnum(out byte unit));
            Assert.Equal(ObisCode.Parse("1-0:32.7.0*255").Value, name);
            Assert.Equal(2356, raw);
            Assert.Equal(-1, scaler);
            Assert.Equal(35, unit);

            AxdrReader power = Reader("06 00 00 04 62 02 02 0F 00 16 1B");
            Assert.Equal(AxdrStatus.Ok, power.ReadInt64Any(out long watts));
            Assert.Equal(AxdrStatus.Ok, power.SkipValue());
            Assert.Equal(1122, watts);
            Assert.Equal(0, power.Remaining);
        }

        [Fact]
        public void KmethyClock_DateTime_2002_12_04_Wed_Dev120()
        {
            AxdrReader reader = Reader("09 0C 07 D2 0C 04 03 0A 06 0B FF 00 78 00");

            CosemDateTime value = new CosemDateTime();
            Assert.Equal(AxdrStatus.Ok, reader.ReadDateTime(value));

            Assert.Equal("2002-12-04 03 10:06:11.* dev 120 st 00", value.ToString());
            Assert.True(value.TryToDateTime(out System.DateTime dt));
            Assert.Equal(System.DayOfWeek.Wednesday, dt.DayOfWeek);
        }

        [Fact]
        public void ObjectListElement_ParsedAndSkipped()
        {
            AxdrReader reader = Reader(ObjectListElement);
            Assert.Equal(AxdrStatus.Ok, reader.SkipValue());
            Assert.Equal(0, reader.Remaining);
            reader.Position = reader.Start;

            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int fields));
            Assert.Equal(AxdrStatus.Ok, reader.ReadLongUnsigned(out ushort classId));
            Assert.Equal(AxdrStatus.Ok, reader.ReadUnsigned(out byte version));
            Assert.Equal(AxdrStatus.Ok, reader.ReadObis(out long name));
            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int accessRights));
            Assert.Equal(AxdrStatus.Ok, reader.ReadArray(out int attributes));
            Assert.Equal(AxdrStatus.Ok, reader.ReadStructure(out int item));
            Assert.Equal(AxdrStatus.Ok, reader.ReadInteger(out sbyte attributeId));
            Assert.Equal(AxdrStatus.Ok, reader.ReadEnum(out byte accessMode));
            Assert.Equal(AxdrStatus.Ok, reader.ReadNull());
            Assert.Equal(AxdrStatus.Ok, reader.ReadArray(out int methods));

            Assert.Equal(4, fields);
            Assert.Equal(8, classId);
            Assert.Equal(0, version);
            Assert.Equal(ObisCode.Parse("0-0:1.0.0*255").Value, name);
            Assert.Equal(2, accessRights);
            Assert.Equal(1, attributes);
            Assert.Equal(3, item);
            Assert.Equal(1, attributeId);
            Assert.Equal(1, accessMode);
            Assert.Equal(0, methods);
            Assert.Equal(0, reader.Remaining);
        }

        [Fact]
        public void Writer_ReproducesVectors_ByteForByte()
        {
            CosemDateTime from = new CosemDateTime();
            from.Year = 2018;
            from.Month = 6;
            from.DayOfMonth = 1;
            from.Hour = 0;
            from.Minute = 3;
            from.Second = 0;
            from.Deviation = -120;
            from.ClockStatus = CosemDateTime.ClockStatusDaylightSavingActive;
            CosemDateTime to = new CosemDateTime();
            to.CopyFrom(from);
            to.Year = 2021;
            to.Month = 1;
            to.DayOfMonth = 6;
            to.Deviation = -60;
            to.ClockStatus = 0;
            AxdrWriter writer = Writer(128);

            writer.WriteStructure(4);
            writer.WriteStructure(4);
            writer.WriteLongUnsigned(8);
            writer.WriteObis(ObisCode.Parse("0-0:1.0.0*255"));
            writer.WriteInteger(2);
            writer.WriteLongUnsigned(0);
            writer.WriteDateTime(from);
            writer.WriteDateTime(to);
            Assert.True(writer.WriteArray(0));
            Assert.Equal(Hex.Format(Hex.Parse(RangeDescriptor)), Written(writer));

            writer.Rewind(writer.Start);
            writer.WriteStructure(4);
            writer.WriteLongUnsigned(8);
            writer.WriteUnsigned(0);
            writer.WriteObis(new ObisCode(0, 0, 1, 0, 0, 255));
            writer.WriteStructure(2);
            writer.WriteArray(1);
            writer.WriteStructure(3);
            writer.WriteInteger(1);
            writer.WriteEnum(1);
            writer.WriteNull();
            Assert.True(writer.WriteArray(0));
            Assert.Equal(Hex.Format(Hex.Parse(ObjectListElement)), Written(writer));

            writer.Rewind(writer.Start);
            writer.WriteObis(ObisCode.Parse("1-0:32.7.0*255"));
            writer.WriteLongUnsigned(2356);
            writer.WriteStructure(2);
            writer.WriteInteger(-1);
            Assert.True(writer.WriteEnum(35));
            Assert.Equal("09 06 01 00 20 07 00 FF 12 09 34 02 02 0F FF 16 23", Written(writer));
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] result = new byte[a.Length + b.Length];
            a.CopyTo(result, 0);
            b.CopyTo(result, a.Length);
            return result;
        }
    }
}
