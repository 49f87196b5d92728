using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The ABT block values of the load profile (IS 15959 block load profile, the 15-minute
    /// availability-based-tariff block): active energy import and export of the last completed
    /// block 1.0.1.29.0.255, 1.0.2.29.0.255, and the reactive energy 1.0.3.8.0.255 with its
    /// block value 1.0.3.29.0.255. Built by the engine only when a meter definition names one of
    /// them, so a meter without them (the default meter) carries none of this; each register
    /// exists only when named.
    /// </summary>
    /// <remarks>
    /// <para>Block energy = the energy register at the block's end minus the energy register at
    /// its start (both floor(mWh / 10^(3 + scaler))), so a head-end's difference of consecutive
    /// +A columns and the block column agree exactly and the blocks sum to the total.</para>
    /// <para>Reactive energy: the magnitude Q = sqrt(S^2 - P^2) of the engine's apparent power S
    /// (V x I) and active power P (the pulse rate, import or export), integrated tick by tick.
    /// The meter does not measure the phase angle's sign, so Q is booked as import (lagging,
    /// +R, Q1+Q4 not split): a simplification docs/metering.md states. Integers only; allocates
    /// nothing after construction.</para>
    /// </remarks>
    public sealed class BlockEnergies
    {
        // var x ms per mvarh: 3600 (one mvarh is 3.6 var s).
        private const long VarMillisecondsPerMilliVarh = 3600;
        // S is clamped so S^2 fits a long (3e9 VA: 3 GVA, far above any meter).
        private const long MaxVoltAmperes = 3000000000L;

        private readonly long _divisor;
        private long _reactiveVars;
        private long _lastMono;
        private long _remainder;
        private long _reactiveMilliVarh;
        private long _publishedReactiveMilliVarh;
        private long _startImport;
        private long _startExport;
        private long _startReactive;
        private long _lastImport;
        private long _lastExport;
        private long _lastReactive;
        private bool _saved;

        /// <summary>Builds the registers <paramref name="names"/> names; reactive ones only when <paramref name="reactive"/> (both analog channels: there is an S).</summary>
        public BlockEnergies(MeterObjectNames names, int energyScaler, bool reactive)
        {
            _divisor = 1000;
            for (int s = 0; s < energyScaler; s++)
            {
                _divisor *= 10;
            }
            sbyte scaler = (sbyte)energyScaler;
            BlockImport = Create(names, EngineQuantity.BlockEnergyImport, scaler, Unit.WattHour);
            BlockExport = Create(names, EngineQuantity.BlockEnergyExport, scaler, Unit.WattHour);
            if (reactive)
            {
                Reactive = Create(names, EngineQuantity.ReactiveEnergy, scaler, Unit.VarHour);
                BlockReactive = Create(names, EngineQuantity.BlockReactiveEnergy, scaler, Unit.VarHour);
            }
        }

        /// <summary>Active energy import of the last completed block 1.0.1.29.0.255 (null unless named).</summary>
        public Register BlockImport { get; private set; }

        /// <summary>Active energy export of the last completed block 1.0.2.29.0.255 (null unless named).</summary>
        public Register BlockExport { get; private set; }

        /// <summary>Reactive energy 1.0.3.8.0.255, the last checkpoint (null unless named and both channels exist).</summary>
        public Register Reactive { get; private set; }

        /// <summary>Reactive energy of the last completed block 1.0.3.29.0.255 (null unless named and both channels exist).</summary>
        public Register BlockReactive { get; private set; }

        /// <summary>Reactive energy counted so far (live, may be ahead of the register), mvarh.</summary>
        public long ReactiveMilliVarh
        {
            get { return _reactiveMilliVarh; }
        }

        /// <summary>The reactive power the last tick measured, var.</summary>
        public long ReactiveVars
        {
            get { return _reactiveVars; }
        }

        /// <summary>True while counted reactive energy is not yet saved.</summary>
        public bool Dirty
        {
            get { return _reactiveMilliVarh != _publishedReactiveMilliVarh; }
        }

        /// <summary>Reactive energy counted since the last checkpoint, mvarh.</summary>
        public long Unsaved
        {
            get { return _reactiveMilliVarh - _publishedReactiveMilliVarh; }
        }

        private static Register Create(MeterObjectNames names, EngineQuantity quantity, sbyte scaler, Unit unit)
        {
            return names.IsNamed(quantity) ? new Register(names.Get(quantity), new CosemValue(DataType.DoubleLongUnsigned), scaler, unit) : null;
        }

        /// <summary>Q = floor(sqrt(S^2 - P^2)) from the apparent power and the active power (primary side), 0 when P is not below S.</summary>
        public void SetPower(double apparentVa, double activeWatts)
        {
            long s = MeterMath.Round(apparentVa);
            long p = MeterMath.Round(activeWatts);
            s = s < 0 ? 0 : (s > MaxVoltAmperes ? MaxVoltAmperes : s);
            p = p < 0 ? -p : p;
            _reactiveVars = p >= s ? 0 : MeterMath.SquareRoot(s * s - p * p);
        }

        /// <summary>Books the reactive power of the last tick over the time to <paramref name="mono"/> (the remainder carried).</summary>
        public void Integrate(long mono)
        {
            long elapsed = mono - _lastMono;
            _lastMono = mono;
            if (elapsed <= 0 || _reactiveVars == 0)
            {
                return;
            }
            _remainder += _reactiveVars * elapsed;
            _reactiveMilliVarh += _remainder / VarMillisecondsPerMilliVarh;
            _remainder %= VarMillisecondsPerMilliVarh;
        }

        /// <summary>
        /// A load profile boundary, before the checkpoint and the capture: the block just closed
        /// is the registers' difference from the block start; the next block starts at the
        /// live energies (the checkpoint about to be written shows exactly these).
        /// </summary>
        public void CloseBlock(long importMilliWh, long exportMilliWh)
        {
            _lastImport = importMilliWh / _divisor - _startImport / _divisor;
            _lastExport = exportMilliWh / _divisor - _startExport / _divisor;
            _lastReactive = _reactiveMilliVarh / _divisor - _startReactive / _divisor;
            _startImport = importMilliWh;
            _startExport = exportMilliWh;
            _startReactive = _reactiveMilliVarh;
            PublishBlocks();
        }

        /// <summary>
        /// Writes the checkpoint's format-3 fields (<see cref="MeterCheckpoint"/>, from byte 184):
        /// reactive energy mvarh; import, export (mWh) and reactive (mvarh) energy at the block
        /// start; the last block's import, export, reactive (register units); i64 each.
        /// </summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            LittleEndian.WriteInt64(buffer, offset, _reactiveMilliVarh);
            LittleEndian.WriteInt64(buffer, offset + 8, _startImport);
            LittleEndian.WriteInt64(buffer, offset + 16, _startExport);
            LittleEndian.WriteInt64(buffer, offset + 24, _startReactive);
            LittleEndian.WriteInt64(buffer, offset + 32, _lastImport);
            LittleEndian.WriteInt64(buffer, offset + 40, _lastExport);
            LittleEndian.WriteInt64(buffer, offset + 48, _lastReactive);
        }

        /// <summary>Start-up: reads what <see cref="WriteTo"/> wrote (the checkpoint checked the reactive energy is not negative).</summary>
        public void ReadFrom(byte[] buffer, int offset)
        {
            _reactiveMilliVarh = LittleEndian.ReadInt64(buffer, offset);
            _startImport = LittleEndian.ReadInt64(buffer, offset + 8);
            _startExport = LittleEndian.ReadInt64(buffer, offset + 16);
            _startReactive = LittleEndian.ReadInt64(buffer, offset + 24);
            _lastImport = LittleEndian.ReadInt64(buffer, offset + 32);
            _lastExport = LittleEndian.ReadInt64(buffer, offset + 40);
            _lastReactive = LittleEndian.ReadInt64(buffer, offset + 48);
            _saved = true;
        }

        /// <summary>Start-up: no saved block energies (no checkpoint, or one of format 1 or 2).</summary>
        public void ClearSaved()
        {
            _reactiveMilliVarh = 0;
            _saved = false;
        }

        /// <summary>The checkpoint is saved: the reactive energy register shows it.</summary>
        public void Published()
        {
            _publishedReactiveMilliVarh = _reactiveMilliVarh;
            if (Reactive != null)
            {
                Reactive.Value.SetInteger(_reactiveMilliVarh / _divisor);
            }
        }

        /// <summary>
        /// Start-up, after the checkpoint was read: the reactive energy and the running block as
        /// saved; without them (no checkpoint, or one of format 1 or 2) the block starts at the
        /// energies restored (<paramref name="importMilliWh"/>, <paramref name="exportMilliWh"/>).
        /// </summary>
        public void Restore(long importMilliWh, long exportMilliWh, long mono)
        {
            _remainder = 0;
            _reactiveVars = 0;
            _lastMono = mono;
            if (!_saved)
            {
                _startImport = importMilliWh;
                _startExport = exportMilliWh;
                _startReactive = _reactiveMilliVarh;
                _lastImport = 0;
                _lastExport = 0;
                _lastReactive = 0;
            }
            Published();
            PublishBlocks();
        }

        private void PublishBlocks()
        {
            if (BlockImport != null)
            {
                BlockImport.Value.SetInteger(_lastImport);
            }
            if (BlockExport != null)
            {
                BlockExport.Value.SetInteger(_lastExport);
            }
            if (BlockReactive != null)
            {
                BlockReactive.Value.SetInteger(_lastReactive);
            }
        }
    }
}
