using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The alarm register 0.0.97.98.0.255, alarm filter 0.0.97.98.10.255 and alarm descriptor
    /// 0.0.97.98.20.255 (Data, IC 1, double-long-unsigned bit fields, as IDIS meters expose
    /// them), and the hook an alert push is triggered from (<see cref="Sink"/>).
    /// </summary>
    /// <remarks>
    /// <para>When the meter raises an alarm (a tamper occurrence, a power-up, a memory error):
    /// the descriptor latches every raised bit; the bits the filter lets through are set in the
    /// register and reported to the <see cref="Sink"/>. A bit stays set until a client clears it
    /// by writing a value with that bit set (write 1 to clear): reading the register and writing
    /// the value back acknowledges exactly what was read, as IDIS head-ends reset alarm bits; the
    /// descriptor is reset the same way with a bit mask. Writing the filter replaces it (default:
    /// every bit). The three are saved with the tamper state (<see cref="MeterEngine"/>), in the
    /// same locked step that changes them.</para>
    /// <para>Allocates nothing after construction.</para>
    /// </remarks>
    public sealed class MeterAlarms
    {
        private readonly MeterEngine _engine;
        private readonly Values _values;
        private uint _register;
        private uint _filter = uint.MaxValue;
        private uint _descriptor;

        internal MeterAlarms(MeterEngine engine, MeterObjectNames names)
        {
            _engine = engine;
            _values = new Values(this);
            Register = new Data(names.Get(EngineQuantity.AlarmRegister), Value());
            Filter = new Data(names.Get(EngineQuantity.AlarmFilter), Value());
            Descriptor = new Data(names.Get(EngineQuantity.AlarmDescriptor), Value());
            Filter.Value.SetInteger(_filter);
        }

        /// <summary>Alarm register 0.0.97.98.0.255: the filtered alarms not yet cleared by a client.</summary>
        public Data Register { get; private set; }

        /// <summary>Alarm filter 0.0.97.98.10.255: bit set = the alarm is registered and reported.</summary>
        public Data Filter { get; private set; }

        /// <summary>Alarm descriptor 0.0.97.98.20.255: every alarm raised since a client last reset its bit.</summary>
        public Data Descriptor { get; private set; }

        /// <summary>Told about every filtered alarm (an alert push); null = nobody.</summary>
        public IAlarmSink Sink { get; set; }

        /// <summary>The alarm register's bits.</summary>
        public uint RegisterBits
        {
            get { return _register; }
        }

        /// <summary>The alarm filter's bits.</summary>
        public uint FilterBits
        {
            get { return _filter; }
        }

        /// <summary>The alarm descriptor's bits.</summary>
        public uint DescriptorBits
        {
            get { return _descriptor; }
        }

        // Raises 'bits': latched in the descriptor, the filtered ones set in the register.
        // Returns the filtered bits (to report once the event is visible).
        internal uint Apply(uint bits)
        {
            uint filtered = bits & _filter;
            _descriptor |= bits;
            _register |= filtered;
            Descriptor.Value.SetInteger(_descriptor);
            Register.Value.SetInteger(_register);
            return filtered;
        }

        internal void Report(uint filtered)
        {
            IAlarmSink sink = Sink;
            if (filtered != 0 && sink != null)
            {
                sink.OnAlarm(filtered, _register);
            }
        }

        // Start-up: the saved bits.
        internal void Restore(uint register, uint filter, uint descriptor)
        {
            _register = register;
            _filter = filter;
            _descriptor = descriptor;
            Register.Value.SetInteger(_register);
            Filter.Value.SetInteger(_filter);
            Descriptor.Value.SetInteger(_descriptor);
        }

        private CosemValue Value()
        {
            CosemValue value = new CosemValue(DataType.DoubleLongUnsigned);
            value.Source = _values;
            return value;
        }

        // A client wrote one of the three (the value already holds what it wrote).
        private void OnWritten(CosemValue value)
        {
            uint written = (uint)value.Integer;
            if (value == Register.Value)
            {
                _register &= ~written;
                value.SetInteger(_register);
            }
            else if (value == Descriptor.Value)
            {
                _descriptor &= ~written;
                value.SetInteger(_descriptor);
            }
            else
            {
                _filter = written;
            }
            _engine.OnAlarmsWritten();
        }

        // The values' application link, nested so its interface is not part of the public surface.
        private sealed class Values : IValueSource
        {
            private readonly MeterAlarms _alarms;

            internal Values(MeterAlarms alarms)
            {
                _alarms = alarms;
            }

            public void Refresh(CosemValue value)
            {
            }

            public void Written(CosemValue value)
            {
                _alarms.OnWritten(value);
            }
        }
    }
}
