using System;
using System.Collections.Generic;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>Shared pieces of the xDLMS service APDUs: descriptors, error replies, cursor helpers.</summary>
    internal static class ServiceApdu
    {
        /// <summary>Cosem-Attribute-Descriptor + optional selective access (Green Book 9.5).</summary>
        public static void WriteAttributeDescriptor(List<byte> o, CosemAttribute attribute, SelectiveAccess? access)
        {
            o.Add((byte)(attribute.ClassId >> 8));
            o.Add((byte)attribute.ClassId);
            o.AddRange(attribute.LogicalName.ToBytes());
            o.Add((byte)attribute.AttributeId);
            if (access is null)
            {
                o.Add(0x00);
            }
            else
            {
                o.Add(0x01);
                o.Add(access.Selector);
                AxdrEncoder.Encode(access.Parameters, o);
            }
        }

        /// <summary>Throws for ExceptionResponse / ConfirmedServiceError, or when the tag is not the expected one.</summary>
        public static void CheckTag(ReadOnlySpan<byte> apdu, byte expected, string service)
        {
            if (apdu.Length == 0)
            {
                throw new DlmsProtocolException("Empty reply to " + service + ".");
            }
            if (apdu[0] == XdlmsTags.ExceptionResponse)
            {
                if (apdu.Length < 3)
                {
                    throw new DlmsProtocolException("Truncated exception-response: " + Convert.ToHexString(apdu));
                }
                // Gurux servers append the expected invocation counter to invocation-counter-error (6).
                uint? ic = apdu.Length >= 7 && apdu[2] == 6 ? (uint)(apdu[3] << 24 | apdu[4] << 16 | apdu[5] << 8 | apdu[6]) : null;
                throw new ExceptionResponseException(apdu[1], apdu[2], ic);
            }
            if (apdu[0] == XdlmsTags.ConfirmedServiceError)
            {
                throw new ConfirmedServiceErrorException(ConfirmedServiceError.Decode(apdu));
            }
            if (apdu[0] != expected)
            {
                throw new DlmsProtocolException("Expected " + expected.ToString("X2", CultureInfo.InvariantCulture) + " in reply to " + service
                    + ", got " + apdu[0].ToString("X2", CultureInfo.InvariantCulture) + ".");
            }
        }

        public static byte Byte(ReadOnlySpan<byte> a, ref int p, string what)
        {
            if (p >= a.Length)
            {
                throw new DlmsProtocolException("Truncated APDU: missing " + what + ".");
            }
            return a[p++];
        }

        public static uint UInt32(ReadOnlySpan<byte> a, ref int p, string what)
        {
            if (p + 4 > a.Length)
            {
                throw new DlmsProtocolException("Truncated APDU: missing " + what + ".");
            }
            uint v = (uint)(a[p] << 24 | a[p + 1] << 16 | a[p + 2] << 8 | a[p + 3]);
            p += 4;
            return v;
        }

        public static void WriteUInt32(List<byte> o, uint v)
        {
            o.Add((byte)(v >> 24));
            o.Add((byte)(v >> 16));
            o.Add((byte)(v >> 8));
            o.Add((byte)v);
        }

        public static byte[] OctetString(ReadOnlySpan<byte> a, ref int p, string what)
        {
            int len = AxdrLength.Read(a, ref p);
            if (len > a.Length - p)
            {
                throw new DlmsProtocolException("Truncated " + what + ": " + len + " bytes announced, " + (a.Length - p) + " present.");
            }
            byte[] v = a.Slice(p, len).ToArray();
            p += len;
            return v;
        }

        public static void End(ReadOnlySpan<byte> a, int p, string what)
        {
            if (p != a.Length)
            {
                throw new DlmsProtocolException((a.Length - p) + " trailing byte(s) after the " + what + ".");
            }
        }
    }
}
