using System;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// A fixed table of (logical device address, client SAP) → association configuration, filled
    /// at configuration time. Lookups scan parallel arrays and do not allocate.
    /// </summary>
    public sealed class AssociationDirectory : IAssociationDirectory
    {
        private int[] _logicalAddresses = new int[4];
        private AssociationConfig[] _associations = new AssociationConfig[4];
        private int _count;

        /// <summary>Number of associations configured.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>
        /// Adds <paramref name="association"/> to logical device <paramref name="serverLogicalAddress"/>
        /// (1 = management logical device). Configuration time only; a second association for the
        /// same client SAP on the same logical device is a configuration error.
        /// </summary>
        public void Add(int serverLogicalAddress, AssociationConfig association)
        {
            if (association == null)
            {
                throw new ArgumentNullException();
            }
            if (serverLogicalAddress < 0 || serverLogicalAddress > 0x3FFF)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (Find(serverLogicalAddress, association.ClientSap) != null)
            {
                throw new ArgumentException();
            }
            if (_count == _associations.Length)
            {
                int[] addresses = new int[_count * 2];
                AssociationConfig[] associations = new AssociationConfig[_count * 2];
                Array.Copy(_logicalAddresses, addresses, _count);
                Array.Copy(_associations, associations, _count);
                _logicalAddresses = addresses;
                _associations = associations;
            }
            _logicalAddresses[_count] = serverLogicalAddress;
            _associations[_count] = association;
            _count++;
        }

        /// <summary>True when at least one association exists on logical device <paramref name="serverLogicalAddress"/>.</summary>
        public bool HasLogicalDevice(int serverLogicalAddress)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_logicalAddresses[i] == serverLogicalAddress)
                {
                    return true;
                }
            }
            return false;
        }

        /// <inheritdoc/>
        public AssociationConfig Find(int serverLogicalAddress, int clientSap)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_logicalAddresses[i] == serverLogicalAddress && _associations[i].ClientSap == clientSap)
                {
                    return _associations[i];
                }
            }
            return null;
        }
    }
}
