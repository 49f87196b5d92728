using System;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Meter
{
    /// <content>
    /// Client 48, the utility / management association: HLS-GMAC (mechanism 5), LN context with
    /// ciphering, security policy 3 (every APDU authenticated and encrypted), suite 0; its
    /// Security setup 0.0.43.0.3.255 and invocation counter 0.0.43.1.3.255 (with the alias
    /// 0.0.43.1.0.255, where dlms-cosem looks). Keys and system title come from the settings;
    /// the counters live in the meter's own store. docs/security.md has the table.
    /// </content>
    public sealed partial class DefaultMeterModel
    {
        /// <summary>0.0.40.0.3.255, client SAP 48.</summary>
        public AssociationLogicalName ManagementAssociation { get; private set; }

        /// <summary>0.0.43.0.3.255.</summary>
        public SecuritySetup SecuritySetup { get; private set; }

        /// <summary>0.0.43.1.3.255.</summary>
        public InvocationCounterData InvocationCounter { get; private set; }

        /// <summary>0.0.43.1.0.255 (alias of <see cref="InvocationCounter"/>).</summary>
        public InvocationCounterData InvocationCounterAlias { get; private set; }

        /// <summary>The keys, titles and counters of client 48.</summary>
        public SecurityProfile SecurityProfile
        {
            get { return SecuritySetup.Profile; }
        }

        /// <summary>Client 48's invocation counters (record <see cref="MeterPersistence.SecurityCountersRecord"/> once started).</summary>
        public InvocationCounterStore SecurityCounters { get; private set; }

        private void CreateManagementAssociation(DefaultMeterModelSettings settings, int extraObjects)
        {
            SecurityCounters = new InvocationCounterStore(MeterPersistence.SecurityCountersRecord, InvocationCounterStore.DefaultReservationBlock);
            SecurityProfile profile = new SecurityProfile(SecurityCounters);
            profile.SecurityPolicy = Stack.Security.SecurityPolicy.AllMessagesAuthenticatedAndEncrypted;
            profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, Key(settings.BlockCipherKey, DefaultMeterModelSettings.TestBlockCipherKey), 0);
            profile.SetKey(SecurityProfile.AuthenticationKeyId, Key(settings.AuthenticationKey, DefaultMeterModelSettings.TestAuthenticationKey), 0);
            profile.SetKey(SecurityProfile.MasterKey, Key(settings.MasterKey, DefaultMeterModelSettings.TestMasterKey), 0);
            byte[] title = settings.SystemTitle != null ? settings.SystemTitle : settings.DefaultSystemTitle();
            if (title.Length != SecurityProfile.SystemTitleSize)
            {
                throw new ArgumentException();
            }
            profile.SetServerSystemTitle(title, 0);
            SecuritySetup = new SecuritySetup(MeterObis.SecuritySetup, profile);

            ManagementAssociation = new AssociationLogicalName(MeterObis.ManagementAssociation, new ObjectList(40 + extraObjects),
                ManagementClientSap, Device.Address, MechanismName.HlsGmac, 64);
            ManagementAssociation.ApplicationContext = AssociationLogicalName.ContextLogicalNameWithCiphering;
            ManagementAssociation.Conformance = Conformance.ServerSupportedLn | Conformance.GeneralProtection;
            ManagementAssociation.MaxReceivePduSize = settings.MaxApduSize;
            ManagementAssociation.SecuritySetup = SecuritySetup;
            ManagementAssociation.HlsAuthentication = new HlsAuthentication();
            InvocationCounter = new InvocationCounterData(MeterObis.InvocationCounter, SecurityCounters);
            InvocationCounterAlias = new InvocationCounterData(MeterObis.InvocationCounterAlias, SecurityCounters);
        }

        private static byte[] Key(byte[] configured, byte[] testKey)
        {
            byte[] key = configured != null ? configured : testKey;
            if (key.Length != SecurityProfile.KeySize)
            {
                throw new ArgumentException();
            }
            return key;
        }
    }
}
