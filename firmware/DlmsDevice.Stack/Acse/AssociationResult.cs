namespace DlmsDevice.Stack.Acse
{
    /// <summary>AARE result: Associate-result ::= INTEGER (ISO 8650 ACSE, Green Book AARE).</summary>
    public enum AssociationResult : byte
    {
        /// <summary>accepted (0).</summary>
        Accepted = 0,
        /// <summary>rejected-permanent (1).</summary>
        RejectedPermanent = 1,
        /// <summary>rejected-transient (2).</summary>
        RejectedTransient = 2,
    }
}
