using System.Text;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    public class CurrentAssociationTests
    {
        private readonly CurrentAssociation _current = new CurrentAssociation();
        private readonly AssociationLogicalName _public;
        private readonly AssociationLogicalName _reader;

        public CurrentAssociationTests()
        {
            ObjectList publicList = new ObjectList(2);
            publicList.Add(_current, AttributeAccess.Read, MethodAccess.NoAccess);
            _public = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), publicList, 16, 1, 0, 0);
            ObjectList readerList = new ObjectList(2);
            readerList.Add(_current, AttributeAccess.Read, MethodAccess.Access);
            readerList.SetAttributeAccess(0, 7, AttributeAccess.Write);
            _reader = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), readerList, 32, 1, 1, 8);
            _reader.SetSecret("12345678");
        }

        private static CosemContext On(AssociationLogicalName association)
        {
            CosemContext context = new CosemContext();
            context.ClientSap = association.ClientSap;
            context.Association = association;
            context.Objects = association.Objects;
            context.Status = AssociationStatus.Associated;
            context.NegotiatedConformance = 0x001E1D;
            context.ServerMaxReceivePdu = 1024;
            context.ClientMaxReceivePdu = 0xFFFF;
            context.DlmsVersion = 6;
            context.AuthenticationMechanism = association.AuthenticationMechanism;
            return context;
        }

        [Fact]
        public void Get_LogicalName_IsCurrentAssociation()
        {
            Assert.Equal("09 06 00 00 28 00 00 FF", CosemTestKit.Get(_current, 1, On(_reader)));
            Assert.Equal(15, _current.ClassId);
            Assert.Equal(1, _current.Version);
        }

        [Fact]
        public void Get_AnswersFromTheChannelsAssociation()
        {
            Assert.Equal("02 02 0F 10 12 00 01", CosemTestKit.Get(_current, 3, On(_public)));
            Assert.Equal("02 02 0F 20 12 00 01", CosemTestKit.Get(_current, 3, On(_reader)));
            Assert.Equal("09 07 60 85 74 05 08 02 00", CosemTestKit.Get(_current, 6, On(_public)));
            Assert.Equal("09 07 60 85 74 05 08 02 01", CosemTestKit.Get(_current, 6, On(_reader)));
            Assert.Equal("16 02", CosemTestKit.Get(_current, 8, On(_reader)));
            Assert.Equal("02 06 04 18 00 1E 1D 12 04 00 12 FF FF 11 06 0F 00 09 00", CosemTestKit.Get(_current, 5, On(_reader)));
        }

        [Fact]
        public void Get_ObjectList_IsTheChannelsList()
        {
            // The public list holds only the current association itself, read-only, methods no-access.
            string expected = "01 01 02 04 12 00 0F 11 01 09 06 00 00 28 00 00 FF 02 02 01 09"
                + " 02 03 0F 01 16 01 00 02 03 0F 02 16 01 00 02 03 0F 03 16 01 00"
                + " 02 03 0F 04 16 01 00 02 03 0F 05 16 01 00 02 03 0F 06 16 01 00"
                + " 02 03 0F 07 16 01 00 02 03 0F 08 16 01 00 02 03 0F 09 16 01 00"
                + " 01 04 02 02 0F 01 16 00 02 02 0F 02 16 00 02 02 0F 03 16 00 02 02 0F 04 16 00";
            Assert.Equal(Hex.Format(Hex.Parse(expected)), CosemTestKit.Get(_current, 2, On(_public)));
            Assert.Contains("02 03 0F 07 16 02 00", CosemTestKit.Get(_current, 2, On(_reader)));
        }

        [Fact]
        public void ElementWise_ObjectList_EqualsPlain()
        {
            CosemContext context = On(_reader);
            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            Assert.True(_current.BeginArray(2, 0, null!, cursor, context, out result));
            byte[] buffer = new byte[512];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            writer.WriteArray(cursor.Count);
            for (cursor.Index = 0; cursor.Index < cursor.Count; cursor.Index++)
            {
                Assert.Equal(DataAccessResult.Success, _current.WriteArrayElement(2, cursor, writer, context));
            }
            Assert.Equal(CosemTestKit.Get(_current, 2, context), Hex.Format(buffer, 0, writer.Length));
        }

        [Fact]
        public void Set_Secret_ChangesTheChannelsAssociation()
        {
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(_current, 7, "09 03 61 62 63", On(_reader)));
            Assert.True(_reader.SecretEquals(Encoding.ASCII.GetBytes("abc"), 0, 3));
            string hex;
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.TryGet(_current, 7, out hex, On(_reader)));
        }

        [Fact]
        public void NoAssociationOnChannel_ObjectUnavailable()
        {
            CosemContext empty = new CosemContext();
            string hex;
            Assert.Equal(DataAccessResult.ObjectUnavailable, CosemTestKit.TryGet(_current, 3, out hex, empty));
            Assert.Equal(DataAccessResult.ObjectUnavailable, CosemTestKit.Set(_current, 7, "09 01 00", empty));
            Assert.Equal(ActionResult.ObjectUnavailable, CosemTestKit.Invoke(_current, 1, "09 01 00", empty));
            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            Assert.False(_current.BeginArray(2, 0, null!, cursor, empty, out result));
            // logical_name still answers.
            Assert.Equal("09 06 00 00 28 00 00 FF", CosemTestKit.Get(_current, 1, empty));
        }

        [Fact]
        public void Invoke_DelegatesToTheChannelsAssociation()
        {
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(_current, 1, "09 01 00", On(_reader)));
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(_current, 5, "09 01 00", On(_reader)));
        }
    }
}
