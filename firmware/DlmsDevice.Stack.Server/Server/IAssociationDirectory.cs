namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// Finds the association configuration for a client SAP on a logical device: the logical
    /// devices of the physical device and, in each, its Association LN objects keyed by client SAP.
    /// </summary>
    public interface IAssociationDirectory
    {
        /// <summary>
        /// The configuration of <paramref name="clientSap"/> on logical device
        /// <paramref name="serverLogicalAddress"/>; null when that logical device does not exist
        /// or has no association for that client. Must not allocate.
        /// </summary>
        AssociationConfig Find(int serverLogicalAddress, int clientSap);
    }
}
