using System;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Emulator.Simulation
{
    /// <summary>
    /// Keeps the simulated measurement values current: each value is computed from
    /// <see cref="LoadCurve"/> at the moment a client reads it (<see cref="IValueSource.Refresh"/>),
    /// so nothing runs between requests and two reads at the same simulation time agree.
    /// </summary>
    /// <remarks>
    /// Energy = start value + ∫P dt since the last reset; a reset (Register method 1) or a SET of
    /// the energy value restarts the accumulator from the new content, so the register never
    /// jumps except when a client asks for it. Values are written in the register's own units:
    /// energy in Wh (scaler 0), power in W (scaler 0), voltage in 0.1 V (scaler -1), current in
    /// 0.01 A (scaler -2).
    /// </remarks>
    public sealed class MeterSimulation : IValueSource
    {
        private readonly SimulationTime _time;
        private readonly object _sync = new object();
        private CosemValue? _energy;
        private CosemValue? _power;
        private CosemValue? _voltage;
        private CosemValue? _current;
        private double _energyBaseWh;
        private double _energyOriginSeconds;

        /// <summary>Creates the simulation; the energy register starts at <paramref name="initialEnergyWh"/>.</summary>
        public MeterSimulation(SimulationTime time, double initialEnergyWh)
        {
            _time = time ?? throw new ArgumentNullException(nameof(time));
            _energyBaseWh = initialEnergyWh;
            _energyOriginSeconds = time.ElapsedSeconds;
        }

        /// <summary>The time base.</summary>
        public SimulationTime Time
        {
            get { return _time; }
        }

        /// <summary>Binds the four simulated values (the registers' value attributes) to this source.</summary>
        public void Attach(CosemValue energy, CosemValue power, CosemValue voltage, CosemValue current)
        {
            _energy = energy;
            _power = power;
            _voltage = voltage;
            _current = current;
            energy.Source = this;
            power.Source = this;
            voltage.Source = this;
            current.Source = this;
        }

        /// <summary>Active energy import now (Wh, unrounded).</summary>
        public double EnergyWattHours
        {
            get
            {
                lock (_sync)
                {
                    return EnergyAt(_time.ElapsedSeconds);
                }
            }
        }

        /// <inheritdoc />
        public void Refresh(CosemValue value)
        {
            double t = _time.ElapsedSeconds;
            if (ReferenceEquals(value, _energy))
            {
                double wh;
                lock (_sync)
                {
                    wh = EnergyAt(t);
                }
                value.SetInteger((long)Math.Floor(wh));
            }
            else if (ReferenceEquals(value, _power))
            {
                value.SetInteger((long)Math.Round(LoadCurve.PowerWatts(t)));
            }
            else if (ReferenceEquals(value, _voltage))
            {
                value.SetInteger((long)Math.Round(LoadCurve.VoltageVolts(t) * 10));
            }
            else if (ReferenceEquals(value, _current))
            {
                value.SetInteger((long)Math.Round(LoadCurve.CurrentAmperes(t) * 100));
            }
        }

        /// <inheritdoc />
        public void Written(CosemValue value)
        {
            if (ReferenceEquals(value, _energy))
            {
                // A reset or a SET: accumulate from the new content on.
                lock (_sync)
                {
                    _energyBaseWh = value.Integer;
                    _energyOriginSeconds = _time.ElapsedSeconds;
                }
            }
        }

        private double EnergyAt(double seconds)
        {
            return _energyBaseWh + LoadCurve.EnergyWattHours(seconds) - LoadCurve.EnergyWattHours(_energyOriginSeconds);
        }
    }
}
