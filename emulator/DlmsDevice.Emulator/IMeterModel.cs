using DlmsDevice.Runtime;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// The meter the emulator serves: its channel slots (<see cref="ChannelPool"/>, from the
    /// portable device runtime), one pool per endpoint. The emulator only accepts connections and
    /// runs a thread per attached channel; the channels do the rest.
    /// </summary>
    public interface IMeterModel
    {
        /// <summary>The slots for connections of <paramref name="kind"/>; null = the meter does not serve them.</summary>
        ChannelPool Pool(ChannelKind kind);

        /// <summary>The DLMS server behind the pools, when there is one: the emulator logs its refused associations (null = none).</summary>
        DlmsServer? Server => null;
    }
}
