using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem
{
    public class LogicalDeviceTests
    {
        [Fact]
        public void Constructor_ExposesNameObject()
        {
            LogicalDevice device = new LogicalDevice(1, "DDV0000000000001", 8);
            Assert.Equal(1, device.Address);
            Assert.Equal("09 10 44 44 56 30 30 30 30 30 30 30 30 30 30 30 30 31", CosemTestKit.Get(device.Name, 2));
            Assert.Same(device.Name, device.Find(1, new ObisCode(0, 0, 42, 0, 0, 255)));
        }

        [Fact]
        public void FindAssociation_ByClientSap()
        {
            LogicalDevice device = new LogicalDevice(1, "DDV", 8);
            AssociationLogicalName pub = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), new ObjectList(4), 16, 1, 0, 0);
            AssociationLogicalName reader = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), new ObjectList(4), 32, 1, 1, 8);
            device.Add(pub);
            device.Add(reader);
            Assert.Same(pub, device.FindAssociation(16));
            Assert.Same(reader, device.FindAssociation(32));
            Assert.Null(device.FindAssociation(48));
            Assert.Equal(2, device.AssociationCount);
            Assert.Same(reader, device.GetAssociation(1));
            Assert.Same(reader, device.Find(15, new ObisCode(0, 0, 40, 0, 2, 255)));
        }

        [Fact]
        public void Find_ByBytes_NoObjectIsNull()
        {
            LogicalDevice device = new LogicalDevice(1, "DDV", 8);
            Clock clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255), new FakeClockSource(0));
            device.Add(clock);
            byte[] request = { 0x00, 0x00, 0x01, 0x00, 0x00, 0xFF };
            Assert.Same(clock, device.Find(8, request, 0));
            Assert.Null(device.Find(3, request, 0));
        }

        [Fact]
        public void Add_Duplicates_Throw()
        {
            LogicalDevice device = new LogicalDevice(1, "DDV", 8);
            device.Add(new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), new ObjectList(4), 16, 1, 0, 0));
            Assert.Throws<System.ArgumentException>(() => device.Add(new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 3, 255), new ObjectList(4), 16, 1, 0, 0)));
            Assert.Throws<System.ArgumentException>(() => device.Add(new Data(new ObisCode(0, 0, 42, 0, 0, 255), new CosemValue(DataType.Unsigned))));
        }

        [Fact]
        public void ManyAssociations_GrowsAndFinds()
        {
            LogicalDevice device = new LogicalDevice(2, "DDV", 2);
            for (int sap = 16; sap < 26; sap++)
            {
                device.Add(new AssociationLogicalName(new ObisCode(0, 0, 40, 0, (byte)(sap - 15), 255), new ObjectList(1), sap, 2, 0, 0));
            }
            Assert.Equal(10, device.AssociationCount);
            Assert.Equal(25, device.FindAssociation(25)!.ClientSap);
        }
    }
}
