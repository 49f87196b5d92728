using System;
using System.Diagnostics;
using System.IO;
using System.IO.Ports;
using System.Threading;

namespace DlmsDevice.Client
{
    /// <summary>
    /// The client side of the IEC 62056-21 mode E handshake on an open serial port: request at
    /// 300 Bd 7E1, identification, option select for HDLC, then the port switched to the agreed
    /// speed 8N1. An echo of the request (half-duplex heads) and of the option select (meters
    /// that repeat it) are both accepted.
    /// </summary>
    public static class OpticalSignOn
    {
        /// <summary>Signs on and leaves <paramref name="port"/> at the agreed speed, 8N1.</summary>
        /// <param name="port">An open port; it is set to 300 Bd 7E1 first.</param>
        /// <param name="deviceAddress">The meter's device address, or null for <c>/?!</c>.</param>
        /// <param name="maxBaudRate">The fastest speed this client wants; the meter's offer is used when lower.</param>
        /// <param name="timeout">How long to wait for the identification.</param>
        /// <param name="trace">Called with a line per message (null = quiet).</param>
        /// <returns>The meter's identification; <see cref="ModeEIdentification.MaxBaudRate"/> is what the meter offered.</returns>
        /// <exception cref="DlmsLinkException">No identification in time, or not a mode E identification.</exception>
        public static ModeEIdentification SignOn(SerialPort port, string? deviceAddress, int maxBaudRate, TimeSpan timeout, Action<string>? trace)
        {
            ArgumentNullException.ThrowIfNull(port);
            char wanted = ModeEMessages.BaudRateCharacter(maxBaudRate);
            port.BaudRate = 300;
            port.StopBits = StopBits.One;
            bool softwareParity = false;
            try
            {
                port.DataBits = 7;
                port.Parity = Parity.Even;
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                // A device without 7 data bits (a Linux pty): 7E1 made by hand on 8N1, the
                // same 10 bits on the wire, bit 7 carrying the parity.
                softwareParity = true;
                port.DataBits = 8;
                port.Parity = Parity.None;
            }
            port.DiscardInBuffer();

            byte[] request = ModeEMessages.Request(deviceAddress);
            trace?.Invoke("-> " + Printable(request));
            Write(port, request, softwareParity);
            ModeEIdentification? identification = null;
            Stopwatch watch = Stopwatch.StartNew();
            while (identification is null)
            {
                byte[]? line = ReadLine(port, timeout - watch.Elapsed);
                if (line is null)
                {
                    throw new DlmsLinkException("No IEC 62056-21 identification from " + port.PortName + " within " + timeout.TotalSeconds + " s.");
                }
                trace?.Invoke("<- " + Printable(line));
                if (line.AsSpan().SequenceEqual(request))
                {
                    continue; // our request, echoed by the head
                }
                identification = ModeEMessages.ParseIdentification(line)
                    ?? throw new DlmsLinkException("Not an IEC 62056-21 identification: " + Printable(line));
            }
            char z = identification.BaudRateCharacter < wanted ? identification.BaudRateCharacter : wanted;
            byte[] select = ModeEMessages.OptionSelect(z);
            trace?.Invoke("-> " + Printable(select));
            Write(port, select, softwareParity);
            // Meters may repeat the option select before they switch; a meter that does not is
            // silent: either way the line is quiet when this returns.
            byte[]? echo = ReadLine(port, TimeSpan.FromMilliseconds(1500));
            if (echo is not null)
            {
                trace?.Invoke("<- " + Printable(echo));
            }
            while (port.BytesToWrite > 0)
            {
                Thread.Sleep(5);
            }
            port.BaudRate = ModeEMessages.BaudRate(z);
            port.DataBits = 8;
            port.Parity = Parity.None;
            port.StopBits = StopBits.One;
            port.DiscardInBuffer();
            trace?.Invoke("== " + port.BaudRate + " Bd 8N1, HDLC");
            return identification;
        }

        private static void Write(SerialPort port, byte[] message, bool softwareParity)
        {
            byte[] bytes = softwareParity ? ModeEMessages.WithEvenParity(message) : message;
            port.Write(bytes, 0, bytes.Length);
        }

        // Bytes up to LF (included), or null when none came in time.
        private static byte[]? ReadLine(SerialPort port, TimeSpan timeout)
        {
            using MemoryStream line = new MemoryStream();
            Stopwatch watch = Stopwatch.StartNew();
            while (watch.Elapsed < timeout)
            {
                if (port.BytesToRead == 0)
                {
                    Thread.Sleep(5);
                    continue;
                }
                int b = port.ReadByte();
                if (b < 0)
                {
                    break;
                }
                line.WriteByte((byte)(b & 0x7F));
                if (b == 0x0A)
                {
                    return line.ToArray();
                }
            }
            return null;
        }

        private static string Printable(byte[] bytes)
        {
            char[] text = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                text[i] = b switch
                {
                    0x06 => '␆',
                    0x0D => '␍',
                    0x0A => '␊',
                    _ => b >= 0x20 && b < 0x7F ? (char)b : '.',
                };
            }
            return new string(text);
        }
    }
}
