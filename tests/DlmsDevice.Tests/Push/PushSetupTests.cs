using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Cosem;

namespace DlmsDevice.Tests.Push
{
    /// <summary>Push setup (Blue Book IC 40 version 0): attributes, the push method, and bad input.</summary>
    public class PushSetupTests
    {
        // One push_object_list entry: structure { class_id, logical_name, attribute_index, data_index }.
        private const string VoltageValue = "02 04 12 0003 09 06 0100200700FF 0F 02 12 0000";
        private const string ClockTime = "02 04 12 0008 09 06 0000010000FF 0F 02 12 0000";

        [Fact]
        public void Defaults_ReadAsVersion0Shapes()
        {
            var kit = new PushTestKit();

            Assert.Equal(40, kit.Push.ClassId);
            Assert.Equal(0, kit.Push.Version);
            Assert.Equal("01 00", CosemTestKit.Get(kit.Push, PushSetup.Attributes.PushObjectList));
            Assert.Equal("02 03 16 00 09 00 16 00", CosemTestKit.Get(kit.Push, PushSetup.Attributes.SendDestinationAndMethod));
            Assert.Equal("01 00", CosemTestKit.Get(kit.Push, PushSetup.Attributes.CommunicationWindow));
            Assert.Equal("12 00 00", CosemTestKit.Get(kit.Push, PushSetup.Attributes.RandomisationStartInterval));
            Assert.Equal("11 00", CosemTestKit.Get(kit.Push, PushSetup.Attributes.NumberOfRetries));
            Assert.Equal("12 00 00", CosemTestKit.Get(kit.Push, PushSetup.Attributes.RepetitionDelay));
        }

        [Fact]
        public void Set_EveryAttribute_ReadBackByteForByte()
        {
            var kit = new PushTestKit();
            string list = "01 02 " + VoltageValue + " " + ClockTime;
            // "127.0.0.1:4070" over UDP, message A-XDR.
            string destination = "02 03 16 01 09 0E 3132372E302E302E313A34303730 16 00";
            // Daily 08:00 .. 10:00.
            string windows = "01 01 02 02 09 0C FFFFFFFFFF 08 00 00 FF 8000 FF 09 0C FFFFFFFFFF 0A 00 00 FF 8000 FF";

            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(kit.Push, PushSetup.Attributes.PushObjectList, list));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(kit.Push, PushSetup.Attributes.SendDestinationAndMethod, destination));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(kit.Push, PushSetup.Attributes.CommunicationWindow, windows));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(kit.Push, PushSetup.Attributes.RandomisationStartInterval, "12 00 3C"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(kit.Push, PushSetup.Attributes.NumberOfRetries, "11 05"));
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(kit.Push, PushSetup.Attributes.RepetitionDelay, "12 00 1E"));

            Assert.Equal(Support.Hex.Format(Support.Hex.Parse(list)), CosemTestKit.Get(kit.Push, PushSetup.Attributes.PushObjectList));
            Assert.Equal(Support.Hex.Format(Support.Hex.Parse(destination)), CosemTestKit.Get(kit.Push, PushSetup.Attributes.SendDestinationAndMethod));
            Assert.Equal(Support.Hex.Format(Support.Hex.Parse(windows)), CosemTestKit.Get(kit.Push, PushSetup.Attributes.CommunicationWindow));
            Assert.Equal(60, kit.Push.RandomisationStartInterval);
            Assert.Equal(5, kit.Push.NumberOfRetries);
            Assert.Equal(30, kit.Push.RepetitionDelay);
            Assert.Same(kit.Voltage, kit.Push.GetObject(0));
            Assert.Same(kit.Clock, kit.Push.GetObject(1));
            Assert.Equal(PushSetup.TransportService.Udp, kit.Push.Transport);
        }

        [Theory]
        // Not an array, an entry of 3 fields, a logical name of 5 bytes, attribute as unsigned.
        [InlineData(PushSetup.Attributes.PushObjectList, "02 00", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 03 12 0003 09 06 0100200700FF 0F 02", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 04 12 0003 09 05 0100200700 0F 02 12 0000", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 04 12 0003 09 06 0100200700FF 11 02 12 0000", DataAccessResult.TypeUnmatched)]
        // Truncated in the middle of the second entry.
        [InlineData(PushSetup.Attributes.PushObjectList, "01 02 " + VoltageValue + " 02 04 12 00", DataAccessResult.TypeUnmatched)]
        // An object the meter does not have; a class that does not match the logical name.
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 04 12 0003 09 06 0100010800FF 0F 02 12 0000", DataAccessResult.ObjectUndefined)]
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 04 12 0001 09 06 0100200700FF 0F 02 12 0000", DataAccessResult.ObjectUndefined)]
        // Attribute 9 of a register, attribute 0, attribute -1.
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 04 12 0003 09 06 0100200700FF 0F 09 12 0000", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 04 12 0003 09 06 0100200700FF 0F 00 12 0000", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(PushSetup.Attributes.PushObjectList, "01 01 02 04 12 0003 09 06 0100200700FF 0F FF 12 0000", DataAccessResult.ScopeOfAccessViolated)]
        // Nine entries: more than the capacity of 8.
        [InlineData(PushSetup.Attributes.PushObjectList, "01 09", DataAccessResult.ScopeOfAccessViolated)]
        // Destination: not a structure, 2 fields, destination as visible-string, SMS, XML message, 65 bytes.
        [InlineData(PushSetup.Attributes.SendDestinationAndMethod, "01 00", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.SendDestinationAndMethod, "02 02 16 00 09 00", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.SendDestinationAndMethod, "02 03 16 00 0A 01 31 16 00", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.SendDestinationAndMethod, "02 03 16 04 09 01 31 16 00", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(PushSetup.Attributes.SendDestinationAndMethod, "02 03 16 00 09 01 31 16 01", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(PushSetup.Attributes.SendDestinationAndMethod, "02 03 16 00 09 41 " + Destination65 + " 16 00", DataAccessResult.ScopeOfAccessViolated)]
        // Windows: date-time of 11 bytes, five windows, a window of one date-time.
        [InlineData(PushSetup.Attributes.CommunicationWindow, "01 01 02 02 09 0B FFFFFFFFFF080000FF8000 09 0C FFFFFFFFFF0A0000FF8000FF", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.CommunicationWindow, "01 05", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData(PushSetup.Attributes.CommunicationWindow, "01 01 02 01 09 0C FFFFFFFFFF080000FF8000FF", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.RandomisationStartInterval, "11 05", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.NumberOfRetries, "12 0005", DataAccessResult.TypeUnmatched)]
        [InlineData(PushSetup.Attributes.RepetitionDelay, "16 05", DataAccessResult.TypeUnmatched)]
        public void Set_BadValue_RefusedAndNothingChanges(int attribute, string hex, DataAccessResult expected)
        {
            var kit = new PushTestKit();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(kit.Push, PushSetup.Attributes.PushObjectList, "01 01 " + ClockTime));
            kit.Push.SetDestination(PushSetup.TransportService.Tcp, "127.0.0.1:4070");
            string before = Snapshot(kit.Push);

            Assert.Equal(expected, CosemTestKit.Set(kit.Push, attribute, hex));

            Assert.Equal(before, Snapshot(kit.Push));
        }

        private const string Destination65 = "3131313131313131313131313131313131313131313131313131313131313131313131313131313131313131313131313131313131313131313131313131313131";

        [Fact]
        public void Set_LogicalName_ReadWriteDenied()
        {
            var kit = new PushTestKit();

            Assert.Equal(DataAccessResult.ReadWriteDenied, CosemTestKit.Set(kit.Push, PushSetup.Attributes.LogicalName, "09 06 0000190900FF"));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("0F 00")]
        [InlineData("00")]
        public void Push_IntegerZeroOrNothing_RequestsAPush(string? parameter)
        {
            var kit = new PushTestKit();

            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(kit.Push, PushSetup.Methods.Push, parameter));

            Assert.True(kit.Push.IsPushRequested);
            Assert.True(kit.Push.TakeRequest());
            Assert.False(kit.Push.TakeRequest());
        }

        [Fact]
        public void Push_ParameterNotAnInteger_TypeUnmatchedAndNoPush()
        {
            var kit = new PushTestKit();

            Assert.Equal(ActionResult.TypeUnmatched, CosemTestKit.Invoke(kit.Push, PushSetup.Methods.Push, "09 00"));
            Assert.False(kit.Push.IsPushRequested);
            Assert.Equal(ActionResult.ReadWriteDenied, CosemTestKit.Invoke(kit.Push, 2, "0F 00"));
        }

        [Fact]
        public void NextInvokeId_CountsInTwentyFourBits()
        {
            var kit = new PushTestKit();

            Assert.Equal(1u, kit.Push.NextInvokeId());
            Assert.Equal(2u, kit.Push.NextInvokeId());
        }

        private static string Snapshot(PushSetup push)
        {
            string all = "";
            for (int a = 2; a <= 7; a++)
            {
                all += CosemTestKit.Get(push, a) + " | ";
            }
            return all;
        }
    }
}
