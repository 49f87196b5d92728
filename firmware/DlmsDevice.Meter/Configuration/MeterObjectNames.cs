using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The logical names (OBIS codes) the engine gives its objects, one per
    /// <see cref="EngineQuantity"/>; the defaults are those of <see cref="MeterObis"/>. A meter
    /// definition sets them (configuration time).
    /// </summary>
    public sealed class MeterObjectNames
    {
        /// <summary>Number of <see cref="EngineQuantity"/> values.</summary>
        public const int Count = 51;

        private readonly ObisCode[] _names;

        /// <summary>The default names (<see cref="MeterObis"/>).</summary>
        public MeterObjectNames()
        {
            _names = new ObisCode[Count];
            _names[(int)EngineQuantity.Clock] = MeterObis.Clock;
            _names[(int)EngineQuantity.ActiveEnergyImport] = MeterObis.ActiveEnergyImport;
            _names[(int)EngineQuantity.ActiveEnergyExport] = MeterObis.ActiveEnergyExport;
            _names[(int)EngineQuantity.ActivePowerImport] = MeterObis.ActivePowerImport;
            _names[(int)EngineQuantity.Voltage] = MeterObis.VoltageL1;
            _names[(int)EngineQuantity.Current] = MeterObis.CurrentL1;
            _names[(int)EngineQuantity.ApparentPower] = MeterObis.ApparentPowerImport;
            _names[(int)EngineQuantity.PowerFactor] = MeterObis.PowerFactor;
            _names[(int)EngineQuantity.AverageVoltage] = MeterObis.AverageVoltageL1;
            _names[(int)EngineQuantity.AverageCurrent] = MeterObis.AverageCurrentL1;
            _names[(int)EngineQuantity.DemandImport] = MeterObis.ActiveDemandImport;
            _names[(int)EngineQuantity.MaximumDemandImport] = MeterObis.MaximumDemandImport;
            _names[(int)EngineQuantity.EventCode] = MeterObis.EventCode;
            _names[(int)EngineQuantity.DisconnectControl] = MeterObis.DisconnectControl;
            _names[(int)EngineQuantity.LoadProfile] = MeterObis.LoadProfile;
            _names[(int)EngineQuantity.DailyProfile] = MeterObis.DailyProfile;
            _names[(int)EngineQuantity.EventLog] = MeterObis.StandardEventLog;
            _names[(int)EngineQuantity.AlarmRegister] = MeterObis.AlarmRegister;
            _names[(int)EngineQuantity.AlarmFilter] = MeterObis.AlarmFilter;
            _names[(int)EngineQuantity.AlarmDescriptor] = MeterObis.AlarmDescriptor;
            _names[(int)EngineQuantity.TamperCount] = MeterObis.CumulativeTamperCount;
            _names[(int)EngineQuantity.NeutralCurrent] = MeterObis.NeutralCurrent;
            _names[(int)EngineQuantity.Frequency] = MeterObis.Frequency;
            _names[(int)EngineQuantity.AverageFrequency] = MeterObis.AverageFrequency;
            // Phases 2 and 3 and the block energies are named when first asked for (DefaultName):
            // a meter's heap holds no names it never uses, and the engine creates the block
            // energy objects only when a definition named them (IsNamed).
            _names[(int)EngineQuantity.BillingProfile] = ScheduleObis.BillingProfile;
            _names[(int)EngineQuantity.BillingPeriodCounter] = ScheduleObis.BillingPeriodCounter;
            _names[(int)EngineQuantity.LastBillingTime] = ScheduleObis.LastBillingTime;
            // The IS 15959 logs by category and their event codes: 0.0.99.98.c.255, 0.0.96.11.c.255.
            for (int c = 1; c < EventCategory.Count; c++)
            {
                _names[(int)CategoryLog(c)] = new ObisCode(0, 0, 99, 98, (byte)c, 255);
                _names[(int)CategoryEventCode(c)] = new ObisCode(0, 0, 96, 11, (byte)c, 255);
            }
        }

        /// <summary>The logical name of <paramref name="quantity"/>'s object.</summary>
        public ObisCode Get(EngineQuantity quantity)
        {
            int index = Index(quantity);
            if (_names[index] == null)
            {
                _names[index] = DefaultName(quantity);
            }
            return _names[index];
        }

        /// <summary>True when <see cref="Set"/> (a meter definition's binding) or <see cref="Get"/> named <paramref name="quantity"/>'s object.</summary>
        public bool IsNamed(EngineQuantity quantity)
        {
            return _names[Index(quantity)] != null;
        }

        // Blue Book OBIS of phases 2 and 3: C = 52/72 voltage, 51/71 current; D = 7 instantaneous,
        // 27 average over the last period. The block energies: C = 1 +A, 2 -A, 3 +R (reactive
        // import); D = 8 time integral 1 (from the start), 29 time integral 5 (the last
        // completed block), Blue Book OBIS value group D.
        private static ObisCode DefaultName(EngineQuantity quantity)
        {
            if (quantity >= EngineQuantity.BlockEnergyImport)
            {
                int n = quantity - EngineQuantity.BlockEnergyImport;
                return new ObisCode(1, 0, n == 0 ? (byte)1 : n == 1 ? (byte)2 : (byte)3, n == 2 ? (byte)8 : (byte)29, 0, 255);
            }
            int k = quantity >= EngineQuantity.AverageVoltageL2 ? quantity - EngineQuantity.AverageVoltageL2 : quantity - EngineQuantity.VoltageL2;
            byte c = k == 0 ? (byte)52 : k == 1 ? (byte)72 : k == 2 ? (byte)51 : (byte)71;
            return new ObisCode(1, 0, c, quantity >= EngineQuantity.AverageVoltageL2 ? (byte)27 : (byte)7, 0, 255);
        }

        /// <summary>Names <paramref name="quantity"/>'s object <paramref name="logicalName"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="logicalName"/> is null.</exception>
        public void Set(EngineQuantity quantity, ObisCode logicalName)
        {
            if (logicalName == null)
            {
                throw new ArgumentNullException();
            }
            _names[Index(quantity)] = logicalName;
        }

        /// <summary>The quantity of the IS 15959 event log of <paramref name="category"/> (<see cref="EventCategory"/>): the voltage log is <see cref="EngineQuantity.EventLog"/>.</summary>
        public static EngineQuantity CategoryLog(int category)
        {
            return category == EventCategory.Voltage ? EngineQuantity.EventLog : (EngineQuantity)((int)EngineQuantity.CurrentEventLog + category - 1);
        }

        /// <summary>The quantity of the event code object of <paramref name="category"/>: the voltage code is <see cref="EngineQuantity.EventCode"/>.</summary>
        public static EngineQuantity CategoryEventCode(int category)
        {
            return category == EventCategory.Voltage ? EngineQuantity.EventCode : (EngineQuantity)((int)EngineQuantity.CurrentEventCode + category - 1);
        }

        private static int Index(EngineQuantity quantity)
        {
            int index = (int)quantity;
            if (index < 0 || index >= Count)
            {
                throw new ArgumentOutOfRangeException();
            }
            return index;
        }
    }
}
