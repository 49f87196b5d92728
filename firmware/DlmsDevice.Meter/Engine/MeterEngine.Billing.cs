using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// Billing: the billing profile 1.0.98.1.0.255, the billing period counter 1.0.0.1.0.255 and
    /// the time stamp of the last billing 1.0.0.1.2.255. A capture of the billing profile,
    /// however it is asked for (the end-of-billing script of the schedule 0.0.15.0.0.255, a
    /// client's execute of that script, the profile's own method 2), closes a billing period:
    /// the registers are checkpointed, the counter counts, and the row keeps the values at the
    /// end of the period. Exactly once per period end, across a power loss too (docs/billing-and-tariffs.md).
    /// </content>
    public sealed partial class MeterEngine
    {
        // Billing rows are wide (every tariff) and few: small chunks keep the two chunk images small.
        private const int BillingRowsPerChunk = 2;

        private uint _billingCounter;
        private long _lastBillingUtc = long.MinValue;
        private long _billingUtc;

        /// <summary>Billing profile 1.0.98.1.0.255 (null without one: <see cref="MeterConfiguration.BillingProfileEntries"/> 0).</summary>
        public ProfileGeneric BillingProfile { get; private set; }

        /// <summary>Billing period counter 1.0.0.1.0.255 (Data, double-long-unsigned); null without a billing profile.</summary>
        public Data BillingPeriodCounter { get; private set; }

        /// <summary>Time stamp of the most recent billing period closed 1.0.0.1.2.255 (Data, octet-string date-time); null without a billing profile.</summary>
        public Data LastBillingTime { get; private set; }

        /// <summary>Billing periods closed so far.</summary>
        public uint BillingPeriods
        {
            get { return _billingCounter; }
        }

        // Columns: clock, billing period counter, +A, -A, +A per tariff, maximum demand and its
        // time, maximum demand per tariff.
        private ProfileGeneric CreateBillingProfile(MeterConfiguration configuration)
        {
            BillingPeriodCounter = new Data(Name(EngineQuantity.BillingPeriodCounter), new CosemValue(DataType.DoubleLongUnsigned));
            CosemValue time = new CosemValue(DataType.OctetString, CosemDateTime.DateTimeSize);
            _blockTime.SetUnspecified();
            time.SetDateTime(_blockTime);
            LastBillingTime = new Data(Name(EngineQuantity.LastBillingTime), time);

            int tariffs = _tariffEnergy.Length;
            int registerWidth = ProfileGeneric.EncodedSize(ActiveEnergyImport.Value);
            int width = 2 * ProfileGeneric.DateTimeColumnWidth + (4 + 2 * tariffs) * registerWidth;
            ProfileGeneric profile = new ProfileGeneric(Name(EngineQuantity.BillingProfile), 6 + 2 * tariffs,
                new ProfileStore(width, configuration.BillingProfileEntries, BillingRowsPerChunk), _workspace);
            profile.AddCaptureObject(Clock, Clock.Attributes.Time, 0);
            profile.AddCaptureObject(BillingPeriodCounter, Data.Attributes.Value, 0, registerWidth);
            profile.AddCaptureObject(ActiveEnergyImport, Register.Attributes.Value, 0);
            profile.AddCaptureObject(ActiveEnergyExport, Register.Attributes.Value, 0);
            for (int t = 0; t < tariffs; t++)
            {
                profile.AddCaptureObject(_tariffEnergy[t], CompactRegister.Attributes.Value, 0, registerWidth);
            }
            profile.AddCaptureObject(MaximumDemandImport, ExtendedRegister.Attributes.Value, 0);
            profile.AddCaptureObject(MaximumDemandImport, ExtendedRegister.Attributes.CaptureTime, 0, ProfileGeneric.DateTimeColumnWidth);
            for (int t = 0; t < tariffs; t++)
            {
                profile.AddCaptureObject(_tariffDemand[t], CompactExtendedRegister.Attributes.Value, 0, registerWidth);
            }
            profile.ProfileEntries = configuration.BillingProfileEntries;
            // Captured by the end-of-billing script, not periodically.
            profile.CapturePeriod = 0;
            profile.Clock = Clock;
            profile.CaptureObserver = _callbacks;
            return profile;
        }

        // Before a billing row: the same period end twice (the end-of-billing script run again
        // after a restart in its middle) is refused; otherwise the registers are saved, so the row
        // holds what they show, and the period is counted. The clock reads the schedule's
        // execution time while its script runs.
        private bool BeforeBilling()
        {
            long now = _meterClock.GetUtcTicks();
            if (now == _lastBillingUtc)
            {
                return false;
            }
            if (_started)
            {
                WriteCheckpoint(_meterClock.GetMonotonicMilliseconds());
            }
            _billingUtc = now;
            PublishBilling(_billingCounter + 1, now);
            return true;
        }

        // After it: the row is saved (its chunk was written in the capture); the counter and time
        // go into the next checkpoint, which this tick writes.
        private void AfterBilling()
        {
            _billingCounter++;
            _lastBillingUtc = _billingUtc;
            StoreResult(KindProfile + _profiles.Length - 1, _persistence.GetWriteStatus(_profiles.Length - 1));
            _checkpointRequested = true;
        }

        private void PublishBilling(uint counter, long utc)
        {
            BillingPeriodCounter.Value.SetInteger(counter);
            if (utc == long.MinValue)
            {
                _blockTime.SetUnspecified();
            }
            else
            {
                Clock.ToLocal(utc, _blockTime);
            }
            LastBillingTime.Value.SetDateTime(_blockTime);
        }

        // Start-up: the counter and time from the checkpoint, or from the newest billing row when
        // that is newer (a restart between the row and the checkpoint that counts it): the row is
        // what a client may have read.
        private void RestoreBilling(MeterCheckpoint cp)
        {
            _billingCounter = cp.BillingPeriodCounter;
            _lastBillingUtc = cp.LastBillingUtc;
            ProfileGeneric profile = BillingProfile;
            if (profile == null)
            {
                return;
            }
            byte[] row = _persistence.Buffer;
            int last = profile.CaptureCount - 1;
            if (profile.EntriesInUse > 0 && profile.RowWidth <= row.Length && profile.CopyRow(last, row, 0))
            {
                int counter = ProfileGeneric.DateTimeColumnWidth;
                long utc;
                _blockTime.ReadFrom(row, 2);
                if (row[0] == (byte)DataType.OctetString && row[counter] == (byte)DataType.DoubleLongUnsigned
                    && Clock.TryToUtc(_blockTime, out utc))
                {
                    uint rowCounter = (uint)((row[counter + 1] << 24) | (row[counter + 2] << 16) | (row[counter + 3] << 8) | row[counter + 4]);
                    if (rowCounter > _billingCounter)
                    {
                        _billingCounter = rowCounter;
                        _lastBillingUtc = utc;
                    }
                }
            }
            PublishBilling(_billingCounter, _lastBillingUtc);
        }
    }
}
