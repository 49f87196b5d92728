namespace DlmsDevice.Meter.Persistence
{
    /// <summary>What is wrong with a record found at start-up (<see cref="CorruptRecordList"/>).</summary>
    public enum RecordDamage : byte
    {
        /// <summary>The medium failed while the record was read.</summary>
        Unreadable = 1,

        /// <summary>A valid record (its CRC holds) whose content is not a record of this format or layout (another version, another row width, a chunk of another place in the ring).</summary>
        Undecodable = 2,

        /// <summary>A profile chunk holding a row that is not one of the current columns; the rows before it are lost, the newer ones kept.</summary>
        InvalidRow = 3,

        /// <summary>The checkpoint is missing while other records exist: the energy cannot be trusted and starts from 0.</summary>
        Missing = 4,
    }
}
