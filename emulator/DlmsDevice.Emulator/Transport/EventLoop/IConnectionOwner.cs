namespace DlmsDevice.Emulator.Transport.EventLoop
{
    /// <summary>Who keeps track of the <see cref="SocketConnection"/>s of an endpoint.</summary>
    public interface IConnectionOwner
    {
        /// <summary>The connection ended (its socket is closed; its slot, if it had one, was freed).</summary>
        void Finished(SocketConnection connection);
    }
}
