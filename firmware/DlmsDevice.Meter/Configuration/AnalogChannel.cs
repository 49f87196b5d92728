using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>What an analog channel measures.</summary>
    public enum AnalogQuantity : byte
    {
        /// <summary>RMS voltage L1 (V): 1.0.32.7.0.255.</summary>
        Voltage = 0,

        /// <summary>RMS current L1 (A): 1.0.31.7.0.255.</summary>
        Current = 1,

        /// <summary>RMS neutral current (A): 1.0.91.7.0.255, and the phase/neutral mismatch detection.</summary>
        NeutralCurrent = 2,

        /// <summary>Signed active power L1 (W, negative = flowing out): only the reverse-flow detection reads it.</summary>
        ActivePower = 3,

        /// <summary>RMS voltage L2 (V): 1.0.52.7.0.255 (a three-phase meter).</summary>
        VoltageL2 = 4,

        /// <summary>RMS voltage L3 (V): 1.0.72.7.0.255.</summary>
        VoltageL3 = 5,

        /// <summary>RMS current L2 (A): 1.0.51.7.0.255.</summary>
        CurrentL2 = 6,

        /// <summary>RMS current L3 (A): 1.0.71.7.0.255.</summary>
        CurrentL3 = 7,
    }

    /// <summary>
    /// One ADC channel: the raw counts of <see cref="Input"/> become a physical value
    /// <c>raw * Gain + Offset</c>, averaged over <see cref="AveragingMilliseconds"/>, and the
    /// register shows it as an integer with <see cref="Scaler"/> and <see cref="Unit"/>
    /// (value = round(physical / 10^scaler)).
    /// </summary>
    public sealed class AnalogChannel
    {
        /// <summary>A channel on <paramref name="input"/> measuring <paramref name="quantity"/>.</summary>
        /// <param name="input">The converter; only <see cref="IAnalogInput.ReadRaw"/> is used.</param>
        /// <param name="quantity">Voltage or current.</param>
        /// <param name="gain">Physical units per count.</param>
        /// <param name="offset">Physical value at 0 counts.</param>
        /// <param name="unit">Unit of the register (V, A).</param>
        /// <param name="scaler">Scaler of the register (-1: 0.1 V steps, -2: 0.01 A steps).</param>
        /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
        public AnalogChannel(IAnalogInput input, AnalogQuantity quantity, double gain, double offset, Unit unit, sbyte scaler)
        {
            if (input == null)
            {
                throw new ArgumentNullException();
            }
            Input = input;
            Quantity = quantity;
            Gain = gain;
            Offset = offset;
            Unit = unit;
            Scaler = scaler;
            AveragingMilliseconds = 1000;
        }

        /// <summary>The converter.</summary>
        public IAnalogInput Input { get; private set; }

        /// <summary>Voltage or current.</summary>
        public AnalogQuantity Quantity { get; private set; }

        /// <summary>Physical units per count.</summary>
        public double Gain { get; private set; }

        /// <summary>Physical value at 0 counts.</summary>
        public double Offset { get; private set; }

        /// <summary>Unit of the register.</summary>
        public Unit Unit { get; private set; }

        /// <summary>Scaler of the register.</summary>
        public sbyte Scaler { get; private set; }

        /// <summary>
        /// The averaging window of the instantaneous register (default 1000 ms): samples taken
        /// within one window are averaged and the mean is published when the window ends;
        /// 0 publishes every sample.
        /// </summary>
        public int AveragingMilliseconds { get; set; }
    }
}
