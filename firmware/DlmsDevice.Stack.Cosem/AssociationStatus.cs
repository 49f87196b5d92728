namespace DlmsDevice.Stack.Cosem
{
    /// <summary>association_status of Association LN (Blue Book IC 15, attribute 8).</summary>
    public enum AssociationStatus : byte
    {
        /// <summary>non-associated (0).</summary>
        NonAssociated = 0,
        /// <summary>association-pending (1): AARQ accepted, HLS pass 3/4 still to come.</summary>
        AssociationPending = 1,
        /// <summary>associated (2).</summary>
        Associated = 2,
    }
}
