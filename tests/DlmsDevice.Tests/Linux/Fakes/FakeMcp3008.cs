using System;
using System.Device.Spi;
using System.IO;

namespace DlmsDevice.Tests.Linux.Fakes
{
    /// <summary>
    /// An MCP3008 behind System.Device.Gpio's own seam, the abstract <see cref="SpiDevice"/>,
    /// answering bit by bit as the data sheet's SPI timing (Microchip DS21295, figure 5-1) has it:
    /// the chip ignores the bits before the start bit, then reads SGL/DIFF and D2..D0, samples
    /// for one clock, sends a null bit (0) and the 10-bit result, MSB first. Bits the chip does
    /// not drive read as 1 (MISO pulled up). The test sets each channel's counts, can leave MISO
    /// floating (every bit 1: the null bit is not 0) or make the ioctl fail (IOException).
    /// Allocates nothing per transfer.
    /// </summary>
    internal sealed class FakeMcp3008 : SpiDevice
    {
        private readonly object _sync = new object();
        private readonly SpiConnectionSettings _settings;
        private readonly int[] _channels = new int[8];
        private readonly IOException _failure = new IOException("Error 5 performing SPI data transfer.");

        public FakeMcp3008(int bus, int chipSelect)
        {
            _settings = new SpiConnectionSettings(bus, chipSelect);
        }

        public override SpiConnectionSettings ConnectionSettings => _settings;

        /// <summary>MISO not connected: every bit reads 1.</summary>
        public bool Floating { get; set; }

        /// <summary>Every transfer fails while true.</summary>
        public bool Failing { get; set; }

        public int Transfers { get; private set; }

        /// <summary>The last single-ended channel converted; -1 for a differential request.</summary>
        public int LastChannel { get; private set; } = -1;

        public void SetChannel(int channel, int counts)
        {
            lock (_sync)
            {
                _channels[channel] = counts & 0x3FF;
            }
        }

        public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            lock (_sync)
            {
                Transfers++;
                if (Failing)
                {
                    throw _failure;
                }
                int bits = writeBuffer.Length * 8;
                int start = -1;
                for (int i = 0; i < bits; i++)
                {
                    if (Bit(writeBuffer, i))
                    {
                        start = i;
                        break;
                    }
                }
                int value = 0;
                bool single = false;
                if (start >= 0 && start + 4 < bits)
                {
                    single = Bit(writeBuffer, start + 1);
                    int channel = (Bit(writeBuffer, start + 2) ? 4 : 0) | (Bit(writeBuffer, start + 3) ? 2 : 0) | (Bit(writeBuffer, start + 4) ? 1 : 0);
                    LastChannel = single ? channel : -1;
                    value = single ? _channels[channel] : 0;
                }
                for (int i = 0; i < readBuffer.Length * 8; i++)
                {
                    // Undriven bits (before the null bit) read as 1.
                    bool bit = true;
                    if (!Floating && start >= 0)
                    {
                        int k = i - (start + 6);
                        if (k == 0)
                        {
                            bit = false; // the null bit
                        }
                        else if (k >= 1 && k <= 10)
                        {
                            bit = ((value >> (10 - k)) & 1) != 0;
                        }
                    }
                    SetBit(readBuffer, i, bit);
                }
            }
        }

        public override void Read(Span<byte> buffer)
        {
            TransferFullDuplex(ReadOnlySpan<byte>.Empty, buffer);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_sync)
            {
                Transfers++;
            }
        }

        private static bool Bit(ReadOnlySpan<byte> buffer, int index)
        {
            return (buffer[index >> 3] & (0x80 >> (index & 7))) != 0;
        }

        private static void SetBit(Span<byte> buffer, int index, bool value)
        {
            int mask = 0x80 >> (index & 7);
            if (value)
            {
                buffer[index >> 3] |= (byte)mask;
            }
            else
            {
                buffer[index >> 3] &= (byte)~mask;
            }
        }
    }
}
