namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// BER tags of the ACSE APDUs and their elements (IEC 62056-5-3 / ISO 8650 ACSE as profiled
    /// by the Green Book) and the xDLMS tags carried in user-information.
    /// </summary>
    public static class AcseTag
    {
        /// <summary>AARQ-apdu ::= [APPLICATION 0] IMPLICIT SEQUENCE.</summary>
        public const byte Aarq = 0x60;
        /// <summary>AARE-apdu ::= [APPLICATION 1] IMPLICIT SEQUENCE.</summary>
        public const byte Aare = 0x61;
        /// <summary>RLRQ-apdu ::= [APPLICATION 2] IMPLICIT SEQUENCE.</summary>
        public const byte Rlrq = 0x62;
        /// <summary>RLRE-apdu ::= [APPLICATION 3] IMPLICIT SEQUENCE.</summary>
        public const byte Rlre = 0x63;

        /// <summary>protocol-version [0] IMPLICIT BIT STRING (AARQ/AARE); reason [0] IMPLICIT INTEGER (RLRQ/RLRE).</summary>
        public const byte ProtocolVersionOrReason = 0x80;
        /// <summary>application-context-name [1] EXPLICIT OBJECT IDENTIFIER.</summary>
        public const byte ApplicationContextName = 0xA1;
        /// <summary>AARQ called-AP-title [2]; AARE result [2] EXPLICIT INTEGER.</summary>
        public const byte Result = 0xA2;
        /// <summary>AARE result-source-diagnostic [3] EXPLICIT CHOICE.</summary>
        public const byte ResultSourceDiagnostic = 0xA3;
        /// <summary>AARE responding-AP-title [4] EXPLICIT.</summary>
        public const byte RespondingApTitle = 0xA4;
        /// <summary>AARQ calling-AP-title [6] EXPLICIT (the client system title as an OCTET STRING).</summary>
        public const byte CallingApTitle = 0xA6;
        /// <summary>AARE responder-acse-requirements [8] IMPLICIT BIT STRING.</summary>
        public const byte ResponderAcseRequirements = 0x88;
        /// <summary>AARE mechanism-name [9] IMPLICIT OBJECT IDENTIFIER.</summary>
        public const byte AareMechanismName = 0x89;
        /// <summary>AARQ sender-acse-requirements [10] IMPLICIT BIT STRING.</summary>
        public const byte SenderAcseRequirements = 0x8A;
        /// <summary>AARQ mechanism-name [11] IMPLICIT OBJECT IDENTIFIER.</summary>
        public const byte AarqMechanismName = 0x8B;
        /// <summary>AARE responding-authentication-value [10] EXPLICIT Authentication-value.</summary>
        public const byte RespondingAuthenticationValue = 0xAA;
        /// <summary>AARQ calling-authentication-value [12] EXPLICIT Authentication-value.</summary>
        public const byte CallingAuthenticationValue = 0xAC;
        /// <summary>user-information [30] EXPLICIT Association-information.</summary>
        public const byte UserInformation = 0xBE;

        /// <summary>Authentication-value charstring [0] IMPLICIT GraphicString.</summary>
        public const byte CharString = 0x80;
        /// <summary>Authentication-value bitstring [1] IMPLICIT BIT STRING.</summary>
        public const byte BitString = 0x81;
        /// <summary>result-source-diagnostic acse-service-user [1].</summary>
        public const byte AcseServiceUser = 0xA1;
        /// <summary>result-source-diagnostic acse-service-provider [2].</summary>
        public const byte AcseServiceProvider = 0xA2;

        /// <summary>Universal INTEGER.</summary>
        public const byte Integer = 0x02;
        /// <summary>Universal OCTET STRING (user-information content, AP titles).</summary>
        public const byte OctetString = 0x04;
        /// <summary>Universal OBJECT IDENTIFIER.</summary>
        public const byte ObjectIdentifier = 0x06;

        /// <summary>xDLMS InitiateRequest.</summary>
        public const byte InitiateRequest = 0x01;
        /// <summary>xDLMS InitiateResponse.</summary>
        public const byte InitiateResponse = 0x08;
        /// <summary>xDLMS ConfirmedServiceError.</summary>
        public const byte ConfirmedServiceError = 0x0E;
        /// <summary>glo-initiate-request (InitiateRequest ciphered with the global key).</summary>
        public const byte GloInitiateRequest = 0x21;
        /// <summary>glo-initiate-response.</summary>
        public const byte GloInitiateResponse = 0x28;
        /// <summary>general-glo-ciphering.</summary>
        public const byte GeneralGloCiphering = 0xDB;
        /// <summary>general-ded-ciphering.</summary>
        public const byte GeneralDedCiphering = 0xDC;
        /// <summary>general-ciphering.</summary>
        public const byte GeneralCiphering = 0xDD;
    }
}
