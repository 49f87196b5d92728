// Reference declarations (never shipped, never run): System.Device.Gpio 1.1
// (nanoFramework.System.Device.Gpio: GpioController.cs, GpioPin.cs, PinValue.cs, PinMode.cs,
// PinValueChangedEventArgs.cs, PinEventTypes). Bodies only throw. PinValue is a struct there:
// each value read or written is a heap block on nanoCLR.
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public readonly struct PinValue
    {
        public static PinValue High
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public static PinValue Low
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public static bool operator ==(PinValue a, PinValue b)
        {
            throw new PlatformNotSupportedException();
        }

        public static bool operator !=(PinValue a, PinValue b)
        {
            throw new PlatformNotSupportedException();
        }

        public bool Equals(PinValue other)
        {
            throw new PlatformNotSupportedException();
        }

        public override bool Equals(object obj)
        {
            throw new PlatformNotSupportedException();
        }

        public override int GetHashCode()
        {
            throw new PlatformNotSupportedException();
        }
    }

    public class PinValueChangedEventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
            throw new PlatformNotSupportedException();
        }

        public PinEventTypes ChangeType
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public int PinNumber
        {
            get { throw new PlatformNotSupportedException(); }
        }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        private GpioPin()
        {
            throw new PlatformNotSupportedException();
        }

        public TimeSpan DebounceTimeout
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public int PinNumber
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public event PinValueChangedEventHandler ValueChanged
        {
            add { throw new PlatformNotSupportedException(); }
            remove { throw new PlatformNotSupportedException(); }
        }

        public PinMode GetPinMode()
        {
            throw new PlatformNotSupportedException();
        }

        public void SetPinMode(PinMode value)
        {
            throw new PlatformNotSupportedException();
        }

        public PinValue Read()
        {
            throw new PlatformNotSupportedException();
        }

        public void Write(PinValue value)
        {
            throw new PlatformNotSupportedException();
        }

        public void Toggle()
        {
            throw new PlatformNotSupportedException();
        }

        public void Dispose()
        {
            throw new PlatformNotSupportedException();
        }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController()
        {
            throw new PlatformNotSupportedException();
        }

        public GpioPin OpenPin(int pinNumber)
        {
            throw new PlatformNotSupportedException();
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw new PlatformNotSupportedException();
        }

        public void ClosePin(int pinNumber)
        {
            throw new PlatformNotSupportedException();
        }

        public bool IsPinOpen(int pinNumber)
        {
            throw new PlatformNotSupportedException();
        }

        public PinValue Read(int pinNumber)
        {
            throw new PlatformNotSupportedException();
        }

        public void Write(int pinNumber, PinValue value)
        {
            throw new PlatformNotSupportedException();
        }

        public void SetPinMode(int pinNumber, PinMode mode)
        {
            throw new PlatformNotSupportedException();
        }

        public void Dispose()
        {
            throw new PlatformNotSupportedException();
        }
    }
}
