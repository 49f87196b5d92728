using System;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>Words for an endpoint that cannot be opened, naming it (<see cref="EndpointUnavailableException"/>).</summary>
    public static class EndpointErrors
    {
        /// <summary>A TCP listener (<paramref name="name"/>: "TCP wrapper", "HDLC over TCP") that could not bind or listen.</summary>
        public static EndpointUnavailableException Tcp(string name, IPAddress address, int port, SocketException ex)
        {
            string where = port > 0 ? "port " + port + " on " + address : "a port on " + address;
            string message = ex.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => name + " " + where + " is in use (another program listens there: stop it or choose another port)",
                SocketError.AddressNotAvailable => name + " cannot listen on " + address + ": not an address of this machine (--bind)",
                SocketError.AccessDenied => name + " " + where + ": permission denied (ports below 1024 need privileges)",
                _ => name + " " + where + " cannot be opened: " + ex.Message,
            };
            return new EndpointUnavailableException(message, ex);
        }

        /// <summary>A serial device (<paramref name="name"/>: "serial line", "optical port") that could not be opened.</summary>
        public static EndpointUnavailableException Serial(string name, string device, Exception ex)
        {
            string message = ex switch
            {
                FileNotFoundException => name + " " + device + ": no such device",
                UnauthorizedAccessException => name + " " + device + ": " + ex.Message,
                _ => name + " " + device + " cannot be opened: " + ex.Message,
            };
            return new EndpointUnavailableException(message, ex);
        }
    }
}
