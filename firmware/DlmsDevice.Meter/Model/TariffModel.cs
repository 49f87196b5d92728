using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// Tariffs: the energy and maximum demand registers per tariff (the engine's), the register
    /// activation that says which count (masks "T1".."Tn"), the tariffication script table
    /// (script t selects mask "Tt"), the activity calendar that runs those scripts, and the
    /// special days table. The default calendar is a two-rate day: T1 (peak) 18:00-22:00 on
    /// weekdays, T2 (off-peak) the rest of the time, at weekends and on the special days
    /// (1 January and 25 December, every year). docs/billing-and-tariffs.md.
    /// </content>
    public sealed partial class DefaultMeterModel
    {
        // Bytes of A-XDR each calendar set holds: the default takes about 150; room to program more.
        private const int CalendarSetCapacity = 192;

        /// <summary>Register activation 0.0.14.0.0.255 (masks T1..Tn); null without tariffs.</summary>
        public RegisterActivation RegisterActivation { get; private set; }

        /// <summary>Tariffication script table 0.0.10.0.100.255 (script t activates mask "Tt"); null without tariffs.</summary>
        public ScriptTable TariffScripts { get; private set; }

        /// <summary>Activity calendar 0.0.13.0.0.255; null without tariffs.</summary>
        public ActivityCalendar ActivityCalendar { get; private set; }

        /// <summary>Special days table 0.0.11.0.0.255; null without tariffs.</summary>
        public SpecialDaysTable SpecialDays { get; private set; }

        private void AddTariffs(MeterAutomation automation, ScriptRunner runner, AccessRule read, AccessRule configurable)
        {
            MeterEngine e = Engine;
            int n = e.TariffCount;
            RegisterActivation = new RegisterActivation(ScheduleObis.RegisterActivation);
            TariffScripts = new ScriptTable(ScheduleObis.TariffScriptTable, 96, runner);
            for (int t = 0; t < n; t++)
            {
                RegisterActivation.AddRegister(CosemClassId.Register, e.GetTariffEnergyImport(t).LogicalName);
            }
            for (int t = 0; t < n; t++)
            {
                RegisterActivation.AddRegister(CosemClassId.ExtendedRegister, e.GetTariffMaximumDemand(t).LogicalName);
            }
            for (int t = 1; t <= n; t++)
            {
                string mask = "T" + (char)('0' + t);
                RegisterActivation.AddMask(mask, new byte[] { (byte)t, (byte)(n + t) });
                TariffScripts.AddAction(t, ScriptRunner.WriteAttribute, CosemClassId.RegisterActivation, ScheduleObis.RegisterActivation,
                    RegisterActivation.Attributes.ActiveMask, new byte[] { (byte)DataType.OctetString, 2, (byte)'T', (byte)('0' + t) });
            }
            RegisterActivation.SetActiveMask("T1");
            e.TariffActivation = RegisterActivation;

            SpecialDays = new SpecialDaysTable(ScheduleObis.SpecialDaysTable, 16);
            int offPeak = n >= 2 ? 2 : 1;
            SpecialDays.Insert(1, new byte[] { 0xFF, 0xFF, 1, 1, 0xFF }, 2);
            SpecialDays.Insert(2, new byte[] { 0xFF, 0xFF, 12, 25, 0xFF }, 2);

            ActivityCalendar = new ActivityCalendar(ScheduleObis.ActivityCalendar, CalendarSetCapacity, runner);
            DefaultCalendar(ActivityCalendar, offPeak);
            automation.Calendar = ActivityCalendar;
            automation.SpecialDays = SpecialDays;
            automation.Persist(RegisterActivation);
            automation.Persist(TariffScripts);
            automation.Persist(ActivityCalendar);
            automation.Persist(SpecialDays);

            AccessRule demandReset = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Method(CompactExtendedRegister.Methods.Reset, MethodAccess.Access);
            AccessRule securedDemandReset = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Method(CompactExtendedRegister.Methods.Reset, MethodAccess.Access | MethodAccess.AuthenticatedEncryptedRequest);
            // The active calendar changes only by activation: a client writes the passive one.
            AccessRule calendar = new AccessRule(AttributeAccess.Read, MethodAccess.Access | MethodAccess.AuthenticatedEncryptedRequest);
            for (int a = ActivityCalendar.Attributes.CalendarNamePassive; a <= ActivityCalendar.Attributes.ActivatePassiveCalendarTime; a++)
            {
                calendar.Attribute(a, AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedEncryptedRequest);
            }
            //  object                        public (16)   meter reader (32)  management (48)
            for (int t = 0; t < n; t++)
            {
                Row(e.GetTariffEnergyImport(t), read,       read,              read);
            }
            for (int t = 0; t < n; t++)
            {
                Row(e.GetTariffMaximumDemand(t), read,      demandReset,       securedDemandReset);
            }
            Row(RegisterActivation,           read,         read,              configurable);
            Row(TariffScripts,                read,         read,              configurable);
            Row(ActivityCalendar,             read,         read,              calendar);
            Row(SpecialDays,                  read,         read,              configurable);
        }

        // The default active calendar "TOU2": one season from 1 January (every year), week
        // profile W1 (Monday to Friday day 1, Saturday and Sunday day 2), day 1: off-peak from
        // 00:00, peak (T1) from 18:00, off-peak from 22:00; day 2: off-peak all day. The passive
        // calendar is empty until a client writes one.
        private static void DefaultCalendar(ActivityCalendar calendar, int offPeak)
        {
            byte[] buffer = new byte[CalendarSetCapacity];
            AxdrWriter w = new AxdrWriter();

            w.Reset(buffer, 0, buffer.Length);
            Name(w, "TOU2");
            calendar.Configure(ActivityCalendar.Attributes.CalendarNameActive, Copy(buffer, w.Length));

            w.Reset(buffer, 0, buffer.Length);
            w.WriteArray(1);
            w.WriteStructure(3);
            Name(w, "S1");
            CosemDateTime start = new CosemDateTime();
            start.Set(CosemDateTime.YearNotSpecified, 1, 1, CosemDateTime.NotSpecified, 0, 0, 0, 0,
                CosemDateTime.DeviationNotSpecified, CosemDateTime.NotSpecified);
            w.WriteDateTime(start);
            Name(w, "W1");
            calendar.Configure(ActivityCalendar.Attributes.SeasonProfileActive, Copy(buffer, w.Length));

            w.Reset(buffer, 0, buffer.Length);
            w.WriteArray(1);
            w.WriteStructure(8);
            Name(w, "W1");
            for (int day = 1; day <= 7; day++)
            {
                w.WriteUnsigned(day <= 5 ? (byte)1 : (byte)2);
            }
            calendar.Configure(ActivityCalendar.Attributes.WeekProfileTableActive, Copy(buffer, w.Length));

            w.Reset(buffer, 0, buffer.Length);
            w.WriteArray(2);
            w.WriteStructure(2);
            w.WriteUnsigned(1);
            w.WriteArray(3);
            Switch(w, 0, offPeak);
            Switch(w, 18, 1);
            Switch(w, 22, offPeak);
            w.WriteStructure(2);
            w.WriteUnsigned(2);
            w.WriteArray(1);
            Switch(w, 0, offPeak);
            calendar.Configure(ActivityCalendar.Attributes.DayProfileTableActive, Copy(buffer, w.Length));
        }

        // A day_profile_action: at hour:00 run script 'tariff' of the tariffication script table.
        private static void Switch(AxdrWriter w, byte hour, int tariff)
        {
            w.WriteStructure(3);
            w.WriteOctetString(new byte[] { hour, 0, 0, 0 }, 0, 4);
            w.WriteObis(ScheduleObis.TariffScriptTable);
            w.WriteLongUnsigned((ushort)tariff);
        }

        // A calendar, season or week name: an octet-string of ASCII characters.
        private static void Name(AxdrWriter w, string name)
        {
            byte[] bytes = new byte[name.Length];
            for (int i = 0; i < name.Length; i++)
            {
                bytes[i] = (byte)name[i];
            }
            w.WriteOctetString(bytes, 0, bytes.Length);
        }

        private static byte[] Copy(byte[] buffer, int length)
        {
            byte[] value = new byte[length];
            System.Array.Copy(buffer, value, length);
            return value;
        }
    }
}
