// Reference declarations (never shipped, never run): nanoFramework.Networking.Sntp 1.6: the
// SNTP client of the network stack, all static. Bodies only throw.
namespace nanoFramework.Networking
{
    public static class Sntp
    {
        public static bool IsStarted
        {
            get { throw new System.PlatformNotSupportedException(); }
        }

        public static string Server1
        {
            get { throw new System.PlatformNotSupportedException(); }
            set { throw new System.PlatformNotSupportedException(); }
        }

        public static string Server2
        {
            get { throw new System.PlatformNotSupportedException(); }
            set { throw new System.PlatformNotSupportedException(); }
        }

        public static void Start()
        {
            throw new System.PlatformNotSupportedException();
        }

        public static void Stop()
        {
            throw new System.PlatformNotSupportedException();
        }

        public static void UpdateNow()
        {
            throw new System.PlatformNotSupportedException();
        }
    }
}
