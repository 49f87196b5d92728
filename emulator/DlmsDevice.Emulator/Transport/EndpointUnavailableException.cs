using System;

namespace DlmsDevice.Emulator.Transport
{
    /// <summary>
    /// An endpoint the emulator was asked to open cannot be opened; the message names it and says
    /// why ("TCP wrapper port 4059 on 127.0.0.1 is in use", "serial line /dev/ttyUSB0: no such
    /// device"). The CLI prints it and exits with code 1.
    /// </summary>
    public sealed class EndpointUnavailableException : Exception
    {
        /// <summary>Creates the exception with the operator's <paramref name="message"/> and the underlying error.</summary>
        public EndpointUnavailableException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
