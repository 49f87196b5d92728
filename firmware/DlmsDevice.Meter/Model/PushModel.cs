using System;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// Adds push to a built <see cref="MeterModel"/> (the default meter or a definition's), after its own objects (so its
    /// object_lists keep their order): the push setup 0.0.25.9.0.255 (IC 40) with its
    /// push_object_list and rights and, when the push has keys of its own, its Security setup
    /// 0.0.43.0.4.255 with its own invocation counters.
    /// </summary>
    /// <remarks>
    /// <para>push_object_list: the push setup's logical_name (so the head-end knows which push it
    /// got, as DSMR and IDIS pushes begin), the serial number 0.0.96.1.0.255, the clock time,
    /// active energy import 1.0.1.8.0.255, when the meter measures it voltage
    /// 1.0.32.7.0.255, and the alarm register 0.0.97.98.0.255, each its attribute 2 (value, or
    /// time for the clock).</para>
    /// <para>Rights: the public client does not see the push setup; the meter reader (32) reads it
    /// and may call push; the management client (48) also writes it, in authenticated and
    /// encrypted requests. The push's own Security setup: the management client only, methods in
    /// authenticated and encrypted requests. docs/push.md has the table.</para>
    /// </remarks>
    public static class PushModel
    {
        // Properties, not static fields: nanoCLR builds static fields at start-up, and a meter
        // without push should not pay for them.

        /// <summary>The push setup 0.0.25.9.0.255 (Blue Book: push setup, instance 0). A new instance each call.</summary>
        public static ObisCode PushSetupName
        {
            get { return new ObisCode(0, 0, 25, 9, 0, 255); }
        }

        /// <summary>The push's own Security setup 0.0.43.0.4.255 (when it has keys of its own). A new instance each call.</summary>
        public static ObisCode PushSecuritySetupName
        {
            get { return new ObisCode(0, 0, 43, 0, 4, 255); }
        }

        /// <summary>Entries the push_object_list can hold.</summary>
        public const int ObjectListCapacity = 16;

        /// <summary>
        /// Adds the push objects to <paramref name="model"/> (configuration time, before the meter
        /// is started). With keys of its own the push's counters live in record
        /// <paramref name="counterRecord"/> of the meter's store (attach them at start-up:
        /// <see cref="InvocationCounterStore.Attach"/> on <see cref="OwnCounters"/>).
        /// </summary>
        /// <returns>The push setup.</returns>
        /// <exception cref="ArgumentException">A setting does not fit (destination, transport, a key not 16 bytes, push keys equal to the management keys).</exception>
        public static PushSetup Add(MeterModel model, PushModelSettings settings, int counterRecord)
        {
            if (model == null || settings == null)
            {
                throw new ArgumentNullException();
            }
            PushSetup push = new PushSetup(PushSetupName, model.Device, ObjectListCapacity);
            push.SetDestination(settings.Transport, settings.Destination == null ? "" : settings.Destination);
            push.DestinationWPort = settings.DestinationWPort;
            push.RandomisationStartInterval = (ushort)Clamp(settings.RandomisationStartInterval, 0xFFFF);
            push.NumberOfRetries = (byte)Clamp(settings.NumberOfRetries, 0xFF);
            push.RepetitionDelay = (ushort)Clamp(settings.RepetitionDelay, 0xFFFF);

            SecuritySetup own = null;
            if (settings.Ciphered)
            {
                if (settings.BlockCipherKey == null && settings.AuthenticationKey == null)
                {
                    push.Security = model.SecurityProfile;
                }
                else
                {
                    own = CreateOwnSecurity(model, settings, counterRecord);
                    push.Security = own.Profile;
                }
            }

            const AttributeAccess SecuredReadWrite = AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedEncryptedRequest;
            const MethodAccess SecuredMethod = MethodAccess.Access | MethodAccess.AuthenticatedEncryptedRequest;
            // Any meter model: the rights go to the meter reader (32) and the management client
            // (48) where the meter has them (the default meter and the shipped definitions do).
            AssociationLogicalName reader = model.FindAssociation(DefaultMeterModel.MeterReaderClientSap);
            AssociationLogicalName management = model.FindAssociation(DefaultMeterModel.ManagementClientSap);
            model.Device.Add(push);
            if (reader != null)
            {
                new AccessRule(AttributeAccess.Read, MethodAccess.Access).AddTo(reader.Objects, push);
            }
            if (management != null)
            {
                new AccessRule(SecuredReadWrite, SecuredMethod).AddTo(management.Objects, push);
            }
            if (own != null)
            {
                model.Device.Add(own);
                if (management != null)
                {
                    new AccessRule(AttributeAccess.Read, SecuredMethod).AddTo(management.Objects, own);
                }
            }

            MeterEngine e = model.Engine;
            push.AddObject(push, PushSetup.Attributes.LogicalName, 0);
            CosemObject serialNumber = model.Device.Find(CosemClassId.Data, MeterObis.SerialNumber);
            if (serialNumber != null)
            {
                push.AddObject(serialNumber, Data.Attributes.Value, 0);
            }
            push.AddObject(e.Clock, Clock.Attributes.Time, 0);
            push.AddObject(e.ActiveEnergyImport, Register.Attributes.Value, 0);
            if (e.Voltage != null)
            {
                push.AddObject(e.Voltage, Register.Attributes.Value, 0);
            }
            // The alarm register: an alert push shows the bits that rose.
            push.AddObject(e.Alarms.Register, Data.Attributes.Value, 0);
            return push;
        }

        /// <summary>The counters of the push's own Security setup; null when it uses the management association's (or is not protected).</summary>
        public static InvocationCounterStore OwnCounters(MeterModel model, PushSetup push)
        {
            if (model == null || push == null || push.Security == null || push.Security == model.SecurityProfile)
            {
                return null;
            }
            return push.Security.Counters;
        }

        private static SecuritySetup CreateOwnSecurity(MeterModel model, PushModelSettings settings, int counterRecord)
        {
            byte[] ek = settings.BlockCipherKey;
            byte[] ak = settings.AuthenticationKey;
            if (ek == null || ak == null || ek.Length != SecurityProfile.KeySize || ak.Length != SecurityProfile.KeySize)
            {
                throw new ArgumentException();
            }
            byte[] managementEk = model.Settings.BlockCipherKey != null ? model.Settings.BlockCipherKey : DefaultMeterModelSettings.TestBlockCipherKey;
            if (SameBytes(ek, managementEk))
            {
                // Same key and the same system title: two counters would repeat IVs (GCM nonce reuse).
                throw new ArgumentException();
            }
            InvocationCounterStore counters = new InvocationCounterStore(counterRecord, InvocationCounterStore.DefaultReservationBlock);
            SecurityProfile profile = new SecurityProfile(counters);
            profile.SecurityPolicy = SecurityPolicy.AllMessagesAuthenticatedAndEncrypted;
            profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, ek, 0);
            profile.SetKey(SecurityProfile.AuthenticationKeyId, ak, 0);
            byte[] masterKey = model.Settings.MasterKey != null ? model.Settings.MasterKey : DefaultMeterModelSettings.TestMasterKey;
            profile.SetKey(SecurityProfile.MasterKey, masterKey, 0);
            profile.SetServerSystemTitle(model.SecurityProfile.ServerSystemTitle, 0);
            return new SecuritySetup(PushSecuritySetupName, profile);
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static int Clamp(int value, int max)
        {
            return value < 0 ? 0 : (value > max ? max : value);
        }
    }
}
