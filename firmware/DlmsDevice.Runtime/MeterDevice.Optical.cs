using DlmsDevice.Hal;
using DlmsDevice.Runtime.Optical;
using DlmsDevice.Stack.Hdlc;

namespace DlmsDevice.Runtime
{
    public sealed partial class MeterDevice
    {
        /// <summary>
        /// Serves an optical port: <paramref name="line"/> (opened by the host) signs on at
        /// 300 Bd 7E1 with IEC 62056-21 mode E, then carries HDLC at the agreed speed in a serial
        /// slot, and returns to sign-on after each session.
        /// </summary>
        /// <param name="line">The serial line behind the optical head.</param>
        /// <param name="settings">Identification, fastest speed, time-outs.</param>
        /// <returns>The serial slot serving it (its <see cref="DeviceChannel.Connection"/> is the <see cref="OpticalPort"/>); null when every serial slot is taken.</returns>
        public DeviceChannel OpenOptical(ISerialLine line, ModeESettings settings)
        {
            // A free slot only: an optical port never takes another serial line's slot.
            if (_serial.AttachedCount >= _serial.Capacity)
            {
                return null;
            }
            OpticalPort port = new OpticalPort(line, settings, _linkClock);
            DeviceChannel channel = OpenSerial(port);
            if (channel == null)
            {
                return null;
            }
            port.Attach((HdlcServerLink)channel.Link);
            return channel;
        }
    }
}
