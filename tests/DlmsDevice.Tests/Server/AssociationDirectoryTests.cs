using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Tests.Server
{
    public class AssociationDirectoryTests
    {
        private static AssociationConfig Config(int clientSap) => new AssociationConfig(clientSap, new ObjectList(1), null!);

        [Fact]
        public void Find_SeveralLogicalDevicesAndClients_ExactMatchOnly()
        {
            var directory = new AssociationDirectory();
            var publicClient = Config(16);
            var reader = Config(32);
            var otherDevice = Config(16);
            directory.Add(1, publicClient);
            directory.Add(1, reader);
            directory.Add(17, otherDevice);
            for (int i = 0; i < 10; i++)
            {
                directory.Add(100 + i, Config(1));
            }
            Assert.Same(publicClient, directory.Find(1, 16));
            Assert.Same(reader, directory.Find(1, 32));
            Assert.Same(otherDevice, directory.Find(17, 16));
            Assert.Null(directory.Find(17, 32));
            Assert.Null(directory.Find(2, 16));
            Assert.True(directory.HasLogicalDevice(17));
            Assert.False(directory.HasLogicalDevice(2));
            Assert.Equal(13, directory.Count);
        }

        [Fact]
        public void Add_SameClientTwiceOnOneDevice_Throws()
        {
            var directory = new AssociationDirectory();
            directory.Add(1, Config(16));
            Assert.Throws<ArgumentException>(() => directory.Add(1, Config(16)));
            Assert.Throws<ArgumentNullException>(() => directory.Add(1, null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => directory.Add(-1, Config(17)));
        }

        [Fact]
        public void AssociationConfig_Defaults_ServerSupportedLnWithoutGbt()
        {
            var config = Config(16);
            Assert.Equal(Conformance.ServerSupportedLn, config.SupportedConformance);
            config.SupportedConformance = 0xFFFFFF;
            Assert.Equal(0xFFFFFF & ~Conformance.GeneralBlockTransfer, config.SupportedConformance);
            Assert.Throws<ArgumentNullException>(() => new AssociationConfig(16, null!, null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => new AssociationConfig(128, new ObjectList(1), null!));
        }

        [Theory]
        [InlineData(63, 2048)]
        [InlineData(65536, 2048)]
        [InlineData(1024, 255)]
        public void ServerLimits_OutOfRange_Throws(int pdu, int buffer)
        {
            var limits = new ServerLimits();
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() =>
            {
                limits.MaxReceivePdu = pdu;
                limits.BlockBufferSize = buffer;
            });
        }
    }
}
