namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// The tamper state saved by the engine (record <see cref="MeterPersistence.TamperStateRecord"/>):
    /// which detections are active, the cumulative tamper count, the alarm register, filter and
    /// descriptor, and the last tamper event written ahead of its event log row. One instance,
    /// reused.
    /// </summary>
    /// <remarks>
    /// <para>Layout (little-endian, <see cref="Length"/> bytes):</para>
    /// <code>
    ///  0 u8   format version (1)
    ///  1 u8   active detections (bit = MeterEngine detection index)
    ///  2 u8   voltage quality already logged in the IS 15959 layout: bit 0 low, bit 1 over
    ///  3 u8   pending: bit 7 = a tamper event row is expected, bit 6 = occurrence, bits 0..2 = detection
    ///  4 i32  pending: sequence number the row gets in its log
    ///  8 u8   pending: index of that log in the meter's profiles
    ///  9 3    reserved (0)
    /// 12 i64  pending: the event's time (UTC ticks)
    /// 20 u32  cumulative tamper count
    /// 24 u32  alarm register
    /// 28 u32  alarm filter
    /// 32 u32  alarm descriptor
    /// </code>
    /// <para>The record is written before the event row (write-ahead). If the power goes
    /// between the two, the next start finds the row missing (its log's next sequence is not past
    /// the pending one) and logs it then, so the count, the active state and the rows agree.</para>
    /// </remarks>
    public sealed class TamperRecord
    {
        /// <summary>Bytes of the record.</summary>
        public const int Length = 36;

        /// <summary>Format version written in byte 0.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Active detections, a bit each.</summary>
        public int Active;

        /// <summary>IS 15959 voltage quality logged: bit 0 low voltage, bit 1 over voltage.</summary>
        public int VoltageLogged;

        /// <summary>A tamper event row is expected (written ahead of the row).</summary>
        public bool Pending;

        /// <summary>The pending event's detection.</summary>
        public int PendingDetection;

        /// <summary>The pending event is an occurrence (else a restoration).</summary>
        public bool PendingOccurrence;

        /// <summary>The sequence number the pending row gets.</summary>
        public int PendingSequence;

        /// <summary>Index of the pending row's log among the meter's profiles.</summary>
        public int PendingProfile;

        /// <summary>When the pending event happened (UTC ticks).</summary>
        public long PendingUtcTicks;

        /// <summary>Cumulative tamper count.</summary>
        public uint TamperCount;

        /// <summary>Alarm register bits.</summary>
        public uint AlarmRegister;

        /// <summary>Alarm filter bits.</summary>
        public uint AlarmFilter;

        /// <summary>Alarm descriptor bits.</summary>
        public uint AlarmDescriptor;

        /// <summary>Writes the record into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = FormatVersion;
            buffer[offset + 1] = (byte)Active;
            buffer[offset + 2] = (byte)VoltageLogged;
            buffer[offset + 3] = (byte)((Pending ? 0x80 : 0) | (PendingOccurrence ? 0x40 : 0) | (PendingDetection & 0x07));
            LittleEndian.WriteInt32(buffer, offset + 4, PendingSequence);
            buffer[offset + 8] = (byte)PendingProfile;
            buffer[offset + 9] = 0;
            buffer[offset + 10] = 0;
            buffer[offset + 11] = 0;
            LittleEndian.WriteInt64(buffer, offset + 12, PendingUtcTicks);
            LittleEndian.WriteInt32(buffer, offset + 20, (int)TamperCount);
            LittleEndian.WriteInt32(buffer, offset + 24, (int)AlarmRegister);
            LittleEndian.WriteInt32(buffer, offset + 28, (int)AlarmFilter);
            LittleEndian.WriteInt32(buffer, offset + 32, (int)AlarmDescriptor);
        }

        /// <summary>Reads a record of <paramref name="length"/> bytes; false (fields unchanged) when it is not a valid one.</summary>
        public bool ReadFrom(byte[] buffer, int offset, int length)
        {
            if (length != Length || buffer[offset] != FormatVersion)
            {
                return false;
            }
            Active = buffer[offset + 1];
            VoltageLogged = buffer[offset + 2];
            int pending = buffer[offset + 3];
            Pending = (pending & 0x80) != 0;
            PendingOccurrence = (pending & 0x40) != 0;
            PendingDetection = pending & 0x07;
            PendingSequence = LittleEndian.ReadInt32(buffer, offset + 4);
            PendingProfile = buffer[offset + 8];
            PendingUtcTicks = LittleEndian.ReadInt64(buffer, offset + 12);
            TamperCount = (uint)LittleEndian.ReadInt32(buffer, offset + 20);
            AlarmRegister = (uint)LittleEndian.ReadInt32(buffer, offset + 24);
            AlarmFilter = (uint)LittleEndian.ReadInt32(buffer, offset + 28);
            AlarmDescriptor = (uint)LittleEndian.ReadInt32(buffer, offset + 32);
            return true;
        }

        /// <summary>Factory state: nothing active, nothing pending, count 0, no alarms, every alarm let through.</summary>
        public void Clear()
        {
            Active = 0;
            VoltageLogged = 0;
            Pending = false;
            PendingDetection = 0;
            PendingOccurrence = false;
            PendingSequence = 0;
            PendingProfile = 0;
            PendingUtcTicks = 0;
            TamperCount = 0;
            AlarmRegister = 0;
            AlarmFilter = uint.MaxValue;
            AlarmDescriptor = 0;
        }
    }
}
