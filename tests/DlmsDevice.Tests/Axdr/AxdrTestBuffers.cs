using DlmsDevice.Stack.Axdr;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Axdr
{
    /// <summary>
    /// Puts test bytes in the middle of a larger buffer, with filler bytes before and after, so
    /// a reader that ignores its offset or its end reads the filler and fails the test.
    /// </summary>
    internal static class AxdrTestBuffers
    {
        /// <summary>Bytes before the data.</summary>
        public const int Lead = 3;

        /// <summary>Filler value around the data (a valid-looking tag: null-data would hide overruns).</summary>
        public const byte Filler = 0x11;

        /// <summary>A reader over the bytes of <paramref name="hex"/>, placed at offset <see cref="Lead"/>.</summary>
        public static AxdrReader Reader(string hex)
        {
            byte[] data = Hex.Parse(hex);
            return Reader(data, data.Length);
        }

        /// <summary>A reader over the first <paramref name="count"/> bytes of <paramref name="data"/>, placed at offset <see cref="Lead"/>.</summary>
        public static AxdrReader Reader(byte[] data, int count)
        {
            byte[] buffer = new byte[Lead + data.Length + 8];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = Filler;
            }

            System.Array.Copy(data, 0, buffer, Lead, count);
            var reader = new AxdrReader();
            reader.Reset(buffer, Lead, count);
            return reader;
        }

        /// <summary>A writer over <paramref name="capacity"/> bytes at offset <see cref="Lead"/> of a filler-padded buffer.</summary>
        public static AxdrWriter Writer(int capacity)
        {
            byte[] buffer = new byte[Lead + capacity + 8];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = Filler;
            }

            var writer = new AxdrWriter();
            writer.Reset(buffer, Lead, capacity);
            return writer;
        }

        /// <summary>The bytes written so far, as hex.</summary>
        public static string Written(AxdrWriter writer)
        {
            return Hex.Format(writer.Buffer, writer.Start, writer.Length);
        }

        /// <summary>The bytes of a range of the reader's buffer, as hex.</summary>
        public static string Slice(AxdrReader reader, int offset, int length)
        {
            return Hex.Format(reader.Buffer, offset, length);
        }
    }
}
