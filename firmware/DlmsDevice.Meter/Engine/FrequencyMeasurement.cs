using DlmsDevice.Hal;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The grid frequency 1.0.14.7.0.255 from the zero crossings of the voltage waveform
    /// (<see cref="ZeroCrossingFrequencyMeter"/>) or from the period between the edges of a
    /// frequency input, and its average over each load profile period 1.0.14.27.0.255 (the
    /// 15-minute ABT block: total cycles / total time measured in it). Integers only. Built by
    /// the engine only when <see cref="MeterConfiguration.Frequency"/> is set, so a meter without
    /// it carries none of this.
    /// </summary>
    /// <remarks>Allocates nothing after construction; the engine's tick drives it.</remarks>
    public sealed class FrequencyMeasurement
    {
        // Samples drained from the waveform input per read (the input keeps the rest).
        private const int WaveformChunk = 256;
        // A stream of lost-sample reports never makes the tick loop for ever.
        private const int MaxWaveformReads = 64;

        private readonly ZeroCrossingFrequencyMeter _zeroCrossings;
        private readonly IWaveformInput _waveform;
        private readonly int[] _samples;
        private readonly IEdgeTimer _edges;
        private readonly int _cycles;
        private readonly long _minCycleNanos;
        private readonly long _maxCycleNanos;
        private readonly long _timeoutMs;
        private int _measurementsSeen;
        private bool _edgeReference;
        private long _edgeReferenceCount;
        private long _edgeReferenceMicros;
        private long _edgeLastCount;
        private long _lastMeasurementMono;
        private long _now;
        private long _milliHertz;
        private long _blockCycles;
        private long _blockNanoseconds;

        /// <summary>Builds the registers and the measurement for <paramref name="channel"/>.</summary>
        public FrequencyMeasurement(FrequencyChannel channel, MeterObjectNames names)
        {
            channel.Validate();
            Frequency = new Register(names.Get(EngineQuantity.Frequency), new CosemValue(DataType.LongUnsigned), -2, Unit.Hertz);
            AverageFrequency = new Register(names.Get(EngineQuantity.AverageFrequency), new CosemValue(DataType.LongUnsigned), -2, Unit.Hertz);
            _cycles = channel.AveragingCycles;
            // A cycle of nominal / 1.2 .. nominal / 0.8 (the zero-crossing meter's own check).
            _minCycleNanos = 5000000000L / (6L * channel.NominalHertz);
            _maxCycleNanos = 5000000000L / (4L * channel.NominalHertz);
            // No measurement for two measurement times and a second: no wave, 0 Hz.
            _timeoutMs = 2000L * channel.AveragingCycles / channel.NominalHertz + 1000;
            if (channel.Waveform != null)
            {
                _waveform = channel.Waveform;
                _samples = new int[WaveformChunk];
                _zeroCrossings = new ZeroCrossingFrequencyMeter(_waveform.SampleRateHz, channel.NominalHertz, channel.AveragingCycles, channel.HysteresisCounts);
            }
            else
            {
                _edges = channel.Edges;
            }
        }

        /// <summary>Supply frequency 1.0.14.7.0.255: long-unsigned, scaler -2, Hz; 0 while no wave is seen.</summary>
        public Register Frequency { get; private set; }

        /// <summary>Average supply frequency over the last load profile period 1.0.14.27.0.255: long-unsigned, scaler -2, Hz.</summary>
        public Register AverageFrequency { get; private set; }

        /// <summary>The last measured frequency, mHz (0 when none is valid).</summary>
        public long MilliHertz
        {
            get { return _milliHertz; }
        }

        /// <summary>Start-up: a new run; the no-wave timeout counts from <paramref name="mono"/>.</summary>
        public void Start(long mono)
        {
            _lastMeasurementMono = mono;
            _edgeReference = false;
            if (_zeroCrossings != null)
            {
                _zeroCrossings.Restart();
            }
        }

        /// <summary>One tick: drains the waveform (or reads the frequency input) and publishes a finished measurement.</summary>
        public void Sample(long mono)
        {
            _now = mono;
            if (_waveform != null)
            {
                DrainWaveform();
            }
            else
            {
                ReadEdges();
            }
            if (mono - _lastMeasurementMono > _timeoutMs && _milliHertz != 0)
            {
                _milliHertz = 0;
                Frequency.Value.SetInteger(0);
            }
        }

        /// <summary>At the load profile boundary: the block's average (0 when no wave was seen in it), and a new block.</summary>
        public void PublishAverage()
        {
            long milliHertz = ZeroCrossingFrequencyMeter.MilliHertz(_blockCycles, _blockNanoseconds);
            AverageFrequency.Value.SetInteger((milliHertz + 5) / 10);
            _blockCycles = 0;
            _blockNanoseconds = 0;
        }

        private void DrainWaveform()
        {
            for (int reads = 0; reads < MaxWaveformReads; reads++)
            {
                int n = _waveform.Read(_samples, 0, WaveformChunk);
                if (n < 0)
                {
                    _zeroCrossings.Restart();
                    continue;
                }
                if (n == 0)
                {
                    break;
                }
                _zeroCrossings.Process(_samples, 0, n);
                if (n < WaveformChunk)
                {
                    break;
                }
            }
            if (_zeroCrossings.Measurements != _measurementsSeen)
            {
                _measurementsSeen = _zeroCrossings.Measurements;
                Publish(_zeroCrossings.LastMilliHertz, _zeroCrossings.TotalCycles, _zeroCrossings.TotalNanoseconds);
                _zeroCrossings.ClearTotals();
            }
        }

        // The frequency input: the edges counted since the reference over the time between the
        // reference edge and the newest one, once at least AveragingCycles cycles have passed.
        private void ReadEdges()
        {
            long micros;
            long count = _edges.Read(out micros);
            if (count < _edgeLastCount || micros < 0)
            {
                // Restarted (or no edge yet): a new reference at the next edge.
                _edgeReference = false;
            }
            _edgeLastCount = count;
            if (micros < 0)
            {
                return;
            }
            if (!_edgeReference)
            {
                _edgeReference = true;
                _edgeReferenceCount = count;
                _edgeReferenceMicros = micros;
                return;
            }
            long cycles = count - _edgeReferenceCount;
            if (cycles < _cycles || micros <= _edgeReferenceMicros)
            {
                return;
            }
            long nanoseconds = (micros - _edgeReferenceMicros) * 1000;
            _edgeReferenceCount = count;
            _edgeReferenceMicros = micros;
            long perCycle = nanoseconds / cycles;
            if (perCycle < _minCycleNanos || perCycle > _maxCycleNanos)
            {
                // Not mains cycles (a bouncing input, edges lost): measure again from here.
                return;
            }
            Publish(ZeroCrossingFrequencyMeter.MilliHertz(cycles, nanoseconds), cycles, nanoseconds);
        }

        private void Publish(long milliHertz, long cycles, long nanoseconds)
        {
            _milliHertz = milliHertz;
            Frequency.Value.SetInteger((milliHertz + 5) / 10);
            _blockCycles += cycles;
            _blockNanoseconds += nanoseconds;
            _lastMeasurementMono = _now;
        }
    }
}
