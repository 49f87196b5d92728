using System.Text;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    public class AssociationLogicalNameTests
    {
        // Hand-built object_list elements (Blue Book 4.4.4, version 1), shape checked against the
        // gurux-net trace (02 04 12 cccc 11 vv 09 06 LN 02 02 01 n {02 03 0F id 16 mode 00} 01 m {02 02 0F id 16 mode}).
        private const string DataElement =
            "02 04 12 00 01 11 00 09 06 00 00 2A 00 00 FF"   // class 1, version 0, 0.0.42.0.0.255
            + " 02 02"
            + " 01 02"                                        // 2 attributes
            + " 02 03 0F 01 16 01 00"                         // 1 logical_name: read-only, no selectors
            + " 02 03 0F 02 16 01 00"                         // 2 value: read-only
            + " 01 00";                                       // no methods

        private const string RegisterElement =
            "02 04 12 00 03 11 00 09 06 01 00 01 08 00 FF"   // class 3, version 0, 1.0.1.8.0.255
            + " 02 02"
            + " 01 03"
            + " 02 03 0F 01 16 01 00"
            + " 02 03 0F 02 16 03 00"                         // value: read-write
            + " 02 03 0F 03 16 01 00"
            + " 01 01"
            + " 02 02 0F 01 16 01";                           // reset: access

        private static ObjectList SmallList()
        {
            ObjectList list = new ObjectList(2);
            CosemValue name = new CosemValue(DataType.OctetString, 16);
            name.SetString("DDV");
            list.Add(new Data(new ObisCode(0, 0, 42, 0, 0, 255), name), AttributeAccess.Read, MethodAccess.NoAccess);
            int index = list.Add(new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour),
                AttributeAccess.Read, MethodAccess.Access);
            list.SetAttributeAccess(index, 2, AttributeAccess.ReadWrite);
            return list;
        }

        private static AssociationLogicalName MeterReader(ObjectList list)
        {
            AssociationLogicalName association = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), list, 32, 1, 1, 16);
            association.SetSecret("12345678");
            return association;
        }

        private static CosemContext ActiveContext(AssociationLogicalName association)
        {
            CosemContext context = new CosemContext();
            context.ClientSap = association.ClientSap;
            context.ServerLogicalAddress = association.ServerSap;
            context.Association = association;
            context.Objects = association.Objects;
            context.Status = AssociationStatus.Associated;
            context.NegotiatedConformance = 0x001010;
            context.ServerMaxReceivePdu = 512;
            context.ClientMaxReceivePdu = 0xFFFF;
            context.DlmsVersion = 6;
            context.AuthenticationMechanism = 1;
            return context;
        }

        [Fact]
        public void Get_ObjectList_HandBuiltEncoding()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            Assert.Equal(Hex.Format(Hex.Parse("01 02 " + DataElement + " " + RegisterElement)), CosemTestKit.Get(association, 2));
        }

        [Fact]
        public void WriteArrayElement_ObjectList_EqualsPlainEncoding()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            CosemContext context = ActiveContext(association);
            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            Assert.True(association.BeginArray(2, 0, null!, cursor, context, out result));
            Assert.Equal(DataAccessResult.Success, result);
            Assert.Equal(2, cursor.Count);
            byte[] buffer = new byte[1024];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteArray(cursor.Count);
            for (cursor.Index = 0; cursor.Index < cursor.Count; cursor.Index++)
            {
                Assert.Equal(DataAccessResult.Success, association.WriteArrayElement(2, cursor, writer, context));
            }
            Assert.Equal(CosemTestKit.Get(association, 2, context), Hex.Format(buffer, 0, writer.Length));
        }

        [Fact]
        public void WriteArrayElement_OneElement_HandBuiltEncoding()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            association.BeginArray(2, 0, null!, cursor, new CosemContext(), out result);
            cursor.Index = 1;
            byte[] buffer = new byte[256];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            Assert.Equal(DataAccessResult.Success, association.WriteArrayElement(2, cursor, writer, new CosemContext()));
            Assert.Equal(Hex.Format(Hex.Parse(RegisterElement)), Hex.Format(buffer, 0, writer.Length));
        }

        [Fact]
        public void WriteArrayElement_LargeList_ElementsConcatenateToPlainEncoding()
        {
            // 300 objects: the array count takes the long form 82 01 2C.
            ObjectList list = new ObjectList(300);
            for (int i = 0; i < 300; i++)
            {
                list.Add(new Register(new ObisCode(1, 0, 1, 8, (byte)(i / 256), (byte)(i % 256)), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour),
                    AttributeAccess.Read, MethodAccess.NoAccess);
            }
            AssociationLogicalName association = MeterReader(list);
            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            Assert.True(association.BeginArray(2, 0, null!, cursor, new CosemContext(), out result));
            byte[] buffer = new byte[65536];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteArray(cursor.Count);
            byte[] element = new byte[128];
            AxdrWriter elementWriter = new AxdrWriter();
            for (cursor.Index = 0; cursor.Index < cursor.Count; cursor.Index++)
            {
                elementWriter.Reset(element, 0, element.Length);
                Assert.Equal(DataAccessResult.Success, association.WriteArrayElement(2, cursor, elementWriter, new CosemContext()));
                Assert.False(elementWriter.Overflow);
                writer.WriteBytes(element, 0, elementWriter.Length);
            }
            string plain = CosemTestKit.Get(association, 2);
            Assert.StartsWith("01 82 01 2C 02 04 12 00 03", plain);
            Assert.Equal(plain, Hex.Format(buffer, 0, writer.Length));
        }

        [Fact]
        public void GetObjectList_AccessSelectors_ListedAsIntegerArray()
        {
            ObjectList list = new ObjectList(1);
            list.Add(new SelectableObject(), AttributeAccess.Read, MethodAccess.NoAccess);
            AssociationLogicalName association = MeterReader(list);
            Assert.Equal(Hex.Format(Hex.Parse(
                "01 01 02 04 12 00 07 11 01 09 06 01 00 63 01 00 FF 02 02"
                + " 01 02"
                + " 02 03 0F 01 16 01 00"
                + " 02 03 0F 02 16 01 01 02 0F 01 0F 02"       // selectors 1 (range) and 2 (entry)
                + " 01 00")), CosemTestKit.Get(association, 2));
        }

        [Fact]
        public void BeginArray_WithSelector_ScopeOfAccessViolated()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            Assert.True(association.BeginArray(2, 1, null!, cursor, new CosemContext(), out result));
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, result);
            Assert.False(association.BeginArray(3, 0, null!, cursor, new CosemContext(), out result));
        }

        [Fact]
        public void WriteArrayElement_IndexOutOfRange_ReadWriteDenied()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            ArrayCursor cursor = new ArrayCursor();
            cursor.Index = 2;
            byte[] buffer = new byte[64];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            Assert.Equal(DataAccessResult.ReadWriteDenied, association.WriteArrayElement(2, cursor, writer, new CosemContext()));
            Assert.Equal(0, writer.Length);
        }

        [Fact]
        public void Get_AssociatedPartnersId()
        {
            Assert.Equal("02 02 0F 20 12 00 01", CosemTestKit.Get(MeterReader(SmallList()), 3));
        }

        [Fact]
        public void Get_ApplicationContextName_LnOid()
        {
            // 2.16.756.5.8.1.1 in BER, as octet-string (version 1).
            Assert.Equal("09 07 60 85 74 05 08 01 01", CosemTestKit.Get(MeterReader(SmallList()), 4));
        }

        [Fact]
        public void Get_XdlmsContextInfo_Configured()
        {
            // conformance 00 1E 1D, max receive 1024, max send 1024, version 6, QoS 0, cyphering_info empty.
            Assert.Equal("02 06 04 18 00 1E 1D 12 04 00 12 04 00 11 06 0F 00 09 00", CosemTestKit.Get(MeterReader(SmallList()), 5));
        }

        [Fact]
        public void Get_XdlmsContextInfo_ActiveReportsNegotiated()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            Assert.Equal("02 06 04 18 00 10 10 12 02 00 12 FF FF 11 06 0F 00 09 00",
                CosemTestKit.Get(association, 5, ActiveContext(association)));
        }

        [Fact]
        public void Get_AuthenticationMechanismName_LlsOid()
        {
            Assert.Equal("09 07 60 85 74 05 08 02 01", CosemTestKit.Get(MeterReader(SmallList()), 6));
        }

        [Fact]
        public void Get_Secret_ReadWriteDenied()
        {
            string hex;
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.TryGet(MeterReader(SmallList()), 7, out hex));
            Assert.Equal("", hex);
        }

        [Fact]
        public void Get_AssociationStatus_FromContext()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            Assert.Equal("16 00", CosemTestKit.Get(association, 8));
            Assert.Equal("16 02", CosemTestKit.Get(association, 8, ActiveContext(association)));
            CosemContext pending = ActiveContext(association);
            pending.Status = AssociationStatus.AssociationPending;
            Assert.Equal("16 01", CosemTestKit.Get(association, 8, pending));
            // Another association's channel does not see this one as associated.
            AssociationLogicalName other = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), SmallList(), 16, 1, 0, 0);
            Assert.Equal("16 00", CosemTestKit.Get(association, 8, ActiveContext(other)));
        }

        [Fact]
        public void Get_SecuritySetupReference()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            Assert.Equal("09 06 00 00 00 00 00 00", CosemTestKit.Get(association, 9));
            association.SecuritySetupReference = new ObisCode(0, 0, 43, 0, 0, 255);
            Assert.Equal("09 06 00 00 2B 00 00 FF", CosemTestKit.Get(association, 9));
        }

        [Fact]
        public void Set_Secret_ChangesLlsPassword()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(association, 7, "09 04 41 42 43 44"));
            Assert.True(association.SecretEquals(Encoding.ASCII.GetBytes("ABCD"), 0, 4));
            Assert.False(association.SecretEquals(Encoding.ASCII.GetBytes("12345678"), 0, 8));
        }

        [Theory]
        [InlineData("0A 04 41 42 43 44", DataAccessResult.TypeUnmatched)]
        [InlineData("09 04 41 42", DataAccessResult.TypeUnmatched)]
        [InlineData("09 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("09 11 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41", DataAccessResult.ScopeOfAccessViolated)]
        public void Set_Secret_BadInput_Unchanged(string hex, DataAccessResult expected)
        {
            AssociationLogicalName association = MeterReader(SmallList());
            Assert.Equal(expected, CosemTestKit.Set(association, 7, hex));
            Assert.True(association.SecretEquals(Encoding.ASCII.GetBytes("12345678"), 0, 8));
        }

        [Theory]
        [InlineData(2, "01 00")]
        [InlineData(3, "02 02 0F 10 12 00 01")]
        [InlineData(8, "16 02")]
        public void Set_ReadOnlyAttributes_ReadWriteDenied(int attributeId, string hex)
        {
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.Set(MeterReader(SmallList()), attributeId, hex));
        }

        [Fact]
        public void SecretEquals_LengthOrContentDiffers_False()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            byte[] right = Encoding.ASCII.GetBytes("12345678");
            Assert.True(association.SecretEquals(right, 0, 8));
            Assert.False(association.SecretEquals(right, 0, 7));
            Assert.False(association.SecretEquals(Encoding.ASCII.GetBytes("12345679"), 0, 8));
            Assert.False(association.SecretEquals(right, 4, 8));
            Assert.False(association.SecretEquals(null!, 0, 8));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void Invoke_WithoutHlsHook_ReadWriteDenied(int methodId)
        {
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(MeterReader(SmallList()), methodId, "09 04 00 00 00 00"));
        }

        [Fact]
        public void Invoke_HlsHook_CalledForMethods1And2()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            RecordingHls hls = new RecordingHls();
            association.HlsAuthentication = hls;
            string returned;
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(association, 1, "09 01 AA", out returned));
            Assert.Equal("09 01 55", returned);
            Assert.Equal(ActionResult.TemporaryFailure, CosemTestKit.Invoke(association, 2, "09 01 AA"));
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(association, 3, "09 01 AA"));
            Assert.Equal(2, hls.Calls);
        }

        [Fact]
        public void Constructor_BadSap_Throws()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), SmallList(), 128, 1, 1, 8));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), SmallList(), 32, 0x4000, 1, 8));
            Assert.Throws<System.ArgumentNullException>(() => new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), null!, 32, 1, 1, 8));
        }

        [Fact]
        public void Counts_MatchBlueBookVersion1()
        {
            AssociationLogicalName association = MeterReader(SmallList());
            Assert.Equal(15, association.ClassId);
            Assert.Equal(1, association.Version);
            Assert.Equal(9, association.AttributeCount);
            Assert.Equal(4, association.MethodCount);
        }

        /// <summary>A profile-like object whose attribute 2 offers selectors 1 and 2.</summary>
        private sealed class SelectableObject : CosemObject
        {
            public SelectableObject()
                : base(7, 1, new ObisCode(1, 0, 99, 1, 0, 255))
            {
            }

            public override int AttributeCount => 2;

            public override int GetAccessSelectors(int attributeId) => attributeId == 2 ? 0x06 : 0;

            protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
            {
                writer.WriteArray(0);
                return DataAccessResult.Success;
            }
        }

        private sealed class RecordingHls : IHlsAuthentication
        {
            public int Calls;

            public ActionResult ReplyToHlsAuthentication(AssociationLogicalName association, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
            {
                Calls++;
                int offset;
                int length;
                parameters.ReadOctetString(out offset, out length);
                returnParameters.WriteOctetString(new byte[] { 0x55 }, 0, 1);
                return ActionResult.Success;
            }

            public ActionResult ChangeHlsSecret(AssociationLogicalName association, AxdrReader parameters, CosemContext context)
            {
                Calls++;
                return ActionResult.TemporaryFailure;
            }
        }
    }
}
