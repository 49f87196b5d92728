using System;
using System.Collections.Generic;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Builds the AARQ and RLRQ APDUs (ACSE, IEC 62056-5-3 / Green Book 9.4.2) for logical name
    /// referencing, in the shape real clients send (the Green Book's AARQ/AARE examples, docs/interop.md):
    /// <c>60 L A1 09 06 07 60 85 74 05 08 01 0x [A6 0A 04 08 title] [8A 02 07 80 8B 07 .. 02 0m AC L 80 n value]
    /// BE L 04 L user-information</c>, where user-information is the xDLMS InitiateRequest or a
    /// glo-initiate-request around it.
    /// </summary>
    public static class AssociationRequest
    {
        /// <summary>{joint-iso-ccitt(2) country(16) country-name(756) identified-organization(5) DLMS-UA(8)} BER-encoded.</summary>
        internal static readonly byte[] DlmsUaOid = { 0x60, 0x85, 0x74, 0x05, 0x08 };

        /// <summary>Application context Logical_Name_Referencing_No_Ciphering (last arc 1).</summary>
        public const byte LogicalNameNoCiphering = 1;

        /// <summary>Application context Logical_Name_Referencing_With_Ciphering (last arc 3).</summary>
        public const byte LogicalNameWithCiphering = 3;

        /// <summary>Encodes an unciphered AARQ (no security or LLS).</summary>
        /// <param name="conformance">Proposed conformance block.</param>
        /// <param name="clientMaxReceivePduSize">client-max-receive-pdu-size (0xFFFF = no limit stated).</param>
        /// <param name="mechanism">None or LLS.</param>
        /// <param name="password">LLS secret (required for LLS, ignored otherwise).</param>
        /// <param name="callingApTitle">Optional 8-byte client system title (A6); real unciphered Gurux AARQs have none.</param>
        public static byte[] Encode(Conformance conformance, ushort clientMaxReceivePduSize,
            AuthenticationMechanism mechanism = AuthenticationMechanism.None, byte[]? password = null, byte[]? callingApTitle = null)
        {
            if (mechanism == AuthenticationMechanism.Low && password is null)
            {
                throw new ArgumentException("LLS needs a password.", nameof(password));
            }
            return Encode(LogicalNameNoCiphering, callingApTitle, mechanism, mechanism == AuthenticationMechanism.None ? null : password,
                EncodeInitiateRequest(conformance, clientMaxReceivePduSize));
        }

        /// <summary>Encodes an AARQ from its parts.</summary>
        /// <param name="applicationContext">Last arc of the application-context-name (1 LN, 3 LN with ciphering).</param>
        /// <param name="callingApTitle">Client system title (A6), or null.</param>
        /// <param name="mechanism">Authentication mechanism; None leaves out 8A/8B/AC.</param>
        /// <param name="authenticationValue">LLS password or HLS CtoS challenge (AC), required unless the mechanism is None.</param>
        /// <param name="userInformation">The InitiateRequest, plain (01 …) or glo-initiate-request (21 …).</param>
        public static byte[] Encode(byte applicationContext, byte[]? callingApTitle, AuthenticationMechanism mechanism,
            byte[]? authenticationValue, byte[] userInformation)
        {
            ArgumentNullException.ThrowIfNull(userInformation);
            var body = new List<byte>();

            // application-context-name [1]: {2 16 756 5 8 1 x}.
            body.AddRange(new byte[] { 0xA1, 0x09, 0x06, 0x07 });
            body.AddRange(DlmsUaOid);
            body.AddRange(new byte[] { 0x01, applicationContext });

            if (callingApTitle is not null)
            {
                // calling-AP-title [6]: OCTET STRING wrapped in the explicit tag.
                body.Add(0xA6);
                AxdrLength.Write(body, callingApTitle.Length + 2);
                body.Add(0x04);
                AxdrLength.Write(body, callingApTitle.Length);
                body.AddRange(callingApTitle);
            }

            if (mechanism != AuthenticationMechanism.None)
            {
                if (authenticationValue is null)
                {
                    throw new ArgumentException(mechanism + " needs an authentication value (password or challenge).", nameof(authenticationValue));
                }
                // sender-acse-requirements [10] IMPLICIT BIT STRING {authentication(0)}: 07 unused bits, 80.
                body.AddRange(new byte[] { 0x8A, 0x02, 0x07, 0x80 });
                // mechanism-name [11] IMPLICIT OBJECT IDENTIFIER {2 16 756 5 8 2 m}.
                body.AddRange(new byte[] { 0x8B, 0x07 });
                body.AddRange(DlmsUaOid);
                body.AddRange(new byte[] { 0x02, (byte)mechanism });
                // calling-authentication-value [12] EXPLICIT, CHOICE charstring [0] IMPLICIT.
                body.Add(0xAC);
                AxdrLength.Write(body, authenticationValue.Length + 1 + AxdrLength.Size(authenticationValue.Length));
                body.Add(0x80);
                AxdrLength.Write(body, authenticationValue.Length);
                body.AddRange(authenticationValue);
            }

            AppendUserInformation(body, userInformation);

            var aarq = new List<byte>(body.Count + 3) { 0x60 };
            AxdrLength.Write(aarq, body.Count);
            aarq.AddRange(body);
            return aarq.ToArray();
        }

        /// <summary>
        /// xDLMS InitiateRequest: tag 01, dedicated-key (00 absent, or 01 len key), response-allowed
        /// default (00), proposed-quality-of-service absent (00), proposed-dlms-version-number 6,
        /// proposed-conformance <c>5F 1F 04 00 c c c</c> ([APPLICATION 31] BIT STRING, 0 unused bits),
        /// client-max-receive-pdu-size (Unsigned16).
        /// </summary>
        public static byte[] EncodeInitiateRequest(Conformance conformance, ushort clientMaxReceivePduSize, byte[]? dedicatedKey = null)
        {
            uint c = (uint)conformance;
            var o = new List<byte> { 0x01 };
            if (dedicatedKey is null)
            {
                o.Add(0x00);
            }
            else
            {
                o.Add(0x01);
                AxdrLength.Write(o, dedicatedKey.Length);
                o.AddRange(dedicatedKey);
            }
            o.AddRange(new byte[]
            {
                0x00, 0x00, 0x06,
                0x5F, 0x1F, 0x04, 0x00, (byte)(c >> 16), (byte)(c >> 8), (byte)c,
                (byte)(clientMaxReceivePduSize >> 8), (byte)clientMaxReceivePduSize,
            });
            return o.ToArray();
        }

        /// <summary>RLRQ with reason normal(0): <c>62 03 80 01 00</c> (Green Book 9.4.2).</summary>
        public static byte[] EncodeReleaseRequest() => new byte[] { 0x62, 0x03, 0x80, 0x01, 0x00 };

        /// <summary>
        /// RLRQ with reason normal(0) and a user-information element, e.g. a glo-initiate-request:
        /// <c>62 L 80 01 00 BE L 04 L …</c>. All three reference clients put a ciphered
        /// InitiateRequest there in a ciphered association (docs/interop.md, u9n/dlms-cosem#79).
        /// </summary>
        public static byte[] EncodeReleaseRequest(byte[] userInformation)
        {
            ArgumentNullException.ThrowIfNull(userInformation);
            var body = new List<byte> { 0x80, 0x01, 0x00 };
            AppendUserInformation(body, userInformation);
            var rlrq = new List<byte>(body.Count + 3) { 0x62 };
            AxdrLength.Write(rlrq, body.Count);
            rlrq.AddRange(body);
            return rlrq.ToArray();
        }

        // user-information [30]: OCTET STRING holding the A-XDR xDLMS APDU.
        private static void AppendUserInformation(List<byte> body, byte[] userInformation)
        {
            body.Add(0xBE);
            AxdrLength.Write(body, userInformation.Length + 1 + AxdrLength.Size(userInformation.Length));
            body.Add(0x04);
            AxdrLength.Write(body, userInformation.Length);
            body.AddRange(userInformation);
        }
    }
}
