using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// The metering state saved by every checkpoint (record <see cref="MeterPersistence.CheckpointRecord"/>):
    /// energy totals, maximum demand, the running demand block, where the period schedules stand,
    /// the clock, and whether the last power-down was already logged; since format 2 also the
    /// energy and maximum demand per tariff, the billing period counter and time, how far the
    /// single action schedules were evaluated and whether the limiter is tripped, all in the
    /// same record, so they are saved together with the totals they split; since format 3 the
    /// reactive energy and the ABT block (<see cref="BlockEnergies"/>). One instance, reused.
    /// </summary>
    /// <remarks>
    /// Layout (little-endian, <see cref="Length"/> bytes; format 1 ended at byte 80 and format 2
    /// at byte 184, both still read, the later fields then read as none):
    /// <code>
    ///  0 u8   format version (3)
    ///  1 u8   flags: bit 0 = power-down already logged (clean shutdown or power-fail signal)
    ///  2 u16  reserved (0)
    ///  4 i64  active energy import, mWh
    /// 12 i64  active energy export, mWh
    /// 20 i64  clock (UTC ticks) when the checkpoint was taken
    /// 28 i64  last load profile boundary (UTC ticks; long.MinValue = none)
    /// 36 i64  last daily profile boundary
    /// 44 i64  start of the current demand block
    /// 52 i64  energy import at the start of the demand block, mWh
    /// 60 u32  maximum demand, W
    /// 64 12   maximum demand capture_time (COSEM date-time)
    /// 76 u32  checkpoint counter
    /// 80 u8   flags 2: bit 0 = the limiter is tripped
    /// 81 u8   reserved (0)
    /// 82 u16  reserved (0)
    /// 84 i64 x 4  active energy import per tariff T1..T4, mWh
    /// 116 u32 x 4 maximum demand per tariff, W
    /// 132 i64 x 4 maximum demand per tariff capture time (UTC ticks; long.MinValue = none)
    /// 164 u32 billing period counter
    /// 168 i64 time of the last billing (UTC ticks; long.MinValue = none)
    /// 176 i64 single action schedules evaluated up to (UTC ticks; long.MinValue = none)
    /// (format 3 only, written when the engine has block energies: <see cref="Blocks"/>)
    /// 184 i64 reactive energy, mvarh
    /// 192 i64 active energy import at the start of the load profile block, mWh
    /// 200 i64 active energy export at the start of the block, mWh
    /// 208 i64 reactive energy at the start of the block, mvarh
    /// 216 i64 x 3 import, export, reactive energy of the last completed block (register units)
    /// </code>
    /// </remarks>
    public sealed class MeterCheckpoint
    {
        /// <summary>Bytes of the record.</summary>
        public const int Length = 240;

        /// <summary>Bytes of a format-2 record (read for stores written before the ABT block energies).</summary>
        public const int LengthVersion2 = 184;


        /// <summary>Bytes of a format-1 record (read for stores written before tariffs and billing).</summary>
        public const int LengthVersion1 = 80;

        /// <summary>Format version written in byte 0.</summary>
        public const byte FormatVersion = 3;

        /// <summary>Tariffs the record holds (T1..T4).</summary>
        public const int TariffCount = 4;

        /// <summary>Flags 2 bit 0.</summary>
        public const byte FlagLimiterTripped = 0x01;

        /// <summary>Flags bit 0.</summary>
        public const byte FlagPowerDownLogged = 0x01;

        /// <summary>Active energy import, mWh.</summary>
        public long EnergyImportMilliWh;

        /// <summary>Active energy export, mWh.</summary>
        public long EnergyExportMilliWh;

        /// <summary>Meter clock (UTC ticks) at the checkpoint.</summary>
        public long ClockUtcTicks;

        /// <summary>Last load profile boundary reported.</summary>
        public long LoadProfileBoundary;

        /// <summary>Last daily profile boundary reported.</summary>
        public long DailyProfileBoundary;

        /// <summary>Start of the running demand block.</summary>
        public long DemandBlockStart;

        /// <summary>Energy import at the start of the running demand block, mWh.</summary>
        public long DemandBlockStartMilliWh;

        /// <summary>Maximum demand, W.</summary>
        public uint MaximumDemandWatts;

        /// <summary>When the maximum demand occurred (end of its block), local time of the clock (owned by the record, filled in place).</summary>
        public readonly CosemDateTime MaximumDemandTime = new CosemDateTime();

        /// <summary>Checkpoints written so far.</summary>
        public uint Counter;

        /// <summary>The power-down was logged before the state was saved (no power-down event at the next start).</summary>
        public bool PowerDownLogged;

        /// <summary>The limiter had opened the supply (its under-threshold action is still due).</summary>
        public bool LimiterTripped;

        /// <summary>Active energy import per tariff, mWh (owned by the record).</summary>
        public readonly long[] TariffImportMilliWh = new long[TariffCount];

        /// <summary>Maximum demand per tariff, W.</summary>
        public readonly uint[] TariffMaximumDemandWatts = new uint[TariffCount];

        /// <summary>When each tariff's maximum demand occurred (UTC ticks; long.MinValue = none).</summary>
        public readonly long[] TariffMaximumDemandUtc = new long[TariffCount];

        /// <summary>Billing period counter.</summary>
        public uint BillingPeriodCounter;

        /// <summary>Time of the last billing (UTC ticks; long.MinValue = none).</summary>
        public long LastBillingUtc;

        /// <summary>The single action schedules were evaluated up to here (UTC ticks; long.MinValue = none).</summary>
        public long SchedulesEvaluatedUtc;

        /// <summary>
        /// The engine's ABT block energies (format 3's fields), or null: an engine without them
        /// writes format 2, so a meter that does not bind them keeps its record and its buffer
        /// (the ESP32 heap) as they were.
        /// </summary>
        public BlockEnergies Blocks;

        /// <summary>Bytes <see cref="WriteTo"/> writes: <see cref="Length"/> with <see cref="Blocks"/>, else <see cref="LengthVersion2"/>.</summary>
        public int WrittenLength
        {
            get { return Blocks == null ? LengthVersion2 : Length; }
        }

        /// <summary>Writes the record into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = Blocks == null ? (byte)2 : FormatVersion;
            buffer[offset + 1] = PowerDownLogged ? FlagPowerDownLogged : (byte)0;
            LittleEndian.WriteInt16(buffer, offset + 2, 0);
            LittleEndian.WriteInt64(buffer, offset + 4, EnergyImportMilliWh);
            LittleEndian.WriteInt64(buffer, offset + 12, EnergyExportMilliWh);
            LittleEndian.WriteInt64(buffer, offset + 20, ClockUtcTicks);
            LittleEndian.WriteInt64(buffer, offset + 28, LoadProfileBoundary);
            LittleEndian.WriteInt64(buffer, offset + 36, DailyProfileBoundary);
            LittleEndian.WriteInt64(buffer, offset + 44, DemandBlockStart);
            LittleEndian.WriteInt64(buffer, offset + 52, DemandBlockStartMilliWh);
            LittleEndian.WriteInt32(buffer, offset + 60, (int)MaximumDemandWatts);
            MaximumDemandTime.WriteTo(buffer, offset + 64);
            LittleEndian.WriteInt32(buffer, offset + 76, (int)Counter);
            buffer[offset + 80] = LimiterTripped ? FlagLimiterTripped : (byte)0;
            buffer[offset + 81] = 0;
            LittleEndian.WriteInt16(buffer, offset + 82, 0);
            for (int t = 0; t < TariffCount; t++)
            {
                LittleEndian.WriteInt64(buffer, offset + 84 + 8 * t, TariffImportMilliWh[t]);
                LittleEndian.WriteInt32(buffer, offset + 116 + 4 * t, (int)TariffMaximumDemandWatts[t]);
                LittleEndian.WriteInt64(buffer, offset + 132 + 8 * t, TariffMaximumDemandUtc[t]);
            }
            LittleEndian.WriteInt32(buffer, offset + 164, (int)BillingPeriodCounter);
            LittleEndian.WriteInt64(buffer, offset + 168, LastBillingUtc);
            LittleEndian.WriteInt64(buffer, offset + 176, SchedulesEvaluatedUtc);
            if (Blocks != null)
            {
                Blocks.WriteTo(buffer, offset + LengthVersion2);
            }
        }

        /// <summary>Reads a record of <paramref name="length"/> bytes; false (fields unchanged) when it is not a valid one.</summary>
        public bool ReadFrom(byte[] buffer, int offset, int length)
        {
            bool version1 = length == LengthVersion1 && buffer[offset] == 1;
            bool version2 = length == LengthVersion2 && buffer[offset] == 2;
            if (!version1 && !version2 && (length != Length || buffer[offset] != FormatVersion))
            {
                return false;
            }
            long import = LittleEndian.ReadInt64(buffer, offset + 4);
            long export = LittleEndian.ReadInt64(buffer, offset + 12);
            if (import < 0 || export < 0 || (!version1 && !version2 && LittleEndian.ReadInt64(buffer, offset + LengthVersion2) < 0))
            {
                return false;
            }
            PowerDownLogged = (buffer[offset + 1] & FlagPowerDownLogged) != 0;
            EnergyImportMilliWh = import;
            EnergyExportMilliWh = export;
            ClockUtcTicks = LittleEndian.ReadInt64(buffer, offset + 20);
            LoadProfileBoundary = LittleEndian.ReadInt64(buffer, offset + 28);
            DailyProfileBoundary = LittleEndian.ReadInt64(buffer, offset + 36);
            DemandBlockStart = LittleEndian.ReadInt64(buffer, offset + 44);
            DemandBlockStartMilliWh = LittleEndian.ReadInt64(buffer, offset + 52);
            MaximumDemandWatts = (uint)LittleEndian.ReadInt32(buffer, offset + 60);
            MaximumDemandTime.ReadFrom(buffer, offset + 64);
            Counter = (uint)LittleEndian.ReadInt32(buffer, offset + 76);
            ClearAfterVersion1();
            if (version1)
            {
                return true;
            }
            LimiterTripped = (buffer[offset + 80] & FlagLimiterTripped) != 0;
            for (int t = 0; t < TariffCount; t++)
            {
                TariffImportMilliWh[t] = LittleEndian.ReadInt64(buffer, offset + 84 + 8 * t);
                TariffMaximumDemandWatts[t] = (uint)LittleEndian.ReadInt32(buffer, offset + 116 + 4 * t);
                TariffMaximumDemandUtc[t] = LittleEndian.ReadInt64(buffer, offset + 132 + 8 * t);
            }
            BillingPeriodCounter = (uint)LittleEndian.ReadInt32(buffer, offset + 164);
            LastBillingUtc = LittleEndian.ReadInt64(buffer, offset + 168);
            SchedulesEvaluatedUtc = LittleEndian.ReadInt64(buffer, offset + 176);
            if (version2)
            {
                return true;
            }
            // Format 3 without block energies here (a meter that no longer binds them): skipped.
            if (Blocks != null)
            {
                Blocks.ReadFrom(buffer, offset + LengthVersion2);
            }
            return true;
        }

        /// <summary>Factory state: zero energy, no boundaries, no maximum demand.</summary>
        public void Clear()
        {
            EnergyImportMilliWh = 0;
            EnergyExportMilliWh = 0;
            ClockUtcTicks = 0;
            LoadProfileBoundary = long.MinValue;
            DailyProfileBoundary = long.MinValue;
            DemandBlockStart = long.MinValue;
            DemandBlockStartMilliWh = 0;
            MaximumDemandWatts = 0;
            MaximumDemandTime.SetUnspecified();
            Counter = 0;
            PowerDownLogged = false;
            ClearAfterVersion1();
        }

        // The fields formats 2 and 3 added: none.
        private void ClearAfterVersion1()
        {
            LimiterTripped = false;
            for (int t = 0; t < TariffCount; t++)
            {
                TariffImportMilliWh[t] = 0;
                TariffMaximumDemandWatts[t] = 0;
                TariffMaximumDemandUtc[t] = long.MinValue;
            }
            BillingPeriodCounter = 0;
            LastBillingUtc = long.MinValue;
            SchedulesEvaluatedUtc = long.MinValue;
            if (Blocks != null)
            {
                Blocks.ClearSaved();
            }
        }
    }
}
