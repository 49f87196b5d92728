using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Tests.Services.Fakes
{
    /// <summary>
    /// Stands in for the ACSE layer: accepts any AARQ for a known association (answering
    /// <c>61 00</c>) with the configured conformance proposal and client PDU, rejects otherwise
    /// (<c>61 01</c>). RLRQ gets <c>63 03 80 01 00</c>. Never allocates.
    /// </summary>
    public sealed class FakeAcse : IAcseHandler
    {
        public int ProposedConformance = 0xFFFFFF;
        public int ClientMaxReceivePdu = 0xFFFF;
        public AssociationStatus AcceptAs = AssociationStatus.Associated;
        public AssociationConfig? LastAssociation;
        public int AarqCount;
        public int RlrqCount;
        public int LastMaxReceivePdu;

        public int HandleAarq(byte[] request, int offset, int count, AssociationConfig association, int maxReceivePdu,
            CosemContext context, byte[] response, int responseOffset, int responseMax)
        {
            AarqCount++;
            LastAssociation = association;
            LastMaxReceivePdu = maxReceivePdu;
            response[responseOffset] = 0x61;
            if (association == null)
            {
                response[responseOffset + 1] = 0x01;
                return 2;
            }
            context.Status = AcceptAs;
            context.NegotiatedConformance = ProposedConformance & association.SupportedConformance;
            context.ClientMaxReceivePdu = ClientMaxReceivePdu;
            context.ServerMaxReceivePdu = maxReceivePdu;
            context.DlmsVersion = 6;
            context.AuthenticationMechanism = association.AuthenticationMechanism;
            response[responseOffset + 1] = 0x00;
            return 2;
        }

        public int HandleRlrq(byte[] request, int offset, int count, CosemContext context,
            byte[] response, int responseOffset, int responseMax)
        {
            RlrqCount++;
            response[responseOffset] = 0x63;
            response[responseOffset + 1] = 0x03;
            response[responseOffset + 2] = 0x80;
            response[responseOffset + 3] = 0x01;
            response[responseOffset + 4] = 0x00;
            return 5;
        }
    }
}
