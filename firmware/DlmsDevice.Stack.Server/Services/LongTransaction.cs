namespace DlmsDevice.Stack.Services
{
    /// <summary>Which block transfer, if any, is in progress on an association.</summary>
    public enum LongTransaction : byte
    {
        /// <summary>None.</summary>
        None = 0,
        /// <summary>A GET response is being sent in datablocks.</summary>
        Get = 1,
        /// <summary>A SET request is being received in datablocks.</summary>
        Set = 2,
        /// <summary>An ACTION request is being received, or its response sent, in pblocks.</summary>
        Action = 3,
    }
}
