using System;
using System.Linq;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>Building blocks the checks share: AARQs, a readable attribute, raw associations.</summary>
    internal static class CheckHelpers
    {
        /// <summary>invoke-id-and-priority of the battery's requests.</summary>
        public const byte InvokeId = 0xC1;

        /// <summary>A plain AARQ (LN, no security) proposing the battery's conformance.</summary>
        public static byte[] Aarq(ushort maxPdu = 0xFFFF, Conformance conformance = CheckContext.Proposed) =>
            AssociationRequest.Encode(conformance, maxPdu);

        /// <summary>
        /// An attribute the public client may read: attribute 2 of the first Data object its object
        /// list offers, else the logical name of the current association.
        /// </summary>
        public static CosemAttribute SampleAttribute(CheckContext context)
        {
            ServerProfile? server = context.Server;
            ObjectListEntry? data = server?.Objects.FirstOrDefault(o => o.ClassId == 1 && o.Attributes.Any(a => a.AttributeId == 2 && AssociationDump.CanRead(a.AccessMode)));
            return data is null ? new CosemAttribute(15, ObjectList.CurrentAssociation, 1) : new CosemAttribute(1, data.LogicalName, 2);
        }

        /// <summary>GET-Request-Normal of <see cref="SampleAttribute"/>.</summary>
        public static byte[] SampleGet(CheckContext context, byte invokeId = InvokeId) => GetRequest.Normal(invokeId, SampleAttribute(context));

        /// <summary>Sends a plain AARQ and requires an accepted AARE.</summary>
        public static async Task<AssociationResponse> AssociateAsync(IProbeChannel channel, ushort maxPdu = 0xFFFF, Conformance conformance = CheckContext.Proposed)
        {
            byte[]? reply = await channel.ExchangeAsync(Aarq(maxPdu, conformance)).ConfigureAwait(false);
            AssociationResponse aare = Replies.RequireAare(reply, "the public client's AARQ");
            CheckContext.Require(aare.IsAccepted, "the public client's AARQ was not accepted: result " + aare.Result + ", diagnostic " + aare.Diagnostic);
            return aare;
        }

        /// <summary>A profile generic the public client may read (buffer and capture_objects), or null.</summary>
        public static ObjectListEntry? Profile(CheckContext context) =>
            context.Server?.Objects.FirstOrDefault(o => o.ClassId == 7
                && o.Attributes.Any(a => a.AttributeId == 2 && AssociationDump.CanRead(a.AccessMode))
                && o.Attributes.Any(a => a.AttributeId == 7 && AssociationDump.CanRead(a.AccessMode)));
    }
}
