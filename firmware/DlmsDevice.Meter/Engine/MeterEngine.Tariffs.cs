using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// Energy and maximum demand per tariff: active energy import T1..Tn (1.0.1.8.1.255 ..,
    /// Register) and maximum demand T1..Tn (1.0.1.6.1.255 .., Extended register). Which ones
    /// count is what <see cref="TariffActivation"/> (Register activation, switched by the
    /// tariffication scripts) says; without one, T1 counts. Saved in the checkpoint with the
    /// totals they split, so their sum stays the total across a power loss (docs/billing-and-tariffs.md).
    /// </content>
    public sealed partial class MeterEngine
    {
        private CompactRegister[] _tariffEnergy;
        private CompactExtendedRegister[] _tariffDemand;
        private long[] _tariffMilliWh;
        private uint[] _tariffDemandWatts;
        private long[] _tariffDemandUtc;
        private bool[] _tariffCounting;
        private bool[] _tariffDemandCounting;
        private int _activationVersion;
        private long _tariffSeenMilliWh;
        private bool _tariffDemandDirty;

        /// <summary>Number of tariffs (<see cref="MeterConfiguration.Tariffs"/>).</summary>
        public int TariffCount
        {
            get { return _tariffEnergy.Length; }
        }

        /// <summary>
        /// The Register activation that says which tariff registers count (0.0.14.0.0.255 in the
        /// default model); null = T1 always. Configuration time.
        /// </summary>
        public RegisterActivation TariffActivation { get; set; }

        /// <summary>Active energy import of tariff <paramref name="index"/> (0 = T1): 1.0.1.8.(index+1).255, Wh; shows the last checkpoint.</summary>
        public CompactRegister GetTariffEnergyImport(int index)
        {
            return _tariffEnergy[index];
        }

        /// <summary>Maximum demand of tariff <paramref name="index"/> (0 = T1): 1.0.1.6.(index+1).255, W with capture_time; method 1 resets it.</summary>
        public CompactExtendedRegister GetTariffMaximumDemand(int index)
        {
            return _tariffDemand[index];
        }

        /// <summary>Active energy import counted for tariff <paramref name="index"/> (live), mWh.</summary>
        public long GetLiveTariffEnergyImportMilliWh(int index)
        {
            return _tariffMilliWh[index];
        }

        private void CreateTariffObjects(MeterConfiguration configuration)
        {
            int n = configuration.Tariffs;
            _tariffEnergy = new CompactRegister[n];
            _tariffDemand = new CompactExtendedRegister[n];
            _tariffMilliWh = new long[n];
            _tariffDemandWatts = new uint[n];
            _tariffDemandUtc = new long[n];
            _tariffCounting = new bool[n];
            _tariffDemandCounting = new bool[n];
            // One date-time for the capture_time of every tariff's maximum demand (read one at a time).
            CosemDateTime time = n > 0 ? new CosemDateTime() : null;
            for (int t = 0; t < n; t++)
            {
                byte rate = (byte)(t + 1);
                _tariffEnergy[t] = new CompactRegister(new ObisCode(1, 0, 1, 8, rate, 255), DataType.DoubleLongUnsigned, 0, Unit.WattHour);
                _tariffDemand[t] = new CompactExtendedRegister(new ObisCode(1, 0, 1, 6, rate, 255), DataType.DoubleLongUnsigned, 0, Unit.Watt,
                    Clock, time, _callbacks);
                _tariffDemandUtc[t] = CompactExtendedRegister.NotCaptured;
            }
            _activationVersion = int.MinValue;
        }

        // Energy counted since the last tick goes to the tariffs that count now.
        private void AccumulateTariffs()
        {
            RegisterActivation activation = TariffActivation;
            if (activation == null ? _activationVersion != int.MinValue + 1 : activation.ConfigurationVersion != _activationVersion)
            {
                RefreshTariffFlags(activation);
            }
            long delta = _importMilliWh - _tariffSeenMilliWh;
            _tariffSeenMilliWh = _importMilliWh;
            if (delta <= 0)
            {
                return;
            }
            for (int t = 0; t < _tariffMilliWh.Length; t++)
            {
                if (_tariffCounting[t])
                {
                    _tariffMilliWh[t] += delta;
                }
            }
        }

        private void RefreshTariffFlags(RegisterActivation activation)
        {
            for (int t = 0; t < _tariffEnergy.Length; t++)
            {
                _tariffCounting[t] = activation == null ? t == 0
                    : activation.IsActive(CosemClassId.Register, _tariffEnergy[t].LogicalName.Value);
                _tariffDemandCounting[t] = activation == null ? t == 0
                    : activation.IsActive(CosemClassId.ExtendedRegister, _tariffDemand[t].LogicalName.Value);
            }
            _activationVersion = activation == null ? int.MinValue + 1 : activation.ConfigurationVersion;
        }

        // A demand block ended with 'watts': the tariffs that counted during the block keep a new
        // maximum with the block's end. The tariff flags still are those of the block: the
        // tariffication runs after the demand in the tick.
        private void UpdateTariffDemand(long watts, long boundaryUtc)
        {
            for (int t = 0; t < _tariffDemandWatts.Length; t++)
            {
                if (_tariffDemandCounting[t] && watts > _tariffDemandWatts[t])
                {
                    _tariffDemandWatts[t] = (uint)watts;
                    _tariffDemandUtc[t] = boundaryUtc;
                    _tariffDemandDirty = true;
                }
            }
        }

        // A tariff's maximum demand was reset (method 1, normally by the end-of-billing script):
        // value 0 and capture_time now are in the register; keep them and save at once.
        private void OnTariffDemandReset(CosemObject register)
        {
            for (int t = 0; t < _tariffDemand.Length; t++)
            {
                if (_tariffDemand[t] == register)
                {
                    _tariffDemandWatts[t] = 0;
                    _tariffDemandUtc[t] = _tariffDemand[t].CaptureUtcTicks;
                    _tariffDemandDirty = true;
                }
            }
            if (_started)
            {
                WriteCheckpoint(_meterClock.GetMonotonicMilliseconds());
            }
        }

        private void SaveTariffs(MeterCheckpoint cp)
        {
            for (int t = 0; t < MeterCheckpoint.TariffCount; t++)
            {
                bool held = t < _tariffMilliWh.Length;
                cp.TariffImportMilliWh[t] = held ? _tariffMilliWh[t] : 0;
                cp.TariffMaximumDemandWatts[t] = held ? _tariffDemandWatts[t] : 0;
                cp.TariffMaximumDemandUtc[t] = held ? _tariffDemandUtc[t] : CompactExtendedRegister.NotCaptured;
            }
        }

        private void RestoreTariffs(MeterCheckpoint cp)
        {
            for (int t = 0; t < _tariffMilliWh.Length; t++)
            {
                _tariffMilliWh[t] = cp.TariffImportMilliWh[t];
                _tariffDemandWatts[t] = cp.TariffMaximumDemandWatts[t];
                _tariffDemandUtc[t] = cp.TariffMaximumDemandUtc[t];
            }
            _tariffSeenMilliWh = _importMilliWh;
            _tariffDemandDirty = true;
            PublishTariffs();
        }

        // What the tariff registers show: the values of the last checkpoint.
        private void PublishTariffs()
        {
            for (int t = 0; t < _tariffEnergy.Length; t++)
            {
                _tariffEnergy[t].Value = _tariffMilliWh[t] / 1000;
                if (_tariffDemandDirty)
                {
                    _tariffDemand[t].Value = _tariffDemandWatts[t];
                    _tariffDemand[t].CaptureUtcTicks = _tariffDemandUtc[t];
                }
            }
            _tariffDemandDirty = false;
        }
    }
}
