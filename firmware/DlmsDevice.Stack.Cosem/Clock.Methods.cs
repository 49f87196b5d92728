using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>Clock methods 1..6 (Blue Book 4.5.1): adjust_to_quarter, adjust_to_measuring_period,
    /// adjust_to_minute, adjust_to_preset_time, preset_adjusting_time, shift_time.</content>
    public sealed partial class Clock
    {
        /// <inheritdoc />
        /// <remarks>A failed method leaves the parameter reader where it was.</remarks>
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            int start = parameters != null ? parameters.Position : 0;
            ActionResult result = InvokeMethod(methodId, parameters);
            if (result != ActionResult.Success && parameters != null)
            {
                parameters.Position = start;
            }
            return result;
        }

        private ActionResult InvokeMethod(int methodId, AxdrReader parameters)
        {
            switch (methodId)
            {
                case Methods.AdjustToQuarter:
                    return AdjustToPeriod(parameters, 15 * CosemCalendar.TicksPerMinute);
                case Methods.AdjustToMeasuringPeriod:
                    if (_measuringPeriodSeconds <= 0)
                    {
                        return ActionResult.ReadWriteDenied;
                    }
                    return AdjustToPeriod(parameters, _measuringPeriodSeconds * CosemCalendar.TicksPerSecond);
                case Methods.AdjustToMinute:
                    return AdjustToPeriod(parameters, CosemCalendar.TicksPerMinute);
                case Methods.AdjustToPresetTime:
                    return AdjustToPresetTime(parameters);
                case Methods.PresetAdjustingTime:
                    return PresetAdjustingTime(parameters);
                default:
                    // Methods.ShiftTime (Invoke has checked the range).
                    return ShiftTime(parameters);
            }
        }

        // adjust_to_quarter / _measuring_period / _minute: to the nearest multiple of the period in
        // local time, half way rounding up (Blue Book: second_counter >= 30 s goes to the next minute).
        private ActionResult AdjustToPeriod(AxdrReader parameters, long period)
        {
            if (!AttributeCodec.ReadIgnoredParameter(parameters))
            {
                return ActionResult.TypeUnmatched;
            }
            long utc = _source.GetUtcTicks();
            bool dst = IsDaylightSavingsActive(utc);
            long local = utc - (ZoneMinutes - (dst ? _dstDeviation : 0)) * CosemCalendar.TicksPerMinute;
            long rest = local % period;
            long delta = rest * 2 < period ? -rest : period - rest;
            _source.SetUtcTicks(utc + delta);
            return ActionResult.Success;
        }

        // adjust_to_preset_time: only inside the validity interval given by preset_adjusting_time;
        // outside it the method succeeds without changing the time (Blue Book 4.5.1).
        private ActionResult AdjustToPresetTime(AxdrReader parameters)
        {
            if (!AttributeCodec.ReadIgnoredParameter(parameters))
            {
                return ActionResult.TypeUnmatched;
            }
            if (!_presetValid)
            {
                return ActionResult.OtherReason;
            }
            long utc = _source.GetUtcTicks();
            if (utc >= _validityStartUtc && utc <= _validityEndUtc)
            {
                _source.SetUtcTicks(_presetUtc);
                _presetValid = false;
            }
            return ActionResult.Success;
        }

        // preset_adjusting_time: structure { preset_time, validity_interval_start, validity_interval_end }.
        private ActionResult PresetAdjustingTime(AxdrReader parameters)
        {
            if (parameters == null)
            {
                return ActionResult.TypeUnmatched;
            }
            // Each date-time is read into the one scratch and converted at once; the shape of all
            // three is checked (type-unmatched) before their meaning (scope-of-access-violated).
            int count;
            long presetUtc;
            long fromUtc;
            long toUtc;
            bool valid = true;
            if (parameters.ReadStructure(out count) != AxdrStatus.Ok || count != 3
                || !ReadUtc(parameters, ref valid, out presetUtc)
                || !ReadUtc(parameters, ref valid, out fromUtc)
                || !ReadUtc(parameters, ref valid, out toUtc))
            {
                return ActionResult.TypeUnmatched;
            }
            if (!valid || fromUtc > toUtc)
            {
                return ActionResult.ScopeOfAccessViolated;
            }
            _presetUtc = presetUtc;
            _validityStartUtc = fromUtc;
            _validityEndUtc = toUtc;
            _presetValid = true;
            return ActionResult.Success;
        }

        // Reads one date-time into _time and converts it to UTC; valid turns false (and stays so)
        // when it does not convert. False when the value is not a date-time.
        private bool ReadUtc(AxdrReader parameters, ref bool valid, out long utcTicks)
        {
            utcTicks = 0;
            if (parameters.ReadDateTime(_time) != AxdrStatus.Ok)
            {
                return false;
            }
            if (!TryToUtc(_time, out utcTicks))
            {
                valid = false;
            }
            return true;
        }

        // shift_time: data ::= long, -900..+900 seconds.
        private ActionResult ShiftTime(AxdrReader parameters)
        {
            if (parameters == null)
            {
                return ActionResult.TypeUnmatched;
            }
            short seconds;
            if (parameters.ReadLong(out seconds) != AxdrStatus.Ok)
            {
                return ActionResult.TypeUnmatched;
            }
            if (seconds < -MaxShiftSeconds || seconds > MaxShiftSeconds)
            {
                return ActionResult.ScopeOfAccessViolated;
            }
            _source.SetUtcTicks(_source.GetUtcTicks() + seconds * CosemCalendar.TicksPerSecond);
            return ActionResult.Success;
        }
    }
}
