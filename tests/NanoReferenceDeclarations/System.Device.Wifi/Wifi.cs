// Reference declarations (never shipped, never run): System.Device.Wifi 1.5
// (nanoFramework.System.Device.Wifi): WifiNetworkHelper lives in this assembly, in namespace
// nanoFramework.Networking. Bodies only throw.
using System.Threading;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static System.Exception HelperException
        {
            get { throw new System.PlatformNotSupportedException(); }
        }

        public static bool ConnectDhcp(string ssid, string password, System.Device.Wifi.WifiReconnectionKind reconnectionKind = System.Device.Wifi.WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default)
        {
            throw new System.PlatformNotSupportedException();
        }
    }
}
