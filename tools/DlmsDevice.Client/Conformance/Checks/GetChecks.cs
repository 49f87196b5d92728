using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>GET in every variant and its error answers (Green Book xDLMS GET service, Blue Book access).</summary>
    internal static class GetChecks
    {
        private const string Get = "Green Book 9.5 (Get-Request/Get-Response, Data-Access-Result)";
        private const string Blocks = "Green Book 9.4.6.2.4 (GET with block transfer, DataBlock-G)";

        public static IReadOnlyList<ConformanceCheck> All { get; } = new[]
        {
            new ConformanceCheck("get.normal", "GET-Request-Normal of a readable attribute returns data with the request's invoke-id", Get, NormalAsync),
            new ConformanceCheck("get.invoke-id", "the reply echoes invoke-id-and-priority (id 7, normal priority)", Get, InvokeIdAsync),
            new ConformanceCheck("get.logical-names", "attribute 1 of every object in the object list is its logical name", "Blue Book 4.1.3 (logical_name) and 4.4.3 (object_list)", LogicalNamesAsync),
            new ConformanceCheck("get.undefined-object", "GET of an object not in the object list returns object-undefined (or object-unavailable)", Get, UndefinedObjectAsync),
            new ConformanceCheck("get.undefined-attribute", "GET of attribute 99 returns a data-access-result, not data", Get, UndefinedAttributeAsync),
            new ConformanceCheck("get.class-mismatch", "GET with the right logical name and a wrong class-id returns object-class-inconsistent (or object-undefined)", Get, ClassMismatchAsync),
            new ConformanceCheck("get.with-list", "GET-Request-With-List of 3 attributes returns 3 results in order, equal to single reads", Get, WithListAsync),
            new ConformanceCheck("get.with-list-mixed", "in a with-list GET, an undefined object gets its own data-access-result and the others their data", Get, WithListMixedAsync),
            new ConformanceCheck("get.with-list-not-negotiated", "without multiple-references negotiated, a with-list GET is refused", "Green Book 9.4.6.1 (the conformance block limits the services)", WithListNotNegotiatedAsync),
            new ConformanceCheck("get.blocks", "a value longer than the client's PDU comes in blocks 1..n, each within the PDU, reassembling to the value", Blocks, BlocksAsync),
            new ConformanceCheck("get.block-wrong-number", "GET-Request-Next with a wrong block number ends the transfer with an error, not the next block", Blocks, WrongBlockAsync),
            new ConformanceCheck("get.next-without-transfer", "GET-Request-Next with no transfer in progress returns an error (no-long-get-in-progress)", Blocks, NextWithoutTransferAsync),
            new ConformanceCheck("get.new-request-during-blocks", "a GET-Request-Normal during a block transfer is served normally", Blocks, NewRequestAsync),
            new ConformanceCheck("get.unknown-service", "an unknown APDU tag (C6) is refused with an exception-response", "Green Book 9.5 (Exception-Response service-unknown)", c => RefusedAsync(c, new byte[] { 0xC6, 0x01, 0xC1 }, "APDU tag C6")),
            new ConformanceCheck("get.unknown-request-type", "GET-Request choice 7 is refused with an exception-response", "Green Book 9.5 (Exception-Response)", c => RefusedAsync(c, new byte[] { 0xC0, 0x07, 0xC1, 0x00 }, "GET-Request choice 7")),
            new ConformanceCheck("get.truncated", "a truncated GET-Request-Normal is refused and the association goes on", "Green Book 9.5 (Exception-Response)", TruncatedAsync),
        };

        private static async Task<IProbeChannel> AssociatedAsync(CheckContext c, ushort maxPdu = 0xFFFF, Conformance conformance = CheckContext.Proposed)
        {
            c.RequireServer();
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(channel, maxPdu, conformance).ConfigureAwait(false);
            return channel;
        }

        private static async Task NormalAsync(CheckContext c)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            GetResult result = Replies.RequireGetNormal(await channel.ExchangeAsync(CheckHelpers.SampleGet(c)).ConfigureAwait(false), CheckHelpers.InvokeId, "GET " + CheckHelpers.SampleAttribute(c));
            CheckContext.Require(result.IsSuccess, "GET " + CheckHelpers.SampleAttribute(c) + " returned " + Replies.Name(result.Result));
        }

        private static async Task InvokeIdAsync(CheckContext c)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            Replies.RequireGetNormal(await channel.ExchangeAsync(CheckHelpers.SampleGet(c, 0x47)).ConfigureAwait(false), 0x47, "GET with invoke-id-and-priority 47");
        }

        private static async Task LogicalNamesAsync(CheckContext c)
        {
            ServerProfile server = c.RequireServer();
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            foreach (ObjectListEntry o in server.Objects.Where(o => o.Attributes.Any(a => a.AttributeId == 1 && AssociationDump.CanRead(a.AccessMode))))
            {
                var attribute = new CosemAttribute(o.ClassId, o.LogicalName, 1);
                GetResult result = Replies.RequireGetNormal(await channel.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, attribute)).ConfigureAwait(false), CheckHelpers.InvokeId, "GET " + attribute);
                CheckContext.Require(result.Value is { Type: DataType.OctetString } v && v.Bytes.AsSpan().SequenceEqual(o.LogicalName.ToBytes()),
                    "GET " + attribute + " returned " + (result.Value?.ToString() ?? Replies.Name(result.Result)) + ", not its logical name");
            }
        }

        private static async Task UndefinedObjectAsync(CheckContext c)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            var attribute = CosemAttribute.Parse("0.0.96.99.99.255:1:2");
            DataAccessResult r = Replies.RequireGetError(await channel.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, attribute)).ConfigureAwait(false), CheckHelpers.InvokeId, "GET " + attribute);
            CheckContext.Require(r is DataAccessResult.ObjectUndefined or DataAccessResult.ObjectUnavailable, "GET of an undefined object returned " + Replies.Name(r) + ", not object-undefined (4)");
        }

        private static async Task UndefinedAttributeAsync(CheckContext c)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            CosemAttribute attribute = CheckHelpers.SampleAttribute(c) with { AttributeId = 99 };
            Replies.RequireGetError(await channel.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, attribute)).ConfigureAwait(false), CheckHelpers.InvokeId, "GET " + attribute);
        }

        private static async Task ClassMismatchAsync(CheckContext c)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            CosemAttribute sample = CheckHelpers.SampleAttribute(c);
            CosemAttribute attribute = sample with { ClassId = (ushort)(sample.ClassId == 3 ? 1 : 3) };
            DataAccessResult r = Replies.RequireGetError(await channel.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, attribute)).ConfigureAwait(false), CheckHelpers.InvokeId, "GET " + attribute);
            CheckContext.Require(r is DataAccessResult.ObjectClassInconsistent or DataAccessResult.ObjectUndefined, "returned " + Replies.Name(r) + ", not object-class-inconsistent (9)");
        }

        private static List<CosemAttribute> ThreeAttributes(CheckContext c)
        {
            ServerProfile server = c.RequireServer();
            var list = server.Objects.Where(o => o.Attributes.Any(a => a.AttributeId == 1 && AssociationDump.CanRead(a.AccessMode)))
                .Take(3).Select(o => new CosemAttribute(o.ClassId, o.LogicalName, 1)).ToList();
            if (list.Count < 3)
            {
                throw CheckContext.NotApplicable("the object list has fewer than 3 objects");
            }
            return list;
        }

        private static List<GetResult> DecodeList(byte[]? reply, int count)
        {
            CheckContext.Require(reply is { Length: >= 4 } && reply[0] == 0xC4 && reply[1] == 0x03, "the with-list GET was answered with " + Replies.Describe(reply));
            GetResponse response;
            try
            {
                response = GetResponse.Decode(reply!);
            }
            catch (DlmsException e)
            {
                throw CheckContext.Fail("the GET-Response-With-List does not decode: " + e.Message);
            }
            CheckContext.Require(response.Results!.Count == count, "asked for " + count + " attributes, got " + response.Results.Count + " results");
            return response.Results.ToList();
        }

        private static async Task WithListAsync(CheckContext c)
        {
            c.RequireConformance(Conformance.MultipleReferences, "multiple-references");
            List<CosemAttribute> attributes = ThreeAttributes(c);
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            List<GetResult> results = DecodeList(await channel.ExchangeAsync(GetRequest.WithList(CheckHelpers.InvokeId, attributes)).ConfigureAwait(false), 3);
            for (int i = 0; i < 3; i++)
            {
                CheckContext.Require(results[i].Value is { Type: DataType.OctetString } v && v.Bytes.AsSpan().SequenceEqual(attributes[i].LogicalName.ToBytes()),
                    "result " + (i + 1) + " is " + results[i] + ", not the logical name of " + attributes[i]);
            }
        }

        private static async Task WithListMixedAsync(CheckContext c)
        {
            c.RequireConformance(Conformance.MultipleReferences, "multiple-references");
            List<CosemAttribute> attributes = ThreeAttributes(c);
            attributes[1] = CosemAttribute.Parse("0.0.96.99.99.255:1:2");
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            List<GetResult> results = DecodeList(await channel.ExchangeAsync(GetRequest.WithList(CheckHelpers.InvokeId, attributes)).ConfigureAwait(false), 3);
            CheckContext.Require(results[0].IsSuccess && results[2].IsSuccess, "the defined attributes did not return data: " + results[0] + ", " + results[2]);
            CheckContext.Require(!results[1].IsSuccess, "the undefined object returned data");
        }

        private static async Task WithListNotNegotiatedAsync(CheckContext c)
        {
            List<CosemAttribute> attributes = ThreeAttributes(c);
            IProbeChannel channel = await AssociatedAsync(c, 0xFFFF, CheckContext.Proposed & ~Conformance.MultipleReferences).ConfigureAwait(false);
            byte[]? reply = await channel.ExchangeAsync(GetRequest.WithList(CheckHelpers.InvokeId, attributes)).ConfigureAwait(false);
            Replies.RequireRefusal(reply, "a with-list GET without multiple-references");
        }

        private static async Task<(IProbeChannel Channel, GetResponse First)> StartBlocksAsync(CheckContext c)
        {
            c.RequireConformance(Conformance.BlockTransferWithGetOrRead, "block-transfer-with-get");
            IProbeChannel channel = await AssociatedAsync(c, 128).ConfigureAwait(false);
            byte[]? reply = await channel.ExchangeAsync(GetRequest.Normal(CheckHelpers.InvokeId, ObjectList.Attribute)).ConfigureAwait(false);
            CheckContext.Require(reply is not null && reply.Length <= 128, "with client-max-receive-pdu-size 128 the reply is " + (reply?.Length ?? 0) + " bytes");
            GetResponse first = Decode(reply);
            if (first.Kind == GetResponseKind.Normal)
            {
                throw CheckContext.NotApplicable("the object list fits one 128-byte APDU");
            }
            CheckContext.Require(first.Kind == GetResponseKind.WithDatablock && first.BlockNumber == 1 && first.RawData is not null,
                "the first reply is not GET-Response-With-Datablock block 1 with raw-data: " + Replies.Describe(reply));
            return (channel, first);
        }

        private static GetResponse Decode(byte[]? reply)
        {
            CheckContext.Require(reply is { Length: >= 3 } && reply[0] == 0xC4, "expected a GET-Response, got " + Replies.Describe(reply));
            try
            {
                return GetResponse.Decode(reply!);
            }
            catch (DlmsException e)
            {
                throw CheckContext.Fail("the GET-Response does not decode: " + e.Message);
            }
        }

        private static async Task BlocksAsync(CheckContext c)
        {
            (IProbeChannel channel, GetResponse block) = await StartBlocksAsync(c).ConfigureAwait(false);
            var raw = new List<byte>(block.RawData!);
            uint expected = 1;
            while (!block.LastBlock)
            {
                CheckContext.Require(expected < 10000, "more than 10000 blocks");
                byte[]? reply = await channel.ExchangeAsync(GetRequest.Next(CheckHelpers.InvokeId, expected)).ConfigureAwait(false);
                CheckContext.Require(reply is not null && reply.Length <= 128, "block " + (expected + 1) + ": " + (reply is null ? "no answer" : reply.Length + " bytes, above the client's 128"));
                block = Decode(reply);
                expected++;
                CheckContext.Require(block.Kind == GetResponseKind.WithDatablock && block.BlockNumber == expected && block.RawData is not null,
                    "expected block " + expected + " with raw-data, got " + Replies.Describe(reply));
                raw.AddRange(block.RawData!);
            }
            DlmsValue value;
            try
            {
                value = AxdrDecoder.Decode(raw.ToArray());
                ObjectList.Decode(value);
            }
            catch (DlmsException e)
            {
                throw CheckContext.Fail("the " + expected + " blocks do not reassemble to an object list: " + e.Message);
            }
            c.Note(expected + " blocks, " + raw.Count + " bytes of raw-data");
        }

        private static async Task WrongBlockAsync(CheckContext c)
        {
            (IProbeChannel channel, GetResponse first) = await StartBlocksAsync(c).ConfigureAwait(false);
            if (first.LastBlock)
            {
                throw CheckContext.NotApplicable("the object list came in one block");
            }
            byte[]? reply = await channel.ExchangeAsync(GetRequest.Next(CheckHelpers.InvokeId, 5)).ConfigureAwait(false);
            if (Replies.IsRefusal(reply))
            {
                return;
            }
            GetResponse response = Decode(reply);
            CheckContext.Require(response.Kind == GetResponseKind.WithDatablock && response.RawData is null,
                "GET-Request-Next for block 5 after block 1 was answered with " + Replies.Describe(reply) + ", not a data-access-result");
        }

        private static async Task NextWithoutTransferAsync(CheckContext c)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            byte[]? reply = await channel.ExchangeAsync(GetRequest.Next(CheckHelpers.InvokeId, 1)).ConfigureAwait(false);
            if (Replies.IsRefusal(reply))
            {
                return;
            }
            GetResponse response = Decode(reply);
            CheckContext.Require(response.RawData is null && (response.Kind != GetResponseKind.Normal || response.Result is { IsSuccess: false }),
                "GET-Request-Next without a transfer returned data: " + Replies.Describe(reply));
        }

        private static async Task NewRequestAsync(CheckContext c)
        {
            (IProbeChannel channel, GetResponse first) = await StartBlocksAsync(c).ConfigureAwait(false);
            GetResult result = Replies.RequireGetNormal(await channel.ExchangeAsync(CheckHelpers.SampleGet(c)).ConfigureAwait(false), CheckHelpers.InvokeId, "GET " + CheckHelpers.SampleAttribute(c) + " during a block transfer");
            CheckContext.Require(result.IsSuccess, "returned " + Replies.Name(result.Result));
            _ = first;
        }

        private static async Task RefusedAsync(CheckContext c, byte[] apdu, string what)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            Replies.RequireRefusal(await channel.ExchangeAsync(apdu).ConfigureAwait(false), what);
        }

        private static async Task TruncatedAsync(CheckContext c)
        {
            IProbeChannel channel = await AssociatedAsync(c).ConfigureAwait(false);
            byte[] request = CheckHelpers.SampleGet(c);
            Replies.RequireRefusal(await channel.ExchangeAsync(request.AsSpan(0, 6).ToArray()).ConfigureAwait(false), "a GET-Request-Normal cut to 6 bytes");
            GetResult result = Replies.RequireGetNormal(await channel.ExchangeAsync(request).ConfigureAwait(false), CheckHelpers.InvokeId, "the whole GET afterwards");
            CheckContext.Require(result.IsSuccess, "the whole GET afterwards returned " + Replies.Name(result.Result));
        }
    }
}
