using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>Block demand (Demand register 1.0.1.4.0.255) and maximum demand (Extended register 1.0.1.6.0.255).</content>
    public sealed partial class MeterEngine
    {
        // Energy import at the start of the running block, mWh.
        private long _blockStartMilliWh;
        private long _shownBlockStart = long.MinValue;

        // Maximum demand as saved (shown once a checkpoint holds it).
        private uint _maximumDemandWatts;
        private readonly CosemDateTime _maximumDemandTime = new CosemDateTime();
        // Scratch for the block times handed to the Demand register (its own copies keep them).
        private readonly CosemDateTime _blockTime = new CosemDateTime();
        private bool _maximumDemandDirty;

        /// <summary>
        /// Block demand of <paramref name="milliWh"/> over one period: mWh x 3600 / (1000 x period s) W.
        /// </summary>
        private long DemandWatts(long milliWh)
        {
            return MeterMath.Round(milliWh * 3.6 / _config.DemandPeriodSeconds);
        }

        // The block ends at every demand period boundary of the clock. current_average_value is
        // the running demand (energy since the block start / the whole period, Blue Book IC 5),
        // last_average_value the demand of the block just closed; a new maximum is kept with the
        // block's end time and saved at once.
        private void UpdateDemand(long utc)
        {
            long boundary;
            int result = _demandSchedule.Check(utc, Clock, out boundary);
            if (result == 1)
            {
                long watts = DemandWatts(_importMilliWh - _blockStartMilliWh);
                Clock.ToLocal(boundary, _blockTime);
                DemandImport.LastAverageValue.SetInteger(watts);
                DemandImport.SetCaptureTime(_blockTime);
                UpdateTariffDemand(watts, boundary);
                if (watts > _maximumDemandWatts)
                {
                    _maximumDemandWatts = (uint)watts;
                    _maximumDemandTime.CopyFrom(_blockTime);
                    _maximumDemandDirty = true;
                }
                _blockStartMilliWh = _importMilliWh;
                // Save the new block (and a new maximum) in this tick.
                _checkpointRequested = true;
            }
            if (_demandSchedule.Last != _shownBlockStart)
            {
                // A new block, the first tick, or the clock set back: show where the block starts.
                _shownBlockStart = _demandSchedule.Last;
                Clock.ToLocal(_shownBlockStart, _blockTime);
                DemandImport.SetStartTimeCurrent(_blockTime);
            }
            DemandImport.CurrentAverageValue.SetInteger(DemandWatts(_importMilliWh - _blockStartMilliWh));
        }

        // A client reset the maximum demand (Extended register method 1): value 0 and
        // capture_time now are already in the register; keep them and save at once.
        private void OnMaximumDemandReset()
        {
            _maximumDemandWatts = (uint)MaximumDemandImport.Value.Integer;
            MaximumDemandImport.GetCaptureTime(_maximumDemandTime);
            _maximumDemandDirty = true;
            if (_started)
            {
                WriteCheckpoint(_meterClock.GetMonotonicMilliseconds());
                if (_categoryCodes != null)
                {
                    // IS 15959 logs the MD reset as a transaction; the IDIS lists have no number for it.
                    LogCategorised(EventCategory.Transaction, Is15959EventCode.MaximumDemandReset, _meterClock.GetLiveUtcTicks());
                }
            }
        }

        private void PublishMaximumDemand()
        {
            MaximumDemandImport.Value.SetInteger(_maximumDemandWatts);
            MaximumDemandImport.SetCaptureTime(_maximumDemandTime);
            _maximumDemandDirty = false;
        }
    }
}
