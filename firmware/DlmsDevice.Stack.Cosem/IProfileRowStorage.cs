namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Where a <see cref="ProfileGeneric"/> keeps the bytes of its rows: a ring in RAM
    /// (<see cref="RamRowStorage"/>, the default) or a ring in non-volatile storage behind a small
    /// RAM cache (the meter's store-backed ring, DlmsDevice.Meter ProfileStore).
    /// </summary>
    /// <remarks>
    /// <para>The profile keeps the numbering (which sequence numbers it holds: oldest .. next-1)
    /// and the row layout; the storage keeps bytes. A row is <c>rowWidth</c> bytes (each column's
    /// A-XDR encoding in its fixed-width slot) and is addressed by its sequence number. The
    /// storage hands out the array and offset where a row is, so a capture encodes straight into
    /// it and a read copies from it: no row objects.</para>
    /// <para>Contract, as the profile uses it: rows are written in sequence order, each with
    /// <see cref="BeginWrite"/> then <see cref="EndWrite"/>, the first one after a
    /// <see cref="Clear"/> with that call's next sequence; only rows the profile holds are read,
    /// and the array returned by <see cref="ReadRow"/> is used before the next call. All
    /// memory is allocated at construction: no call allocates or throws. A row that cannot be
    /// read (a store failure) is a null return, which the profile answers with a result
    /// code.</para>
    /// </remarks>
    public interface IProfileRowStorage
    {
        /// <summary>Most rows of <paramref name="rowWidth"/> bytes this storage can hold (0 when not even one fits).</summary>
        int MaxRows(int rowWidth);

        /// <summary>
        /// The buffer is empty from now on: a new layout (columns, profile_entries) or a reset.
        /// Rows are <paramref name="rowWidth"/> bytes (0 = no columns), at most
        /// <paramref name="capacity"/> are held, and the next row written has sequence number
        /// <paramref name="nextSequence"/>. A store-backed ring also records the emptying.
        /// </summary>
        void Clear(int rowWidth, int capacity, int nextSequence);

        /// <summary>
        /// Where row <paramref name="sequence"/> is to be written (its previous bytes are gone):
        /// the array, and the row's first byte in <paramref name="offset"/>.
        /// </summary>
        byte[] BeginWrite(int sequence, out int offset);

        /// <summary>
        /// Row <paramref name="sequence"/> is complete; the profile now holds rows
        /// <paramref name="oldestSequence"/> .. <paramref name="sequence"/>. A store-backed ring
        /// saves it here.
        /// </summary>
        void EndWrite(int sequence, int oldestSequence);

        /// <summary>
        /// The array holding row <paramref name="sequence"/> and the row's first byte in
        /// <paramref name="offset"/>; null when the row cannot be read (the store failed).
        /// </summary>
        byte[] ReadRow(int sequence, out int offset);
    }
}
