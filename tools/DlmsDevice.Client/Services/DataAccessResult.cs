namespace DlmsDevice.Client
{
    /// <summary>Data-Access-Result (GET/SET) and Action-Result (ACTION) codes (Blue Book / Green Book 9.3.x).</summary>
    public enum DataAccessResult : byte
    {
        /// <summary>success (0).</summary>
        Success = 0,
        /// <summary>hardware-fault (1).</summary>
        HardwareFault = 1,
        /// <summary>temporary-failure (2).</summary>
        TemporaryFailure = 2,
        /// <summary>read-write-denied (3).</summary>
        ReadWriteDenied = 3,
        /// <summary>object-undefined (4).</summary>
        ObjectUndefined = 4,
        /// <summary>object-class-inconsistent (9).</summary>
        ObjectClassInconsistent = 9,
        /// <summary>object-unavailable (11).</summary>
        ObjectUnavailable = 11,
        /// <summary>type-unmatched (12).</summary>
        TypeUnmatched = 12,
        /// <summary>scope-of-access-violated (13).</summary>
        ScopeOfAccessViolated = 13,
        /// <summary>data-block-unavailable (14).</summary>
        DataBlockUnavailable = 14,
        /// <summary>long-get-aborted / long-action-aborted (15).</summary>
        LongGetAborted = 15,
        /// <summary>no-long-get-in-progress / no-long-action-in-progress (16).</summary>
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

    /// <summary>Names of <see cref="DataAccessResult"/> codes as the standard spells them.</summary>
    public static class DataAccessResults
    {
        /// <summary>The standard's name for a result code ("read-write-denied").</summary>
        public static string Name(DataAccessResult result) => result switch
        {
            DataAccessResult.Success => "success",
            DataAccessResult.HardwareFault => "hardware-fault",
            DataAccessResult.TemporaryFailure => "temporary-failure",
            DataAccessResult.ReadWriteDenied => "read-write-denied",
            DataAccessResult.ObjectUndefined => "object-undefined",
            DataAccessResult.ObjectClassInconsistent => "object-class-inconsistent",
            DataAccessResult.ObjectUnavailable => "object-unavailable",
            DataAccessResult.TypeUnmatched => "type-unmatched",
            DataAccessResult.ScopeOfAccessViolated => "scope-of-access-violated",
            DataAccessResult.DataBlockUnavailable => "data-block-unavailable",
            DataAccessResult.LongGetAborted => "long-get-aborted",
            DataAccessResult.NoLongGetInProgress => "no-long-get-in-progress",
            DataAccessResult.LongSetAborted => "long-set-aborted",
            DataAccessResult.NoLongSetInProgress => "no-long-set-in-progress",
            DataAccessResult.DataBlockNumberInvalid => "data-block-number-invalid",
            DataAccessResult.OtherReason => "other-reason",
            _ => "result-" + ((byte)result).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
