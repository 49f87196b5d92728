using System.Linq;
using System.Reflection;
using DlmsDevice.Client;
using DlmsDevice.Meter;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// The CLI names every event the meter logs in the standard event log (the byte constants of
    /// <see cref="MeterEventCode"/>, which the engine, the tariffs, the limiter and the register
    /// monitors log), only unsigned codes of an event code object are named (IDIS numbering),
    /// and no two events share a code.
    /// </summary>
    public sealed class EventNameTests
    {
        private static (string Field, byte Code)[] MeterCodes()
        {
            return typeof(MeterEventCode).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(byte))
                .Select(f => (f.Name, (byte)f.GetRawConstantValue()!))
                .ToArray();
        }

        [Fact]
        public void EveryCodeTheMeterLogs_HasAName_AndNoTwoEventsShareACode()
        {
            (string Field, byte Code)[] codes = MeterCodes();
            Assert.True(codes.Length >= 30, codes.Length + " codes");
            Assert.Empty(codes.Where(c => ValueNames.EventName(c.Code) is null).Select(c => c.Field + " " + c.Code));
            Assert.Equal(codes.Length, codes.Select(c => c.Code).Distinct().Count());
        }

        [Theory]
        [InlineData(9, "tariff activated")]
        [InlineData(19, "passive tariff updated")]
        [InlineData(65, "limiter threshold exceeded")]
        [InlineData(66, "limiter threshold ok")]
        [InlineData(67, "limiter threshold changed")]
        [InlineData(231, "reverse current flow ended")]
        [InlineData(240, "over current L1 (register monitor)")]
        [InlineData(241, "over current L1 ended (register monitor)")]
        [InlineData(242, "over power import (register monitor)")]
        [InlineData(243, "over power import ended (register monitor)")]
        [InlineData(244, "voltage swell L1 (register monitor)")]
        [InlineData(245, "voltage swell L1 ended (register monitor)")]
        public void EventCodeObject_UnsignedCode_ShownWithItsName(byte code, string name)
        {
            ValueSource source = new ValueSource(1, ObisCode.Parse("0.0.96.11.0.255"), 2);

            Assert.Equal(code + " " + name, PeopleText.Format(DlmsValue.Unsigned(code), source));
            // A long-unsigned code (IS 15959 numbering by category) is another list: no name.
            Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), PeopleText.Format(DlmsValue.LongUnsigned(code), source));
        }

        [Fact]
        public void UnknownCode_ShownAsItsNumber()
        {
            Assert.Null(ValueNames.EventName(250));
            Assert.Equal("250", PeopleText.Format(DlmsValue.Unsigned(250), new ValueSource(1, ObisCode.Parse("0.0.96.11.0.255"), 2)));
        }
    }
}
