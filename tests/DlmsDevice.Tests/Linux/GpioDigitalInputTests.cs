using System;
using System.Collections.Generic;
using System.Device.Gpio;
using DlmsDevice.Hal.Linux;
using DlmsDevice.Tests.Linux.Fakes;
using DlmsDevice.Tests.Meter;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>Switches on GPIO lines (cover, magnet, supply sense): debounced levels, one edge per real change, the relay.</summary>
    public class GpioDigitalInputTests
    {
        private const int Pin = 22;
        private static readonly DateTime Start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly FakeGpioDriver _driver = new FakeGpioDriver();
        private readonly ManualClock _clock = new ManualClock(Start);

        [Fact]
        public void BouncingSwitch_OneEdgeStampedWithTheStartOfTheStableLevel()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioDigitalInput cover = new GpioDigitalInput(controller, Pin, PinMode.InputPullUp, false, 50, _clock);
            List<(int Pin, bool Level, long Utc)> edges = new List<(int, bool, long)>();
            cover.Edge += (pin, level, utc) => edges.Add((pin, level, utc));
            _clock.Advance(1000);

            // The cover opens (high = open): 4 bounces, then it stays open.
            for (int i = 0; i < 4; i++)
            {
                _driver.Drive(Pin, true);
                _clock.Advance(2);
                _driver.Drive(Pin, false);
                _clock.Advance(2);
            }
            _driver.Drive(Pin, true);
            long stableFrom = _clock.Mono;
            for (int t = 0; t < 100; t += 5)
            {
                cover.Settle(_clock.Mono);
                _clock.Advance(5);
            }

            Assert.Equal(new[] { (Pin, true, Start.Ticks + stableFrom * TimeSpan.TicksPerMillisecond) }, edges);
            Assert.True(cover.Read());
        }

        [Fact]
        public void GlitchShorterThanTheDebounce_NoEdge()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioDigitalInput magnet = new GpioDigitalInput(controller, Pin, PinMode.Input, false, 50, _clock);
            int edges = 0;
            magnet.Edge += (_, _, _) => edges++;

            _driver.Drive(Pin, true);
            _clock.Advance(30);
            magnet.Settle(_clock.Mono);
            _driver.Drive(Pin, false);
            _clock.Advance(100);
            magnet.Settle(_clock.Mono);

            Assert.Equal(0, edges);
            Assert.False(magnet.Read());
        }

        [Fact]
        public void ActiveLow_LowLineIsActiveFromTheStart()
        {
            _driver.SetLevel(Pin, false);
            using GpioController controller = new GpioController(_driver);
            using GpioDigitalInput powerFail = new GpioDigitalInput(controller, Pin, PinMode.InputPullUp, true, 2, _clock);

            Assert.True(powerFail.Read());
        }

        [Fact]
        public void EdgesAndSettle_AfterWarmUp_AllocateNothing()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioDigitalInput cover = new GpioDigitalInput(controller, Pin, PinMode.InputPullUp, false, 10, _clock);
            int edges = 0;
            cover.Edge += (_, _, _) => edges++;
            Toggle(cover);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                Toggle(cover);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(202, edges);
        }

        private void Toggle(GpioDigitalInput input)
        {
            _driver.Drive(Pin, true);
            _clock.Advance(20);
            input.Settle(_clock.Mono);
            _driver.Drive(Pin, false);
            _clock.Advance(20);
            input.Settle(_clock.Mono);
        }

        [Theory]
        [InlineData(false, true, true)]
        [InlineData(false, false, false)]
        [InlineData(true, true, false)]
        [InlineData(true, false, true)]
        public void Relay_LogicalLevelToLine(bool activeLow, bool connected, bool lineHigh)
        {
            using GpioController controller = new GpioController(_driver);
            using GpioOutput relay = new GpioOutput(controller, 25, activeLow, !connected);

            relay.Write(connected);

            Assert.Equal(PinMode.Output, _driver.Mode(25));
            Assert.Equal(lineHigh, _driver.Level(25));
            Assert.Equal(connected, relay.Read());
        }

        [Fact]
        public void Relay_OpensAtTheRequestedLevel()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioOutput relay = new GpioOutput(controller, 25, false, true);

            Assert.True(_driver.Level(25));
            Assert.True(relay.Read());
        }
    }
}
