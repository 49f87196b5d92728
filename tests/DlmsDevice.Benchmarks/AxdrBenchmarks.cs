using System;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// The A-XDR cursors (<see cref="AxdrWriter"/>, <see cref="AxdrReader"/>) on the values a meter
    /// exchanges most: each benchmark writes one value into a buffer and reads it back.
    /// </summary>
    [MemoryDiagnoser]
    public class AxdrBenchmarks
    {
        private readonly byte[] _buffer = new byte[256];
        private readonly AxdrWriter _writer = new AxdrWriter();
        private readonly AxdrReader _reader = new AxdrReader();
        private readonly CosemDateTime _time = new CosemDateTime();
        private readonly CosemDateTime _readBack = new CosemDateTime();
        private ObisCode _registerName = new ObisCode(1, 0, 1, 8, 0, 255);

        [GlobalSetup]
        public void Setup()
        {
            _time.Set(new DateTime(2024, 3, 31, 2, 30, 15, 250, DateTimeKind.Unspecified), -60, 0x80);
            Check("register value", RegisterValue(), 123456789, "06 07 5B CD 15");
            Check("date-time", DateTime(), 2024, "09 0C 07 E8 03 1F 07 02 1E 0F 19 FF C4 80");
            Check("object_list element", ObjectListElement(), 3 + 1 + 3 + 1 + 13, "02 04 12 00 03 11 00 09 06 01 00 01 08 00 FF 02 02 01 03 02 03 0F 01 16 01 00");
        }

        /// <summary>double-long-unsigned <c>06 075BCD15</c>: a Register value (energy in Wh).</summary>
        [Benchmark(Description = "A-XDR register value (double-long-unsigned)")]
        public long RegisterValue()
        {
            _writer.Reset(_buffer, 0, _buffer.Length);
            _writer.WriteDoubleLongUnsigned(123456789);
            _reader.Reset(_buffer, 0, _writer.Length);
            _reader.ReadDoubleLongUnsigned(out uint value);
            return value;
        }

        /// <summary>date-time as octet-string <c>09 0C</c> + 12 bytes: the Clock time.</summary>
        [Benchmark(Description = "A-XDR date-time (octet-string 12)")]
        public long DateTime()
        {
            _writer.Reset(_buffer, 0, _buffer.Length);
            _writer.WriteDateTime(_time);
            _reader.Reset(_buffer, 0, _writer.Length);
            _reader.ReadDateTime(_readBack);
            return _readBack.Year;
        }

        /// <summary>
        /// One object_list element (Blue Book 4.4.4, Association LN v1) for a Register: class_id,
        /// version, logical_name, 3 attribute access items, 1 method access item; 48 bytes.
        /// Read back field by field as a client does.
        /// </summary>
        [Benchmark(Description = "A-XDR object_list element (Register)")]
        public long ObjectListElement()
        {
            AxdrWriter w = _writer;
            w.Reset(_buffer, 0, _buffer.Length);
            w.WriteStructure(4);
            w.WriteLongUnsigned(CosemClassId.Register);
            w.WriteUnsigned(0);
            w.WriteObis(_registerName);
            w.WriteStructure(2);
            w.WriteArray(3);
            for (int id = 1; id <= 3; id++)
            {
                w.WriteStructure(3);
                w.WriteInteger((sbyte)id);
                w.WriteEnum((byte)(id == 2 ? AttributeAccess.ReadWrite : AttributeAccess.Read));
                w.WriteNull();
            }
            w.WriteArray(1);
            w.WriteStructure(2);
            w.WriteInteger(1);
            w.WriteEnum((byte)MethodAccess.Access);

            AxdrReader r = _reader;
            r.Reset(_buffer, 0, w.Length);
            long sum = 0;
            r.ReadStructure(out int fields);
            r.ReadLongUnsigned(out ushort classId);
            r.ReadUnsigned(out byte version);
            r.ReadObis(out long logicalName);
            r.ReadStructure(out int rights);
            r.ReadArray(out int attributes);
            for (int i = 0; i < attributes; i++)
            {
                r.ReadStructure(out int _);
                r.ReadInteger(out sbyte id);
                r.ReadEnum(out byte mode);
                r.ReadNull();
                sum += id + mode;
            }
            r.ReadArray(out int methods);
            for (int i = 0; i < methods; i++)
            {
                r.ReadStructure(out int _);
                r.ReadInteger(out sbyte id);
                r.ReadEnum(out byte mode);
                sum += id + mode;
            }
            if (r.Remaining != 0)
            {
                return -1;
            }
            if (fields != 4 || rights != 2 || version != 0)
            {
                return -1;
            }
            return classId + ((logicalName >> 24) & 0xFF) + attributes + methods + sum;
        }

        private void Check(string what, long result, long expected, string expectedHex)
        {
            if (result != expected)
            {
                throw new InvalidOperationException(what + ": read back " + result + ", expected " + expected);
            }
            Hex.Expect(what, expectedHex, _buffer, 0, _writer.Length);
        }
    }
}
