using System;
using System.Device.I2c;
using System.IO;

namespace DlmsDevice.Tests.Linux.Fakes
{
    /// <summary>
    /// An ADS1115 behind System.Device.Gpio's own seam, the abstract <see cref="I2cDevice"/>: the
    /// register map of the data sheet (TI SBAS444, section 8.6). The address pointer register
    /// selects conversion (0), config (1), Lo_thresh (2) or Hi_thresh (3); writing config with OS
    /// = 1 starts a single-shot conversion of the input MUX[14:12] selects, OS reads 0 while it
    /// runs (for <see cref="BusyReads"/> reads of config) and 1 when done; the conversion register
    /// then holds the input's value, big-endian, two's complement. The test sets each
    /// multiplexer setting's value and can make transfers fail as a broken bus does (IOException,
    /// as the kernel's I2C_RDWR ioctl reports it). Allocates nothing per transfer.
    /// </summary>
    internal sealed class FakeAds1115 : I2cDevice
    {
        private readonly object _sync = new object();
        private readonly I2cConnectionSettings _settings;
        private readonly short[] _inputs = new short[8];
        private readonly IOException _failure = new IOException("Error 121 performing I2C data transfer.");
        private int _pointer;
        private ushort _config = 0x8583;
        private ushort _lowThreshold = 0x8000;
        private ushort _highThreshold = 0x7FFF;
        private short _conversion;
        private int _busy;
        private int _failNext;
        private int _failAt;

        public FakeAds1115(int bus, int address)
        {
            _settings = new I2cConnectionSettings(bus, address);
        }

        public override I2cConnectionSettings ConnectionSettings => _settings;

        /// <summary>Config reads with OS = 0 after each conversion starts.</summary>
        public int BusyReads { get; set; } = 1;

        /// <summary>Every transfer fails while true.</summary>
        public bool Failing { get; set; }

        /// <summary>Conversions started so far.</summary>
        public int Conversions { get; private set; }

        /// <summary>Transfers so far (each Write, Read, WriteRead).</summary>
        public int Transfers { get; private set; }

        /// <summary>The config register as last written (OS bit as written).</summary>
        public ushort Config
        {
            get
            {
                lock (_sync)
                {
                    return _config;
                }
            }
        }

        /// <summary>The value (counts) a conversion of multiplexer setting <paramref name="mux"/> gives (4 = AIN0 .. 7 = AIN3).</summary>
        public void SetInput(int mux, short counts)
        {
            lock (_sync)
            {
                _inputs[mux] = counts;
            }
        }

        /// <summary>Transfer number <paramref name="transfer"/> (counting as <see cref="Transfers"/> does) fails.</summary>
        public void FailAt(int transfer)
        {
            lock (_sync)
            {
                _failAt = transfer;
            }
        }

        /// <summary>The next <paramref name="transfers"/> transfers fail.</summary>
        public void FailNext(int transfers)
        {
            lock (_sync)
            {
                _failNext = transfers;
            }
        }

        public override void Read(Span<byte> buffer)
        {
            lock (_sync)
            {
                Transfer();
                ReadRegister(buffer);
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_sync)
            {
                Transfer();
                WriteRegisters(buffer);
            }
        }

        public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
        {
            lock (_sync)
            {
                Transfer();
                WriteRegisters(writeBuffer);
                ReadRegister(readBuffer);
            }
        }

        private void ReadRegister(Span<byte> buffer)
        {
            ushort value;
            switch (_pointer)
            {
                case 0:
                    value = (ushort)_conversion;
                    break;
                case 1:
                    if (_busy > 0)
                    {
                        _busy--;
                        value = (ushort)(_config & 0x7FFF);
                    }
                    else
                    {
                        value = (ushort)(_config | 0x8000);
                    }
                    break;
                case 2:
                    value = _lowThreshold;
                    break;
                default:
                    value = _highThreshold;
                    break;
            }
            if (buffer.Length > 0)
            {
                buffer[0] = (byte)(value >> 8);
            }
            if (buffer.Length > 1)
            {
                buffer[1] = (byte)value;
            }
        }

        private void Transfer()
        {
            Transfers++;
            if (Transfers == _failAt)
            {
                throw _failure;
            }
            if (Failing || _failNext > 0)
            {
                if (_failNext > 0)
                {
                    _failNext--;
                }
                throw _failure;
            }
        }

        private void WriteRegisters(ReadOnlySpan<byte> buffer)
        {
            if (buffer.Length == 0)
            {
                return;
            }
            _pointer = buffer[0] & 0x03;
            if (buffer.Length < 3)
            {
                return;
            }
            ushort value = (ushort)((buffer[1] << 8) | buffer[2]);
            switch (_pointer)
            {
                case 1:
                    _config = (ushort)(value & 0x7FFF);
                    if ((value & 0x8000) != 0)
                    {
                        // OS = 1: a single-shot conversion of the selected input.
                        int mux = (value >> 12) & 0x07;
                        _conversion = _inputs[mux];
                        _busy = BusyReads;
                        Conversions++;
                    }
                    break;
                case 2:
                    _lowThreshold = value;
                    break;
                case 3:
                    _highThreshold = value;
                    break;
            }
        }
    }
}
