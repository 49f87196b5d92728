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
        public const int Count = 17;

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
        }

        /// <summary>The logical name of <paramref name="quantity"/>'s object.</summary>
        public ObisCode Get(EngineQuantity quantity)
        {
            return _names[Index(quantity)];
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
