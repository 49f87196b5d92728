// Reference declarations (never shipped, never run): nanoFramework.Hardware.Esp32 1.6
// (Configuration.cs, DeviceTypePins.cs, Gpio/GpioPulseCounter, GpioPulseCount.cs,
// GpioPulsePolarity.cs). The pulse counter is in namespace System.Device.Gpio although the
// assembly is this one. DeviceFunction lists the UART members the firmware uses (values as
// published: DeviceTypes.SERIAL 0x30000 + 0x100 x port + function). Bodies only throw.
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        COM2_TX = 0x30200,
        COM2_RX = 0x30201,
        COM2_RTS = 0x30202,
        COM2_CTS = 0x30203,
        COM3_TX = 0x30300,
        COM3_RX = 0x30301,
        COM3_RTS = 0x30302,
        COM3_CTS = 0x30303,
    }

    public class Configuration
    {
        public Configuration()
        {
            throw new System.PlatformNotSupportedException();
        }

        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            throw new System.PlatformNotSupportedException();
        }

        public static int GetFunctionPin(DeviceFunction function)
        {
            throw new System.PlatformNotSupportedException();
        }
    }
}

namespace System.Device.Gpio
{
    public enum GpioPulsePolarity
    {
        Both,
        Falling,
        Rising,
    }

    public struct GpioPulseCount
    {
        public long Count;

        public TimeSpan RelativeTime;
    }

    public sealed class GpioPulseCounter : IDisposable
    {
        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1)
        {
            throw new PlatformNotSupportedException();
        }

        public bool IsStarted
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public GpioPulsePolarity Polarity
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public ushort FilterPulses
        {
            get { throw new PlatformNotSupportedException(); }
            set { throw new PlatformNotSupportedException(); }
        }

        public GpioPulseCount Read()
        {
            throw new PlatformNotSupportedException();
        }

        public GpioPulseCount Reset()
        {
            throw new PlatformNotSupportedException();
        }

        public void Start()
        {
            throw new PlatformNotSupportedException();
        }

        public void Stop()
        {
            throw new PlatformNotSupportedException();
        }

        public void Dispose()
        {
            throw new PlatformNotSupportedException();
        }
    }
}
