using System;
using System.Security.Cryptography;

namespace DlmsDevice.Hal.Desktop
{
    /// <summary>Random bytes from the operating system's cryptographic generator.</summary>
    public sealed class SystemEntropySource : IEntropySource
    {
        /// <inheritdoc />
        public void GetBytes(byte[] buffer, int offset, int count)
        {
            RandomNumberGenerator.Fill(new Span<byte>(buffer, offset, count));
        }
    }
}
