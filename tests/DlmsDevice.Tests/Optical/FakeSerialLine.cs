using System.Collections.Generic;
using DlmsDevice.Hal;
using DlmsDevice.Tests.Runtime;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Optical
{
    /// <summary>
    /// A serial line the test drives: bytes fed come out of reads (a <see cref="PipeChannel"/>),
    /// every write is kept with the speed and format it was written at, and every
    /// <see cref="Configure"/> is logged ("300 7E1", "9600 8N1"). Nothing allocates while
    /// <see cref="Record"/> is off.
    /// </summary>
    internal sealed class FakeSerialLine : ISerialLine
    {
        public FakeSerialLine(int baudRate = 9600, SerialCharacterFormat format = SerialCharacterFormat.EightNoneOne)
        {
            BaudRate = baudRate;
            Format = format;
        }

        public PipeChannel Pipe { get; } = new PipeChannel();

        /// <summary>Writes as "settings: hex", e.g. "300 7E1: 2F 44 ...".</summary>
        public List<string> Writes { get; } = new List<string>();

        /// <summary>Every successful Configure, as "300 7E1".</summary>
        public List<string> Settings { get; } = new List<string>();

        public bool Record
        {
            get => Pipe.Record;
            set => Pipe.Record = value;
        }

        /// <summary>Configure answers false (the line keeps its settings).</summary>
        public bool RefuseConfigure { get; set; }

        public int ConfigureCount { get; private set; }

        public int BaudRate { get; private set; }

        public SerialCharacterFormat Format { get; private set; }

        public string Now => Describe(BaudRate, Format);

        public static string Describe(int baudRate, SerialCharacterFormat format) =>
            baudRate + (format == SerialCharacterFormat.SevenEvenOne ? " 7E1" : " 8N1");

        public void Feed(string hex) => Pipe.Feed(hex);

        public void Feed(byte[] bytes) => Pipe.Feed(bytes, 0, bytes.Length);

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => Pipe.Read(buffer, offset, count, timeoutMilliseconds);

        public void Write(byte[] buffer, int offset, int count)
        {
            Pipe.Write(buffer, offset, count);
            if (Record)
            {
                Writes.Add(Now + ": " + Hex.Format(buffer, offset, count));
            }
        }

        public bool Configure(int baudRate, SerialCharacterFormat format)
        {
            if (RefuseConfigure)
            {
                return false;
            }
            BaudRate = baudRate;
            Format = format;
            ConfigureCount++;
            if (Record)
            {
                Settings.Add(Now);
            }
            return true;
        }

        public void Close() => Pipe.Close();

        /// <summary>The writes since the last call, and forgets them.</summary>
        public string[] TakeWrites()
        {
            string[] result = Writes.ToArray();
            Writes.Clear();
            return result;
        }
    }
}
