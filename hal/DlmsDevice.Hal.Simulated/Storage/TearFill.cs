namespace DlmsDevice.Hal.Simulated.Storage
{
    /// <summary>What a torn write leaves after the last byte it managed to write.</summary>
    public enum TearFill
    {
        /// <summary>The slot's previous bytes (an in-place overwrite that stopped).</summary>
        KeepOld = 0,

        /// <summary>Zeros (a file system that extended the file but never wrote the data).</summary>
        Zeros = 1,

        /// <summary>0xFF (a flash region erased before writing).</summary>
        Erased = 2,

        /// <summary>Seeded random bytes (a page programmed with garbage as the supply collapsed).</summary>
        Garbage = 3,
    }
}
