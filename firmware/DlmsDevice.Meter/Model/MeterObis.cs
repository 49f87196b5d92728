using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Logical names (OBIS codes, IEC 62056-6-1) of the objects the engine and the default model
    /// create.
    /// </summary>
    public static class MeterObis
    {
        /// <summary>Clock 0.0.1.0.0.255.</summary>
        public static readonly ObisCode Clock = new ObisCode(0, 0, 1, 0, 0, 255);

        /// <summary>Active energy import (+A) total 1.0.1.8.0.255.</summary>
        public static readonly ObisCode ActiveEnergyImport = new ObisCode(1, 0, 1, 8, 0, 255);

        /// <summary>Active energy export (-A) total 1.0.2.8.0.255.</summary>
        public static readonly ObisCode ActiveEnergyExport = new ObisCode(1, 0, 2, 8, 0, 255);

        /// <summary>Active power import (+P) instantaneous 1.0.1.7.0.255.</summary>
        public static readonly ObisCode ActivePowerImport = new ObisCode(1, 0, 1, 7, 0, 255);

        /// <summary>Voltage L1 instantaneous 1.0.32.7.0.255.</summary>
        public static readonly ObisCode VoltageL1 = new ObisCode(1, 0, 32, 7, 0, 255);

        /// <summary>Current L1 instantaneous 1.0.31.7.0.255.</summary>
        public static readonly ObisCode CurrentL1 = new ObisCode(1, 0, 31, 7, 0, 255);

        /// <summary>Apparent power import (+S) instantaneous 1.0.9.7.0.255.</summary>
        public static readonly ObisCode ApparentPowerImport = new ObisCode(1, 0, 9, 7, 0, 255);

        /// <summary>Power factor instantaneous 1.0.13.7.0.255.</summary>
        public static readonly ObisCode PowerFactor = new ObisCode(1, 0, 13, 7, 0, 255);

        /// <summary>Voltage L1, average over the last load profile period (D = 27, "current average 5") 1.0.32.27.0.255.</summary>
        public static readonly ObisCode AverageVoltageL1 = new ObisCode(1, 0, 32, 27, 0, 255);

        /// <summary>Current L1, average over the last load profile period 1.0.31.27.0.255.</summary>
        public static readonly ObisCode AverageCurrentL1 = new ObisCode(1, 0, 31, 27, 0, 255);

        /// <summary>Active power import, block demand (D = 4, current/last average) 1.0.1.4.0.255.</summary>
        public static readonly ObisCode ActiveDemandImport = new ObisCode(1, 0, 1, 4, 0, 255);

        /// <summary>Active power import, maximum demand (D = 6) 1.0.1.6.0.255.</summary>
        public static readonly ObisCode MaximumDemandImport = new ObisCode(1, 0, 1, 6, 0, 255);

        /// <summary>Load profile 1.0.99.1.0.255.</summary>
        public static readonly ObisCode LoadProfile = new ObisCode(1, 0, 99, 1, 0, 255);

        /// <summary>Daily profile 1.0.99.2.0.255.</summary>
        public static readonly ObisCode DailyProfile = new ObisCode(1, 0, 99, 2, 0, 255);

        /// <summary>Standard event log 0.0.99.98.0.255.</summary>
        public static readonly ObisCode StandardEventLog = new ObisCode(0, 0, 99, 98, 0, 255);

        /// <summary>Event code (standard event log) 0.0.96.11.0.255.</summary>
        public static readonly ObisCode EventCode = new ObisCode(0, 0, 96, 11, 0, 255);

        /// <summary>Alarm register 1 0.0.97.98.0.255.</summary>
        public static readonly ObisCode AlarmRegister = new ObisCode(0, 0, 97, 98, 0, 255);

        /// <summary>Alarm filter 1 0.0.97.98.10.255.</summary>
        public static readonly ObisCode AlarmFilter = new ObisCode(0, 0, 97, 98, 10, 255);

        /// <summary>Alarm descriptor 1 0.0.97.98.20.255.</summary>
        public static readonly ObisCode AlarmDescriptor = new ObisCode(0, 0, 97, 98, 20, 255);

        /// <summary>Cumulative tamper count 0.0.94.91.0.255 (IS 15959).</summary>
        public static readonly ObisCode CumulativeTamperCount = new ObisCode(0, 0, 94, 91, 0, 255);

        /// <summary>Neutral current instantaneous 1.0.91.7.0.255.</summary>
        public static readonly ObisCode NeutralCurrent = new ObisCode(1, 0, 91, 7, 0, 255);

        /// <summary>Supply frequency instantaneous 1.0.14.7.0.255.</summary>
        public static readonly ObisCode Frequency = new ObisCode(1, 0, 14, 7, 0, 255);

        /// <summary>Supply frequency, average over the last load profile period (the ABT block) 1.0.14.27.0.255.</summary>
        public static readonly ObisCode AverageFrequency = new ObisCode(1, 0, 14, 27, 0, 255);

        /// <summary>Disconnect control 0.0.96.3.10.255.</summary>
        public static readonly ObisCode DisconnectControl = new ObisCode(0, 0, 96, 3, 10, 255);

        /// <summary>Serial number (device ID 1) 0.0.96.1.0.255.</summary>
        public static readonly ObisCode SerialNumber = new ObisCode(0, 0, 96, 1, 0, 255);

        /// <summary>Active firmware identifier 1.0.0.2.0.255.</summary>
        public static readonly ObisCode FirmwareVersion = new ObisCode(1, 0, 0, 2, 0, 255);

        /// <summary>Association LN of the public client 0.0.40.0.1.255.</summary>
        public static readonly ObisCode PublicAssociation = new ObisCode(0, 0, 40, 0, 1, 255);

        /// <summary>Association LN of the meter reader 0.0.40.0.2.255.</summary>
        public static readonly ObisCode MeterReaderAssociation = new ObisCode(0, 0, 40, 0, 2, 255);

        /// <summary>SAP assignment 0.0.41.0.0.255.</summary>
        public static readonly ObisCode SapAssignment = new ObisCode(0, 0, 41, 0, 0, 255);

        /// <summary>IEC HDLC setup 0.0.22.0.0.255.</summary>
        public static readonly ObisCode IecHdlcSetup = new ObisCode(0, 0, 22, 0, 0, 255);

        /// <summary>TCP-UDP setup 0.0.25.0.0.255.</summary>
        public static readonly ObisCode TcpUdpSetup = new ObisCode(0, 0, 25, 0, 0, 255);

        /// <summary>Association LN of the management client (SAP 48).</summary>
        public static readonly ObisCode ManagementAssociation = new ObisCode(0, 0, 40, 0, 3, 255);

        /// <summary>Security setup of the management association.</summary>
        public static readonly ObisCode SecuritySetup = new ObisCode(0, 0, 43, 0, 3, 255);

        /// <summary>The last invocation counter accepted from the management client (the frame counter of its security setup).</summary>
        public static readonly ObisCode InvocationCounter = new ObisCode(0, 0, 43, 1, 3, 255);

        /// <summary>The same counter where dlms-cosem's examples look for it.</summary>
        public static readonly ObisCode InvocationCounterAlias = new ObisCode(0, 0, 43, 1, 0, 255);
    }
}
