// Reference declarations (never shipped, never run): System.Threading 1.1
// (nanoFramework.System.Threading). Only what the Wi-Fi helper's signature needs. Bodies only throw.
namespace System.Threading
{
    public struct CancellationToken
    {
        public static CancellationToken None
        {
            get { throw new PlatformNotSupportedException(); }
        }

        public bool IsCancellationRequested
        {
            get { throw new PlatformNotSupportedException(); }
        }
    }
}
