using System;

namespace DlmsDevice.Emulator.Simulation
{
    /// <summary>
    /// The simulated household load: a deterministic function of the seconds since the meter
    /// started, so tests can compute what the meter will answer.
    /// </summary>
    /// <remarks>
    /// <para>Active power P(t) = 1500 + 800·sin(2πt/600) + 300·sin(2πt/97) W: a ten-minute swell
    /// with a faster ripple, always between 400 and 2600 W.</para>
    /// <para>Voltage V(t) = 230 + 3·sin(2πt/300) V; current I(t) = P(t)/V(t) (power factor 1).</para>
    /// <para>Energy is the exact integral of P, in Wh, so it only grows, by P × elapsed time.</para>
    /// </remarks>
    public static class LoadCurve
    {
        /// <summary>Mean active power (W).</summary>
        public const double BasePower = 1500.0;

        /// <summary>Amplitude of the slow swell (W).</summary>
        public const double SwellAmplitude = 800.0;

        /// <summary>Period of the slow swell (s).</summary>
        public const double SwellPeriod = 600.0;

        /// <summary>Amplitude of the ripple (W).</summary>
        public const double RippleAmplitude = 300.0;

        /// <summary>Period of the ripple (s).</summary>
        public const double RipplePeriod = 97.0;

        /// <summary>Nominal voltage (V).</summary>
        public const double NominalVoltage = 230.0;

        /// <summary>Voltage swing (V).</summary>
        public const double VoltageAmplitude = 3.0;

        /// <summary>Period of the voltage swing (s).</summary>
        public const double VoltagePeriod = 300.0;

        /// <summary>Smallest power the curve reaches (W).</summary>
        public const double MinPower = BasePower - SwellAmplitude - RippleAmplitude;

        /// <summary>Largest power the curve reaches (W).</summary>
        public const double MaxPower = BasePower + SwellAmplitude + RippleAmplitude;

        /// <summary>Active power import at <paramref name="seconds"/> (W).</summary>
        public static double PowerWatts(double seconds)
        {
            return BasePower
                + SwellAmplitude * Math.Sin(2 * Math.PI * seconds / SwellPeriod)
                + RippleAmplitude * Math.Sin(2 * Math.PI * seconds / RipplePeriod);
        }

        /// <summary>Voltage L1 at <paramref name="seconds"/> (V).</summary>
        public static double VoltageVolts(double seconds)
        {
            return NominalVoltage + VoltageAmplitude * Math.Sin(2 * Math.PI * seconds / VoltagePeriod);
        }

        /// <summary>Current L1 at <paramref name="seconds"/> (A).</summary>
        public static double CurrentAmperes(double seconds)
        {
            return PowerWatts(seconds) / VoltageVolts(seconds);
        }

        /// <summary>Energy imported from 0 to <paramref name="seconds"/> (Wh): the integral of <see cref="PowerWatts"/>.</summary>
        public static double EnergyWattHours(double seconds)
        {
            double swellOmega = 2 * Math.PI / SwellPeriod;
            double rippleOmega = 2 * Math.PI / RipplePeriod;
            double joules = BasePower * seconds
                + SwellAmplitude / swellOmega * (1 - Math.Cos(swellOmega * seconds))
                + RippleAmplitude / rippleOmega * (1 - Math.Cos(rippleOmega * seconds));
            return joules / 3600.0;
        }
    }
}
