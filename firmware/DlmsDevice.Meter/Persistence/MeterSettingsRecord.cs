using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// Settings a client can change and that must survive a power loss (record
    /// <see cref="MeterPersistence.SettingsRecord"/>): the clock's time zone and daylight-saving
    /// rule, and the disconnect control's mode and state (a disconnected supply stays
    /// disconnected after a restart). Written when one of them changes, not periodically.
    /// </summary>
    /// <remarks>
    /// Layout (little-endian, <see cref="Length"/> bytes):
    /// <code>
    ///  0 u8   format version (1)
    ///  1 u8   disconnect control_state (0..2)
    ///  2 u8   disconnect control_mode (0..6)
    ///  3 u8   daylight_savings_enabled (0/1)
    ///  4 i16  time_zone (minutes, 0x8000 = not specified)
    ///  6 i8   daylight_savings_deviation (minutes)
    ///  7 u8   reserved (0)
    ///  8 12   daylight_savings_begin (COSEM date-time)
    /// 20 12   daylight_savings_end
    /// </code>
    /// </remarks>
    public sealed class MeterSettingsRecord
    {
        /// <summary>Bytes of the record.</summary>
        public const int Length = 32;

        /// <summary>Format version written in byte 0.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Disconnect control state.</summary>
        public ControlState DisconnectState;

        /// <summary>Disconnect control mode.</summary>
        public ControlMode DisconnectMode;

        /// <summary>Clock time_zone.</summary>
        public short TimeZone;

        /// <summary>Clock daylight_savings_enabled.</summary>
        public bool DaylightSavingsEnabled;

        /// <summary>Clock daylight_savings_deviation.</summary>
        public sbyte DaylightSavingsDeviation;

        /// <summary>Clock daylight_savings_begin (owned by the record, filled in place).</summary>
        public readonly CosemDateTime DaylightSavingsBegin = new CosemDateTime();

        /// <summary>Clock daylight_savings_end (owned by the record, filled in place).</summary>
        public readonly CosemDateTime DaylightSavingsEnd = new CosemDateTime();

        /// <summary>Takes the current values from the clock and the disconnect control.</summary>
        public void Capture(Clock clock, DisconnectControl disconnect)
        {
            DisconnectState = disconnect.ControlState;
            DisconnectMode = disconnect.ControlMode;
            TimeZone = clock.TimeZone;
            DaylightSavingsEnabled = clock.DaylightSavingsEnabled;
            DaylightSavingsDeviation = clock.DaylightSavingsDeviation;
            clock.GetDaylightSavings(DaylightSavingsBegin, DaylightSavingsEnd);
        }

        /// <summary>True when the clock and the disconnect control still hold what was captured.</summary>
        public bool Matches(Clock clock, DisconnectControl disconnect)
        {
            return DisconnectState == disconnect.ControlState
                && DisconnectMode == disconnect.ControlMode
                && TimeZone == clock.TimeZone
                && DaylightSavingsEnabled == clock.DaylightSavingsEnabled
                && DaylightSavingsDeviation == clock.DaylightSavingsDeviation
                && clock.DaylightSavingsEquals(DaylightSavingsBegin, DaylightSavingsEnd);
        }

        /// <summary>Puts the values back into the clock and the disconnect control (start-up).</summary>
        public void Apply(Clock clock, DisconnectControl disconnect)
        {
            disconnect.ControlMode = DisconnectMode;
            disconnect.Restore(DisconnectState);
            clock.TimeZone = TimeZone;
            clock.DaylightSavingsEnabled = DaylightSavingsEnabled;
            clock.DaylightSavingsDeviation = DaylightSavingsDeviation;
            clock.SetDaylightSavings(DaylightSavingsBegin, DaylightSavingsEnd);
        }

        /// <summary>Writes the record into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            buffer[offset] = FormatVersion;
            buffer[offset + 1] = (byte)DisconnectState;
            buffer[offset + 2] = (byte)DisconnectMode;
            buffer[offset + 3] = DaylightSavingsEnabled ? (byte)1 : (byte)0;
            LittleEndian.WriteInt16(buffer, offset + 4, TimeZone);
            buffer[offset + 6] = (byte)DaylightSavingsDeviation;
            buffer[offset + 7] = 0;
            DaylightSavingsBegin.WriteTo(buffer, offset + 8);
            DaylightSavingsEnd.WriteTo(buffer, offset + 20);
        }

        /// <summary>Reads a record of <paramref name="length"/> bytes; false (fields unchanged) when it is not a valid one.</summary>
        public bool ReadFrom(byte[] buffer, int offset, int length)
        {
            if (length != Length || buffer[offset] != FormatVersion
                || buffer[offset + 1] > (byte)ControlState.ReadyForReconnection
                || buffer[offset + 2] > DisconnectControl.MaxControlMode
                || buffer[offset + 3] > 1)
            {
                return false;
            }
            DisconnectState = (ControlState)buffer[offset + 1];
            DisconnectMode = (ControlMode)buffer[offset + 2];
            DaylightSavingsEnabled = buffer[offset + 3] == 1;
            TimeZone = LittleEndian.ReadInt16(buffer, offset + 4);
            DaylightSavingsDeviation = (sbyte)buffer[offset + 6];
            DaylightSavingsBegin.ReadFrom(buffer, offset + 8);
            DaylightSavingsEnd.ReadFrom(buffer, offset + 20);
            return true;
        }
    }
}
