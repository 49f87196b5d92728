using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// What one client SAP gets on one logical device: its Association LN object, the objects it
    /// may see with their access rights, how it authenticates and which services it may use.
    /// Built at configuration time.
    /// </summary>
    /// <remarks>
    /// The seam towards the COSEM model: today it is built by hand; the Association LN class
    /// (IC 15) can fill it from its own attributes (object_list, authentication_mechanism_name,
    /// secret, xdlms_context_info).
    /// </remarks>
    public sealed class AssociationConfig
    {
        private int _supportedConformance = Conformance.ServerSupportedLn;
        private byte _authenticationMechanism;
        private byte[] _secret;

        /// <summary>Creates the configuration of client <paramref name="clientSap"/>.</summary>
        /// <param name="clientSap">The client SAP (16 public client, 32 meter reader, ...).</param>
        /// <param name="objects">The objects this association exposes, with access rights.</param>
        /// <param name="association">The Association LN object (IC 15) of this client; may be null in tests.</param>
        public AssociationConfig(int clientSap, ObjectList objects, CosemObject association)
        {
            if (objects == null)
            {
                throw new ArgumentNullException();
            }
            if (clientSap < 0 || clientSap > 0x7F)
            {
                throw new ArgumentOutOfRangeException();
            }
            ClientSap = clientSap;
            Objects = objects;
            Association = association;
        }

        /// <summary>The client SAP this configuration serves.</summary>
        public int ClientSap { get; private set; }

        /// <summary>The objects this association exposes, with per-attribute and per-method access rights.</summary>
        public ObjectList Objects { get; private set; }

        /// <summary>The Association LN object (IC 15) governing this client; null when not modelled.</summary>
        public CosemObject Association { get; private set; }

        /// <summary>
        /// Authentication mechanism id the client must use: 0 none (lowest level), 1 LLS. HLS
        /// (2..7) arrives with the security layer; configuring it now is refused.
        /// </summary>
        public byte AuthenticationMechanism
        {
            get { return _authenticationMechanism; }
            set
            {
                if (value > MechanismName.Lls)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _authenticationMechanism = value;
            }
        }

        /// <summary>The LLS password (mechanism 1), at most 64 bytes; null for none. Not copied.</summary>
        public byte[] Secret
        {
            get { return _secret; }
            set
            {
                if (value != null && value.Length > AssociationParameters.MaxSecretLength)
                {
                    throw new ArgumentOutOfRangeException();
                }
                _secret = value;
            }
        }

        /// <summary>
        /// This association's own limit for server-max-receive-pdu-size; 0 (default) = the
        /// server's <see cref="ServerLimits.MaxReceivePdu"/>. The smaller of the two applies.
        /// </summary>
        public int MaxReceivePdu { get; set; }

        /// <summary>
        /// Conformance bits this association offers (the negotiated block is the client's
        /// proposal AND this). Default <see cref="Conformance.ServerSupportedLn"/>; general
        /// block transfer is never offered.
        /// </summary>
        public int SupportedConformance
        {
            get { return _supportedConformance; }
            set { _supportedConformance = value & ~Conformance.GeneralBlockTransfer; }
        }
    }
}
