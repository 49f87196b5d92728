using DlmsDevice.Stack;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Emulator
{
    /// <summary>The server pipeline of the default meter: association directory, limits, sessions.</summary>
    public sealed partial class DefaultMeter
    {
        /// <summary>The DLMS server every channel's session is created from.</summary>
        public DlmsServer Server { get; }

        /// <inheritdoc />
        public IApduHandler CreateSession()
        {
            return Server.CreateSession();
        }

        /// <inheritdoc />
        public int[] ClientSaps
        {
            get
            {
                int[] saps = new int[Device.AssociationCount];
                for (int i = 0; i < saps.Length; i++)
                {
                    saps[i] = Device.GetAssociation(i).ClientSap;
                }
                return saps;
            }
        }

        private DlmsServer CreateServer(DefaultMeterSettings settings)
        {
            // The directory reads the live Association LN objects (mechanism, secret, conformance,
            // PDU size) at every AARQ.
            LogicalDeviceDirectory directory = new LogicalDeviceDirectory();
            directory.Add(Device);
            ServerLimits limits = new ServerLimits();
            limits.MaxReceivePdu = settings.MaxApduSize;
            DlmsServer server = new DlmsServer(directory, limits);
            // HLS StoC challenges: the operating system's generator unless a test injects one.
            server.Entropy = settings.Entropy ?? new DlmsDevice.Hal.Simulated.Desktop.SystemEntropySource();
            return server;
        }
    }
}
