namespace DlmsDevice.Meter
{
    /// <summary>
    /// The seven event categories of IS 15959 and their logs: category c is kept in profile
    /// 0.0.99.98.c.255 with the event code object 0.0.96.11.c.255 (the object numbers of
    /// Gurux's published Indian example, which IS 15959 compatible head-ends read).
    /// </summary>
    public static class EventCategory
    {
        /// <summary>Voltage related: 0.0.99.98.0.255.</summary>
        public const int Voltage = 0;

        /// <summary>Current related: 0.0.99.98.1.255.</summary>
        public const int Current = 1;

        /// <summary>Power failure: 0.0.99.98.2.255.</summary>
        public const int PowerFailure = 2;

        /// <summary>Transaction (settings changed): 0.0.99.98.3.255.</summary>
        public const int Transaction = 3;

        /// <summary>Other (tamper): 0.0.99.98.4.255.</summary>
        public const int Other = 4;

        /// <summary>Non-rollover: 0.0.99.98.5.255; once full it takes no more rows.</summary>
        public const int NonRollover = 5;

        /// <summary>Control (load switch): 0.0.99.98.6.255.</summary>
        public const int Control = 6;

        /// <summary>Number of categories.</summary>
        public const int Count = 7;

        /// <summary>True for the categories whose rows capture current, voltage, power factor and +A with the code.</summary>
        public static bool CapturesValues(int category)
        {
            return category == Voltage || category == Current || category == Other;
        }
    }
}
