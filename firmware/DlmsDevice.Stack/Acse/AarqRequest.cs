namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// A decoded AARQ (Green Book AARQ-apdu) with its xDLMS InitiateRequest. One instance per
    /// channel, allocated once and refilled by <see cref="AarqParser.Parse"/>: every buffer is
    /// preallocated, so parsing allocates nothing.
    /// </summary>
    /// <remarks>
    /// After a parse that did not return <see cref="AcseStatus.Ok"/> the fields are partly
    /// filled and must not be used.
    /// </remarks>
    public sealed class AarqRequest
    {
        /// <summary>Capacity of <see cref="CallingApTitle"/> (a system title is 8 bytes).</summary>
        public const int MaxApTitleLength = 16;

        /// <summary>Capacity of <see cref="CallingAuthenticationValue"/> (LLS password or HLS CtoS challenge, 8..64 bytes).</summary>
        public const int MaxAuthenticationValueLength = 64;

        /// <summary>Capacity of <see cref="DedicatedKey"/> (an AES-128 key).</summary>
        public const int MaxDedicatedKeyLength = 16;

        /// <summary>
        /// protocol-version (<c>80</c>) was absent, or present with version1 set. Clients send no
        /// protocol-version; the default is version1.
        /// </summary>
        public bool ProtocolVersionSupported;

        /// <summary>application-context-name (<c>A1</c>) was present.</summary>
        public bool HasApplicationContextName;

        /// <summary>The context OID is 7 bytes with the DLMS-UA prefix <c>60 85 74 05 08 01</c>.</summary>
        public bool ApplicationContextIsDlms;

        /// <summary>
        /// The context_id (last arc, see <see cref="ApplicationContextName"/>) when
        /// <see cref="ApplicationContextIsDlms"/>; 0 otherwise.
        /// </summary>
        public byte ApplicationContextId;

        /// <summary>calling-AP-title (<c>A6</c>) bytes: the client system title. Valid for <see cref="CallingApTitleLength"/> bytes.</summary>
        public readonly byte[] CallingApTitle = new byte[MaxApTitleLength];

        /// <summary>Length of <see cref="CallingApTitle"/>; 0 when absent.</summary>
        public int CallingApTitleLength;

        /// <summary>sender-acse-requirements (<c>8A</c>) was present.</summary>
        public bool HasSenderAcseRequirements;

        /// <summary>sender-acse-requirements has the authentication functional unit (bit 0) set.</summary>
        public bool AuthenticationFunctionalUnit;

        /// <summary>mechanism-name (<c>8B</c>) was present.</summary>
        public bool HasMechanismName;

        /// <summary>The mechanism OID is 7 bytes with the DLMS-UA prefix <c>60 85 74 05 08 02</c>; false means an unknown OID.</summary>
        public bool MechanismNameIsDlms;

        /// <summary>
        /// The mechanism_id (last arc, see <see cref="MechanismName"/>) when
        /// <see cref="MechanismNameIsDlms"/>; 0 otherwise. Values above 7 are kept as sent.
        /// </summary>
        public byte MechanismId;

        /// <summary>calling-authentication-value (<c>AC</c>) was present.</summary>
        public bool HasCallingAuthenticationValue;

        /// <summary>
        /// The Authentication-value CHOICE tag: <c>80</c> charstring or <c>81</c> bitstring (whose
        /// unused-bits octet is dropped); other choices are recorded with length 0.
        /// </summary>
        public byte CallingAuthenticationValueTag;

        /// <summary>calling-authentication-value bytes (LLS password or HLS CtoS challenge).</summary>
        public readonly byte[] CallingAuthenticationValue = new byte[MaxAuthenticationValueLength];

        /// <summary>Length of <see cref="CallingAuthenticationValue"/>.</summary>
        public int CallingAuthenticationValueLength;

        /// <summary>What user-information (<c>BE</c>) carries.</summary>
        public UserInformationKind UserInformation;

        /// <summary>The xDLMS tag of the user-information APDU (<c>01</c>, <c>21</c>, <c>DB</c>...); 0 when absent.</summary>
        public byte UserInformationTag;

        /// <summary>
        /// Absolute offset, in the parsed buffer, of the xDLMS APDU inside user-information (the
        /// content of its OCTET STRING, starting with <see cref="UserInformationTag"/>).
        /// </summary>
        public int UserInformationOffset;

        /// <summary>Length of the xDLMS APDU inside user-information.</summary>
        public int UserInformationLength;

        /// <summary>InitiateRequest dedicated-key (copied). Valid for <see cref="DedicatedKeyLength"/> bytes.</summary>
        public readonly byte[] DedicatedKey = new byte[MaxDedicatedKeyLength];

        /// <summary>Length of <see cref="DedicatedKey"/>; 0 when absent.</summary>
        public int DedicatedKeyLength;

        /// <summary>InitiateRequest response-allowed (DEFAULT TRUE).</summary>
        public bool ResponseAllowed;

        /// <summary>InitiateRequest proposed-quality-of-service was present.</summary>
        public bool HasProposedQualityOfService;

        /// <summary>InitiateRequest proposed-quality-of-service (Integer8).</summary>
        public sbyte ProposedQualityOfService;

        /// <summary>InitiateRequest proposed-dlms-version-number.</summary>
        public byte ProposedDlmsVersion;

        /// <summary>InitiateRequest proposed-conformance: the 24-bit block as on the wire (see <see cref="Conformance"/>).</summary>
        public int ProposedConformance;

        /// <summary>InitiateRequest client-max-receive-pdu-size: the largest APDU the client accepts.</summary>
        public int ClientMaxReceivePdu;

        /// <summary>Creates an empty request with its buffers.</summary>
        public AarqRequest()
        {
            Clear();
        }

        /// <summary>Forgets every field (buffers are kept, lengths set to 0).</summary>
        public void Clear()
        {
            ProtocolVersionSupported = true;
            HasApplicationContextName = false;
            ApplicationContextIsDlms = false;
            ApplicationContextId = 0;
            CallingApTitleLength = 0;
            HasSenderAcseRequirements = false;
            AuthenticationFunctionalUnit = false;
            HasMechanismName = false;
            MechanismNameIsDlms = false;
            MechanismId = 0;
            HasCallingAuthenticationValue = false;
            CallingAuthenticationValueTag = 0;
            CallingAuthenticationValueLength = 0;
            UserInformation = UserInformationKind.None;
            UserInformationTag = 0;
            UserInformationOffset = 0;
            UserInformationLength = 0;
            ClearInitiateRequest();
        }

        /// <summary>Forgets the InitiateRequest fields only.</summary>
        public void ClearInitiateRequest()
        {
            DedicatedKeyLength = 0;
            ResponseAllowed = true;
            HasProposedQualityOfService = false;
            ProposedQualityOfService = 0;
            ProposedDlmsVersion = 0;
            ProposedConformance = 0;
            ClientMaxReceivePdu = 0;
        }
    }
}
