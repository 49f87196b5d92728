using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The scaler_unit of a Register (IC 3 attr 3), Extended register (IC 4 attr 3) or Demand
    /// register (IC 5 attr 4): <c>structure { integer scaler, enum unit }</c>; the physical value is
    /// value × 10^scaler (Blue Book 4.3.2).
    /// </summary>
    public readonly record struct ScalerUnit(sbyte Scaler, byte Unit)
    {
        /// <summary>Decodes <c>02 02 0F scaler 16 unit</c>.</summary>
        /// <exception cref="DlmsProtocolException">The value is not a scaler_unit structure.</exception>
        public static ScalerUnit FromValue(DlmsValue value)
        {
            if (value.Type != DataType.Structure || value.Items.Count != 2
                || value.Items[0].Type != DataType.Integer || value.Items[1].Type != DataType.Enum)
            {
                throw new DlmsProtocolException("Not a scaler_unit {integer, enum}: " + value);
            }
            return new ScalerUnit((sbyte)value.Items[0].Value!, (byte)value.Items[1].Value!);
        }

        /// <summary>The unit symbol (see <see cref="Units.Symbol"/>).</summary>
        public string UnitSymbol => Units.Symbol(Unit);

        /// <summary>Applies the scaler to a numeric value: exact decimal arithmetic for integers (floats outside the decimal range throw OverflowException).</summary>
        public decimal Apply(DlmsValue value)
        {
            if (value.Value is float or double)
            {
                return (decimal)(value.ToDouble() * Math.Pow(10, Scaler));
            }
            decimal d = value.ToDecimal();
            for (int i = 0; i < Math.Abs((int)Scaler); i++)
            {
                d = Scaler > 0 ? d * 10m : d / 10m;
            }
            return d;
        }

        /// <summary>"235.6 V": the scaled value and the unit symbol.</summary>
        public string Format(DlmsValue value)
        {
            string number = value.Value is float or double
                ? (value.ToDouble() * Math.Pow(10, Scaler)).ToString("G15", CultureInfo.InvariantCulture)
                : Apply(value).ToString(CultureInfo.InvariantCulture);
            string unit = UnitSymbol;
            return unit.Length == 0 ? number : number + " " + unit;
        }

        /// <summary>"10^-1 V".</summary>
        public override string ToString()
        {
            string s = "10^" + Scaler.ToString(CultureInfo.InvariantCulture);
            return UnitSymbol.Length == 0 ? s : s + " " + UnitSymbol;
        }
    }
}
