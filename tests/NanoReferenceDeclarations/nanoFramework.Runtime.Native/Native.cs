// Reference declarations (never shipped, never run): signatures of nanoFramework.Runtime.Native
// 1.7 as nanoFramework publishes them (nanoframework/nanoFramework.Runtime.Native: RTC.cs,
// Power.cs, System/Environment.cs). Bodies only throw.
using System;

namespace nanoFramework.Runtime.Native
{
    public class Rtc
    {
        public Rtc()
        {
            throw new PlatformNotSupportedException();
        }

        public static bool SetSystemTime(DateTime time)
        {
            throw new PlatformNotSupportedException();
        }
    }

    public delegate void RebootEventHandler();

    public class Power
    {
        public Power()
        {
            throw new PlatformNotSupportedException();
        }

        public static event RebootEventHandler OnRebootEvent
        {
            add { throw new PlatformNotSupportedException(); }
            remove { throw new PlatformNotSupportedException(); }
        }

        public static void RebootDevice()
        {
            throw new PlatformNotSupportedException();
        }

        public static void RebootDevice(int exeConstraintTimeout)
        {
            throw new PlatformNotSupportedException();
        }
    }
}

namespace System
{
    public static partial class Environment
    {
        public static long TickCount64
        {
            get { throw new PlatformNotSupportedException(); }
        }
    }
}
