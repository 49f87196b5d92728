using System;
using System.IO;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// A definition with every kind of element (rich-meter.json): static values of each scalar
    /// type encoded as typed, two logical devices served by one device, the link values the
    /// links use, the engine settings, a profile column outside the engine. NanoCheck compiles
    /// the code generated from the same file for the device.
    /// </summary>
    public sealed class RichDefinitionTests : IDisposable
    {
        private static string RichJson => Path.Combine(AppContext.BaseDirectory, "MeterDefinitions", "rich-meter.json");

        public RichDefinitionTests()
        {
            Environment.SetEnvironmentVariable("RICH_METER_PASSWORD", "rich-pw");
            Environment.SetEnvironmentVariable("RICH_METER_EK", "00112233445566778899AABBCCDDEEFF");
        }

        public void Dispose()
        {
        }

        [Fact]
        public void RichDefinition_EveryElementBuilt_AndServedByTheDeviceRuntime()
        {
            MeterDefinitionFile file = MeterDefinitionFile.Load(RichJson);
            MeterConfiguration configuration = DefaultMeterGoldenTests.Configuration();
            configuration.Voltage = DefinitionChannels.Analog(file.Definition, AnalogQuantity.Voltage, new Meter.FakeAnalogInput { Raw = 11500 });
            configuration.Current = null;
            configuration.PulseChannels = DefinitionChannels.Pulses(file.Definition, p => new DlmsDevice.Hal.Simulated.SimulatedPulseCounter(p.ImpulsesPerKwh));
            MeterModel model = file.Build(configuration, file.CreateSettings());
            var device = new MeterDevice(model, new MeterDeviceSettings(), null, null);

            Assert.Equal(2, model.LogicalDeviceCount);
            Assert.Equal(2, ((DlmsDevice.Stack.Server.LogicalDeviceDirectory)device.Server.Associations).Count);
            string dump = ModelDump.Dump(model.Device);
            Assert.Contains("0-0:96.50.0*255\n    a1 1 selectors 0: 09060000603200FF\n    a2 1 selectors 0: 0301", dump, StringComparison.Ordinal);       // bool:true
            Assert.Contains("a2 1 selectors 0: 0FF9\n", dump, StringComparison.Ordinal);                 // i8:-7
            Assert.Contains("a2 1 selectors 0: 12FDE8\n", dump, StringComparison.Ordinal);               // long-unsigned 65000
            Assert.Contains("a2 1 selectors 0: 14FFFFFFFED5FA0E00\n", dump, StringComparison.Ordinal);   // i64:-5000000000
            Assert.Contains("a2 1 selectors 0: 1603\n", dump, StringComparison.Ordinal);                 // enum:3
            Assert.Contains("a2 1 selectors 0: 173FC00000\n", dump, StringComparison.Ordinal);           // f32:1.5
            Assert.Contains("a2 1 selectors 0: 183FC0000000000000\n", dump, StringComparison.Ordinal);   // f64:0.125
            Assert.Contains("a2 1 selectors 0: 09040102A0FF\n", dump, StringComparison.Ordinal);         // octet-string
            Assert.Contains("a2 1 selectors 0: 0A0C48616C6C20224222205C2032\n", dump, StringComparison.Ordinal); // Hall "B" \ 2
            Assert.Contains("a3 1 selectors 0: 02020FFF1609\n", dump, StringComparison.Ordinal);         // scaler -1, degrees Celsius
            Assert.Contains("a3 1 selectors 0: 02020FFE1623\n", dump, StringComparison.Ordinal);         // the voltage channel's scaler -2, V

            // Link values the links use; engine settings the engine runs with.
            Assert.Equal(33, model.IecHdlcSetup.DeviceAddress);
            Assert.Equal(2, model.IecHdlcSetup.WindowSizeTransmit);
            Assert.Equal(200, model.IecHdlcSetup.MaxInfoFieldLengthReceive);
            Assert.Equal(4160, model.TcpUdpSetup.Port);
            Assert.Equal(4, device.WrapperChannels.Capacity);
            Assert.Equal(300u, model.Engine.LoadProfile.CapturePeriod);
            Assert.Equal(288, model.Engine.LoadProfile.ProfileEntries);
            Assert.Equal(4, model.Engine.LoadProfile.CaptureObjectCount);
            Assert.Same(model.Find(CosemClassId.Register, new Stack.Axdr.ObisCode(0, 0, 96, 9, 0, 255)), model.Engine.LoadProfile.GetCaptureObject(3));
            // The profiles of the definition's own: captured when read, the scaler profile's row the two scaler_units.
            var scalers = (ProfileGeneric)model.Find(CosemClassId.ProfileGeneric, new Stack.Axdr.ObisCode(1, 1, 94, 91, 3, 255))!;
            Assert.True(scalers.CaptureOnRead);
            Assert.Contains("a2 1 selectors 6: array 1 | 020202020FFE162302020FFF1609\n", dump, StringComparison.Ordinal);
            Assert.Equal(3, ((ProfileGeneric)model.Find(CosemClassId.ProfileGeneric, new Stack.Axdr.ObisCode(1, 1, 94, 91, 0, 255))!).CaptureObjectCount);
            Assert.Equal(300u, model.Engine.DemandImport.Period);
            Assert.Equal(-60, model.Engine.Clock.TimeZone);
            Assert.Equal(ControlMode.Mode1, model.Engine.Disconnect.ControlMode);
            Assert.Equal(4000, model.Engine.Configuration.PulseChannels[0].ImpulsesPerKwh);
            // The transformer ratios and the energy scaler (kWh) reach the engine.
            Assert.Equal(50, model.Engine.Configuration.CurrentTransformerPrimary);
            Assert.Equal(100, model.Engine.Configuration.VoltageTransformerSecondary);
            Assert.Equal(3, model.Engine.ActiveEnergyImport.Scaler);

            // Keys: inline, environment variable, key file next to the definition; the system title as given.
            Assert.Equal(Convert.FromHexString("C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF"), model.SecurityProfile!.AuthenticationKey);
            Assert.Equal(Convert.FromHexString("5243480000000001"), model.SecurityProfile.ServerSystemTitle);
            Assert.Equal(Convert.FromHexString("EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE"), model.Settings.GetSecret("kek"));

            // The second logical device: its own name, serial number and public association.
            LogicalDevice second = model.GetLogicalDevice(1);
            Assert.Equal(2, second.Address);
            Assert.Equal(4, second.FindAssociation(16)!.Objects.Count);
            string secondDump = ModelDump.Dump(second);
            Assert.Contains("a2 1 selectors 0: 0A083132333435363738\n", secondDump, StringComparison.Ordinal);        // serial number 12345678
            Assert.Contains("a2 1 selectors 0: 0911524348207365636F6E6420646576696365\n", secondDump, StringComparison.Ordinal); // "RCH second device"
            var sap = (SapAssignment)model.Find(CosemClassId.SapAssignment, new Stack.Axdr.ObisCode(0, 0, 41, 0, 0, 255))!;
            Assert.Equal(2, sap.Count);
        }
    }
}
