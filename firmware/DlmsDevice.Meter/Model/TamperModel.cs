using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <content>
    /// The objects of tamper and theft detection, the alarms and the grid frequency, added to the
    /// model after the table of DefaultMeterModel.Access.cs (additive: that table is unchanged),
    /// in this order, each with its rights for the public client 16, the meter reader 32 and the
    /// management client 48:
    /// <code>
    /// 0.0.97.98.0.255   alarm register        Data (1)              R / R / R, value W secured (write 1 to clear)
    /// 0.0.97.98.10.255  alarm filter          Data (1)              R / R / R, value W secured
    /// 0.0.97.98.20.255  alarm descriptor      Data (1)              R / R / R, value W secured (write 1 to clear)
    /// 0.0.94.91.0.255   cumulative tamper count Data (1)            R / R / R
    /// 1.0.91.7.0.255    neutral current       Register (3)          R / R / R   (with a neutral channel)
    /// 1.0.14.7.0.255    frequency             Register (3)          R / R / R   (with a frequency channel)
    /// 1.0.14.27.0.255   block average frequency Register (3)        R / R / R   (with a frequency channel)
    /// 0.0.99.98.1..6.255, 0.0.96.11.1..6.255  IS 15959 logs and codes  R / R / R (IS 15959 layout)
    /// </code>
    /// docs/tamper.md lists them; a model definition file takes them from here.
    /// </content>
    public sealed partial class DefaultMeterModel
    {
        private void AddTamperObjectsAndRights()
        {
            AccessRule read = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess);
            // Acknowledging alarms and choosing which are reported is the head-end's: the
            // management client, in an authenticated and encrypted request.
            AccessRule securedValue = new AccessRule(AttributeAccess.Read, MethodAccess.NoAccess)
                .Attribute(Data.Attributes.Value, AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedEncryptedRequest);

            MeterEngine e = Engine;
            //  object                        public (16)   meter reader (32)  management (48)
            Row(e.Alarms.Register,            read,         read,              securedValue);
            Row(e.Alarms.Filter,              read,         read,              securedValue);
            Row(e.Alarms.Descriptor,          read,         read,              securedValue);
            Row(e.TamperCount,                read,         read,              read);
            Row(e.NeutralCurrent,             read,         read,              read);
            Row(e.Frequency,                  read,         read,              read);
            Row(e.AverageFrequency,           read,         read,              read);
            // The IS 15959 layout: the voltage log and its code are the table's event log rows.
            for (int c = EventCategory.Voltage + 1; c < EventCategory.Count; c++)
            {
                Row(e.GetCategoryLog(c),          read,         read,              read);
                Row(e.GetCategoryEventCode(c),    read,         read,              read);
            }
        }
    }
}
