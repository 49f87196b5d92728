using DlmsDevice.Stack;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// The meter the emulator serves: its COSEM objects and associations. The endpoints ask it
    /// for one session per channel (TCP connection, serial line); all sessions share the objects.
    /// </summary>
    public interface IMeterModel
    {
        /// <summary>A new application session (the per-channel association state) over the shared objects.</summary>
        IApduHandler CreateSession();

        /// <summary>Lock that serialises requests from all channels on the shared objects.</summary>
        object SyncRoot { get; }

        /// <summary>
        /// The client SAPs some association serves: HDLC links refuse an SNRM from any other
        /// client with DM (<see cref="Stack.Hdlc.HdlcSettings.ClientSaps"/>). Null = any client.
        /// </summary>
        int[]? ClientSaps
        {
            get { return null; }
        }
    }
}
