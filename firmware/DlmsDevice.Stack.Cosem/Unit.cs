namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Physical unit codes of scaler_unit (Blue Book 4.3.2, "unit" enum). Only the codes a meter
    /// commonly needs are named; any other byte value may be cast to this type.
    /// </summary>
    public enum Unit : byte
    {
        /// <summary>a, year (1).</summary>
        Year = 1,
        /// <summary>mo, month (2).</summary>
        Month = 2,
        /// <summary>wk, week (3).</summary>
        Week = 3,
        /// <summary>d, day (4).</summary>
        Day = 4,
        /// <summary>h, hour (5).</summary>
        Hour = 5,
        /// <summary>min, minute (6).</summary>
        Minute = 6,
        /// <summary>s, second (7).</summary>
        Second = 7,
        /// <summary>°, phase angle degree (8).</summary>
        Degree = 8,
        /// <summary>°C, temperature (9).</summary>
        DegreeCelsius = 9,
        /// <summary>local currency (10).</summary>
        Currency = 10,
        /// <summary>m, length (11).</summary>
        Metre = 11,
        /// <summary>m/s, speed (12).</summary>
        MetrePerSecond = 12,
        /// <summary>m³, volume (13).</summary>
        CubicMetre = 13,
        /// <summary>l, litre (19).</summary>
        Litre = 19,
        /// <summary>kg, mass (20).</summary>
        Kilogram = 20,
        /// <summary>W, active power (27).</summary>
        Watt = 27,
        /// <summary>VA, apparent power (28).</summary>
        VoltAmpere = 28,
        /// <summary>var, reactive power (29).</summary>
        Var = 29,
        /// <summary>Wh, active energy (30).</summary>
        WattHour = 30,
        /// <summary>VAh, apparent energy (31).</summary>
        VoltAmpereHour = 31,
        /// <summary>varh, reactive energy (32).</summary>
        VarHour = 32,
        /// <summary>A, current (33).</summary>
        Ampere = 33,
        /// <summary>C, electrical charge (34).</summary>
        Coulomb = 34,
        /// <summary>V, voltage (35).</summary>
        Volt = 35,
        /// <summary>Hz, frequency (44).</summary>
        Hertz = 44,
        /// <summary>%, percentage (56).</summary>
        Percent = 56,
        /// <summary>Ah, ampere-hour (57).</summary>
        AmpereHour = 57,
        /// <summary>other unit (254).</summary>
        Other = 254,
        /// <summary>no unit, unitless, count (255).</summary>
        Count = 255,
    }
}
