namespace DlmsDevice.Hal.Storage
{
    /// <summary>
    /// Raw storage under <see cref="SlottedRecordStore"/>: two slots (A = 0, B = 1) per record id,
    /// each holding the bytes last written to it. A platform implements this; the store adds
    /// the sequence numbers, CRCs and A/B alternation that make writes power-fail safe.
    /// </summary>
    /// <remarks>
    /// The medium need not be atomic: a write interrupted by a power loss may leave a slot with
    /// any mix of old bytes, new bytes, zeros or garbage, and the store will never take it for
    /// data. What the medium must guarantee: a write to one slot never disturbs the other slot,
    /// and a write that returned true is durable (flushed to the device). Implementations:
    /// one file per slot (desktop, Linux, nanoFramework's I:\ LittleFS), two fixed regions of a
    /// flash partition (a region per slot, erased before writing), an in-memory array for tests.
    /// </remarks>
    public interface IStorageMedium
    {
        /// <summary>
        /// Reads up to <paramref name="count"/> bytes of slot <paramref name="slot"/> of record
        /// <paramref name="recordId"/>, starting at byte <paramref name="slotOffset"/> of the slot.
        /// </summary>
        /// <returns>
        /// The number of bytes read: fewer than <paramref name="count"/> (possibly 0) when the slot
        /// holds fewer bytes or was never written; -1 when the medium failed.
        /// </returns>
        int ReadSlot(int recordId, int slot, int slotOffset, byte[] buffer, int offset, int count);

        /// <summary>
        /// Replaces the content of slot <paramref name="slot"/> of record <paramref name="recordId"/>
        /// with <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>
        /// and makes them durable before returning.
        /// </summary>
        /// <returns>False when the medium failed or the slot is too small (the slot's content is then undefined).</returns>
        bool WriteSlot(int recordId, int slot, byte[] buffer, int offset, int count);
    }
}
