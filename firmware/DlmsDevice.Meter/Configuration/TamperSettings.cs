using System;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Thresholds and persistence times of the theft detections that the engine derives from the
    /// measurements (docs/tamper.md): reverse current flow, phase/neutral current mismatch and
    /// current flowing with the voltage missing. A condition becomes an occurrence once it has
    /// held for its occurrence time, and a restoration once it has been absent for
    /// <see cref="RestorationSeconds"/>, so a short disturbance logs nothing. The magnet and cover
    /// inputs act at once (the platform debounces them). Configuration time only.
    /// </summary>
    /// <remarks>
    /// The defaults are this project's choices for a single-phase whole-current meter of basic
    /// current 5 A at 230 V (class 1 starting current 0.4 % of Ib = 20 mA, about 5 W): each
    /// threshold sits well above what a healthy installation's noise reaches, and one minute of
    /// persistence rides out switching transients. IS 15959 leaves thresholds and persistence
    /// times to the utility's specification; set them from it.
    /// </remarks>
    public sealed class TamperSettings
    {
        /// <summary>The defaults below.</summary>
        public TamperSettings()
        {
            ReverseFlowIsTamper = true;
            ReverseFlowWatts = 20;
            ReverseFlowSeconds = 60;
            CurrentMismatchPercent = 10;
            CurrentMismatchMinimumAmperes = 0.25;
            CurrentMismatchSeconds = 60;
            CurrentWithoutVoltageAmperes = 0.25;
            CurrentWithoutVoltageVolts = 46;
            CurrentWithoutVoltageSeconds = 60;
            RestorationSeconds = 60;
        }

        /// <summary>
        /// An import-only installation (default true): energy flowing out of it is theft (a
        /// reversed meter or CT), not generation. False on a net-metering installation, where
        /// export is normal and no reverse-flow event is logged.
        /// </summary>
        public bool ReverseFlowIsTamper { get; set; }

        /// <summary>
        /// Reverse flow when the export pulse rate, or the negative signed active power
        /// (<see cref="MeterConfiguration.ActivePower"/>), is at least this many W (default 20 W).
        /// </summary>
        public double ReverseFlowWatts { get; set; }

        /// <summary>How long reverse flow must last to be an occurrence, seconds (default 60).</summary>
        public int ReverseFlowSeconds { get; set; }

        /// <summary>
        /// Phase/neutral mismatch when |I phase - I neutral| exceeds this percentage of the larger
        /// of the two (default 10 %): current returning through earth (earth loading) or a
        /// neutral bypass.
        /// </summary>
        public double CurrentMismatchPercent { get; set; }

        /// <summary>Below this current (A) in both conductors the mismatch is not judged: a percentage of noise is meaningless (default 0.25 A, 5 % of Ib).</summary>
        public double CurrentMismatchMinimumAmperes { get; set; }

        /// <summary>How long the mismatch must last to be an occurrence, seconds (default 60).</summary>
        public int CurrentMismatchSeconds { get; set; }

        /// <summary>Current without voltage when the phase current is at least this (A, default 0.25 A) ...</summary>
        public double CurrentWithoutVoltageAmperes { get; set; }

        /// <summary>... while the voltage is below this (V, default 46 V: 20 % of 230 V, the missing-voltage threshold).</summary>
        public double CurrentWithoutVoltageVolts { get; set; }

        /// <summary>How long current without voltage must last to be an occurrence, seconds (default 60).</summary>
        public int CurrentWithoutVoltageSeconds { get; set; }

        /// <summary>How long a detected condition must be absent before its restoration is logged, seconds (default 60).</summary>
        public int RestorationSeconds { get; set; }

        /// <summary>Throws when a setting is out of range (called by the engine).</summary>
        public void Validate()
        {
            if (!(ReverseFlowWatts > 0) || !(CurrentMismatchPercent > 0) || !(CurrentMismatchPercent < 100)
                || !(CurrentMismatchMinimumAmperes > 0) || !(CurrentWithoutVoltageAmperes > 0) || !(CurrentWithoutVoltageVolts > 0))
            {
                throw new ArgumentOutOfRangeException();
            }
            if (ReverseFlowSeconds < 0 || CurrentMismatchSeconds < 0 || CurrentWithoutVoltageSeconds < 0 || RestorationSeconds < 0)
            {
                throw new ArgumentOutOfRangeException();
            }
        }
    }
}
