namespace DlmsDevice.Firmware
{
    /// <summary>One UART of the board: which one, its pins, its speed. Configuration time only.</summary>
    public sealed class SerialLineSettings
    {
        /// <summary>Off: the line is not opened.</summary>
        public bool Enabled { get; set; }

        /// <summary>The UART as nanoFramework names it: 2 = "COM2" (ESP32 UART1), 3 = "COM3" (UART2).</summary>
        public int Uart { get; set; }

        /// <summary>GPIO of TX.</summary>
        public int TxPin { get; set; }

        /// <summary>GPIO of RX.</summary>
        public int RxPin { get; set; }

        /// <summary>GPIO of RTS, the RS-485 driver enable (DE and /RE); -1 = none.</summary>
        public int RtsPin { get; set; }

        /// <summary>Speed (RS-485: the HDLC speed; optical: the fastest speed offered after the sign-on).</summary>
        public int BaudRate { get; set; }

        /// <summary>RS-485 only: the transceiver hears its own transmission (RE tied low): drop the echo.</summary>
        public bool Echo { get; set; }

        /// <summary>RS-485 only: least time between the last byte received and an answer (ms).</summary>
        public int TurnaroundMilliseconds { get; set; }

        /// <summary>The nanoFramework port name of <see cref="Uart"/>: "COM2".</summary>
        public string PortName
        {
            get { return "COM" + Uart.ToString(); }
        }
    }
}
