using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Stack.Server
{
    /// <summary>
    /// A DLMS/COSEM server: the configured logical devices and associations, the limits, and the
    /// ACSE handler. It creates one <see cref="ApplicationSession"/> per channel (TCP connection,
    /// HDLC link); the link layer drives the session through <see cref="IApduHandler"/>.
    /// </summary>
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
        /// <summary>Creates a server whose sessions each get their own <see cref="AcseHandler"/>.</summary>
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
        }

        /// <summary>
        /// Creates a server whose sessions all use <paramref name="acse"/> (a replacement ACSE,
        /// e.g. in tests). It is shared: it must not keep per-request state if channels are
        /// served from several threads.
        /// </summary>
        public DlmsServer(IAssociationDirectory associations, ServerLimits limits, IAcseHandler acse)
            : this(associations, limits)
        {
            if (acse == null)
            {
                throw new ArgumentNullException();
            }
            SharedAcse = acse;
        }

        /// <summary>The association directory.</summary>
        public IAssociationDirectory Associations { get; private set; }

        /// <summary>The ACSE handler every session shares; null when each session has its own <see cref="AcseHandler"/>.</summary>
        public IAcseHandler SharedAcse { get; private set; }

        /// <summary>The largest server-max-receive-pdu-size offered in the AARE.</summary>
        public int MaxReceivePdu { get; private set; }

        /// <summary>Size of each session's transfer buffer.</summary>
        public int BlockBufferSize { get; private set; }

        /// <summary>
        /// Where HLS StoC challenges come from (the hardware RNG on a device). Without one, HLS
        /// associations are refused (authentication-mechanism-name-not-recognised). Set it at
        /// configuration time, before sessions are created.
        /// </summary>
        public IEntropySource Entropy { get; set; }

        /// <summary>
        /// Creates the application layer of one channel. Allocates its buffers and cursors once
        /// (about <see cref="BlockBufferSize"/> bytes plus a few hundred); call it when a
        /// connection or link is accepted, not per request.
        /// </summary>
        public ApplicationSession CreateSession()
        {
            return new ApplicationSession(this);
        }
    }
}
