using System;
using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions;

namespace DlmsDevice.Emulator
{
    /// <summary>The meter definition (--meter) and how the command line's meter options apply to it.</summary>
    public sealed partial class DefaultMeterSettings
    {
        /// <summary>The meter definition to serve; null = the compiled-in default meter.</summary>
        public MeterDefinitionFile? Definition { get; set; }

        /// <summary>The meter options given on the command line: they override the definition's values.</summary>
        public ISet<string> GivenOptions { get; set; } = new HashSet<string>();

        /// <summary>
        /// The model settings of <see cref="Definition"/>: its identity, link values and secrets
        /// (environment variables and key files read), then every meter option the command line
        /// gave (--password, the keys, the system title, the HDLC address and time-out, --max-pdu,
        /// --max-connections, --wrapper-inactivity-timeout, the wrapper port).
        /// </summary>
        public DefaultMeterModelSettings ToDefinitionModelSettings()
        {
            if (Definition == null)
            {
                throw new InvalidOperationException("no meter definition");
            }
            DefaultMeterModelSettings model = Definition.CreateSettings();
            Take("--password", () => model.Password = Password);
            Take("--hdlc-physical-address", () => model.HdlcPhysicalAddress = HdlcPhysicalAddress);
            Take("--hdlc-inactivity-timeout", () => model.HdlcInactivityTimeoutSeconds = HdlcInactivityTimeoutSeconds);
            Take("--max-pdu", () => model.MaxApduSize = MaxApduSize);
            Take("--max-connections", () => model.MaxConnections = MaxConnections);
            Take("--wrapper-inactivity-timeout", () => model.WrapperInactivityTimeoutSeconds = WrapperInactivityTimeoutSeconds);
            Take("--wrapper-port", () => model.WrapperPort = WrapperPort);
            Take("--auth-key", () => model.AuthenticationKey = AuthenticationKey);
            Take("--block-key", () => model.BlockCipherKey = BlockCipherKey);
            Take("--kek", () => model.MasterKey = MasterKey);
            Take("--system-title", () => model.SystemTitle = SystemTitle);
            return model;
        }

        private void Take(string option, Action apply)
        {
            if (GivenOptions.Contains(option))
            {
                apply();
            }
        }
    }
}
