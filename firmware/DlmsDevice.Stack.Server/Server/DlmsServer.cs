using System;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Services;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// A DLMS/COSEM server: the configured logical devices and associations, the limits, and the
    /// request machinery its channels share. It creates one <see cref="ApplicationSession"/> per
    /// channel (TCP connection, HDLC link); the link layer drives the session through
    /// <see cref="IApduHandler"/>.
    /// </summary>
    /// <remarks>
    /// <para>What a request needs only while it is served is allocated once, here, and shared by
    /// every session: the xDLMS services with their decoders and encoders
    /// (<see cref="ServiceDispatcher"/>), the ACSE with its decoded AARQ and AARE, and the
    /// cryptographic work objects (<see cref="SecurityWorkspace"/>: the dedicated-key cipher,
    /// the HLS hash). A session keeps only what lives between the requests of its association
    /// (association and security state, challenges, the block transfer and its buffer).</para>
    /// <para><b>Requirement:</b> the sessions of one server must be served one request at a time:
    /// no two calls into sessions of the same server (<see cref="IApduHandler"/> methods) may
    /// overlap. The device runtime guarantees it (SerializedApduHandler holds the meter's lock
    /// around every call, and the engine's tick holds the same lock); a host that drives
    /// sessions from several threads itself must do the same.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// var directory = new AssociationDirectory();
    /// directory.Add(1, new AssociationConfig(16, publicObjects, publicAssociation));
    /// var server = new DlmsServer(directory, new ServerLimits());
    /// IApduHandler handler = server.CreateSession();   // one per channel, at connect time
    /// </code>
    /// </example>
    public sealed class DlmsServer
    {
        private readonly AcseHandler _ownAcse;
        private readonly ServiceDispatcher _services = new ServiceDispatcher();
        private readonly SecurityWorkspace _securityWorkspace = new SecurityWorkspace();

        /// <summary>Creates a server whose sessions share one <see cref="AcseHandler"/>.</summary>
        /// <param name="associations">Where the sessions find the association for a client SAP.</param>
        /// <param name="limits">Buffer and PDU sizes (copied; later changes do not affect the server).</param>
        public DlmsServer(IAssociationDirectory associations, ServerLimits limits)
        {
            if (associations == null || limits == null)
            {
                throw new ArgumentNullException();
            }
            Associations = associations;
            MaxReceivePdu = limits.MaxReceivePdu;
            BlockBufferSize = limits.BlockBufferSize;
            _ownAcse = new AcseHandler();
            Acse = _ownAcse;
        }

        /// <summary>
        /// Creates a server whose sessions all use <paramref name="acse"/> (a replacement ACSE,
        /// e.g. in tests), one request at a time like everything else a server shares.
        /// </summary>
        public DlmsServer(IAssociationDirectory associations, ServerLimits limits, IAcseHandler acse)
            : this(associations, limits)
        {
            if (acse == null)
            {
                throw new ArgumentNullException();
            }
            Acse = acse;
        }

        /// <summary>The association directory.</summary>
        public IAssociationDirectory Associations { get; private set; }

        /// <summary>The ACSE handler every session uses (an <see cref="AcseHandler"/> unless replaced).</summary>
        public IAcseHandler Acse { get; private set; }

        /// <summary>The largest server-max-receive-pdu-size offered in the AARE.</summary>
        public int MaxReceivePdu { get; private set; }

        /// <summary>Size of each session's transfer buffer.</summary>
        public int BlockBufferSize { get; private set; }

        /// <summary>
        /// Where HLS StoC challenges come from (the hardware RNG on a device). Without one, HLS
        /// associations are refused (authentication-mechanism-name-not-recognised). Set it at
        /// configuration time.
        /// </summary>
        public IEntropySource Entropy
        {
            get { return _ownAcse.Entropy; }
            set { _ownAcse.Entropy = value; }
        }

        /// <summary>
        /// Told why an association was refused (the host logs it); null = nobody. Set it at
        /// configuration time. The AARE and every other answer are the same with or without it.
        /// </summary>
        public IAssociationObserver Observer { get; set; }

        /// <summary>The xDLMS services every session uses.</summary>
        internal ServiceDispatcher Services
        {
            get { return _services; }
        }

        /// <summary>The cryptographic work objects every session's security context uses.</summary>
        internal SecurityWorkspace SecurityWorkspace
        {
            get { return _securityWorkspace; }
        }

        /// <summary>
        /// Creates the application layer of one channel. Allocates its state once (about
        /// <see cref="BlockBufferSize"/> bytes plus a few hundred); call it when a connection or
        /// link is accepted (or once per channel slot at start-up), not per request.
        /// </summary>
        public ApplicationSession CreateSession()
        {
            return new ApplicationSession(this);
        }
    }
}
