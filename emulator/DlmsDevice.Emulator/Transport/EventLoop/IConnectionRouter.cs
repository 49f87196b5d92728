namespace DlmsDevice.Emulator.Transport.EventLoop
{
    /// <summary>
    /// Picks the slot of a connection on a port that several meters share, from the first bytes
    /// the client sends (the wrapper's destination wPort, the HDLC server address).
    /// </summary>
    public interface IConnectionRouter
    {
        /// <summary>
        /// Looks at the first <paramref name="count"/> bytes of <paramref name="connection"/>; once
        /// they name a meter, gives the connection a slot of that meter
        /// (<see cref="SocketConnection.Attach"/>) and returns <see cref="RouteResult.Routed"/>.
        /// The bytes are not consumed: they go to the slot next.
        /// </summary>
        RouteResult Route(SocketConnection connection, byte[] buffer, int count);
    }

    /// <summary>What a router made of a connection's first bytes.</summary>
    public enum RouteResult
    {
        /// <summary>Not enough bytes yet to know the address.</summary>
        NeedMore,

        /// <summary>The connection has a slot (<see cref="SocketConnection.Attach"/> was called).</summary>
        Routed,

        /// <summary>No meter has that address, or every slot of the meter holds an association: the connection is closed.</summary>
        Rejected,
    }
}
