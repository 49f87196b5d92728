using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// Every object of the meter and its access rights for each association, in one table: one
    /// row per object (in the order of the logical device's directory and of every
    /// object_list), one column per association. An empty cell (null) leaves the object out of
    /// that association's object_list. docs/metering.md and docs/security.md show the table.
    /// </content>
    public sealed partial class DefaultMeterModel
    {
        /// <summary>
        /// The rows. Public client (16): reads what it sees, writes nothing, invokes nothing; it
        /// sees its own association, not the others'. Meter reader (32, LLS): reads everything;
        /// sets the clock (time, time zone, daylight saving; status and clock_base are the
        /// meter's own); resets maximum demand; disconnects and reconnects the supply; changes its
        /// own LLS password. Management (48, HLS-GMAC): the reader's rights and the security
        /// objects, every write and method only in an authenticated and encrypted request
        /// (policy 3 asks that of every request anyway; the rights say so also where the policy
        /// would not); reply_to_HLS_authentication needs no protection of its own. Energy totals
        /// have no reset (legal metrology: the totals only grow); profiles, the event log and the
        /// setup objects are read-only; an association's secret is never readable (Blue Book
        /// IC 15: write only). Every client may read client 48's invocation counter: that is how
        /// a client resynchronises its own.
        /// </summary>
        private void AddObjectsAndRights()
        {
            const AttributeAccess SecuredReadWrite = AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedEncryptedRequest;
            const AttributeAccess SecuredWrite = AttributeAccess.Write | AttributeAccess.AuthenticatedEncryptedRequest;
            const MethodAccess SecuredMethod = MethodAccess.Access | MethodAccess.AuthenticatedEncryptedRequest;

            AccessRule read = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess);
            AccessRule association = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Attribute(AssociationLogicalName.Attributes.Secret, AttributeAccess.NoAccess);
            AccessRule ownLlsAssociation = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Attribute(AssociationLogicalName.Attributes.Secret, AttributeAccess.Write);
            AccessRule ownHlsAssociation = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Attribute(AssociationLogicalName.Attributes.Secret, SecuredWrite)
                .Method(AssociationLogicalName.Methods.ReplyToHlsAuthentication, MethodAccess.Access)
                .Method(AssociationLogicalName.Methods.ChangeHlsSecret, SecuredMethod);
            AccessRule securedSecret = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Attribute(AssociationLogicalName.Attributes.Secret, SecuredWrite);
            AccessRule clock = new AccessRule(AttributeAccess.ReadWrite, MethodAccess.Access)
                .Attribute(Clock.Attributes.Status, AttributeAccess.Read)
                .Attribute(Clock.Attributes.ClockBase, AttributeAccess.Read);
            AccessRule securedClock = new AccessRule(SecuredReadWrite, SecuredMethod)
                .Attribute(Clock.Attributes.Status, AttributeAccess.Read)
                .Attribute(Clock.Attributes.ClockBase, AttributeAccess.Read);
            AccessRule demandReset = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Method(Register.Methods.Reset, MethodAccess.Access);
            AccessRule securedDemandReset = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Method(Register.Methods.Reset, SecuredMethod);
            AccessRule methods = new AccessRule(AttributeAccess.Read, MethodAccess.Access);
            AccessRule securedMethods = new AccessRule(AttributeAccess.Read, SecuredMethod);

            MeterEngine e = Engine;
            //  object                        public (16)   meter reader (32)  management (48)
            Row(Device.Name,                  read,         read,              read);
            Row(SerialNumberObject,           read,         read,              read);
            Row(FirmwareVersionObject,        read,         read,              read);
            Row(e.Clock,                      read,         clock,             securedClock);
            Row(CurrentAssociationObject,     association,  ownLlsAssociation, ownHlsAssociation);
            Row(PublicAssociation,            association,  association,       association);
            Row(MeterReaderAssociation,       null,         ownLlsAssociation, securedSecret);
            Row(ManagementAssociation,        null,         null,              ownHlsAssociation);
            Row(SapAssignment,                read,         read,              read);
            Row(IecHdlcSetup,                 read,         read,              read);
            Row(TcpUdpSetup,                  read,         read,              read);
            Row(SecuritySetup,                null,         null,              securedMethods);
            Row(InvocationCounter,            read,         read,              read);
            Row(InvocationCounterAlias,       read,         read,              read);
            Row(e.ActiveEnergyImport,         read,         read,              read);
            Row(e.ActiveEnergyExport,         read,         read,              read);
            Row(e.ActivePowerImport,          read,         read,              read);
            Row(e.Voltage,                    read,         read,              read);
            Row(e.Current,                    read,         read,              read);
            Row(e.ApparentPower,              read,         read,              read);
            Row(e.PowerFactor,                read,         read,              read);
            Row(e.AverageVoltage,             read,         read,              read);
            Row(e.AverageCurrent,             read,         read,              read);
            Row(e.DemandImport,               read,         read,              read);
            Row(e.LoadProfile,                read,         read,              read);
            Row(e.DailyProfile,               read,         read,              read);
            Row(e.EventLog,                   read,         read,              read);
            Row(e.EventCode,                  read,         read,              read);
            Row(e.MaximumDemandImport,        read,         demandReset,       securedDemandReset);
            Row(e.Disconnect,                 read,         methods,           securedMethods);
        }

        // One row: the object joins the logical device's directory (once) and each association's
        // object_list with its rule. Objects the configuration leaves out (a channel that is not
        // there) are null and have no row.
        private void Row(CosemObject obj, AccessRule forPublic, AccessRule forMeterReader, AccessRule forManagement)
        {
            if (obj == null)
            {
                return;
            }
            if (Device.Find(obj.ClassId, obj.LogicalName) == null)
            {
                Device.Add(obj);
            }
            Cell(PublicAssociation, forPublic, obj);
            Cell(MeterReaderAssociation, forMeterReader, obj);
            Cell(ManagementAssociation, forManagement, obj);
        }

        private static void Cell(AssociationLogicalName association, AccessRule rule, CosemObject obj)
        {
            if (rule != null)
            {
                rule.AddTo(association.Objects, obj);
            }
        }
    }
}
