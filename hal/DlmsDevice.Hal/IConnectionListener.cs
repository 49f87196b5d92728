namespace DlmsDevice.Hal
{
    /// <summary>
    /// A listening TCP socket that a single-threaded main loop polls: each waiting connection
    /// comes out as a byte channel, which the host gives to the device runtime (or closes to
    /// refuse it). Platforms: System.Net.Sockets on nanoFramework (Socket.Poll, then Accept).
    /// </summary>
    public interface IConnectionListener
    {
        /// <summary>A connection that is waiting, as a byte channel; null when none is. Never blocks.</summary>
        IByteChannel Accept();

        /// <summary>Stops listening.</summary>
        void Close();
    }
}
