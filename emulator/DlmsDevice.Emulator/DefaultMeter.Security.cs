using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// Client 48, the utility / management association: HLS-GMAC (mechanism 5), LN context with
    /// ciphering, security policy 3 (every APDU authenticated and encrypted), suite 0; its
    /// Security setup 0.0.43.0.3.255 and invocation counter 0.0.43.1.3.255 (with the alias
    /// 0.0.43.1.0.255, where dlms-cosem looks). docs/security.md has the table.
    /// </summary>
    public sealed partial class DefaultMeter
    {
        /// <summary>Management client SAP: HLS-GMAC, authenticated encryption, reads and changes everything.</summary>
        public const int ManagementClientSap = 48;

        /// <summary>Association LN of the management client 0.0.40.0.3.255.</summary>
        public static readonly ObisCode ManagementAssociationObis = new ObisCode(0, 0, 40, 0, 3, 255);

        /// <summary>Security setup of the management association 0.0.43.0.3.255.</summary>
        public static readonly ObisCode SecuritySetupObis = new ObisCode(0, 0, 43, 0, 3, 255);

        /// <summary>Last invocation counter accepted from client 48, 0.0.43.1.3.255.</summary>
        public static readonly ObisCode InvocationCounterObis = new ObisCode(0, 0, 43, 1, 3, 255);

        /// <summary>The same counter as 0.0.43.1.0.255 (dlms-cosem's read.py reads this one).</summary>
        public static readonly ObisCode InvocationCounterAliasObis = new ObisCode(0, 0, 43, 1, 0, 255);

        /// <summary>0.0.40.0.3.255, client SAP 48.</summary>
        public AssociationLogicalName ManagementAssociation { get; private set; } = null!;

        /// <summary>0.0.43.0.3.255.</summary>
        public SecuritySetup SecuritySetup { get; private set; } = null!;

        /// <summary>0.0.43.1.3.255.</summary>
        public InvocationCounterData InvocationCounter { get; private set; } = null!;

        /// <summary>0.0.43.1.0.255 (alias of <see cref="InvocationCounter"/>).</summary>
        public InvocationCounterData InvocationCounterAlias { get; private set; } = null!;

        /// <summary>The keys, titles and counters of client 48.</summary>
        public SecurityProfile SecurityProfile
        {
            get { return SecuritySetup.Profile; }
        }

        private void CreateManagementAssociation(DefaultMeterSettings settings)
        {
            InvocationCounterStore counters = settings.SecurityCounters ?? new InvocationCounterStore();
            SecurityProfile profile = new SecurityProfile(counters);
            profile.SecurityPolicy = Stack.Security.SecurityPolicy.AllMessagesAuthenticatedAndEncrypted;
            profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, settings.BlockCipherKey ?? DefaultMeterSettings.TestBlockCipherKey, 0);
            profile.SetKey(SecurityProfile.AuthenticationKeyId, settings.AuthenticationKey ?? DefaultMeterSettings.TestAuthenticationKey, 0);
            profile.SetKey(SecurityProfile.MasterKey, settings.MasterKey ?? DefaultMeterSettings.TestMasterKey, 0);
            profile.SetServerSystemTitle(settings.SystemTitle ?? settings.DefaultSystemTitle(), 0);
            SecuritySetup = new SecuritySetup(SecuritySetupObis, profile);

            ManagementAssociation = new AssociationLogicalName(ManagementAssociationObis, new ObjectList(24),
                ManagementClientSap, Device.Address, MechanismName.HlsGmac, 64);
            ManagementAssociation.ApplicationContext = AssociationLogicalName.ContextLogicalNameWithCiphering;
            ManagementAssociation.Conformance = Conformance.ServerSupportedLn | Conformance.GeneralProtection;
            ManagementAssociation.MaxReceivePduSize = settings.MaxApduSize;
            ManagementAssociation.SecuritySetup = SecuritySetup;
            ManagementAssociation.HlsAuthentication = new HlsAuthentication();
            InvocationCounter = new InvocationCounterData(InvocationCounterObis, counters);
            InvocationCounterAlias = new InvocationCounterData(InvocationCounterAliasObis, counters);

            Device.Add(ManagementAssociation);
            Device.Add(SecuritySetup);
            Device.Add(InvocationCounter);
            Device.Add(InvocationCounterAlias);

            GrantManagementAccess(ManagementAssociation.Objects);
            // Every client may read where client 48's counter stands (that is how it resynchronises).
            AddReadOnly(PublicAssociation.Objects, InvocationCounter);
            AddReadOnly(PublicAssociation.Objects, InvocationCounterAlias);
            AddReadOnly(MeterReaderAssociation.Objects, InvocationCounter);
            AddReadOnly(MeterReaderAssociation.Objects, InvocationCounterAlias);
        }

        /// <summary>
        /// Management client (SAP 48): reads everything; writes and methods need an authenticated
        /// and encrypted request (policy 3 asks that of every request anyway; the rights say so
        /// also where the policy would not): clock, maximum demand reset, remote disconnect and
        /// reconnect, its own HLS secret and the meter reader's password, security_activate and
        /// global_key_transfer.
        /// reply_to_HLS_authentication needs no protection of its own (it may come in clear in an
        /// association without ciphering).
        /// </summary>
        private void GrantManagementAccess(ObjectList list)
        {
            const AttributeAccess SecuredReadWrite = AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedEncryptedRequest;
            const MethodAccess SecuredMethod = MethodAccess.Access | MethodAccess.AuthenticatedEncryptedRequest;
            AddReadOnly(list, Device.Name);
            AddReadOnly(list, Model.SerialNumberObject);
            AddReadOnly(list, Model.FirmwareVersionObject);

            int clock = list.Add(Clock, SecuredReadWrite, SecuredMethod);
            list.SetAttributeAccess(clock, 4, AttributeAccess.Read);
            list.SetAttributeAccess(clock, 9, AttributeAccess.Read);

            int current = AddAssociation(list, Model.CurrentAssociationObject);
            GrantHls(list, current);
            int own = AddAssociation(list, ManagementAssociation);
            GrantHls(list, own);
            AddAssociation(list, PublicAssociation);
            int reader = AddAssociation(list, MeterReaderAssociation);
            list.SetAttributeAccess(reader, AssociationSecretAttribute, AttributeAccess.Write | AttributeAccess.AuthenticatedEncryptedRequest);
            AddReadOnly(list, Model.SapAssignment);
            AddReadOnly(list, Model.IecHdlcSetup);
            AddReadOnly(list, Model.TcpUdpSetup);
            list.Add(SecuritySetup, AttributeAccess.Read, SecuredMethod);
            AddReadOnly(list, InvocationCounter);
            AddReadOnly(list, InvocationCounterAlias);

            // The metering objects: read-only (energy totals have no reset); maximum demand reset
            // and the relay's remote_disconnect / remote_reconnect with a secured request.
            Model.AddMeteringReadOnly(list);
            int maximum = list.Add(Engine.MaximumDemandImport, AttributeAccess.Read, MethodAccess.NoAccess);
            list.SetMethodAccess(maximum, 1, SecuredMethod);
            list.Add(Engine.Disconnect, AttributeAccess.Read, SecuredMethod);

            void GrantHls(ObjectList l, int index)
            {
                l.SetMethodAccess(index, 1, MethodAccess.Access);
                l.SetMethodAccess(index, 2, SecuredMethod);
                l.SetAttributeAccess(index, AssociationSecretAttribute, AttributeAccess.Write | AttributeAccess.AuthenticatedEncryptedRequest);
            }
        }

        // Association LN attribute 7 (secret): never readable (Blue Book 4.4.4: write only).
        private const int AssociationSecretAttribute = 7;

        private static void AddReadOnly(ObjectList list, CosemObject obj)
        {
            list.Add(obj, AttributeAccess.Read, MethodAccess.NoAccess);
        }

        private static int AddAssociation(ObjectList list, CosemObject association)
        {
            int index = list.Add(association, AttributeAccess.Read, MethodAccess.NoAccess);
            list.SetAttributeAccess(index, AssociationSecretAttribute, AttributeAccess.NoAccess);
            return index;
        }
    }
}
