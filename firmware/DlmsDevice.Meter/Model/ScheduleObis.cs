using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Logical names (OBIS codes, IEC 62056-6-1 / the Blue Book's list of abstract and
    /// electricity objects) of the objects that make the meter act on its own: billing, tariffs,
    /// scripts, schedules, monitors and the limiter (docs/billing-and-tariffs.md lists them with their
    /// sources). Kept apart from <see cref="MeterObis"/> so the two lists can grow independently.
    /// </summary>
    public static class ScheduleObis
    {
        /// <summary>Billing period counter (1), electricity, 1.0.0.1.0.255.</summary>
        public static readonly ObisCode BillingPeriodCounter = new ObisCode(1, 0, 0, 1, 0, 255);

        /// <summary>Time stamp of the most recent billing period closed, 1.0.0.1.2.255.</summary>
        public static readonly ObisCode LastBillingTime = new ObisCode(1, 0, 0, 1, 2, 255);

        /// <summary>Billing profile (data of billing period, scheme 1), 1.0.98.1.0.255.</summary>
        public static readonly ObisCode BillingProfile = new ObisCode(1, 0, 98, 1, 0, 255);

        /// <summary>Script table "MDI reset / end of billing period", 0.0.10.0.1.255.</summary>
        public static readonly ObisCode EndOfBillingScriptTable = new ObisCode(0, 0, 10, 0, 1, 255);

        /// <summary>Tariffication script table, 0.0.10.0.100.255.</summary>
        public static readonly ObisCode TariffScriptTable = new ObisCode(0, 0, 10, 0, 100, 255);

        /// <summary>Disconnect control script table, 0.0.10.0.106.255.</summary>
        public static readonly ObisCode DisconnectScriptTable = new ObisCode(0, 0, 10, 0, 106, 255);

        /// <summary>Push script table, 0.0.10.0.108.255.</summary>
        public static readonly ObisCode PushScriptTable = new ObisCode(0, 0, 10, 0, 108, 255);

        /// <summary>
        /// Event script table, 0.0.10.0.128.255: this meter's scripts that log an event (value
        /// group E 128 is manufacturer specific in IEC 62056-6-1).
        /// </summary>
        public static readonly ObisCode EventScriptTable = new ObisCode(0, 0, 10, 0, 128, 255);

        /// <summary>Special days table, 0.0.11.0.0.255.</summary>
        public static readonly ObisCode SpecialDaysTable = new ObisCode(0, 0, 11, 0, 0, 255);

        /// <summary>Activity calendar, 0.0.13.0.0.255.</summary>
        public static readonly ObisCode ActivityCalendar = new ObisCode(0, 0, 13, 0, 0, 255);

        /// <summary>Register activation, 0.0.14.0.0.255.</summary>
        public static readonly ObisCode RegisterActivation = new ObisCode(0, 0, 14, 0, 0, 255);

        /// <summary>Single action schedule "end of billing period", 0.0.15.0.0.255.</summary>
        public static readonly ObisCode EndOfBillingSchedule = new ObisCode(0, 0, 15, 0, 0, 255);

        /// <summary>Single action schedule of the push (IDIS, IS 15959: push action scheduler), 0.0.15.0.4.255.</summary>
        public static readonly ObisCode PushSchedule = new ObisCode(0, 0, 15, 0, 4, 255);

        /// <summary>Register monitor of current L1, 0.0.16.0.0.255.</summary>
        public static readonly ObisCode CurrentMonitor = new ObisCode(0, 0, 16, 0, 0, 255);

        /// <summary>Register monitor of active power import, 0.0.16.0.1.255.</summary>
        public static readonly ObisCode PowerMonitor = new ObisCode(0, 0, 16, 0, 1, 255);

        /// <summary>Register monitor of voltage L1 (swell), 0.0.16.0.2.255.</summary>
        public static readonly ObisCode VoltageMonitor = new ObisCode(0, 0, 16, 0, 2, 255);

        /// <summary>Limiter, 0.0.17.0.0.255.</summary>
        public static readonly ObisCode Limiter = new ObisCode(0, 0, 17, 0, 0, 255);

        /// <summary>Push setup the push script calls (IS 15959 instant push; the push setup object is another part of the meter), 0.0.25.9.0.255.</summary>
        public static readonly ObisCode PushSetup = new ObisCode(0, 0, 25, 9, 0, 255);
    }
}
