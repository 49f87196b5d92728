using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;

namespace DlmsDevice.Tests.Linux.Fakes
{
    /// <summary>
    /// A GPIO chip behind System.Device.Gpio's own seam, the abstract <see cref="GpioDriver"/>:
    /// the test drives input lines (<see cref="Drive"/>) and the registered edge callbacks run on
    /// the test's thread, as the libgpiod driver runs them on its event thread; output writes are
    /// recorded with their time. Event arguments are made once per line and edge, so raising an
    /// edge allocates nothing in the fake (the real driver allocates one per event).
    /// </summary>
    internal sealed class FakeGpioDriver : GpioDriver
    {
        private const int Lines = 64;
        private readonly object _sync = new object();
        private readonly bool[] _open = new bool[Lines];
        private readonly PinMode[] _modes = new PinMode[Lines];
        private readonly bool[] _levels = new bool[Lines];
        private readonly PinChangeEventHandler?[] _rising = new PinChangeEventHandler?[Lines];
        private readonly PinChangeEventHandler?[] _falling = new PinChangeEventHandler?[Lines];
        private readonly PinValueChangedEventArgs[] _risingArgs = new PinValueChangedEventArgs[Lines];
        private readonly PinValueChangedEventArgs[] _fallingArgs = new PinValueChangedEventArgs[Lines];
        private readonly int[] _writePins = new int[4096];
        private readonly bool[] _writeLevels = new bool[4096];
        private readonly long[] _writeTimes = new long[4096];
        private int _writes;

        public FakeGpioDriver()
        {
            for (int i = 0; i < Lines; i++)
            {
                _risingArgs[i] = new PinValueChangedEventArgs(PinEventTypes.Rising, i);
                _fallingArgs[i] = new PinValueChangedEventArgs(PinEventTypes.Falling, i);
            }
        }

        /// <summary>Lines the test marks as failing to open (an IOException, as libgpiod gives for a busy line).</summary>
        public bool[] Busy { get; } = new bool[Lines];

        public int OpenCount { get; private set; }

        /// <summary>Sets a line's level before it is opened (what the input reads at start).</summary>
        public void SetLevel(int pin, bool high)
        {
            lock (_sync)
            {
                _levels[pin] = high;
            }
        }

        public bool Level(int pin)
        {
            lock (_sync)
            {
                return _levels[pin];
            }
        }

        public bool IsOpen(int pin)
        {
            lock (_sync)
            {
                return _open[pin];
            }
        }

        public PinMode Mode(int pin)
        {
            lock (_sync)
            {
                return _modes[pin];
            }
        }

        /// <summary>Drives input line <paramref name="pin"/>; on a change, the callbacks for that edge run now, on this thread.</summary>
        public void Drive(int pin, bool high)
        {
            PinChangeEventHandler? handler;
            PinValueChangedEventArgs args;
            lock (_sync)
            {
                if (_levels[pin] == high)
                {
                    return;
                }
                _levels[pin] = high;
                handler = high ? _rising[pin] : _falling[pin];
                args = high ? _risingArgs[pin] : _fallingArgs[pin];
            }
            handler?.Invoke(this, args);
        }

        /// <summary>The writes to output lines so far: (line, level, Stopwatch timestamp).</summary>
        public (int Pin, bool High, long Timestamp)[] Writes()
        {
            lock (_sync)
            {
                var writes = new (int, bool, long)[_writes];
                for (int i = 0; i < _writes; i++)
                {
                    writes[i] = (_writePins[i], _writeLevels[i], _writeTimes[i]);
                }
                return writes;
            }
        }

        protected override int PinCount => Lines;

        protected override void OpenPin(int pinNumber)
        {
            lock (_sync)
            {
                if (Busy[pinNumber])
                {
                    throw new System.IO.IOException("Device or resource busy");
                }
                _open[pinNumber] = true;
                OpenCount++;
            }
        }

        protected override void ClosePin(int pinNumber)
        {
            lock (_sync)
            {
                _open[pinNumber] = false;
                _rising[pinNumber] = null;
                _falling[pinNumber] = null;
            }
        }

        protected override void SetPinMode(int pinNumber, PinMode mode)
        {
            lock (_sync)
            {
                _modes[pinNumber] = mode;
            }
        }

        protected override PinMode GetPinMode(int pinNumber)
        {
            lock (_sync)
            {
                return _modes[pinNumber];
            }
        }

        protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

        protected override PinValue Read(int pinNumber)
        {
            lock (_sync)
            {
                return _levels[pinNumber] ? PinValue.High : PinValue.Low;
            }
        }

        protected override void Write(int pinNumber, PinValue value)
        {
            lock (_sync)
            {
                bool high = value == PinValue.High;
                _levels[pinNumber] = high;
                if (_writes < _writePins.Length)
                {
                    _writePins[_writes] = pinNumber;
                    _writeLevels[_writes] = high;
                    _writeTimes[_writes] = Stopwatch.GetTimestamp();
                    _writes++;
                }
            }
        }

        protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
        {
            throw new NotSupportedException("The meter uses edge callbacks.");
        }

        protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
        {
            lock (_sync)
            {
                if ((eventTypes & PinEventTypes.Rising) != 0)
                {
                    _rising[pinNumber] += callback;
                }
                if ((eventTypes & PinEventTypes.Falling) != 0)
                {
                    _falling[pinNumber] += callback;
                }
            }
        }

        protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
        {
            lock (_sync)
            {
                _rising[pinNumber] -= callback;
                _falling[pinNumber] -= callback;
            }
        }
    }
}
