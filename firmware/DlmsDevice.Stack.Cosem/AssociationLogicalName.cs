using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Association LN (Blue Book 4.4.4, class_id 15, <b>version 1</b>): one per client the
    /// logical device accepts (e.g. 0.0.40.0.1.255 public client SAP 16, 0.0.40.0.2.255 meter
    /// reader SAP 32). It holds the association's configuration (client and server SAP,
    /// authentication mechanism, LLS secret, conformance, PDU size) and the
    /// <see cref="ObjectList"/> it exposes with access rights; the per-channel state
    /// (status, negotiated values) lives in <see cref="CosemContext"/>.
    /// </summary>
    /// <remarks>
    /// <para>Version 1 (not 0) because clients expect its encodings: application_context_name
    /// and authentication_mechanism_name are octet-strings holding the BER value of the OBJECT
    /// IDENTIFIER (<c>09 07 60 85 74 05 08 01 01</c>), method_access_mode is an enum, and
    /// attribute 9 security_setup_reference exists. Version 2's user_list/current_user are
    /// not implemented.</para>
    /// <para>Attributes: 1 logical_name, 2 object_list (also element by element for GET with
    /// block), 3 associated_partners_id <c>02 02 0F client 12 server</c>,
    /// 4 application_context_name, 5 xDLMS_context_info, 6 authentication_mechanism_name,
    /// 7 secret (write only: GET is read-write-denied), 8 association_status (enum),
    /// 9 security_setup_reference. Methods: 1 reply_to_HLS_authentication, 2 change_HLS_secret
    /// (through <see cref="HlsAuthentication"/>, read-write-denied without it), 3 add_object and
    /// 4 remove_object (read-write-denied: object lists are fixed at configuration).</para>
    /// <para>Attributes 5, 6 and 8 report the negotiated values of the channel when the request
    /// arrives on this association, and the configured values otherwise.</para>
    /// </remarks>
    public class AssociationLogicalName : CosemObject
    {
        /// <summary>The class version implemented.</summary>
        public const byte ClassVersion = 1;

        /// <summary>application context id of LN referencing without ciphering (the last arc of 2.16.756.5.8.1.1).</summary>
        public const byte ContextLogicalName = 1;

        /// <summary>application context id of LN referencing with ciphering (2.16.756.5.8.1.3).</summary>
        public const byte ContextLogicalNameWithCiphering = 3;

        /// <summary>Attribute indexes of Association LN (Blue Book IC 15, version 1).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>object_list.</summary>
            public const int ObjectList = 2;

            /// <summary>associated_partners_id.</summary>
            public const int AssociatedPartnersId = 3;

            /// <summary>application_context_name.</summary>
            public const int ApplicationContextName = 4;

            /// <summary>xDLMS_context_info.</summary>
            public const int XdlmsContextInfo = 5;

            /// <summary>authentication_mechanism_name.</summary>
            public const int AuthenticationMechanismName = 6;

            /// <summary>secret (write only).</summary>
            public const int Secret = 7;

            /// <summary>association_status.</summary>
            public const int AssociationStatus = 8;

            /// <summary>security_setup_reference.</summary>
            public const int SecuritySetupReference = 9;
        }

        /// <summary>Method indexes of Association LN (Blue Book IC 15, version 1).</summary>
        public static class Methods
        {
            /// <summary>reply_to_HLS_authentication.</summary>
            public const int ReplyToHlsAuthentication = 1;

            /// <summary>change_HLS_secret.</summary>
            public const int ChangeHlsSecret = 2;

            /// <summary>add_object.</summary>
            public const int AddObject = 3;

            /// <summary>remove_object.</summary>
            public const int RemoveObject = 4;
        }

        private readonly ObjectList _objects;
        private readonly int _clientSap;
        private readonly int _serverSap;
        private readonly byte[] _secret;
        private readonly byte[] _conformanceBits;
        private int _secretLength;
        private byte _mechanism;
        private byte _applicationContext;
        private int _conformance;
        private int _maxReceivePdu;
        private int _maxSendPdu;
        private byte _dlmsVersion;
        // security_setup_reference before one is set: 0.0.0.0.0.0 (shared; ObisCode is immutable).
        private static readonly ObisCode s_noSecuritySetup = new ObisCode(0, 0, 0, 0, 0, 0);

        private ObisCode _securitySetupReference;
        private SecuritySetup _securitySetup;

        /// <summary>
        /// Creates an Association LN object. Defaults: LN context without ciphering, conformance
        /// <see cref="Acse.Conformance.ServerSupportedLn"/>, max receive and send PDU 1024, DLMS
        /// version 6, security_setup_reference 0.0.0.0.0.0, empty secret.
        /// </summary>
        /// <param name="logicalName">0.0.40.0.e.255 (e &gt; 0; 0.0.40.0.0.255 is <see cref="CurrentAssociation"/>).</param>
        /// <param name="objects">The objects this association exposes, with access rights.</param>
        /// <param name="clientSap">Client SAP (0..0x7F), e.g. 16 public client, 32 meter reader.</param>
        /// <param name="serverSap">The logical device's SAP (0..0x3FFF), e.g. 1 management logical device.</param>
        /// <param name="authenticationMechanism">Required mechanism id: 0 none, 1 LLS, 5 HLS GMAC, ...</param>
        /// <param name="maxSecretLength">Capacity of the secret buffer in bytes.</param>
        public AssociationLogicalName(ObisCode logicalName, ObjectList objects, int clientSap, int serverSap, byte authenticationMechanism, int maxSecretLength)
            : base(CosemClassId.AssociationLogicalName, ClassVersion, logicalName)
        {
            if (objects == null)
            {
                throw new ArgumentNullException();
            }
            if (clientSap < 0 || clientSap > 0x7F || serverSap < 0 || serverSap > 0x3FFF || maxSecretLength < 0)
            {
                throw new ArgumentOutOfRangeException();
            }
            _objects = objects;
            _clientSap = clientSap;
            _serverSap = serverSap;
            _mechanism = authenticationMechanism;
            _secret = new byte[maxSecretLength];
            _conformanceBits = new byte[3];
            _applicationContext = ContextLogicalName;
            _conformance = DlmsDevice.Stack.Acse.Conformance.ServerSupportedLn;
            _maxReceivePdu = 1024;
            _maxSendPdu = 1024;
            _dlmsVersion = 6;
            _securitySetupReference = s_noSecuritySetup;
        }

        /// <summary>The objects this association exposes (attribute 2), with their access rights.</summary>
        public ObjectList Objects
        {
            get { return _objects; }
        }

        /// <summary>The client SAP this association serves.</summary>
        public int ClientSap
        {
            get { return _clientSap; }
        }

        /// <summary>The logical device (server SAP) this association belongs to.</summary>
        public int ServerSap
        {
            get { return _serverSap; }
        }

        /// <summary>The authentication mechanism id the client must use (0 none, 1 LLS, 2.. HLS).</summary>
        public byte AuthenticationMechanism
        {
            get { return _mechanism; }
            set { _mechanism = value; }
        }

        /// <summary>Last arc of the application context name: <see cref="ContextLogicalName"/> or <see cref="ContextLogicalNameWithCiphering"/>.</summary>
        public byte ApplicationContext
        {
            get { return _applicationContext; }
            set { _applicationContext = value; }
        }

        /// <summary>Conformance block this association supports (24 bits as on the wire), see <see cref="Acse.Conformance"/>.</summary>
        public int Conformance
        {
            get { return _conformance; }
            set { _conformance = value & 0xFFFFFF; }
        }

        /// <summary>The largest APDU the server accepts on this association (server-max-receive-pdu-size limit), 0..65535.</summary>
        public int MaxReceivePduSize
        {
            get { return _maxReceivePdu; }
            set { _maxReceivePdu = ClampPdu(value); }
        }

        /// <summary>The largest APDU the server sends before negotiation, 0..65535.</summary>
        public int MaxSendPduSize
        {
            get { return _maxSendPdu; }
            set { _maxSendPdu = ClampPdu(value); }
        }

        /// <summary>DLMS version number (6).</summary>
        public byte DlmsVersion
        {
            get { return _dlmsVersion; }
            set { _dlmsVersion = value; }
        }

        /// <summary>security_setup_reference (attribute 9): the Security setup object's logical name.</summary>
        /// <exception cref="ArgumentNullException">Set to null.</exception>
        public ObisCode SecuritySetupReference
        {
            get { return _securitySetupReference; }
            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException();
                }
                _securitySetupReference = value;
            }
        }

        /// <summary>
        /// The Security setup object (IC 64) of this association: its keys, system titles and
        /// policy protect the association's APDUs and back HLS-GMAC/SHA-256. Setting it also sets
        /// <see cref="SecuritySetupReference"/>. Null: no ciphering, no HLS 5/6.
        /// </summary>
        public SecuritySetup SecuritySetup
        {
            get { return _securitySetup; }
            set
            {
                _securitySetup = value;
                if (value != null)
                {
                    _securitySetupReference = value.LogicalName;
                }
            }
        }

        /// <summary>Implements methods 1 and 2 (HLS); null = read-write-denied.</summary>
        public IHlsAuthentication HlsAuthentication { get; set; }

        /// <summary>Bytes in the secret.</summary>
        public int SecretLength
        {
            get { return _secretLength; }
        }

        /// <summary>Most bytes the secret can hold.</summary>
        public int MaxSecretLength
        {
            get { return _secret.Length; }
        }

        /// <summary>Sets the secret (LLS password or HLS key). No allocation.</summary>
        /// <returns>False (unchanged) when it is longer than <see cref="MaxSecretLength"/>.</returns>
        public bool SetSecret(byte[] source, int offset, int length)
        {
            if (length < 0 || length > _secret.Length)
            {
                return false;
            }
            Array.Copy(source, offset, _secret, 0, length);
            _secretLength = length;
            return true;
        }

        /// <summary>Sets the secret from ASCII text (e.g. the LLS password "12345678"), one byte per character.</summary>
        /// <returns>False (unchanged) when it is too long or a character is above 0xFF.</returns>
        public bool SetSecret(string text)
        {
            if (text == null || text.Length > _secret.Length)
            {
                return false;
            }
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0xFF)
                {
                    return false;
                }
            }
            for (int i = 0; i < text.Length; i++)
            {
                _secret[i] = (byte)text[i];
            }
            _secretLength = text.Length;
            return true;
        }

        /// <summary>Copies the secret into <paramref name="destination"/> (for HLS computations) and returns its length.</summary>
        public int CopySecret(byte[] destination, int offset)
        {
            Array.Copy(_secret, 0, destination, offset, _secretLength);
            return _secretLength;
        }

        /// <summary>
        /// Compares the secret with <paramref name="length"/> bytes at <paramref name="buffer"/>
        /// (e.g. the LLS password of an AARQ). The time taken does not depend on where the bytes differ.
        /// </summary>
        public bool SecretEquals(byte[] buffer, int offset, int length)
        {
            if (buffer == null || length != _secretLength || offset < 0 || offset + length > buffer.Length)
            {
                return false;
            }
            int diff = 0;
            for (int i = 0; i < length; i++)
            {
                diff |= _secret[i] ^ buffer[offset + i];
            }
            return diff == 0;
        }

        /// <summary>True when <paramref name="context"/>'s association is this object and is not non-associated.</summary>
        public bool IsActiveIn(CosemContext context)
        {
            return context != null && context.Association == this && context.Status != AssociationStatus.NonAssociated;
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 9; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 4; }
        }

        /// <inheritdoc />
        public override bool BeginArray(int attributeId, int selector, AxdrReader parameters, ArrayCursor cursor, CosemContext context, out DataAccessResult result)
        {
            if (attributeId != Attributes.ObjectList)
            {
                result = DataAccessResult.Success;
                return false;
            }
            // Selective access on object_list (Blue Book selectors 1..4) is not offered.
            if (selector != 0)
            {
                result = DataAccessResult.ScopeOfAccessViolated;
                return true;
            }
            cursor.Reset();
            cursor.Count = _objects.Count;
            result = DataAccessResult.Success;
            return true;
        }

        /// <inheritdoc />
        /// <remarks>Writes element <see cref="ArrayCursor.Index"/>; the caller advances the index.</remarks>
        public override DataAccessResult WriteArrayElement(int attributeId, ArrayCursor cursor, AxdrWriter writer, CosemContext context)
        {
            if (attributeId != Attributes.ObjectList || cursor.Index < 0 || cursor.Index >= _objects.Count)
            {
                return DataAccessResult.ReadWriteDenied;
            }
            ObjectListEncoding.WriteElement(writer, _objects, cursor.Index);
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            bool active = IsActiveIn(context);
            switch (attributeId)
            {
                case Attributes.ObjectList:
                    ObjectListEncoding.WriteAll(writer, _objects);
                    break;
                case Attributes.AssociatedPartnersId:
                    writer.WriteStructure(2);
                    writer.WriteInteger((sbyte)_clientSap);
                    writer.WriteLongUnsigned((ushort)_serverSap);
                    break;
                case Attributes.ApplicationContextName:
                    WriteObjectIdentifier(writer, 1, _applicationContext);
                    break;
                case Attributes.XdlmsContextInfo:
                    if (active)
                    {
                        WriteContextInfo(writer, context.NegotiatedConformance, context.ServerMaxReceivePdu, context.ClientMaxReceivePdu, context.DlmsVersion);
                    }
                    else
                    {
                        WriteContextInfo(writer, _conformance, _maxReceivePdu, _maxSendPdu, _dlmsVersion);
                    }
                    break;
                case Attributes.AuthenticationMechanismName:
                    WriteObjectIdentifier(writer, 2, active ? context.AuthenticationMechanism : _mechanism);
                    break;
                case Attributes.Secret:
                    // The secret is write-only (Blue Book: it shall not be readable).
                    return DataAccessResult.ReadWriteDenied;
                case Attributes.AssociationStatus:
                    writer.WriteEnum((byte)(active ? context.Status : AssociationStatus.NonAssociated));
                    break;
                case Attributes.SecuritySetupReference:
                    writer.WriteObis(_securitySetupReference);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            if (attributeId != Attributes.Secret)
            {
                return DataAccessResult.ReadWriteDenied;
            }
            int start = value.Position;
            int offset;
            int length;
            if (value.ReadOctetString(out offset, out length) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (length == 0 || length > _secret.Length)
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            SetSecret(value.Buffer, offset, length);
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            IHlsAuthentication hls = HlsAuthentication;
            if (hls != null)
            {
                if (methodId == Methods.ReplyToHlsAuthentication)
                {
                    return hls.ReplyToHlsAuthentication(this, parameters, returnParameters, context);
                }
                if (methodId == Methods.ChangeHlsSecret)
                {
                    return hls.ChangeHlsSecret(this, parameters, context);
                }
            }
            return ActionResult.ReadWriteDenied;
        }

        // xDLMS_context_info ::= structure { conformance bit-string(24), max_receive_pdu_size
        // long-unsigned, max_send_pdu_size long-unsigned, dlms_version_number unsigned,
        // quality_of_service integer, cyphering_info octet-string }.
        private void WriteContextInfo(AxdrWriter writer, int conformance, int maxReceive, int maxSend, byte version)
        {
            _conformanceBits[0] = (byte)(conformance >> 16);
            _conformanceBits[1] = (byte)(conformance >> 8);
            _conformanceBits[2] = (byte)conformance;
            writer.WriteStructure(6);
            writer.WriteBitString(_conformanceBits, 0, 24);
            writer.WriteLongUnsigned((ushort)ClampPdu(maxReceive));
            writer.WriteLongUnsigned((ushort)ClampPdu(maxSend));
            writer.WriteUnsigned(version);
            writer.WriteInteger(0);
            writer.WriteOctetString(_conformanceBits, 0, 0);
        }

        // The DLMS UA object identifiers {joint-iso-ccitt(2) country(16) country-name(756)
        // identified-organization(5) DLMS-UA(8) kind id} in BER as an octet-string: kind 1 =
        // application context, 2 = authentication mechanism name (Green Book).
        private static void WriteObjectIdentifier(AxdrWriter writer, byte kind, byte id)
        {
            writer.WriteByte((byte)DataType.OctetString);
            writer.WriteByte(7);
            writer.WriteByte(0x60);
            writer.WriteByte(0x85);
            writer.WriteByte(0x74);
            writer.WriteByte(0x05);
            writer.WriteByte(0x08);
            writer.WriteByte(kind);
            writer.WriteByte(id);
        }

        private static int ClampPdu(int value)
        {
            if (value < 0)
            {
                return 0;
            }
            return value > 0xFFFF ? 0xFFFF : value;
        }
    }
}
