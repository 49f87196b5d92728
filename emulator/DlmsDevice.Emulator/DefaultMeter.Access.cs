using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Emulator
{
    /// <summary>The access rights of the two associations (docs/emulator.md has the table).</summary>
    public sealed partial class DefaultMeter
    {
        // Association LN attribute 7 (secret): never readable (Blue Book 4.4.4: write only).
        private const int AssociationSecretAttribute = 7;

        /// <summary>
        /// Public client (SAP 16, no authentication): reads every public object, writes nothing,
        /// invokes nothing. It sees its own association, not the meter reader's.
        /// </summary>
        private void GrantPublicAccess(ObjectList list)
        {
            AddReadOnly(list, Device.Name);
            AddReadOnly(list, SerialNumberObject);
            AddReadOnly(list, FirmwareVersionObject);
            AddReadOnly(list, Clock);
            AddAssociation(list, CurrentAssociationObject);
            AddAssociation(list, PublicAssociation);
            AddReadOnly(list, SapAssignment);
            AddReadOnly(list, IecHdlcSetup);
            AddReadOnly(list, TcpUdpSetup);
            AddReadOnly(list, ActiveEnergyImport);
            AddReadOnly(list, ActivePowerImport);
            AddReadOnly(list, VoltageL1);
            AddReadOnly(list, CurrentL1);
        }

        /// <summary>
        /// Meter reader (SAP 32, LLS): reads everything, sets the clock (time, time zone, the
        /// daylight-saving attributes) and runs its adjust methods, resets the energy register,
        /// changes its own LLS password.
        /// Instantaneous values (power, voltage, current) cannot be reset; the setup objects are
        /// read-only because they describe the running endpoints.
        /// </summary>
        private void GrantMeterReaderAccess(ObjectList list)
        {
            AddReadOnly(list, Device.Name);
            AddReadOnly(list, SerialNumberObject);
            AddReadOnly(list, FirmwareVersionObject);

            int clock = list.Add(Clock, AttributeAccess.ReadWrite, MethodAccess.Access);
            list.SetAttributeAccess(clock, 4, AttributeAccess.Read);   // status: the meter's own
            list.SetAttributeAccess(clock, 9, AttributeAccess.Read);   // clock_base: fixed

            // Its own association (directly and as the current association): the secret may be
            // written, never read, so the meter reader can change its password (in memory only).
            int current = AddAssociation(list, CurrentAssociationObject);
            list.SetAttributeAccess(current, AssociationSecretAttribute, AttributeAccess.Write);
            AddAssociation(list, PublicAssociation);
            int own = AddAssociation(list, MeterReaderAssociation);
            list.SetAttributeAccess(own, AssociationSecretAttribute, AttributeAccess.Write);
            AddReadOnly(list, SapAssignment);
            AddReadOnly(list, IecHdlcSetup);
            AddReadOnly(list, TcpUdpSetup);

            int energy = list.Add(ActiveEnergyImport, AttributeAccess.Read, MethodAccess.NoAccess);
            list.SetMethodAccess(energy, 1, MethodAccess.Access);      // reset
            AddReadOnly(list, ActivePowerImport);
            AddReadOnly(list, VoltageL1);
            AddReadOnly(list, CurrentL1);
        }

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
