using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Clock (Blue Book 4.5.1, class_id 8, version 0), normally 0.0.1.0.0.255. UTC comes from an
    /// <see cref="ISystemClock"/>; the object turns it into local time with the time zone and
    /// the daylight-savings rule, and sends clock adjustments back to the source.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 time (date-time), 3 time_zone (long), 4 status
    /// (unsigned), 5 daylight_savings_begin, 6 daylight_savings_end (date-time),
    /// 7 daylight_savings_deviation (integer), 8 daylight_savings_enabled (boolean), 9 clock_base
    /// (enum). Methods: 1 adjust_to_quarter, 2 adjust_to_measuring_period, 3 adjust_to_minute,
    /// 4 adjust_to_preset_time, 5 preset_adjusting_time, 6 shift_time.</para>
    /// <para><b>Sign convention</b> (Green Book date-time "deviation", Blue Book time_zone): the
    /// deviation is the minutes from local time to UTC, UTC = local + deviation. UTC+1 (CET) is
    /// time_zone -60; in summer the date-time deviation is time_zone - daylight_savings_deviation
    /// = -120 and clock status bit 7 (daylight saving active) is set. This is what Gurux writes
    /// by default (the Green Book's A-XDR examples); meters using the opposite sign are an interop trap.</para>
    /// <para><b>Daylight savings subset</b>: see <see cref="CosemCalendar.TryResolveSwitch"/>.
    /// daylight_savings_begin is read as local standard time, daylight_savings_end as local
    /// daylight time (the EU rule is begin last Sunday of March 02:00, end last Sunday of
    /// October 03:00, see <see cref="SetEuropeanDaylightSavings"/>). Rules outside the subset
    /// mean "no daylight saving".</para>
    /// <para><b>Writing the time</b> (attribute 2) with a specified deviation uses it; without
    /// one (0x8000) the value is taken as local time of this clock. A successful write clears
    /// status bits 0 (invalid value) and 1 (doubtful value).</para>
    /// </remarks>
    public sealed partial class Clock : CosemObject
    {
        /// <summary>Attribute indexes of Clock (Blue Book IC 8).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>time (date-time, local time of the clock with its deviation).</summary>
            public const int Time = 2;

            /// <summary>time_zone (long, minutes from UTC).</summary>
            public const int TimeZone = 3;

            /// <summary>status (unsigned, clock status bits).</summary>
            public const int Status = 4;

            /// <summary>daylight_savings_begin.</summary>
            public const int DaylightSavingsBegin = 5;

            /// <summary>daylight_savings_end.</summary>
            public const int DaylightSavingsEnd = 6;

            /// <summary>daylight_savings_deviation (integer, minutes).</summary>
            public const int DaylightSavingsDeviation = 7;

            /// <summary>daylight_savings_enabled.</summary>
            public const int DaylightSavingsEnabled = 8;

            /// <summary>clock_base (enum).</summary>
            public const int ClockBase = 9;
        }

        /// <summary>Method indexes of Clock (Blue Book IC 8).</summary>
        public static class Methods
        {
            /// <summary>adjust_to_quarter.</summary>
            public const int AdjustToQuarter = 1;

            /// <summary>adjust_to_measuring_period.</summary>
            public const int AdjustToMeasuringPeriod = 2;

            /// <summary>adjust_to_minute.</summary>
            public const int AdjustToMinute = 3;

            /// <summary>adjust_to_preset_time.</summary>
            public const int AdjustToPresetTime = 4;

            /// <summary>preset_adjusting_time.</summary>
            public const int PresetAdjustingTime = 5;

            /// <summary>shift_time.</summary>
            public const int ShiftTime = 6;
        }

        // Blue Book ranges: deviation and time_zone -720..+720 minutes, DST deviation -120..+120,
        // shift_time -900..+900 seconds.
        private const int MaxDeviation = 720;
        private const int MaxDaylightSavingsDeviation = 120;
        private const int MaxShiftSeconds = 900;
        private const byte StatusDaylightSavingActive = 0x80;
        private const byte StatusInvalidOrDoubtful = 0x03;

        private readonly ISystemClock _source;
        private short _timeZone;
        private byte _status;
        // Owned date-times, created once here and filled in place (no struct copies, no
        // allocation per request): the two switch rules and a scratch for the time a request
        // reads or writes (attribute 2, the preset_adjusting_time parameters).
        private readonly CosemDateTime _dstBegin;
        private readonly CosemDateTime _dstEnd;
        private readonly CosemDateTime _time;
        private sbyte _dstDeviation;
        private bool _dstEnabled;
        private byte _clockBase;
        private int _measuringPeriodSeconds;
        private bool _presetValid;
        private long _presetUtc;
        private long _validityStartUtc;
        private long _validityEndUtc;

        /// <summary>
        /// Creates a Clock over <paramref name="source"/>: time zone 0 (UTC), status 0,
        /// daylight savings disabled (deviation 60), clock base internal crystal, measuring
        /// period 900 s.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
        public Clock(ObisCode logicalName, ISystemClock source)
            : base(CosemClassId.Clock, 0, logicalName)
        {
            if (source == null)
            {
                throw new ArgumentNullException();
            }
            _source = source;
            _dstBegin = new CosemDateTime();
            _dstEnd = new CosemDateTime();
            _time = new CosemDateTime();
            _dstDeviation = 60;
            _clockBase = (byte)ClockBase.InternalCrystal;
            _measuringPeriodSeconds = 900;
        }

        /// <summary>Where UTC comes from.</summary>
        public ISystemClock Source
        {
            get { return _source; }
        }

        /// <summary>time_zone (attribute 3): minutes from local standard time to UTC (UTC+1 = -60); 0x8000 = not specified.</summary>
        public short TimeZone
        {
            get { return _timeZone; }
            set { _timeZone = value; }
        }

        /// <summary>Status bits the application keeps (bit 0 invalid, 1 doubtful, 2 different clock base, 3 invalid clock status); bit 7 is computed.</summary>
        public byte Status
        {
            get { return _status; }
            set { _status = (byte)(value & ~StatusDaylightSavingActive); }
        }

        /// <summary>daylight_savings_deviation (attribute 7), minutes added to local time in summer.</summary>
        public sbyte DaylightSavingsDeviation
        {
            get { return _dstDeviation; }
            set { _dstDeviation = value; }
        }

        /// <summary>daylight_savings_enabled (attribute 8).</summary>
        public bool DaylightSavingsEnabled
        {
            get { return _dstEnabled; }
            set { _dstEnabled = value; }
        }

        /// <summary>clock_base (attribute 9).</summary>
        public ClockBase ClockBase
        {
            get { return (ClockBase)_clockBase; }
            set { _clockBase = (byte)value; }
        }

        /// <summary>The measuring period adjust_to_measuring_period rounds to, in seconds (0 = method not supported).</summary>
        public int MeasuringPeriodSeconds
        {
            get { return _measuringPeriodSeconds; }
            set { _measuringPeriodSeconds = value; }
        }

        /// <summary>Sets daylight_savings_begin (attribute 5) and daylight_savings_end (attribute 6), copying the fields.</summary>
        /// <exception cref="ArgumentNullException">A value is null.</exception>
        public void SetDaylightSavings(CosemDateTime begin, CosemDateTime end)
        {
            if (begin == null || end == null)
            {
                throw new ArgumentNullException();
            }
            _dstBegin.CopyFrom(begin);
            _dstEnd.CopyFrom(end);
        }

        /// <summary>Copies daylight_savings_begin (attribute 5) and daylight_savings_end (attribute 6) into the given instances.</summary>
        /// <exception cref="ArgumentNullException">A target is null.</exception>
        public void GetDaylightSavings(CosemDateTime begin, CosemDateTime end)
        {
            if (begin == null || end == null)
            {
                throw new ArgumentNullException();
            }
            begin.CopyFrom(_dstBegin);
            end.CopyFrom(_dstEnd);
        }

        /// <summary>True when daylight_savings_begin and daylight_savings_end hold exactly these values (every field).</summary>
        public bool DaylightSavingsEquals(CosemDateTime begin, CosemDateTime end)
        {
            return _dstBegin.Equals(begin) && _dstEnd.Equals(end);
        }

        /// <summary>
        /// The EU rule: begin last Sunday of March 02:00 standard time, end last Sunday of October
        /// 03:00 summer time, deviation 60 minutes, enabled.
        /// </summary>
        public void SetEuropeanDaylightSavings()
        {
            SetSwitchRule(_dstBegin, 3, 2);
            SetSwitchRule(_dstEnd, 10, 3);
            _dstDeviation = 60;
            _dstEnabled = true;
        }

        // Every year, last (0xFE) Sunday (7) of the month, at hour:00:00.00; deviation and status not specified.
        private static void SetSwitchRule(CosemDateTime rule, byte month, byte hour)
        {
            rule.Set(CosemDateTime.YearNotSpecified, month, 0xFE, 7, hour, 0, 0, 0,
                CosemDateTime.DeviationNotSpecified, CosemDateTime.NotSpecified);
        }

        /// <summary>Current UTC time in ticks, from the source.</summary>
        public long GetUtcTicks()
        {
            return _source.GetUtcTicks();
        }

        /// <summary>Fills <paramref name="value"/> with the current local time, deviation and status, as attribute 2 reports it.</summary>
        public void GetLocalTime(CosemDateTime value)
        {
            ToLocal(_source.GetUtcTicks(), value);
        }

        /// <summary>Fills <paramref name="value"/> with this clock's local date-time, deviation and status at a UTC instant.</summary>
        public void ToLocal(long utcTicks, CosemDateTime value)
        {
            bool dst = IsDaylightSavingsActive(utcTicks);
            int deviation = ZoneMinutes - (dst ? _dstDeviation : 0);
            CosemCalendar.FromTicks(utcTicks - deviation * CosemCalendar.TicksPerMinute, value);
            value.Deviation = _timeZone == CosemDateTime.DeviationNotSpecified ? CosemDateTime.DeviationNotSpecified : (short)deviation;
            value.ClockStatus = CurrentStatus(dst);
        }

        /// <summary>
        /// Converts a fully specified date-time to UTC ticks: with its deviation when specified,
        /// otherwise as local time of this clock (summer time when that falls in daylight saving).
        /// </summary>
        /// <returns>False when a field is unspecified or out of range.</returns>
        public bool TryToUtc(CosemDateTime value, out long utcTicks)
        {
            utcTicks = 0;
            long local;
            if (!CosemCalendar.TryGetTicks(value, out local))
            {
                return false;
            }
            if (value.Deviation != CosemDateTime.DeviationNotSpecified)
            {
                if (value.Deviation < -MaxDeviation || value.Deviation > MaxDeviation)
                {
                    return false;
                }
                utcTicks = local + value.Deviation * CosemCalendar.TicksPerMinute;
                return true;
            }
            long standard = local + ZoneMinutes * CosemCalendar.TicksPerMinute;
            long summer = standard - _dstDeviation * CosemCalendar.TicksPerMinute;
            utcTicks = IsDaylightSavingsActive(summer) ? summer : standard;
            return true;
        }

        /// <summary>True when daylight saving is enabled and in force at <paramref name="utcTicks"/>.</summary>
        public bool IsDaylightSavingsActive(long utcTicks)
        {
            if (!_dstEnabled)
            {
                return false;
            }
            long standard = utcTicks - ZoneMinutes * CosemCalendar.TicksPerMinute;
            int year;
            int month;
            int day;
            CosemCalendar.CivilFromDays(standard / CosemCalendar.TicksPerDay, out year, out month, out day);
            long begin;
            long end;
            if (!CosemCalendar.TryResolveSwitch(_dstBegin, year, out begin)
                || !CosemCalendar.TryResolveSwitch(_dstEnd, year, out end))
            {
                return false;
            }
            // The end rule is written in summer time: compare in standard time.
            end -= _dstDeviation * CosemCalendar.TicksPerMinute;
            if (begin <= end)
            {
                return standard >= begin && standard < end;
            }
            // Southern hemisphere: summer spans the turn of the year.
            return standard >= begin || standard < end;
        }

        private int ZoneMinutes
        {
            get { return _timeZone == CosemDateTime.DeviationNotSpecified ? 0 : _timeZone; }
        }

        private byte CurrentStatus(bool dst)
        {
            return (byte)(dst ? _status | StatusDaylightSavingActive : _status);
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 9; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 6; }
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            switch (attributeId)
            {
                case Attributes.Time:
                    {
                        GetLocalTime(_time);
                        writer.WriteDateTime(_time);
                        break;
                    }
                case Attributes.TimeZone:
                    writer.WriteLong(_timeZone);
                    break;
                case Attributes.Status:
                    writer.WriteUnsigned(CurrentStatus(IsDaylightSavingsActive(_source.GetUtcTicks())));
                    break;
                case Attributes.DaylightSavingsBegin:
                    writer.WriteDateTime(_dstBegin);
                    break;
                case Attributes.DaylightSavingsEnd:
                    writer.WriteDateTime(_dstEnd);
                    break;
                case Attributes.DaylightSavingsDeviation:
                    writer.WriteInteger(_dstDeviation);
                    break;
                case Attributes.DaylightSavingsEnabled:
                    writer.WriteBoolean(_dstEnabled);
                    break;
                case Attributes.ClockBase:
                    writer.WriteEnum(_clockBase);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            DataAccessResult result = SetAttributeValue(attributeId, value);
            if (result != DataAccessResult.Success)
            {
                value.Position = start;
            }
            return result;
        }

        private DataAccessResult SetAttributeValue(int attributeId, AxdrReader value)
        {
            switch (attributeId)
            {
                case Attributes.Time:
                    {
                        if (value.ReadDateTime(_time) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        long utc;
                        if (!TryToUtc(_time, out utc))
                        {
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        _source.SetUtcTicks(utc);
                        _status = (byte)(_status & ~StatusInvalidOrDoubtful);
                        return DataAccessResult.Success;
                    }
                case Attributes.TimeZone:
                    {
                        short zone;
                        if (value.ReadLong(out zone) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        if (zone != CosemDateTime.DeviationNotSpecified && (zone < -MaxDeviation || zone > MaxDeviation))
                        {
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        _timeZone = zone;
                        return DataAccessResult.Success;
                    }
                case Attributes.Status:
                    {
                        byte status;
                        if (value.ReadUnsigned(out status) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        Status = status;
                        return DataAccessResult.Success;
                    }
                case Attributes.DaylightSavingsBegin:
                case Attributes.DaylightSavingsEnd:
                    {
                        // Read straight into the rule: the reader leaves it unchanged on failure.
                        if (value.ReadDateTime(attributeId == Attributes.DaylightSavingsBegin ? _dstBegin : _dstEnd) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        return DataAccessResult.Success;
                    }
                case Attributes.DaylightSavingsDeviation:
                    {
                        sbyte deviation;
                        if (value.ReadInteger(out deviation) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        if (deviation < -MaxDaylightSavingsDeviation || deviation > MaxDaylightSavingsDeviation)
                        {
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        _dstDeviation = deviation;
                        return DataAccessResult.Success;
                    }
                case Attributes.DaylightSavingsEnabled:
                    {
                        bool enabled;
                        if (value.ReadBoolean(out enabled) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        _dstEnabled = enabled;
                        return DataAccessResult.Success;
                    }
                case Attributes.ClockBase:
                    {
                        byte clockBase;
                        if (value.ReadEnum(out clockBase) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        if (clockBase > (byte)ClockBase.RadioControlled)
                        {
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        _clockBase = clockBase;
                        return DataAccessResult.Success;
                    }
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
        }
    }
}
