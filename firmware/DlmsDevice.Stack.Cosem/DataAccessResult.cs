namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Data-Access-Result (Green Book, xDLMS GET/SET responses): the outcome of reading or
    /// writing one attribute. Encoded as an enum byte on the wire.
    /// </summary>
    public enum DataAccessResult : byte
    {
        /// <summary>success (0).</summary>
        Success = 0,
        /// <summary>hardware-fault (1).</summary>
        HardwareFault = 1,
        /// <summary>temporary-failure (2).</summary>
        TemporaryFailure = 2,
        /// <summary>read-write-denied (3): no access right, or no such attribute.</summary>
        ReadWriteDenied = 3,
        /// <summary>object-undefined (4): the object is not in the association's object list.</summary>
        ObjectUndefined = 4,
        /// <summary>object-class-inconsistent (9).</summary>
        ObjectClassInconsistent = 9,
        /// <summary>object-unavailable (11).</summary>
        ObjectUnavailable = 11,
        /// <summary>type-unmatched (12): the value written has the wrong type.</summary>
        TypeUnmatched = 12,
        /// <summary>scope-of-access-violated (13): e.g. a value out of range or a bad selective-access parameter.</summary>
        ScopeOfAccessViolated = 13,
        /// <summary>data-block-unavailable (14).</summary>
        DataBlockUnavailable = 14,
        /// <summary>long-get-aborted (15).</summary>
        LongGetAborted = 15,
        /// <summary>no-long-get-in-progress (16).</summary>
        NoLongGetInProgress = 16,
        /// <summary>long-set-aborted (17).</summary>
        LongSetAborted = 17,
        /// <summary>no-long-set-in-progress (18).</summary>
        NoLongSetInProgress = 18,
        /// <summary>data-block-number-invalid (19).</summary>
        DataBlockNumberInvalid = 19,
        /// <summary>other-reason (250).</summary>
        OtherReason = 250,
    }
}
