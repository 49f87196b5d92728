using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    /// <summary>
    /// Element-wise buffer reads as GET-with-block does them: large profiles in small blocks,
    /// captures during a read, and zero allocation.
    /// </summary>
    public class ProfileGenericBlockTests
    {
        private const int BlockSize = 256;
        private static readonly DateTime T0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>A load profile of clock, import, export with <paramref name="rows"/> rows every 15 minutes.</summary>
        private sealed class BigProfile
        {
            public readonly FakeClockSource Source;
            public readonly Register Import;
            public readonly Register Export;
            public readonly ProfileGeneric Profile;

            public BigProfile(int entries, int rows)
            {
                Source = new FakeClockSource(T0.Ticks);
                Clock clock = new Clock(LoadProfileFixture.ClockName, Source);
                clock.TimeZone = -60;
                clock.SetEuropeanDaylightSavings();
                Import = new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
                Export = new Register(new ObisCode(1, 0, 2, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
                Profile = new ProfileGeneric(LoadProfileFixture.ProfileName, 3, entries * 24);
                Profile.AddCaptureObject(clock, 2, 0);
                Profile.AddCaptureObject(Import, 2, 0);
                Profile.AddCaptureObject(Export, 2, 0);
                Profile.CapturePeriod = 900;
                Assert.Equal(24, Profile.RowWidth);
                Assert.Equal(entries, Profile.ProfileEntries);
                for (int i = 0; i < rows; i++)
                {
                    CaptureNext();
                }
            }

            private int _count;

            public void CaptureNext()
            {
                Source.Ticks = T0.Ticks + _count * 900 * TimeSpan.TicksPerSecond;
                Import.Value.SetInteger(_count * 7L);
                Export.Value.SetInteger(_count);
                Profile.Capture();
                _count++;
            }
        }

        /// <summary>
        /// Emulates GET-with-block over a 256-byte block writer: the array header, then as many
        /// whole elements as fit; on overflow the writer is rewound to the last whole element, the
        /// block is "sent" (appended to <paramref name="output"/>), and the next block resumes at
        /// the same cursor index. Allocates nothing.
        /// </summary>
        private sealed class BlockReader
        {
            private readonly byte[] _block = new byte[BlockSize];
            private readonly AxdrWriter _writer = new AxdrWriter();
            public readonly ArrayCursor Cursor = new ArrayCursor();
            public int Blocks;

            /// <summary>Reads the selection started in <see cref="Cursor"/> into <paramref name="output"/>; returns the bytes written or -1 on an element error.</summary>
            public int ReadAll(ProfileGeneric profile, byte[] output, CosemContext context)
            {
                int length = 0;
                Blocks = 0;
                _writer.Reset(_block, 0, _block.Length);
                _writer.WriteArray(Cursor.Count);
                Cursor.Index = 0;
                while (Cursor.Index < Cursor.Count)
                {
                    int mark = _writer.Position;
                    if (profile.WriteArrayElement(2, Cursor, _writer, context) != DataAccessResult.Success)
                    {
                        return -1;
                    }
                    if (_writer.Overflow)
                    {
                        _writer.Rewind(mark);
                        length = Flush(output, length);
                        continue;
                    }
                    Cursor.Index++;
                }
                return Flush(output, length);
            }

            private int Flush(byte[] output, int length)
            {
                Array.Copy(_block, 0, output, length, _writer.Length);
                length += _writer.Length;
                Blocks++;
                _writer.Reset(_block, 0, _block.Length);
                return length;
            }
        }

        private static DataAccessResult Begin(ProfileGeneric profile, int selector, byte[]? parameters, AxdrReader reader, ArrayCursor cursor, CosemContext context)
        {
            AxdrReader? source = null;
            if (parameters != null)
            {
                reader.Reset(parameters, 0, parameters.Length);
                source = reader;
            }
            DataAccessResult result;
            Assert.True(profile.BeginArray(2, selector, source!, cursor, context, out result));
            return result;
        }

        [Fact]
        public void BlockRead_TenThousandRowsIn256ByteBlocks_EqualsPlainEncodingWithoutAllocating()
        {
            BigProfile big = new BigProfile(10000, 10000);
            CosemContext context = new CosemContext();
            byte[] plain = new byte[1 << 20];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(plain, 0, plain.Length);
            Assert.Equal(DataAccessResult.Success, big.Profile.GetAttribute(2, 0, null!, writer, context));
            Assert.False(writer.Overflow);
            int plainLength = writer.Length;
            Assert.Equal(4 + 10000 * 26, plainLength);             // 01 82 27 10, rows of 02 03 + 14 + 5 + 5
            Assert.Equal("01 82 27 10", Hex.Format(plain, 0, 4));

            BlockReader blocks = new BlockReader();
            AxdrReader reader = new AxdrReader();
            byte[] output = new byte[1 << 20];
            Assert.Equal(DataAccessResult.Success, Begin(big.Profile, 0, null, reader, blocks.Cursor, context));
            Assert.Equal(plainLength, blocks.ReadAll(big.Profile, output, context));   // warm-up

            int length = 0;
            Action read = () =>
            {
                Begin(big.Profile, 0, null, reader, blocks.Cursor, context);
                length = blocks.ReadAll(big.Profile, output, context);
            };
            Assert.Equal(0, Allocations.Least(read));
            Assert.Equal(plainLength, length);
            Assert.True(plain.AsSpan(0, plainLength).SequenceEqual(output.AsSpan(0, length)));
            // 9 rows of 26 bytes per block (the first also carries the 4-byte header): 1112 blocks.
            Assert.Equal(1112, blocks.Blocks);
        }

        [Fact]
        public void BlockRead_RangeOverTenThousandRows_EqualsPlainSelectedEncoding()
        {
            BigProfile big = new BigProfile(10000, 10000);
            CosemContext context = new CosemContext();
            // 2024-02-01 00:00 .. 2024-03-01 00:00 local (deviation not specified): 29 days of
            // quarter hours plus the closing one.
            byte[] descriptor = Hex.Parse("02 04 " + LoadProfileFixture.ClockDefinition
                + " 09 0C 07 E8 02 01 FF 00 00 00 00 80 00 FF 09 0C 07 E8 03 01 FF 00 00 00 00 80 00 FF 01 00");
            AxdrReader reader = new AxdrReader();
            reader.Reset(descriptor, 0, descriptor.Length);
            byte[] plain = new byte[1 << 20];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(plain, 0, plain.Length);
            Assert.Equal(DataAccessResult.Success, big.Profile.GetAttribute(2, 1, reader, writer, context));
            int plainLength = writer.Length;
            Assert.Equal(4 + (29 * 96 + 1) * 26, plainLength);

            BlockReader blocks = new BlockReader();
            Assert.Equal(DataAccessResult.Success, Begin(big.Profile, 1, descriptor, reader, blocks.Cursor, context));
            Assert.Equal(29 * 96 + 1, blocks.Cursor.Count);
            byte[] output = new byte[1 << 20];
            Assert.Equal(plainLength, blocks.ReadAll(big.Profile, output, context));
            Assert.True(plain.AsSpan(0, plainLength).SequenceEqual(output.AsSpan(0, plainLength)));
        }

        [Fact]
        public void BlockRead_CapturesDuringRead_SelectionStableNewRowsExcluded()
        {
            BigProfile big = new BigProfile(100, 50);
            CosemContext context = new CosemContext();
            byte[] plain = new byte[8192];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(plain, 0, plain.Length);
            big.Profile.GetAttribute(2, 0, null!, writer, context);
            string expected = Hex.Format(plain, 0, writer.Length);

            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            Assert.True(big.Profile.BeginArray(2, 0, null!, cursor, context, out result));
            Assert.Equal(50, cursor.Count);
            byte[] output = new byte[8192];
            AxdrWriter all = new AxdrWriter();
            all.Reset(output, 0, output.Length);
            all.WriteArray(cursor.Count);
            for (cursor.Index = 0; cursor.Index < cursor.Count; cursor.Index++)
            {
                Assert.Equal(DataAccessResult.Success, big.Profile.WriteArrayElement(2, cursor, all, context));
                big.CaptureNext();       // 50 more rows arrive during the read; none is overwritten
            }
            Assert.Equal(expected, Hex.Format(output, 0, all.Length));
            Assert.Equal(100, big.Profile.EntriesInUse);
        }

        [Fact]
        public void BlockRead_RowsOverwrittenOrResetDuringRead_TemporaryFailure()
        {
            BigProfile big = new BigProfile(10, 10);
            CosemContext context = new CosemContext();
            ArrayCursor cursor = new ArrayCursor();
            DataAccessResult result;
            big.Profile.BeginArray(2, 0, null!, cursor, context, out result);
            byte[] buffer = new byte[256];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            cursor.Index = 0;
            Assert.Equal(DataAccessResult.Success, big.Profile.WriteArrayElement(2, cursor, writer, context));
            big.CaptureNext();                               // the ring is full: row 0 and then row 1 go
            big.CaptureNext();
            cursor.Index = 1;
            writer.Reset(buffer, 0, buffer.Length);
            Assert.Equal(DataAccessResult.TemporaryFailure, big.Profile.WriteArrayElement(2, cursor, writer, context));
            Assert.Equal(0, writer.Length);
            cursor.Index = 2;                                // still there
            Assert.Equal(DataAccessResult.Success, big.Profile.WriteArrayElement(2, cursor, writer, context));
            big.Profile.Reset();
            cursor.Index = 3;
            writer.Reset(buffer, 0, buffer.Length);
            Assert.Equal(DataAccessResult.TemporaryFailure, big.Profile.WriteArrayElement(2, cursor, writer, context));
            cursor.Index = 10;
            Assert.Equal(DataAccessResult.ReadWriteDenied, big.Profile.WriteArrayElement(2, cursor, writer, context));
            Assert.Equal(DataAccessResult.ReadWriteDenied, big.Profile.WriteArrayElement(3, cursor, writer, context));
            Assert.False(big.Profile.BeginArray(3, 0, null!, cursor, context, out result));
        }

        [Fact]
        public void CaptureRangeAndEntryReads_AfterWarmUp_AllocateNothing()
        {
            BigProfile big = new BigProfile(200, 250);
            CosemContext context = new CosemContext();
            byte[] range = Hex.Parse("02 04 " + LoadProfileFixture.ClockDefinition
                + " 09 0C 07 E8 01 01 FF 05 00 00 00 FF C4 00 09 0C 07 E8 01 03 FF 00 00 00 00 80 00 FF 01 01 "
                + LoadProfileFixture.ImportDefinition);
            byte[] numeric = Hex.Parse("02 04 " + LoadProfileFixture.ImportDefinition + " 06 00 00 03 E8 17 44 BB 80 00 01 00");
            byte[] entry = Hex.Parse("02 04 06 00 00 00 0A 06 00 00 00 00 12 00 01 12 00 02");
            byte[] output = new byte[1 << 16];
            BlockReader blocks = new BlockReader();
            AxdrReader reader = new AxdrReader();
            AxdrWriter writer = new AxdrWriter();
            ArrayCursor plainCursor = new ArrayCursor();

            int Round()
            {
                int total = 0;
                big.CaptureNext();
                Begin(big.Profile, 1, range, reader, blocks.Cursor, context);
                total += blocks.ReadAll(big.Profile, output, context);
                Begin(big.Profile, 1, numeric, reader, blocks.Cursor, context);
                total += blocks.ReadAll(big.Profile, output, context);
                Begin(big.Profile, 2, entry, reader, blocks.Cursor, context);
                total += blocks.ReadAll(big.Profile, output, context);
                reader.Reset(entry, 0, entry.Length);
                writer.Reset(output, 0, output.Length);
                big.Profile.GetAttribute(2, 2, reader, writer, context);
                total += writer.Length;
                for (int a = 3; a <= 8; a++)
                {
                    writer.Reset(output, 0, output.Length);
                    big.Profile.GetAttribute(a, 0, null!, writer, context);
                    total += writer.Length;
                }
                writer.Reset(output, 0, output.Length);
                big.Profile.Invoke(2, null!, writer, context);
                return total;
            }

            Assert.True(Round() > 0);
            long total = 0;
            Action rounds = () =>
            {
                total = 0;
                for (int i = 0; i < 100; i++)
                {
                    total += Round();
                }
            };
            Assert.Equal(0, Allocations.Least(rounds));
            Assert.True(total > 100 * 1000);
        }
    }
}
