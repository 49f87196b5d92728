using System;
using System.Device.Gpio;
using DlmsDevice.Hal.Linux;
using DlmsDevice.Tests.Linux.Fakes;
using DlmsDevice.Tests.Meter;

namespace DlmsDevice.Tests.Linux
{
    /// <summary>An S0 input on a GPIO line through GpioController over the fake driver: edges in, pulses counted.</summary>
    public class GpioPulseInputTests
    {
        private const int Pin = 17;
        private readonly FakeGpioDriver _driver = new FakeGpioDriver();
        private readonly ManualClock _clock = new ManualClock(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));

        private GpioPulseInput Open(GpioController controller)
        {
            // An opto-coupler's collector with a pull-up: idle high, a pulse pulls it low.
            _driver.SetLevel(Pin, true);
            return new GpioPulseInput(controller, Pin, PinMode.InputPullUp, true, 5, 30, _clock);
        }

        // One S0 pulse (active low) of widthMs, with `bounces` contact bounces of 1 ms at each edge.
        private void Pulse(int widthMs, int bounces, int pauseMs)
        {
            for (int i = 0; i < bounces; i++)
            {
                _driver.Drive(Pin, false);
                _clock.Advance(1);
                _driver.Drive(Pin, true);
                _clock.Advance(1);
            }
            _driver.Drive(Pin, false);
            _clock.Advance(widthMs);
            _driver.Drive(Pin, true);
            for (int i = 0; i < bounces; i++)
            {
                _clock.Advance(1);
                _driver.Drive(Pin, false);
                _clock.Advance(1);
                _driver.Drive(Pin, true);
            }
            _clock.Advance(pauseMs);
        }

        [Fact]
        public void Open_LineIsAnInputWithPullUp()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioPulseInput input = Open(controller);

            Assert.True(_driver.IsOpen(Pin));
            Assert.Equal(PinMode.InputPullUp, _driver.Mode(Pin));
            Assert.False(input.Active);
        }

        [Fact]
        public void PulseTrainWithBounce_EachPulseCountedOnce()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioPulseInput input = Open(controller);

            for (int i = 0; i < 10; i++)
            {
                Pulse(40, 3, 60);
            }

            Assert.Equal(10, input.Count);
            Assert.Equal(10 * (2 + 3 * 4), input.Edges);
            Assert.Equal(0, input.Rejected);
        }

        [Fact]
        public void Read_TimeOfTheLastPulseIsItsLeadingEdge()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioPulseInput input = Open(controller);
            _clock.Advance(1000);

            Pulse(35, 2, 100);
            long start = _clock.Mono;
            Pulse(35, 2, 100);

            Assert.Equal(2, input.Read(out long lastEdge));
            Assert.Equal(start, lastEdge);
        }

        [Fact]
        public void ShortGlitches_NotCounted()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioPulseInput input = Open(controller);

            Pulse(3, 0, 50);
            Pulse(10, 0, 50);
            Pulse(30, 0, 50);

            Assert.Equal(1, input.Count);
            Assert.Equal(2, input.Rejected);
        }

        [Fact]
        public void Dispose_ClosesTheLineAndStopsCounting()
        {
            GpioController controller = new GpioController(_driver);
            GpioPulseInput input = Open(controller);
            Pulse(40, 0, 60);

            input.Dispose();
            Pulse(40, 0, 60);

            Assert.False(_driver.IsOpen(Pin));
            Assert.Equal(1, input.Count);
            controller.Dispose();
        }

        /// <summary>
        /// The edge callback runs for every edge, bounce included: after warm-up it allocates
        /// nothing (the fake driver reuses its event arguments, so what is measured is the
        /// controller's dispatch and our callback).
        /// </summary>
        [Fact]
        public void EdgesAndReads_AfterWarmUp_AllocateNothing()
        {
            using GpioController controller = new GpioController(_driver);
            using GpioPulseInput input = Open(controller);
            Pulse(40, 3, 60);
            input.Read(out _);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++)
            {
                Pulse(40, 3, 60);
                input.Read(out _);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(201, input.Count);
        }
    }
}
