using System;
using System.Collections.Generic;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Acse
{
    /// <summary>
    /// AARQ/RLRQ byte vectors: client (C&gt;S) bytes from Trace A and the recorded client sessions (docs/interop.md), and
    /// Green Book examples (via dlms-cosem tests). Server replies in the traces are never used
    /// as expected output (docs/interop.md, malformed replies).
    /// </summary>
    internal static class AcseVectors
    {
        /// <summary>Trace A (docs/interop.md) AARQ: LN, conformance 00 1E 1D, client PDU FFFF.</summary>
        public const string TraceAAarq =
            "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";

        /// <summary>Trace A AARE APDU (the server's answer in a known-good published session, docs/interop.md).</summary>
        public const string TraceAAare =
            "61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 " +
            "BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07";

        /// <summary>Trace B (Green Book / Kmethy) AARQ: conformance 00 30 1D.</summary>
        public const string TraceBAarq =
            "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 30 1D FF FF";

        /// <summary>gurux-net-client.txt session 1: A1 + BE only, conformance 62 1E 5D.</summary>
        public const string GuruxNetAarq = "601DA109060760857405080101BE10040E01000000065F1F0400621E5DFFFF";

        /// <summary>gurux-c-client.txt session 1: conformance 40 1E 1D.</summary>
        public const string GuruxCAarq = "601DA109060760857405080101BE10040E01000000065F1F0400401E1DFFFF";

        /// <summary>dlms-cosem-client.txt session 1: calling-AP-title in a plain LN AARQ, conformance 20 52 5F.</summary>
        public const string DlmsCosemAarq =
            "6029A109060760857405080101A60A0408757469476D4336B2BE10040E01000000065F1F040020525FFFFF";

        /// <summary>gurux-net-client.txt session 2: LLS, password "Gurux".</summary>
        public const string GuruxNetLlsAarq =
            "6033A1090607608574050801018A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F0400621E5DFFFF";

        /// <summary>gurux-c-client.txt session 2: LLS, password "Gurux".</summary>
        public const string GuruxCLlsAarq =
            "6033A1090607608574050801018A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F0400401E1DFFFF";

        /// <summary>dlms-cosem-client.txt session 2: calling-AP-title and LLS "Gurux".</summary>
        public const string DlmsCosemLlsAarq =
            "603FA109060760857405080101A60A0408757469A58708F96D8A0207808B0760857405080201AC0780054775727578BE10040E01000000065F1F040020525FFFFF";

        /// <summary>gurux-net-client.txt session 3: LN with ciphering, HLS-GMAC, glo-initiate-request.</summary>
        public const string GuruxNetHlsAarq =
            "605DA109060760857405080103A60A040847757275783132338A0207808B0760857405080205AC1280105F03291C25573548530E10186C6A4951" +
            "BE230421211F3000000000CB7AB52BB0A3C68CC30A412621FF7903A86E3631B09B7D04455C";

        /// <summary>Green Book example (dlms-cosem test_aarq.py): LLS "12345678", client PDU 1200.</summary>
        public const string GreenBookLlsAarq =
            "6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738BE10040E01000000065F1F0400007E1F04B0";

        /// <summary>Green Book example (dlms-cosem test_aarq.py): ciphered LN, LLS, glo-initiate-request 0x30 bytes.</summary>
        public const string GreenBookCipheredLlsAarq =
            "6066a109060760857405080103a60a04084D4D4D0000BC614E8a0207808b0760857405080201ac0a80083132333435363738" +
            "be34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855";

        /// <summary>Every client AARQ above (name, hex).</summary>
        public static IEnumerable<object[]> AllAarqs()
        {
            yield return new object[] { "TraceA", TraceAAarq };
            yield return new object[] { "TraceB", TraceBAarq };
            yield return new object[] { "GuruxNet", GuruxNetAarq };
            yield return new object[] { "GuruxC", GuruxCAarq };
            yield return new object[] { "DlmsCosem", DlmsCosemAarq };
            yield return new object[] { "GuruxNetLls", GuruxNetLlsAarq };
            yield return new object[] { "GuruxCLls", GuruxCLlsAarq };
            yield return new object[] { "DlmsCosemLls", DlmsCosemLlsAarq };
            yield return new object[] { "GuruxNetHls", GuruxNetHlsAarq };
            yield return new object[] { "GreenBookLls", GreenBookLlsAarq };
            yield return new object[] { "GreenBookCipheredLls", GreenBookCipheredLlsAarq };
        }

        /// <summary>Builds a BER element with a one-octet tag and a computed short/long-form length.</summary>
        public static byte[] Element(byte tag, params byte[][] parts)
        {
            var content = new List<byte>();
            foreach (byte[] part in parts)
            {
                content.AddRange(part);
            }

            var element = new List<byte> { tag };
            int n = content.Count;
            if (n < 0x80)
            {
                element.Add((byte)n);
            }
            else if (n < 0x100)
            {
                element.Add(0x81);
                element.Add((byte)n);
            }
            else
            {
                element.Add(0x82);
                element.Add((byte)(n >> 8));
                element.Add((byte)n);
            }

            element.AddRange(content);
            return element.ToArray();
        }

        /// <summary>Hex shorthand.</summary>
        public static byte[] H(string hex) => Hex.Parse(hex);

        /// <summary>A1 for LN (or the given context id).</summary>
        public static byte[] Context(byte id = 1) => H("A1 09 06 07 60 85 74 05 08 01 " + id.ToString("X2"));

        /// <summary>BE holding an InitiateRequest with version, conformance and client PDU.</summary>
        public static byte[] Initiate(byte version = 6, int conformance = 0x001E1D, int pdu = 0xFFFF)
        {
            byte[] xdlms =
            {
                0x01, 0x00, 0x00, 0x00, version, 0x5F, 0x1F, 0x04, 0x00,
                (byte)(conformance >> 16), (byte)(conformance >> 8), (byte)conformance,
                (byte)(pdu >> 8), (byte)pdu,
            };
            return Element(0xBE, Element(0x04, xdlms));
        }

        /// <summary>8A 02 07 80, 8B 07 ... m and, when given, AC .. 80 n password.</summary>
        public static byte[] Authentication(byte mechanism, string? password)
        {
            var parts = new List<byte>();
            parts.AddRange(H("8A 02 07 80 8B 07 60 85 74 05 08 02 " + mechanism.ToString("X2")));
            if (password != null)
            {
                parts.AddRange(Element(0xAC, Element(0x80, System.Text.Encoding.ASCII.GetBytes(password))));
            }

            return parts.ToArray();
        }

        /// <summary>An AARQ (60) around the given elements.</summary>
        public static byte[] Aarq(params byte[][] elements) => Element(0x60, elements);
    }
}
