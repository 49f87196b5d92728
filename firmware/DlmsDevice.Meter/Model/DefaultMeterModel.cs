using System;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>
    /// The default meter's object model, built from meters/default.json: the code that builds it
    /// (<see cref="DefaultMeterDefinition"/>) is generated from that file by
    /// tools/DlmsDevice.MeterDefinitions, and a test checks it is up to date. The management
    /// logical device (address 1) holds the identity objects, the clock, the three associations
    /// (public client 16, read-only; meter reader 32, LLS; management client 48, HLS-GMAC with
    /// every APDU authenticated and encrypted) with their security objects, the setup objects,
    /// and every object of the <see cref="MeterEngine"/>; the rights of each object for each
    /// association are the definition's access table. The same model runs in the emulator and on
    /// a device. docs/metering.md and docs/meter-definitions.md list the objects and rights.
    /// </summary>
    public sealed partial class DefaultMeterModel : MeterModel
    {
        /// <summary>Public client SAP: no authentication, read-only.</summary>
        public const int PublicClientSap = 16;

        /// <summary>Meter-reader client SAP: LLS password; sets the clock, resets maximum demand, disconnects and reconnects.</summary>
        public const int MeterReaderClientSap = 32;

        /// <summary>Management client SAP: HLS-GMAC, authenticated encryption, reads and changes everything.</summary>
        public const int ManagementClientSap = 48;

        /// <summary>Builds the engine and the object model (configuration time: allocates everything once).</summary>
        /// <exception cref="ArgumentException">A setting does not fit (serial number not 1..13 characters, password longer than 64, non-Latin-1 text, a key not 16 bytes, a system title not 8 bytes).</exception>
        public DefaultMeterModel(MeterConfiguration configuration, DefaultMeterModelSettings settings)
        {
            MeterModelBuilder builder = new MeterModelBuilder(this, configuration, settings);
            DefaultMeterDefinition.Build(builder);
            LogicalDevice device = Device;
            SerialNumberObject = (Data)device.Find(CosemClassId.Data, MeterObis.SerialNumber);
            FirmwareVersionObject = (Data)device.Find(CosemClassId.Data, MeterObis.FirmwareVersion);
            for (int i = 0; i < device.Objects.Count; i++)
            {
                if (device.Objects[i] is CurrentAssociation)
                {
                    CurrentAssociationObject = (CurrentAssociation)device.Objects[i];
                }
            }
            PublicAssociation = device.FindAssociation(PublicClientSap);
            MeterReaderAssociation = device.FindAssociation(MeterReaderClientSap);
            ManagementAssociation = device.FindAssociation(ManagementClientSap);
            SapAssignment = (SapAssignment)device.Find(CosemClassId.SapAssignment, MeterObis.SapAssignment);
            InvocationCounter = (InvocationCounterData)device.Find(CosemClassId.Data, MeterObis.InvocationCounter);
            InvocationCounterAlias = (InvocationCounterData)device.Find(CosemClassId.Data, MeterObis.InvocationCounterAlias);
            // The objects that act on their own (billing, tariffs, monitors, limiter), when the
            // configuration and the settings ask for them (ScheduleModel.cs, TariffModel.cs).
            AddAutomationObjects(configuration, settings);
        }

        /// <summary>0.0.96.1.0.255.</summary>
        public Data SerialNumberObject { get; private set; }

        /// <summary>1.0.0.2.0.255.</summary>
        public Data FirmwareVersionObject { get; private set; }

        /// <summary>0.0.40.0.0.255.</summary>
        public CurrentAssociation CurrentAssociationObject { get; private set; }

        /// <summary>0.0.40.0.1.255, client SAP 16.</summary>
        public AssociationLogicalName PublicAssociation { get; private set; }

        /// <summary>0.0.40.0.2.255, client SAP 32.</summary>
        public AssociationLogicalName MeterReaderAssociation { get; private set; }

        /// <summary>0.0.40.0.3.255, client SAP 48.</summary>
        public AssociationLogicalName ManagementAssociation { get; private set; }

        /// <summary>0.0.41.0.0.255.</summary>
        public SapAssignment SapAssignment { get; private set; }

        /// <summary>0.0.43.1.3.255.</summary>
        public InvocationCounterData InvocationCounter { get; private set; }

        /// <summary>0.0.43.1.0.255 (alias of <see cref="InvocationCounter"/>).</summary>
        public InvocationCounterData InvocationCounterAlias { get; private set; }
    }
}
