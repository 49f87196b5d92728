namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// attribute_access_mode of an Association LN object_list entry (Blue Book IC 15).
    /// Values 4..6 (authenticated variants) arrive with the security work.
    /// </summary>
    public enum AttributeAccess : byte
    {
        /// <summary>no-access (0).</summary>
        NoAccess = 0,
        /// <summary>read-only (1).</summary>
        Read = 1,
        /// <summary>write-only (2).</summary>
        Write = 2,
        /// <summary>read-and-write (3).</summary>
        ReadWrite = 3,
    }

    /// <summary>method_access_mode of an Association LN object_list entry (Blue Book IC 15).</summary>
    public enum MethodAccess : byte
    {
        /// <summary>no-access (0).</summary>
        NoAccess = 0,
        /// <summary>access (1).</summary>
        Access = 1,
    }
}
