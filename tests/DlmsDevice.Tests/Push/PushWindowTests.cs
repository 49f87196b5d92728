using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Push
{
    /// <summary>communication_window: fully specified windows, daily windows with wildcards, windows across midnight.</summary>
    public class PushWindowTests
    {
        [Theory]
        // Daily 08:00 .. 10:00.
        [InlineData("FFFF FF FF FF 08 00 00 FF 8000 FF", "FFFF FF FF FF 0A 00 00 FF 8000 FF", 7, 59, false)]
        [InlineData("FFFF FF FF FF 08 00 00 FF 8000 FF", "FFFF FF FF FF 0A 00 00 FF 8000 FF", 8, 0, true)]
        [InlineData("FFFF FF FF FF 08 00 00 FF 8000 FF", "FFFF FF FF FF 0A 00 00 FF 8000 FF", 9, 59, true)]
        [InlineData("FFFF FF FF FF 08 00 00 FF 8000 FF", "FFFF FF FF FF 0A 00 00 FF 8000 FF", 10, 0, false)]
        // Daily 22:00 .. 02:00 (across midnight).
        [InlineData("FFFF FF FF FF 16 00 00 FF 8000 FF", "FFFF FF FF FF 02 00 00 FF 8000 FF", 23, 30, true)]
        [InlineData("FFFF FF FF FF 16 00 00 FF 8000 FF", "FFFF FF FF FF 02 00 00 FF 8000 FF", 1, 0, true)]
        [InlineData("FFFF FF FF FF 16 00 00 FF 8000 FF", "FFFF FF FF FF 02 00 00 FF 8000 FF", 12, 0, false)]
        // 2026-11-25 10:00 .. 2026-11-25 11:00 (fully specified).
        [InlineData("07EA 0B 19 FF 0A 00 00 00 0000 00", "07EA 0B 19 FF 0B 00 00 00 0000 00", 10, 30, true)]
        [InlineData("07EA 0B 19 FF 0A 00 00 00 0000 00", "07EA 0B 19 FF 0B 00 00 00 0000 00", 11, 30, false)]
        // The year before: never again.
        [InlineData("07E9 0B 19 FF 0A 00 00 00 0000 00", "07E9 0B 19 FF 0B 00 00 00 0000 00", 10, 30, false)]
        public void IsInWindow_LocalTime(string start, string end, int hour, int minute, bool expected)
        {
            var kit = new PushTestKit();
            kit.Push.AddWindow(CosemDateTime.FromBytes(Support.Hex.Parse(start), 0), CosemDateTime.FromBytes(Support.Hex.Parse(end), 0));
            var now = new CosemDateTime();
            now.Set(2026, 11, 25, 3, (byte)hour, (byte)minute, 0, 0, 0, 0);

            Assert.Equal(expected, kit.Push.IsInWindow(now));
        }

        [Fact]
        public void IsInWindow_NoWindow_AlwaysOpen()
        {
            var kit = new PushTestKit();
            var now = new CosemDateTime();
            now.Set(2026, 11, 25, 3, 3, 0, 0, 0, 0, 0);

            Assert.True(kit.Push.IsInWindow(now));
        }
    }
}
