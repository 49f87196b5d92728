using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// The association directory built from the COSEM model: the physical device's logical
    /// devices (<see cref="LogicalDevice"/>) and, in each, its Association LN objects
    /// (<see cref="AssociationLogicalName"/>) keyed by client SAP. Filled at configuration time;
    /// lookups do not allocate.
    /// </summary>
    /// <remarks>
    /// The <see cref="AssociationConfig"/> of an Association LN object refers to the object
    /// itself, and <see cref="AcseHandler"/> reads the live object at every AARQ (mechanism,
    /// secret, conformance, PDU size, context), so a secret changed through attribute 7 applies
    /// to the next association.
    /// </remarks>
    public sealed class LogicalDeviceDirectory : IAssociationDirectory
    {
        private readonly AssociationDirectory _associations = new AssociationDirectory();
        private LogicalDevice[] _devices = new LogicalDevice[2];
        private int _deviceCount;

        /// <summary>Number of logical devices.</summary>
        public int Count
        {
            get { return _deviceCount; }
        }

        /// <summary>
        /// Adds a logical device with the Association LN objects it holds at this moment (add the
        /// associations to the device first). Configuration time only.
        /// </summary>
        public void Add(LogicalDevice device)
        {
            if (device == null)
            {
                throw new ArgumentNullException();
            }
            if (Find(device.Address) != null)
            {
                throw new ArgumentException();
            }
            for (int i = 0; i < device.AssociationCount; i++)
            {
                AssociationLogicalName association = device.GetAssociation(i);
                if (association.MaxSecretLength > AssociationParameters.MaxSecretLength)
                {
                    // The ACSE compares the LLS password in a fixed 64-byte buffer.
                    throw new ArgumentOutOfRangeException();
                }
                _associations.Add(device.Address, new AssociationConfig(association.ClientSap, association.Objects, association));
            }
            if (_deviceCount == _devices.Length)
            {
                LogicalDevice[] grown = new LogicalDevice[_deviceCount * 2];
                Array.Copy(_devices, grown, _deviceCount);
                _devices = grown;
            }
            _devices[_deviceCount++] = device;
        }

        /// <summary>The logical device with SAP <paramref name="address"/>; null when absent.</summary>
        public LogicalDevice Find(int address)
        {
            for (int i = 0; i < _deviceCount; i++)
            {
                if (_devices[i].Address == address)
                {
                    return _devices[i];
                }
            }
            return null;
        }

        /// <inheritdoc/>
        public AssociationConfig Find(int serverLogicalAddress, int clientSap)
        {
            return _associations.Find(serverLogicalAddress, clientSap);
        }
    }
}
