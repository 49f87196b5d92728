namespace DlmsDevice.Hal
{
    /// <summary>
    /// Records that survive a power loss: energy totals, maximum demand, load profile rows, the
    /// event log, settings. A write replaces a record atomically: after a power loss at any
    /// moment, a read returns either the old or the new version, never a mix.
    /// </summary>
    /// <remarks>
    /// Records are named by small integer ids chosen by the application (e.g. 0 = energy
    /// registers, 1 = maximum demand) rather than strings, so the hot path builds no names and
    /// allocates nothing. Failures are <see cref="StoreStatus"/> codes, never exceptions.
    /// The portable implementation is <see cref="Storage.SlottedRecordStore"/> over a raw
    /// <see cref="Storage.IStorageMedium"/> (files, flash regions).
    /// </remarks>
    public interface INonVolatileStore
    {
        /// <summary>
        /// Reads the newest valid version of record <paramref name="recordId"/> into
        /// <paramref name="buffer"/> at <paramref name="offset"/>.
        /// </summary>
        /// <param name="recordId">The record.</param>
        /// <param name="buffer">Receives the record bytes.</param>
        /// <param name="offset">Where the record goes in <paramref name="buffer"/>.</param>
        /// <param name="count">Room in <paramref name="buffer"/> from <paramref name="offset"/>.</param>
        /// <param name="length">The record's length (also set for <see cref="StoreStatus.BufferTooSmall"/>); 0 otherwise.</param>
        /// <returns><see cref="StoreStatus.Ok"/>, <see cref="StoreStatus.NotFound"/>, <see cref="StoreStatus.BufferTooSmall"/> (buffer untouched), <see cref="StoreStatus.InvalidRecord"/> or <see cref="StoreStatus.MediumFailure"/>.</returns>
        StoreStatus Read(int recordId, byte[] buffer, int offset, int count, out int length);

        /// <summary>
        /// Replaces record <paramref name="recordId"/> with <paramref name="count"/> bytes of
        /// <paramref name="buffer"/> from <paramref name="offset"/>; returns when the new version
        /// is durable.
        /// </summary>
        /// <returns><see cref="StoreStatus.Ok"/>, <see cref="StoreStatus.TooLarge"/>, <see cref="StoreStatus.InvalidRecord"/> or <see cref="StoreStatus.MediumFailure"/> (old version kept).</returns>
        StoreStatus Write(int recordId, byte[] buffer, int offset, int count);
    }
}
