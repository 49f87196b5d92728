using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>Pulses to energy and power; ADC samples to voltage, current, apparent power, power factor.</content>
    public sealed partial class MeterEngine
    {
        // One kWh in W·ms: a pulse of a c imp/kWh meter is 3.6e9 / c W·ms.
        private const double WattMillisecondsPerKwh = 3600000000.0;

        // Pulse channels, parallel arrays.
        private IPulseCounter[] _pulseCounters;
        private int[] _pulseConstants;
        private bool[] _pulseImport;
        private long[] _lastCount;
        private long[] _remainder;
        private long[] _refCount;
        private long[] _refEdge;
        private long[] _lastEdge;
        private long[] _refAfter;
        private double[] _channelPower;

        // Live (counted) and published (checkpointed) energy, mWh.
        private long _importMilliWh;
        private long _exportMilliWh;
        private double _powerImportWatts;
        private double _powerExportWatts;
        private int _exportChannels;

        // Analog channels (AnalogQuantity order: voltage, current, neutral, power, voltage L2, L3, current L2, L3), parallel arrays.
        private AnalogChannel[] _analog;
        private Register[] _analogRegisters;
        private Register[] _averageRegisters;
        private long[] _windowStart;
        private bool[] _windowOpen;
        private double[] _windowSum;
        private int[] _windowCount;
        private double[] _mean;
        private bool[] _hasMean;
        private double[] _periodSum;
        private int[] _periodCount;

        /// <summary>Active energy import counted so far (live, may be ahead of the register), Wh.</summary>
        public double LiveEnergyImportWh
        {
            get { return _importMilliWh / 1000.0; }
        }

        /// <summary>Active energy export counted so far (live), Wh.</summary>
        public double LiveEnergyExportWh
        {
            get { return _exportMilliWh / 1000.0; }
        }

        /// <summary>Active energy import counted so far, mWh (exact).</summary>
        public long LiveEnergyImportMilliWh
        {
            get { return _importMilliWh; }
        }

        /// <summary>Active power import from the pulse rate, W (unrounded).</summary>
        public double ActivePowerImportWatts
        {
            get { return _powerImportWatts; }
        }

        /// <summary>Last published mean of the voltage channel, V (0 before the first window ends).</summary>
        public double VoltageVolts
        {
            get { return _mean[VoltageIndex]; }
        }

        /// <summary>Last published mean of the current channel, A.</summary>
        public double CurrentAmperes
        {
            get { return _mean[CurrentIndex]; }
        }

        /// <summary>Last published mean of the neutral current channel, A.</summary>
        public double NeutralCurrentAmperes
        {
            get { return _mean[NeutralIndex]; }
        }

        /// <summary>Active power export from the export pulse rate, W (unrounded).</summary>
        public double ActivePowerExportWatts
        {
            get { return _powerExportWatts; }
        }

        private void CreatePulseState(PulseChannel[] channels)
        {
            int n = channels.Length;
            _pulseCounters = new IPulseCounter[n];
            _pulseConstants = new int[n];
            _pulseImport = new bool[n];
            _lastCount = new long[n];
            _remainder = new long[n];
            _refCount = new long[n];
            _refEdge = new long[n];
            _lastEdge = new long[n];
            _refAfter = new long[n];
            _channelPower = new double[n];
            for (int i = 0; i < n; i++)
            {
                PulseChannel channel = channels[i];
                if (channel == null)
                {
                    throw new System.ArgumentNullException();
                }
                _pulseCounters[i] = channel.Counter;
                _pulseConstants[i] = channel.ImpulsesPerKwh;
                _pulseImport[i] = channel.Direction == EnergyDirection.Import;
                if (!_pulseImport[i])
                {
                    _exportChannels++;
                }
            }
        }

        // Start-up: the counters restart from whatever they hold now (the pulses counted while the
        // meter was off are not ours to know).
        private void InitialisePulses()
        {
            for (int i = 0; i < _pulseCounters.Length; i++)
            {
                long edge;
                long count = _pulseCounters[i].Read(out edge);
                _lastCount[i] = count;
                _remainder[i] = 0;
                _refCount[i] = count;
                _refEdge[i] = edge;
                _lastEdge[i] = edge;
                _refAfter[i] = -1;
                _channelPower[i] = 0;
            }
        }

        private void SamplePulses(long mono)
        {
            double importPower = 0;
            double exportPower = 0;
            long timeoutMs = _config.PowerTimeoutSeconds * 1000L;
            for (int i = 0; i < _pulseCounters.Length; i++)
            {
                long edge;
                long count = _pulseCounters[i].Read(out edge);
                long delta = count - _lastCount[i];
                if (delta < 0)
                {
                    // The counter restarted (a platform reboot of the counter): count from 0.
                    delta = count;
                    _refCount[i] = 0;
                    _refEdge[i] = -1;
                    _refAfter[i] = -1;
                }
                _lastCount[i] = count;
                int c = _pulseConstants[i];
                if (delta > 0)
                {
                    // Exact: mWh = pulses * 1e6 / c, times the transformer ratios on a CT/VT
                    // meter (the pulses count secondary energy), the remainder carried.
                    long numerator = delta * 1000000L * _config.CurrentTransformerPrimary * _config.VoltageTransformerPrimary + _remainder[i];
                    long denominator = (long)c * _config.CurrentTransformerSecondary * _config.VoltageTransformerSecondary;
                    long milliWh = numerator / denominator;
                    _remainder[i] = numerator % denominator;
                    if (_pulseImport[i])
                    {
                        _importMilliWh += milliWh;
                    }
                    else
                    {
                        _exportMilliWh += milliWh;
                    }
                }
                _channelPower[i] = ChannelPower(i, count, edge, mono, c, timeoutMs) * Ratio(PowerIndex);
                if (_pulseImport[i])
                {
                    importPower += _channelPower[i];
                }
                else
                {
                    exportPower += _channelPower[i];
                }
            }
            if (!Disconnect.OutputState || (_powerFail != null && _powerFail.Read()))
            {
                // The meter knows no energy can flow (relay open, supply failing): 0 W now, not
                // the slow decay of a silent pulse input; the next pulse starts a new reference.
                importPower = 0;
                exportPower = 0;
                for (int i = 0; i < _pulseCounters.Length; i++)
                {
                    _channelPower[i] = 0;
                    _refEdge[i] = -1;
                    _refAfter[i] = _lastEdge[i];
                }
            }
            _powerImportWatts = importPower;
            _powerExportWatts = exportPower;
            ActivePowerImport.Value.SetInteger(MeterMath.ToRegister(importPower, 0, 0, uint.MaxValue));
        }

        // Power from the pulse rate: the pulses between a reference edge and the newest edge over
        // the time between them (at least PowerWindowMilliseconds apart); between pulses the
        // value decays to what one pulse since the last edge would mean, and to 0 after the
        // time-out, so a load that stops reads 0.
        private double ChannelPower(int i, long count, long edge, long mono, int c, long timeoutMs)
        {
            // _channelPower is on the primary side; the rate and its bounds are the meter's own.
            double power = _channelPower[i] / Ratio(PowerIndex);
            if (edge < 0)
            {
                return 0;
            }
            if (_refEdge[i] < 0)
            {
                if (edge <= _refAfter[i])
                {
                    // No new edge since the supply came back: no reference, no rate yet.
                    _lastEdge[i] = edge;
                    return 0;
                }
                _refEdge[i] = edge;
                _refCount[i] = count;
            }
            else if (count > _refCount[i] && edge - _refEdge[i] >= _config.PowerWindowMilliseconds && edge > _refEdge[i])
            {
                power = (count - _refCount[i]) * WattMillisecondsPerKwh / ((double)c * (edge - _refEdge[i]));
                _refEdge[i] = edge;
                _refCount[i] = count;
            }
            _lastEdge[i] = edge;
            long since = mono - edge;
            if (since >= timeoutMs)
            {
                return 0;
            }
            if (since > 0)
            {
                double bound = WattMillisecondsPerKwh / ((double)c * since);
                if (power > bound)
                {
                    power = bound;
                }
            }
            return power;
        }

        private void SampleAnalog(long mono, long utc)
        {
            for (int i = 0; i < _analog.Length; i++)
            {
                AnalogChannel channel = _analog[i];
                if (channel == null)
                {
                    continue;
                }
                double value = channel.Input.ReadRaw() * channel.Gain + channel.Offset;
                _periodSum[i] += value;
                _periodCount[i]++;
                int window = channel.AveragingMilliseconds;
                if (!_windowOpen[i])
                {
                    _windowStart[i] = mono;
                    _windowOpen[i] = true;
                }
                _windowSum[i] += value;
                _windowCount[i]++;
                if (window <= 0 || mono - _windowStart[i] >= window)
                {
                    // The sample at or after the window's end closes it (and is part of it); the
                    // next window starts where this one ended, or now when the ticks lag behind.
                    double mean = _windowSum[i] / _windowCount[i];
                    _windowSum[i] = 0;
                    _windowCount[i] = 0;
                    _windowStart[i] += window;
                    if (mono - _windowStart[i] >= window)
                    {
                        _windowStart[i] = mono;
                    }
                    _mean[i] = mean;
                    _hasMean[i] = true;
                    Register register = _analogRegisters[i];
                    if (register != null)
                    {
                        register.Value.SetInteger(MeterMath.ToRegister(mean * Ratio(i), channel.Scaler, 0, ushort.MaxValue));
                    }
                    if (i == VoltageIndex)
                    {
                        CheckVoltage(mean, utc);
                    }
                }
            }
            if (ApparentPower != null && _hasMean[VoltageIndex] && _hasMean[CurrentIndex])
            {
                UpdatePowerTriangle();
            }
        }

        // S = V x I summed over the phases (L1, and L2, L3 where both channels exist: the
        // arithmetic apparent power); PF = P / S clamped to 0..1, 1 when there is no apparent power.
        private void UpdatePowerTriangle()
        {
            double apparent = _mean[VoltageIndex] * _mean[CurrentIndex];
            for (int phase = 0; phase < 2 && _analog.Length == ThreePhaseChannels; phase++)
            {
                int v = VoltageL2Index + phase;
                int c = CurrentL2Index + phase;
                if (_hasMean[v] && _hasMean[c])
                {
                    apparent += _mean[v] * _mean[c];
                }
            }
            apparent *= Ratio(PowerIndex);
            if (apparent < 0)
            {
                apparent = 0;
            }
            ApparentPower.Value.SetInteger(MeterMath.ToRegister(apparent, 0, 0, uint.MaxValue));
            UpdateReactivePower(apparent);
            double factor = apparent > 0 ? _powerImportWatts / apparent : 1.0;
            if (factor > 1)
            {
                factor = 1;
            }
            if (factor < 0)
            {
                factor = 0;
            }
            PowerFactor.Value.SetInteger(MeterMath.ToRegister(factor, -3, 0, 1000));
        }

        // What a channel's value is multiplied by to be shown on the primary side: the VT ratio
        // for voltages, the CT ratio for currents, both for power (1 on a whole-current meter).
        // The detections (voltage quality, tamper) work on the meter's own, secondary values.
        private double Ratio(int channel)
        {
            double vt = (double)_config.VoltageTransformerPrimary / _config.VoltageTransformerSecondary;
            switch (channel)
            {
                case VoltageIndex:
                case VoltageL2Index:
                case VoltageL2Index + 1:
                    return vt;
                case PowerIndex:
                    return vt * _config.CurrentTransformerPrimary / _config.CurrentTransformerSecondary;
                default:
                    return (double)_config.CurrentTransformerPrimary / _config.CurrentTransformerSecondary;
            }
        }

        // The energy registers: the last checkpoint's energy, floor(Wh / 10^scaler).
        private void PublishEnergy()
        {
            long divisor = 1000;
            for (int s = 0; s < _config.EnergyScaler; s++)
            {
                divisor *= 10;
            }
            ActiveEnergyImport.Value.SetInteger(_importMilliWh / divisor);
            ActiveEnergyExport.Value.SetInteger(_exportMilliWh / divisor);
        }

        // The load profile's average columns: the mean of every sample since the last capture.
        private void PublishPeriodAverages()
        {
            for (int i = 0; i < _analog.Length; i++)
            {
                Register register = _averageRegisters[i];
                if (register == null)
                {
                    continue;
                }
                if (_periodCount[i] > 0)
                {
                    double mean = _periodSum[i] / _periodCount[i];
                    register.Value.SetInteger(MeterMath.ToRegister(mean * Ratio(i), _analog[i].Scaler, 0, ushort.MaxValue));
                }
                _periodSum[i] = 0;
                _periodCount[i] = 0;
            }
        }
    }
}
