using System;

namespace DlmsDevice.Client
{
    /// <summary>How many bytes the HDLC server (destination) address takes.</summary>
    public enum HdlcAddressSize
    {
        /// <summary>1 byte (logical only) when no physical address is given, else 2 bytes.</summary>
        Auto = 0,
        /// <summary>1 byte: logical device address only.</summary>
        One = 1,
        /// <summary>2 bytes: 7-bit logical (upper) and 7-bit physical (lower) address.</summary>
        Two = 2,
        /// <summary>4 bytes: 14-bit logical and 14-bit physical address.</summary>
        Four = 4,
    }

    /// <summary>
    /// HDLC address encoding (IEC 62056-46 6.4.2.2): 7 address bits per byte, the least significant
    /// bit set only in the last byte of the address.
    /// </summary>
    public static class HdlcAddress
    {
        /// <summary>Client address: one byte, <c>(SAP &lt;&lt; 1) | 1</c> (public client 16 gives 0x21).</summary>
        public static byte Client(int sap)
        {
            if (sap < 0 || sap > 0x7F)
            {
                throw new ArgumentOutOfRangeException(nameof(sap), "A client SAP is 0..127.");
            }
            return (byte)((sap << 1) | 1);
        }

        /// <summary>
        /// Server address: logical device (upper HDLC address) and optional physical device (lower
        /// HDLC address). Logical 1 alone gives <c>03</c>; logical 1 / physical 17 gives <c>02 23</c>
        /// (2 bytes) or <c>00 02 00 23</c> (4 bytes).
        /// </summary>
        public static byte[] Server(int logical, int? physical, HdlcAddressSize size = HdlcAddressSize.Auto)
        {
            if (size == HdlcAddressSize.Auto)
            {
                size = physical is null ? HdlcAddressSize.One : HdlcAddressSize.Two;
            }
            int lower = physical ?? 0;
            switch (size)
            {
                case HdlcAddressSize.One:
                    if (physical is not null)
                    {
                        throw new ArgumentException("A 1-byte server address cannot carry a physical address.", nameof(physical));
                    }
                    Check(logical, 0x7F, nameof(logical));
                    return new[] { (byte)((logical << 1) | 1) };
                case HdlcAddressSize.Two:
                    Check(logical, 0x7F, nameof(logical));
                    Check(lower, 0x7F, nameof(physical));
                    return new[] { (byte)(logical << 1), (byte)((lower << 1) | 1) };
                case HdlcAddressSize.Four:
                    Check(logical, 0x3FFF, nameof(logical));
                    Check(lower, 0x3FFF, nameof(physical));
                    return new[]
                    {
                        (byte)((logical >> 7) << 1), (byte)((logical & 0x7F) << 1),
                        (byte)((lower >> 7) << 1), (byte)(((lower & 0x7F) << 1) | 1),
                    };
                default:
                    throw new ArgumentOutOfRangeException(nameof(size));
            }
        }

        private static void Check(int value, int max, string name)
        {
            if (value < 0 || value > max)
            {
                throw new ArgumentOutOfRangeException(name, "HDLC address part must be 0.." + max + ".");
            }
        }
    }
}
