using System;

namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// Everything an AARE says, plus the negotiated association parameters the server keeps.
    /// One instance per channel, allocated once: filled by <see cref="AssociationNegotiation"/>
    /// (or by hand) and encoded by <see cref="AareWriter"/>.
    /// </summary>
    public sealed class AareResponse
    {
        /// <summary>Capacity of <see cref="RespondingApTitle"/>.</summary>
        public const int MaxApTitleLength = 16;

        /// <summary>Capacity of <see cref="RespondingAuthenticationValue"/> (HLS StoC challenge).</summary>
        public const int MaxAuthenticationValueLength = 64;

        /// <summary>VAA-name of the LN referencing association (<c>00 07</c>).</summary>
        public const ushort VaaNameLogicalName = 0x0007;

        /// <summary>The DLMS version this server implements and announces.</summary>
        public const byte DlmsVersion = 6;

        /// <summary>application-context-name sent (our context, also when the client's was rejected).</summary>
        public byte ApplicationContextId;

        /// <summary>result (<c>A2</c>).</summary>
        public AssociationResult Result;

        /// <summary>Which result-source-diagnostic CHOICE is sent (<c>A3 .. A1</c> or <c>A3 .. A2</c>).</summary>
        public DiagnosticSource DiagnosticSource;

        /// <summary>
        /// The diagnostic value: an <see cref="AcseServiceUserDiagnostic"/> or an
        /// <see cref="AcseServiceProviderDiagnostic"/>, per <see cref="DiagnosticSource"/>.
        /// </summary>
        public byte Diagnostic;

        /// <summary>responding-AP-title (<c>A4</c>): the server system title (HLS). Valid for <see cref="RespondingApTitleLength"/> bytes.</summary>
        public readonly byte[] RespondingApTitle = new byte[MaxApTitleLength];

        /// <summary>Length of <see cref="RespondingApTitle"/>; 0 = element absent.</summary>
        public int RespondingApTitleLength;

        /// <summary>Send responder-acse-requirements <c>88 02 07 80</c> (authentication functional unit).</summary>
        public bool ResponderAcseRequirements;

        /// <summary>Send mechanism-name <c>89 07 60 85 74 05 08 02 m</c> with <see cref="MechanismId"/>.</summary>
        public bool HasMechanismName;

        /// <summary>The mechanism in use (<see cref="MechanismName"/>); written when <see cref="HasMechanismName"/>.</summary>
        public byte MechanismId;

        /// <summary>responding-authentication-value (<c>AA .. 80 n StoC</c>). Valid for <see cref="RespondingAuthenticationValueLength"/> bytes.</summary>
        public readonly byte[] RespondingAuthenticationValue = new byte[MaxAuthenticationValueLength];

        /// <summary>Length of <see cref="RespondingAuthenticationValue"/>; 0 = element absent.</summary>
        public int RespondingAuthenticationValueLength;

        /// <summary>What user-information carries.</summary>
        public AareUserInformation UserInformation;

        /// <summary>InitiateResponse negotiated-dlms-version-number.</summary>
        public byte NegotiatedDlmsVersion;

        /// <summary>InitiateResponse negotiated-conformance (24 bits as on the wire).</summary>
        public int NegotiatedConformance;

        /// <summary>InitiateResponse server-max-receive-pdu-size: the largest APDU the client may send us.</summary>
        public int ServerMaxReceivePdu;

        /// <summary>InitiateResponse vaa-name.</summary>
        public ushort VaaName;

        /// <summary>The initiateError sent when <see cref="UserInformation"/> is <see cref="AareUserInformation.InitiateError"/>.</summary>
        public InitiateError InitiateError;

        /// <summary>Raw xDLMS bytes sent when <see cref="UserInformation"/> is <see cref="AareUserInformation.Raw"/> (not owned).</summary>
        public byte[] RawUserInformation;

        /// <summary>Offset of the raw xDLMS bytes.</summary>
        public int RawUserInformationOffset;

        /// <summary>Length of the raw xDLMS bytes.</summary>
        public int RawUserInformationLength;

        /// <summary>
        /// Not sent: the client's client-max-receive-pdu-size, the largest APDU we may send on
        /// this association (0 when not negotiated).
        /// </summary>
        public int ClientMaxReceivePdu;

        /// <summary>Creates a cleared response with its buffers.</summary>
        public AareResponse()
        {
            Clear();
        }

        /// <summary>True when <see cref="Result"/> is accepted.</summary>
        public bool IsAccepted
        {
            get { return Result == AssociationResult.Accepted; }
        }

        /// <summary>
        /// Accepted with acse-service-user authentication-required (14): HLS, the association stays
        /// pending until the client has answered the StoC challenge (pass 3/4).
        /// </summary>
        public bool IsAuthenticationPending
        {
            get
            {
                return Result == AssociationResult.Accepted && DiagnosticSource == DiagnosticSource.AcseServiceUser
                    && Diagnostic == (byte)AcseServiceUserDiagnostic.AuthenticationRequired;
            }
        }

        /// <summary>Resets to: LN context, accepted, acse-service-user null, no optional elements, no user-information.</summary>
        public void Clear()
        {
            ApplicationContextId = ApplicationContextName.LogicalName;
            Result = AssociationResult.Accepted;
            DiagnosticSource = DiagnosticSource.AcseServiceUser;
            Diagnostic = 0;
            RespondingApTitleLength = 0;
            ResponderAcseRequirements = false;
            HasMechanismName = false;
            MechanismId = MechanismName.None;
            RespondingAuthenticationValueLength = 0;
            UserInformation = AareUserInformation.None;
            NegotiatedDlmsVersion = DlmsVersion;
            NegotiatedConformance = 0;
            ServerMaxReceivePdu = 0;
            VaaName = VaaNameLogicalName;
            InitiateError = InitiateError.Other;
            RawUserInformation = null;
            RawUserInformationOffset = 0;
            RawUserInformationLength = 0;
            ClientMaxReceivePdu = 0;
        }

        /// <summary>Sets an acse-service-user diagnostic.</summary>
        public void SetUserDiagnostic(AssociationResult result, AcseServiceUserDiagnostic diagnostic)
        {
            Result = result;
            DiagnosticSource = DiagnosticSource.AcseServiceUser;
            Diagnostic = (byte)diagnostic;
        }

        /// <summary>Sets an acse-service-provider diagnostic.</summary>
        public void SetProviderDiagnostic(AssociationResult result, AcseServiceProviderDiagnostic diagnostic)
        {
            Result = result;
            DiagnosticSource = DiagnosticSource.AcseServiceProvider;
            Diagnostic = (byte)diagnostic;
        }

        /// <summary>Copies the responding-AP-title (server system title). False (nothing changed) when longer than the capacity.</summary>
        public bool SetRespondingApTitle(byte[] source, int offset, int length)
        {
            if (length < 0 || length > MaxApTitleLength)
            {
                return false;
            }

            Array.Copy(source, offset, RespondingApTitle, 0, length);
            RespondingApTitleLength = length;
            return true;
        }

        /// <summary>Copies the responding-authentication-value (StoC). False (nothing changed) when longer than the capacity.</summary>
        public bool SetRespondingAuthenticationValue(byte[] source, int offset, int length)
        {
            if (length < 0 || length > MaxAuthenticationValueLength)
            {
                return false;
            }

            Array.Copy(source, offset, RespondingAuthenticationValue, 0, length);
            RespondingAuthenticationValueLength = length;
            return true;
        }

        /// <summary>
        /// Sends the given xDLMS APDU bytes as user-information (referenced, not copied: they must
        /// stay unchanged until <see cref="AareWriter.Write"/> has run). <paramref name="source"/> must not be null.
        /// </summary>
        public void SetRawUserInformation(byte[] source, int offset, int length)
        {
            UserInformation = AareUserInformation.Raw;
            RawUserInformation = source;
            RawUserInformationOffset = offset;
            RawUserInformationLength = length;
        }
    }
}
