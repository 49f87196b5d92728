using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Meter;

namespace DlmsDevice.Tests.Push
{
    /// <summary>
    /// A small logical device for push tests: a clock, the L1 voltage register 1.0.32.7.0.255 holding
    /// long-unsigned 2356 (a real meter's push excerpt, dlms-cosem <c>test_hdlc.py</c>), a Data object
    /// with a structure value, and the push setup 0.0.25.9.0.255.
    /// </summary>
    internal sealed class PushTestKit
    {
        public static readonly DateTime Start = new DateTime(2026, 11, 25, 10, 15, 0, DateTimeKind.Utc);

        public PushTestKit()
        {
            Source = new ManualClock(Start);
            Clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255), Source);
            Device = new LogicalDevice(1, "DLD0000000000001", 16);
            var voltage = new CosemValue(DataType.LongUnsigned);
            voltage.SetInteger(2356);
            Voltage = new Register(new ObisCode(1, 0, 32, 7, 0, 255), voltage, -1, Unit.Volt);
            var text = new CosemValue(DataType.OctetString, 32);
            text.SetBytes(new byte[] { 0x41, 0x42, 0x43 }, 0, 3);
            Text = new Data(new ObisCode(0, 0, 96, 1, 0, 255), text);
            Device.Add(Clock);
            Device.Add(Voltage);
            Device.Add(Text);
            Push = new PushSetup(new ObisCode(0, 0, 25, 9, 0, 255), Device, 8);
            Device.Add(Push);
        }

        public ManualClock Source { get; }

        public Clock Clock { get; }

        public LogicalDevice Device { get; }

        public Register Voltage { get; }

        public Data Text { get; }

        public PushSetup Push { get; }
    }
}
