using System;
using System.Collections.Generic;

namespace DlmsDevice.Tests.SecurityServer.Support
{
    /// <summary>A minimal BER reading of an AARE (or RLRE): its top-level elements by tag, with strict length checks.</summary>
    internal sealed class AareView
    {
        public byte Tag { get; private set; }
        public Dictionary<byte, byte[]> Elements { get; } = new Dictionary<byte, byte[]>();
        public List<byte> Order { get; } = new List<byte>();

        public static AareView Parse(byte[] apdu)
        {
            AareView view = new AareView { Tag = apdu[0] };
            int p = 1;
            int length = ReadLength(apdu, ref p);
            Assert.True(length == apdu.Length - p, "outer BER length " + length + " but " + (apdu.Length - p) + " bytes follow");
            while (p < apdu.Length)
            {
                byte tag = apdu[p++];
                int n = ReadLength(apdu, ref p);
                Assert.True(n <= apdu.Length - p, "element " + tag.ToString("X2") + " overruns the APDU");
                view.Elements[tag] = apdu.AsSpan(p, n).ToArray();
                view.Order.Add(tag);
                p += n;
            }
            return view;
        }

        public bool Has(byte tag) => Elements.ContainsKey(tag);

        public byte ApplicationContext => Elements[0xA1][^1];

        /// <summary>A2 03 02 01 r.</summary>
        public byte Result => Elements[0xA2][2];

        /// <summary>A3 05 A1|A2 03 02 01 d.</summary>
        public byte Diagnostic => Elements[0xA3][4];

        public bool DiagnosticIsProvider => Elements[0xA3][0] == 0xA2;

        public byte[]? RespondingApTitle => Has(0xA4) ? Inner(Elements[0xA4], 0x04) : null;

        public byte? Mechanism => Has(0x89) ? Elements[0x89][^1] : null;

        public byte[]? RespondingAuthenticationValue => Has(0xAA) ? Inner(Elements[0xAA], 0x80) : null;

        /// <summary>The xDLMS APDU in user-information (BE len 04 n APDU); the inner BER length is checked too.</summary>
        public byte[]? UserInformation => Has(0xBE) ? Inner(Elements[0xBE], 0x04) : null;

        private static byte[] Inner(byte[] element, byte tag)
        {
            Assert.Equal(tag, element[0]);
            int p = 1;
            int n = ReadLength(element, ref p);
            Assert.True(n == element.Length - p, "inner BER length " + n + " but " + (element.Length - p) + " bytes");
            return element.AsSpan(p, n).ToArray();
        }

        private static int ReadLength(byte[] buffer, ref int p)
        {
            int first = buffer[p++];
            if (first < 0x80) return first;
            int size = first & 0x7F;
            int value = 0;
            for (int i = 0; i < size; i++) value = value << 8 | buffer[p++];
            return value;
        }
    }
}
