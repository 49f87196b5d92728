using System;
using DlmsDevice.Stack;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// PLACEHOLDER: the default meter model arrives with the COSEM classes and the server
    /// (branches cosem and services). Until then the emulator's endpoints run, but a connection
    /// cannot be served.
    /// </summary>
    public sealed class DefaultMeter : IMeterModel
    {
        /// <summary>Creates the meter.</summary>
        public DefaultMeter(DefaultMeterSettings settings)
        {
            Settings = settings;
        }

        /// <summary>The settings the meter was built with.</summary>
        public DefaultMeterSettings Settings { get; }

        /// <summary>Logical device name.</summary>
        public string LogicalDeviceName => "DLD" + Settings.SerialNumber;

        /// <summary>Serial number.</summary>
        public string SerialNumber => Settings.SerialNumber;

        /// <inheritdoc />
        public object SyncRoot { get; } = new object();

        /// <inheritdoc />
        public IApduHandler CreateSession()
        {
            throw new NotSupportedException("The default meter model is not built yet.");
        }
    }

    /// <summary>What the default meter is built from.</summary>
    public sealed class DefaultMeterSettings
    {
        /// <summary>Meter serial number.</summary>
        public string SerialNumber { get; set; } = "0000000000001";

        /// <summary>Takes the meter settings from the command-line options.</summary>
        public static DefaultMeterSettings From(EmulatorOptions options)
        {
            return new DefaultMeterSettings { SerialNumber = options.SerialNumber };
        }
    }
}
