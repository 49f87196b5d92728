using System;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Meter
{
    /// <content>
    /// Step 2: security setups, their invocation counter objects, and the associations. Keys and
    /// passwords are named: the host supplies them by name in the settings
    /// (<see cref="DefaultMeterModelSettings.SetSecret"/>); the definition may give a value to use
    /// when none is supplied (a published test key, an inline password), and the model then says
    /// so (<see cref="MeterModel.UsesTestKeys"/>).
    /// </content>
    public sealed partial class MeterModelBuilder
    {
        /// <summary>
        /// A Security setup (IC 64, suite 0) with <paramref name="policy"/> and the keys named
        /// <paramref name="authenticationKey"/>, <paramref name="encryptionKey"/> and
        /// <paramref name="masterKey"/>; each falls back to its <c>...Fallback</c> (null = the host
        /// must supply it). Its invocation counters are kept in the meter's store (one security
        /// setup per meter: the record layout holds one set of counters). The system title is the
        /// settings' one, else <paramref name="systemTitleFallback"/>, else the flag id followed
        /// by the serial number.
        /// </summary>
        /// <exception cref="ArgumentException">A key is missing or not 16 bytes, the system title is not 8 bytes, or a second security setup.</exception>
        public SecuritySetup SecuritySetup(ObisCode logicalName, byte policy,
            string authenticationKey, byte[] authenticationKeyFallback,
            string encryptionKey, byte[] encryptionKeyFallback,
            string masterKey, byte[] masterKeyFallback,
            byte[] systemTitleFallback)
        {
            Expect(StepObjects);
            if (_model.SecurityCounters != null)
            {
                throw new ArgumentException();
            }
            InvocationCounterStore counters = new InvocationCounterStore(MeterPersistence.SecurityCountersRecord, InvocationCounterStore.DefaultReservationBlock);
            SecurityProfile profile = new SecurityProfile(counters);
            profile.SecurityPolicy = policy;
            profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, Key(encryptionKey, encryptionKeyFallback), 0);
            profile.SetKey(SecurityProfile.AuthenticationKeyId, Key(authenticationKey, authenticationKeyFallback), 0);
            profile.SetKey(SecurityProfile.MasterKey, Key(masterKey, masterKeyFallback), 0);
            byte[] title = _settings.SystemTitle != null ? _settings.SystemTitle
                : (systemTitleFallback != null ? systemTitleFallback : _settings.DefaultSystemTitle(_flagId));
            if (title.Length != SecurityProfile.SystemTitleSize)
            {
                throw new ArgumentException();
            }
            profile.SetServerSystemTitle(title, 0);
            SecuritySetup setup = new SecuritySetup(logicalName, profile);
            _model.SecurityCounters = counters;
            _model.SecuritySetup = setup;
            return setup;
        }

        /// <summary>A Data object (IC 1) showing the last invocation counter accepted from the client of <paramref name="setup"/>.</summary>
        public InvocationCounterData InvocationCounter(ObisCode logicalName, SecuritySetup setup)
        {
            Expect(StepObjects);
            if (setup == null)
            {
                throw new ArgumentNullException();
            }
            return new InvocationCounterData(logicalName, setup.Profile.Counters);
        }

        /// <summary>
        /// An Association LN object (IC 15) of <paramref name="device"/> for
        /// <paramref name="clientSap"/> with authentication <paramref name="mechanism"/>
        /// (<see cref="MechanismName"/>), the application context (<see cref="AssociationLogicalName.ContextLogicalName"/>
        /// or with ciphering), the conformance block offered and, for a ciphered context, its
        /// security setup. <paramref name="secret"/> names the LLS password or HLS secret
        /// (<paramref name="secretFallback"/> when the host supplies none; both null = no
        /// secret); the object_list has room for <paramref name="objects"/> entries.
        /// </summary>
        /// <exception cref="ArgumentException">The secret is longer than <paramref name="maxSecretLength"/>, an LLS association has no password, or a ciphered one no security setup.</exception>
        public AssociationLogicalName Association(LogicalDevice device, ObisCode logicalName, int clientSap, byte mechanism,
            string secret, string secretFallback, int maxSecretLength, byte context, int conformance, SecuritySetup securitySetup, int objects)
        {
            Expect(StepObjects);
            if (device == null)
            {
                throw new ArgumentNullException();
            }
            AssociationLogicalName association = new AssociationLogicalName(logicalName, new ObjectList(objects),
                clientSap, device.Address, mechanism, maxSecretLength);
            byte[] value = secret == null ? null : _settings.GetSecret(secret);
            if (value != null)
            {
                if (!association.SetSecret(value, 0, value.Length))
                {
                    throw new ArgumentException();
                }
            }
            else if (secretFallback != null)
            {
                if (!association.SetSecret(secretFallback))
                {
                    throw new ArgumentException();
                }
            }
            else if (mechanism == MechanismName.Lls)
            {
                throw new ArgumentException();
            }
            association.ApplicationContext = context;
            association.Conformance = conformance;
            association.MaxReceivePduSize = _settings.MaxApduSize;
            if (context == AssociationLogicalName.ContextLogicalNameWithCiphering)
            {
                if (securitySetup == null)
                {
                    throw new ArgumentException();
                }
                association.SecuritySetup = securitySetup;
            }
            if (mechanism >= MechanismName.Hls)
            {
                association.HlsAuthentication = new HlsAuthentication();
            }
            return association;
        }

        private byte[] Key(string name, byte[] fallback)
        {
            byte[] key = name == null ? null : _settings.GetSecret(name);
            if (key == null)
            {
                key = fallback;
                _model.UsesTestKeys = true;
            }
            if (key == null || key.Length != SecurityProfile.KeySize)
            {
                throw new ArgumentException();
            }
            return key;
        }
    }
}
