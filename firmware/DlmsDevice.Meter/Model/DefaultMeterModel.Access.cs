using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>The access rights of the two associations (docs/metering.md has the table).</content>
    public sealed partial class DefaultMeterModel
    {
        // Association LN attribute 7 (secret): never readable (Blue Book 4.4.4: write only).
        private const int AssociationSecretAttribute = 7;

        /// <summary>
        /// Public client (SAP 16, no authentication): reads every object it sees, writes nothing,
        /// invokes nothing. It sees its own association, not the meter reader's.
        /// </summary>
        private void GrantPublicAccess(ObjectList list)
        {
            MeterEngine e = Engine;
            AddReadOnly(list, Device.Name);
            AddReadOnly(list, SerialNumberObject);
            AddReadOnly(list, FirmwareVersionObject);
            AddReadOnly(list, e.Clock);
            AddAssociation(list, CurrentAssociationObject);
            AddAssociation(list, PublicAssociation);
            AddReadOnly(list, SapAssignment);
            AddReadOnly(list, IecHdlcSetup);
            AddReadOnly(list, TcpUdpSetup);
            AddMeteringReadOnly(list);
            AddReadOnly(list, e.MaximumDemandImport);
            AddReadOnly(list, e.Disconnect);
        }

        /// <summary>
        /// Meter reader (SAP 32, LLS): reads everything; sets the clock (time, time zone, the
        /// daylight-saving attributes) and runs its adjust methods; resets maximum demand;
        /// disconnects and reconnects the supply (Disconnect control methods 1 and 2); changes its
        /// own LLS password. Energy totals cannot be reset (legal metrology: the totals only
        /// grow); instantaneous values, profiles and the event log are read-only; the setup
        /// objects describe the running endpoints and are read-only too.
        /// </summary>
        private void GrantMeterReaderAccess(ObjectList list)
        {
            MeterEngine e = Engine;
            AddReadOnly(list, Device.Name);
            AddReadOnly(list, SerialNumberObject);
            AddReadOnly(list, FirmwareVersionObject);

            int clock = list.Add(e.Clock, AttributeAccess.ReadWrite, MethodAccess.Access);
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
            AddMeteringReadOnly(list);

            int maximum = list.Add(e.MaximumDemandImport, AttributeAccess.Read, MethodAccess.NoAccess);
            list.SetMethodAccess(maximum, 1, MethodAccess.Access);      // reset (MD reset)
            list.Add(e.Disconnect, AttributeAccess.Read, MethodAccess.Access); // remote_disconnect, remote_reconnect
        }

        /// <summary>
        /// Adds the metering objects a reader sees, read-only and without methods, in object-list
        /// order: the energy, power, voltage, current, apparent power, power factor and average
        /// registers, the demand register, the load and daily profiles, the event log and the
        /// event code. Maximum demand and Disconnect control (which have methods) are not added.
        /// For the two associations of the model, and for a host that adds its own association.
        /// </summary>
        public void AddMeteringReadOnly(ObjectList list)
        {
            MeterEngine e = Engine;
            for (int i = 0; i < MeasurementCount; i++)
            {
                CosemObject obj = Measurement(i);
                if (obj != null)
                {
                    AddReadOnly(list, obj);
                }
            }
            AddReadOnly(list, e.DemandImport);
            AddReadOnly(list, e.LoadProfile);
            AddReadOnly(list, e.DailyProfile);
            AddReadOnly(list, e.EventLog);
            AddReadOnly(list, e.EventCode);
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
