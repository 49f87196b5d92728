using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class SapAssignmentTests
    {
        [Fact]
        public void Get_List_ExactBytes()
        {
            SapAssignment sap = new SapAssignment(new ObisCode(0, 0, 41, 0, 0, 255), 1);
            sap.Add(new LogicalDevice(1, "ABC123", 4));
            sap.Add(new LogicalDevice(17, "ABC124", 4));   // grows past the initial capacity
            // array of 2 { long-unsigned SAP, octet-string logical_device_name }.
            Assert.Equal("01 02 02 02 12 00 01 09 06 41 42 43 31 32 33 02 02 12 00 11 09 06 41 42 43 31 32 34", CosemTestKit.Get(sap, 2));
            Assert.Equal(2, sap.Count);
        }

        [Fact]
        public void Get_List_FollowsRenamedDevice()
        {
            LogicalDevice device = new LogicalDevice(1, "ABC123", 4);
            SapAssignment sap = new SapAssignment(new ObisCode(0, 0, 41, 0, 0, 255), 2);
            sap.Add(device);
            device.Name.Value.SetString("XY");
            Assert.Equal("01 01 02 02 12 00 01 09 02 58 59", CosemTestKit.Get(sap, 2));
        }

        [Fact]
        public void Get_EmptyList()
        {
            Assert.Equal("01 00", CosemTestKit.Get(new SapAssignment(new ObisCode(0, 0, 41, 0, 0, 255), 2), 2));
        }

        [Fact]
        public void Set_And_ConnectLogicalDevice_ReadWriteDenied()
        {
            SapAssignment sap = new SapAssignment(new ObisCode(0, 0, 41, 0, 0, 255), 2);
            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.Set(sap, 2, "01 00"));
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(sap, 1, "02 02 12 00 02 09 00"));
            Assert.Equal(17, sap.ClassId);
            Assert.Equal(2, sap.AttributeCount);
            Assert.Equal(1, sap.MethodCount);
        }
    }
}
