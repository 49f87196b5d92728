using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Services
{
    /// <summary>
    /// Decodes DataBlock-SA (Green Book, xDLMS: <c>last-block BOOLEAN, block-number Unsigned32,
    /// raw-data OCTET STRING</c>), the block carried by SET-with-datablock and ACTION-with-pblock
    /// requests. Zero copy: the raw data stays in the request buffer.
    /// </summary>
    public sealed class DataBlockSa
    {
        /// <summary>last-block (BOOLEAN: any non-zero octet is TRUE).</summary>
        public bool LastBlock;

        /// <summary>block-number (the first block is 1).</summary>
        public uint BlockNumber;

        /// <summary>Offset of raw-data in the request buffer.</summary>
        public int RawOffset;

        /// <summary>Length of raw-data.</summary>
        public int RawLength;

        /// <summary>
        /// Reads the block; the raw-data must end exactly at the end of the reader (the block is
        /// the last field of every APDU that carries one). On failure the reader is left where it was.
        /// </summary>
        public AxdrStatus Read(AxdrReader reader)
        {
            int start = reader.Position;
            byte last;
            uint number;
            int length;
            AxdrStatus status = reader.ReadByte(out last);
            if (status == AxdrStatus.Ok)
            {
                status = reader.ReadUInt32(out number);
            }
            else
            {
                number = 0;
            }
            if (status == AxdrStatus.Ok)
            {
                status = reader.ReadLength(out length);
            }
            else
            {
                length = 0;
            }
            if (status == AxdrStatus.Ok && length > reader.Remaining)
            {
                status = AxdrStatus.Truncated;
            }
            if (status == AxdrStatus.Ok && length < reader.Remaining)
            {
                status = AxdrStatus.Invalid;
            }
            if (status != AxdrStatus.Ok)
            {
                reader.Position = start;
                return status;
            }
            LastBlock = last != 0;
            BlockNumber = number;
            RawOffset = reader.Position;
            RawLength = length;
            reader.Position = reader.Position + length;
            return AxdrStatus.Ok;
        }
    }
}
