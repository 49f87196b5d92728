using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// State of the application association on one channel (one TCP connection or one HDLC
    /// link), handed to every COSEM object call. One instance per channel, allocated once.
    /// </summary>
    public sealed class CosemContext
    {
        /// <summary>The client's SAP (16 public client, 32 meter reader, ...).</summary>
        public int ClientSap;

        /// <summary>The addressed logical device (1 = management logical device).</summary>
        public int ServerLogicalAddress;

        /// <summary>Where the association stands.</summary>
        public AssociationStatus Status;

        /// <summary>The Association LN object (IC 15) that governs this client, null before a link is opened.</summary>
        public CosemObject Association;

        /// <summary>The objects this association exposes, with access rights (from the Association LN object).</summary>
        public ObjectList Objects;

        /// <summary>Negotiated conformance block (24 bits, bit 0 = MSB of the first byte, as on the wire).</summary>
        public int NegotiatedConformance;

        /// <summary>client-max-receive-pdu-size from the AARQ: the largest APDU we may send.</summary>
        public int ClientMaxReceivePdu;

        /// <summary>server-max-receive-pdu-size we announced in the AARE.</summary>
        public int ServerMaxReceivePdu;

        /// <summary>Negotiated DLMS version (6).</summary>
        public byte DlmsVersion;

        /// <summary>Authentication mechanism id in use (0 none, 1 LLS, 5 HLS-GMAC, ...).</summary>
        public byte AuthenticationMechanism;

        /// <summary>
        /// The protection of the request being served: its security control bits 0x10
        /// (authenticated) and 0x20 (encrypted), 0 for a plain request. Access rights that ask for
        /// an authenticated or encrypted request are checked against it.
        /// </summary>
        public byte RequestProtection;

        /// <summary>The security state of the channel (keys, challenges, titles); null when the server runs without one.</summary>
        public SecurityContext Security;

        /// <summary>
        /// Why the last association attempt on this channel was refused (None when it was not):
        /// set by the ACSE and the HLS methods with <see cref="Refuse"/>, read by the server to
        /// tell the host, cleared by the server before each request. Never sent to the client.
        /// </summary>
        public AssociationRefusal Refusal;

        /// <summary>The first number of <see cref="Refusal"/> (its meaning is in <see cref="AssociationRefusal"/>).</summary>
        public long RefusalDetail;

        /// <summary>The second number of <see cref="Refusal"/>: what was expected (its meaning is in <see cref="AssociationRefusal"/>).</summary>
        public long RefusalExpected;

        /// <summary>Records why an association is refused (three field writes: no allocation).</summary>
        public void Refuse(AssociationRefusal reason, long detail, long expected)
        {
            Refusal = reason;
            RefusalDetail = detail;
            RefusalExpected = expected;
        }

        /// <summary>Forgets a recorded refusal.</summary>
        public void ClearRefusal()
        {
            Refusal = AssociationRefusal.None;
            RefusalDetail = 0;
            RefusalExpected = 0;
        }

        /// <summary>Forgets the association (link closed or released).</summary>
        public void ResetAssociation()
        {
            Status = AssociationStatus.NonAssociated;
            NegotiatedConformance = 0;
            ClientMaxReceivePdu = 0;
            ServerMaxReceivePdu = 0;
            DlmsVersion = 0;
            AuthenticationMechanism = 0;
            RequestProtection = 0;
        }
    }
}
