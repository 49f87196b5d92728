using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>Step 2: logical devices, value objects and the link setup objects.</content>
    public sealed partial class MeterModelBuilder
    {
        /// <summary>
        /// A logical device at <paramref name="address"/>: its name is <paramref name="namePrefix"/>,
        /// followed by the serial number when <paramref name="appendSerialNumber"/> (the default
        /// meter: "DLD" + serial). The directory has room for <paramref name="capacity"/> objects.
        /// </summary>
        public LogicalDevice LogicalDevice(int address, string namePrefix, bool appendSerialNumber, int capacity)
        {
            Expect(StepObjects);
            string name = appendSerialNumber ? namePrefix + _settings.SerialNumber : namePrefix;
            LogicalDevice device = new LogicalDevice(address, name, capacity);
            if (_model.Device == null)
            {
                _model.LogicalDeviceName = name;
            }
            _model.AddLogicalDevice(device);
            return device;
        }

        /// <summary>A Data object (IC 1) holding <paramref name="value"/>.</summary>
        public Data Data(ObisCode logicalName, CosemValue value)
        {
            Expect(StepObjects);
            return new Data(logicalName, value);
        }

        /// <summary>A Data object (IC 1) showing the serial number of the settings as a visible-string.</summary>
        public Data SerialNumber(ObisCode logicalName)
        {
            Expect(StepObjects);
            return new Data(logicalName, VisibleString(_settings.SerialNumber));
        }

        /// <summary>A Data object (IC 1) showing the firmware version of the settings as a visible-string.</summary>
        public Data FirmwareVersion(ObisCode logicalName)
        {
            Expect(StepObjects);
            return new Data(logicalName, VisibleString(_settings.FirmwareVersion));
        }

        /// <summary>A Register (IC 3) holding <paramref name="value"/> with its scaler and unit.</summary>
        public Register Register(ObisCode logicalName, CosemValue value, sbyte scaler, Unit unit)
        {
            Expect(StepObjects);
            return new Register(logicalName, value, scaler, unit);
        }

        /// <summary>The current association (0.0.40.0.0.255): whichever association asks.</summary>
        public CurrentAssociation CurrentAssociation()
        {
            Expect(StepObjects);
            return new CurrentAssociation();
        }

        /// <summary>SAP assignment (IC 17) listing every logical device created so far.</summary>
        public SapAssignment SapAssignment(ObisCode logicalName)
        {
            Expect(StepObjects);
            SapAssignment assignment = new SapAssignment(logicalName, _model.LogicalDeviceCount);
            for (int i = 0; i < _model.LogicalDeviceCount; i++)
            {
                assignment.Add(_model.GetLogicalDevice(i));
            }
            return assignment;
        }

        /// <summary>
        /// IEC HDLC setup (IC 23): the window sizes and information field lengths given here; the
        /// speed, device address and inactivity time-out of the settings. The HDLC links use what
        /// it shows.
        /// </summary>
        public IecHdlcSetup IecHdlcSetup(ObisCode logicalName, int windowTransmit, int windowReceive, int maxInfoTransmit, int maxInfoReceive)
        {
            Expect(StepObjects);
            if (windowTransmit < 1 || windowTransmit > 7 || windowReceive < 1 || windowReceive > 7
                || maxInfoTransmit < 32 || maxInfoTransmit > 2030 || maxInfoReceive < 32 || maxInfoReceive > 2030)
            {
                throw new ArgumentOutOfRangeException();
            }
            IecHdlcSetup setup = new IecHdlcSetup(logicalName);
            setup.CommSpeed = CommSpeed(_settings.BaudRate);
            setup.WindowSizeTransmit = (byte)windowTransmit;
            setup.WindowSizeReceive = (byte)windowReceive;
            setup.MaxInfoFieldLengthTransmit = (ushort)maxInfoTransmit;
            setup.MaxInfoFieldLengthReceive = (ushort)maxInfoReceive;
            setup.InactivityTimeOut = Clamp(_settings.HdlcInactivityTimeoutSeconds, ushort.MaxValue);
            setup.DeviceAddress = (ushort)_settings.HdlcPhysicalAddress;
            _model.IecHdlcSetup = setup;
            return setup;
        }

        /// <summary>TCP-UDP setup (IC 41): the port, connections and inactivity time-out of the settings; the wrapper uses what it shows.</summary>
        public TcpUdpSetup TcpUdpSetup(ObisCode logicalName)
        {
            Expect(StepObjects);
            TcpUdpSetup setup = new TcpUdpSetup(logicalName);
            setup.Port = (ushort)_settings.WrapperPort;
            setup.MaxSimultaneousConnections = (byte)Clamp(_settings.MaxConnections, byte.MaxValue);
            // A wrapper connection without a frame for this long is closed (the device runtime does it).
            setup.InactivityTimeOut = Clamp(_settings.WrapperInactivityTimeoutSeconds, ushort.MaxValue);
            _model.TcpUdpSetup = setup;
            return setup;
        }

        /// <summary>A value of an integer type (boolean, integer, long, ..., enum) holding <paramref name="value"/>.</summary>
        /// <exception cref="ArgumentException">The value does not fit the type.</exception>
        public static CosemValue Integer(DataType type, long value)
        {
            CosemValue holder = new CosemValue(type);
            if (!holder.SetInteger(value))
            {
                throw new ArgumentException();
            }
            return holder;
        }

        /// <summary>A float32 or float64 value.</summary>
        public static CosemValue Float(DataType type, double value)
        {
            CosemValue holder = new CosemValue(type);
            if (!holder.SetFloat(value))
            {
                throw new ArgumentException();
            }
            return holder;
        }

        /// <summary>A boolean value.</summary>
        public static CosemValue Boolean(bool value)
        {
            CosemValue holder = new CosemValue(DataType.Boolean);
            holder.SetBoolean(value);
            return holder;
        }

        /// <summary>An octet-string of at most <paramref name="maxLength"/> bytes holding <paramref name="bytes"/>.</summary>
        public static CosemValue Octets(byte[] bytes, int maxLength)
        {
            CosemValue holder = new CosemValue(DataType.OctetString, maxLength);
            if (bytes == null || !holder.SetBytes(bytes, 0, bytes.Length))
            {
                throw new ArgumentException();
            }
            return holder;
        }

        /// <summary>A visible-string (or utf8-string given as Latin-1 text) of at most <paramref name="maxLength"/> characters.</summary>
        public static CosemValue Text(DataType type, string text, int maxLength)
        {
            CosemValue holder = new CosemValue(type, maxLength);
            if (text == null || !holder.SetString(text))
            {
                throw new ArgumentException();
            }
            return holder;
        }

        private static CosemValue VisibleString(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException();
            }
            return Text(DataType.VisibleString, text, text.Length > 0 ? text.Length : 1);
        }

        private static ushort Clamp(int value, int max)
        {
            return (ushort)(value > max ? max : (value < 0 ? 0 : value));
        }

        // IC 23 comm_speed enum: 0 = 300 baud ... 9 = 115200 baud; unknown speeds show 9600 (5).
        private static byte CommSpeed(int baud)
        {
            int[] speeds = { 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 };
            for (int i = 0; i < speeds.Length; i++)
            {
                if (speeds[i] == baud)
                {
                    return (byte)i;
                }
            }
            return 5;
        }
    }
}
