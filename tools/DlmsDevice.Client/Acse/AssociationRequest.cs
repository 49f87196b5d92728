using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Builds the AARQ APDU (ACSE, IEC 62056-5-3 / Green Book 9.4.2) for logical name referencing without
    /// ciphering, in the shape real clients send (PROTOCOL.md 2.3, traces/NOTES.md):
    /// <c>60 L A1 09 06 07 60 85 74 05 08 01 01 [A6 0A 04 08 title] [8A 02 07 80 8B 07 .. 02 01 AC L 80 n password]
    /// BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 conf(3) max-pdu(2)</c>.
    /// </summary>
    public static class AssociationRequest
    {
        /// <summary>{joint-iso-ccitt(2) country(16) country-name(756) identified-organization(5) DLMS-UA(8)} BER-encoded.</summary>
        internal static readonly byte[] DlmsUaOid = { 0x60, 0x85, 0x74, 0x05, 0x08 };

        /// <summary>Encodes the AARQ.</summary>
        /// <param name="conformance">Proposed conformance block.</param>
        /// <param name="clientMaxReceivePduSize">client-max-receive-pdu-size (0xFFFF = no limit stated).</param>
        /// <param name="mechanism">None or LLS.</param>
        /// <param name="password">LLS secret (required for LLS, ignored otherwise).</param>
        /// <param name="callingApTitle">Optional 8-byte client system title (A6); real unciphered Gurux AARQs have none.</param>
        public static byte[] Encode(Conformance conformance, ushort clientMaxReceivePduSize,
            AuthenticationMechanism mechanism = AuthenticationMechanism.None, byte[]? password = null, byte[]? callingApTitle = null)
        {
            var body = new List<byte>();

            // application-context-name [1]: {2 16 756 5 8 1 1} = Logical_Name_Referencing_No_Ciphering.
            body.AddRange(new byte[] { 0xA1, 0x09, 0x06, 0x07 });
            body.AddRange(DlmsUaOid);
            body.AddRange(new byte[] { 0x01, 0x01 });

            if (callingApTitle is not null)
            {
                // calling-AP-title [6]: OCTET STRING wrapped in the explicit tag.
                body.Add(0xA6);
                AxdrLength.Write(body, callingApTitle.Length + 2);
                body.Add(0x04);
                AxdrLength.Write(body, callingApTitle.Length);
                body.AddRange(callingApTitle);
            }

            if (mechanism == AuthenticationMechanism.Low)
            {
                if (password is null)
                {
                    throw new ArgumentException("LLS needs a password.", nameof(password));
                }
                // sender-acse-requirements [10] IMPLICIT BIT STRING {authentication(0)}: 07 unused bits, 80.
                body.AddRange(new byte[] { 0x8A, 0x02, 0x07, 0x80 });
                // mechanism-name [11] IMPLICIT OBJECT IDENTIFIER {2 16 756 5 8 2 1}.
                body.AddRange(new byte[] { 0x8B, 0x07 });
                body.AddRange(DlmsUaOid);
                body.AddRange(new byte[] { 0x02, (byte)mechanism });
                // calling-authentication-value [12] EXPLICIT, CHOICE charstring [0] IMPLICIT.
                body.Add(0xAC);
                AxdrLength.Write(body, password.Length + 1 + AxdrLength.Size(password.Length));
                body.Add(0x80);
                AxdrLength.Write(body, password.Length);
                body.AddRange(password);
            }

            // user-information [30]: OCTET STRING holding the A-XDR xDLMS InitiateRequest.
            byte[] initiate = EncodeInitiateRequest(conformance, clientMaxReceivePduSize);
            body.Add(0xBE);
            AxdrLength.Write(body, initiate.Length + 1 + AxdrLength.Size(initiate.Length));
            body.Add(0x04);
            AxdrLength.Write(body, initiate.Length);
            body.AddRange(initiate);

            var aarq = new List<byte>(body.Count + 3) { 0x60 };
            AxdrLength.Write(aarq, body.Count);
            aarq.AddRange(body);
            return aarq.ToArray();
        }

        /// <summary>
        /// xDLMS InitiateRequest: tag 01, dedicated-key absent (00), response-allowed default (00),
        /// proposed-quality-of-service absent (00), proposed-dlms-version-number 6,
        /// proposed-conformance <c>5F 1F 04 00 c c c</c> ([APPLICATION 31] BIT STRING, 0 unused bits),
        /// client-max-receive-pdu-size (Unsigned16).
        /// </summary>
        public static byte[] EncodeInitiateRequest(Conformance conformance, ushort clientMaxReceivePduSize)
        {
            uint c = (uint)conformance;
            return new byte[]
            {
                0x01, 0x00, 0x00, 0x00, 0x06,
                0x5F, 0x1F, 0x04, 0x00, (byte)(c >> 16), (byte)(c >> 8), (byte)c,
                (byte)(clientMaxReceivePduSize >> 8), (byte)clientMaxReceivePduSize,
            };
        }

        /// <summary>RLRQ with reason normal(0): <c>62 03 80 01 00</c> (Green Book 9.4.2).</summary>
        public static byte[] EncodeReleaseRequest() => new byte[] { 0x62, 0x03, 0x80, 0x01, 0x00 };
    }
}
