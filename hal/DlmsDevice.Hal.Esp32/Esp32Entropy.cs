using System;

namespace DlmsDevice.Hal.Esp32
{
    /// <summary>
    /// Random bytes from the ESP32's hardware generator: nanoCLR's System.Random on the ESP32
    /// target draws every byte from esp_random() (nf-interpreter, CLR_RT_Random for ESP32). The
    /// generator is truly random while Wi-Fi or Bluetooth runs (ESP-IDF); without a radio its
    /// bytes come from the bootloader-seeded state.
    /// </summary>
    public sealed class Esp32Entropy : IEntropySource
    {
        private readonly Random _random = new Random();
        private readonly byte[] _block = new byte[32];

        /// <inheritdoc />
        public void GetBytes(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                _random.NextBytes(_block);
                int n = count < _block.Length ? count : _block.Length;
                Array.Copy(_block, 0, buffer, offset, n);
                offset += n;
                count -= n;
            }
        }
    }
}
