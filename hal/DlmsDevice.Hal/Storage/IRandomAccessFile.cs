namespace DlmsDevice.Hal.Storage
{
    /// <summary>
    /// One file (or flash partition) opened once and read and written at positions: what
    /// <see cref="RegionStorageMedium"/> lays the record slots out in. A platform implements it
    /// over its own file API (a FileStream on the ESP32's internal flash drive kept open), so a
    /// slot read opens nothing and allocates nothing.
    /// </summary>
    public interface IRandomAccessFile
    {
        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="position"/>.</summary>
        /// <returns>The bytes read (fewer, possibly 0, past the end of the file); -1 when the file failed.</returns>
        int Read(long position, byte[] buffer, int offset, int count);

        /// <summary>
        /// Writes <paramref name="count"/> bytes at <paramref name="position"/> (the file grows as
        /// needed) and makes them durable before returning.
        /// </summary>
        /// <returns>False when the file failed.</returns>
        bool Write(long position, byte[] buffer, int offset, int count);
    }
}
