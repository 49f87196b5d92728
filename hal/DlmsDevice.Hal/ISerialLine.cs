namespace DlmsDevice.Hal
{
    /// <summary>
    /// A serial line whose speed and character format can be changed while it is open: the
    /// optical port, which signs on at 300 Bd 7E1 and switches to the agreed speed 8N1 for HDLC
    /// (IEC 62056-21 mode E). Implemented over System.IO.Ports on a desktop or Linux host and
    /// over nanoFramework's SerialPort on an ESP32.
    /// </summary>
    public interface ISerialLine : IByteChannel
    {
        /// <summary>The speed in use now (bits per second).</summary>
        int BaudRate { get; }

        /// <summary>The character format in use now.</summary>
        SerialCharacterFormat Format { get; }

        /// <summary>
        /// Changes speed and character format once everything written so far has left the
        /// line (an implementation waits for its transmit buffer to drain, so a reply written
        /// at the old speed is not cut off). Bytes received afterwards are read at the new
        /// settings.
        /// </summary>
        /// <returns>False when the line refused (closed, or the speed is not supported): it keeps its settings.</returns>
        bool Configure(int baudRate, SerialCharacterFormat format);
    }
}
