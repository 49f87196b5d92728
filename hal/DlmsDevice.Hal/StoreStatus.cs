namespace DlmsDevice.Hal
{
    /// <summary>Result of an <see cref="INonVolatileStore"/> operation.</summary>
    public enum StoreStatus
    {
        /// <summary>Done: the record was read, or durably written.</summary>
        Ok = 0,

        /// <summary>No valid version of the record exists (never written, or every copy is corrupt).</summary>
        NotFound = 1,

        /// <summary>The record is longer than the caller's buffer; the length is still reported.</summary>
        BufferTooSmall = 2,

        /// <summary>The record is longer than the store accepts; nothing was written.</summary>
        TooLarge = 3,

        /// <summary>The record id is outside the store's range; nothing was done.</summary>
        InvalidRecord = 4,

        /// <summary>
        /// The storage medium reported an error. For a write, the previous version of the
        /// record is still intact.
        /// </summary>
        MediumFailure = 5,
    }
}
