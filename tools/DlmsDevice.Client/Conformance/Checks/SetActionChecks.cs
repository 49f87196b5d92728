using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>SET and ACTION, with blocks and lists, and the access rights of the association (Blue Book IC 15 object_list).</summary>
    internal static class SetActionChecks
    {
        private const string Set = "Green Book 9.5 (Set-Request/Set-Response)";
        private const string SetBlocks = "Green Book 9.4.6.2 (SET with block transfer, DataBlock-SA)";
        private const string Action = "Green Book 9.5 (Action-Request/Action-Response)";
        private const string Access = "Blue Book 4.4.3 (Association LN object_list: attribute and method access rights)";
        private static readonly CosemAttribute s_clockTime = CosemAttribute.Parse("0.0.1.0.0.255:8:2");

        public static IReadOnlyList<ConformanceCheck> All { get; } = new[]
        {
            new ConformanceCheck("set.read-only-denied", "SET of a read-only attribute returns read-write-denied", Access, ReadOnlyAsync),
            new ConformanceCheck("set.normal", "the LLS client sets the clock to the time it reads: success", Set, NormalAsync),
            new ConformanceCheck("set.type-mismatch", "SET of the clock time with an unsigned returns an error, not success", Set, TypeMismatchAsync),
            new ConformanceCheck("set.with-datablock", "SET of the clock time in two datablocks: the first acknowledged, the last answered with success", SetBlocks, DatablocksAsync),
            new ConformanceCheck("set.wrong-block-number", "a SET datablock numbered 3 after block 1 is not accepted", SetBlocks, WrongBlockAsync),
            new ConformanceCheck("set.with-list", "SET-Request-With-List of the clock time returns one result, success", Set, WithListAsync),
            new ConformanceCheck("action.normal", "the LLS client invokes a method it has access to: success", Action, ActionAsync),
            new ConformanceCheck("action.denied", "ACTION on a method without access for the public client returns an error, not success", Access, ActionDeniedAsync),
            new ConformanceCheck("action.undefined-method", "ACTION on method 99 returns an error, not success", Action, UndefinedMethodAsync),
            new ConformanceCheck("access.get-denied", "GET of an attribute without read access for the public client returns read-write-denied", Access, GetDeniedAsync),
        };

        private static DlmsClientOptions Lls(CheckContext c)
        {
            if (c.Options.LlsClient <= 0 || c.Options.Password is null)
            {
                throw CheckContext.NotApplicable("no LLS client configured");
            }
            return c.ClientOptions(c.Options.LlsClient, AuthenticationMechanism.Low, c.Options.Password);
        }

        // The LLS client's association and its object list; not applicable when it cannot write the clock time.
        private static async Task<DlmsClient> ClockWriterAsync(CheckContext c)
        {
            DlmsClient client = await c.AssociateAsync(Lls(c)).ConfigureAwait(false);
            IReadOnlyList<ObjectListEntry> objects = await client.GetObjectListAsync(c.Token).ConfigureAwait(false);
            ObjectListEntry? clock = objects.FirstOrDefault(o => o.ClassId == 8 && o.LogicalName == s_clockTime.LogicalName);
            if (clock is null || !clock.Attributes.Any(a => a.AttributeId == 2 && a.AccessMode is 2 or 3 or 5 or 6))
            {
                throw CheckContext.NotApplicable("the LLS client may not write the clock's time (0.0.1.0.0.255 attribute 2)");
            }
            return client;
        }

        private static async Task ReadOnlyAsync(CheckContext c)
        {
            c.RequireServer();
            CosemAttribute attribute = CheckHelpers.SampleAttribute(c);
            DlmsClient client = await c.AssociateAsync(c.ClientOptions(c.Options.PublicClient)).ConfigureAwait(false);
            DlmsValue value = await client.GetAsync(attribute, null, c.Token).ConfigureAwait(false);
            byte[] reply = await client.ExchangeAsync(SetRequest.Normal(CheckHelpers.InvokeId, attribute, AxdrEncoder.Encode(value)), c.Token).ConfigureAwait(false);
            CheckContext.Require(reply.Length >= 4 && reply[0] == 0xC5 && reply[1] == 0x01, "SET was answered with " + Replies.Describe(reply));
            CheckContext.Require(reply[3] == (byte)DataAccessResult.ReadWriteDenied, "SET of " + attribute + " returned " + Replies.Name((DataAccessResult)reply[3]) + ", not read-write-denied (3)");
        }

        private static async Task NormalAsync(CheckContext c)
        {
            DlmsClient client = await ClockWriterAsync(c).ConfigureAwait(false);
            DlmsValue now = await client.GetAsync(s_clockTime, null, c.Token).ConfigureAwait(false);
            await client.SetAsync(s_clockTime, now, null, c.Token).ConfigureAwait(false);
        }

        private static async Task TypeMismatchAsync(CheckContext c)
        {
            DlmsClient client = await ClockWriterAsync(c).ConfigureAwait(false);
            byte[] reply = await client.ExchangeAsync(SetRequest.Normal(CheckHelpers.InvokeId, s_clockTime, AxdrEncoder.Encode(DlmsValue.Unsigned(5))), c.Token).ConfigureAwait(false);
            if (Replies.IsRefusal(reply))
            {
                return;
            }
            CheckContext.Require(reply.Length >= 4 && reply[0] == 0xC5 && reply[1] == 0x01, "SET was answered with " + Replies.Describe(reply));
            CheckContext.Require(reply[3] != 0, "SET of the clock time with an unsigned returned success");
        }

        private static async Task<(DlmsClient Client, byte[] Value)> FirstBlockAsync(CheckContext c)
        {
            c.RequireConformance(Conformance.BlockTransferWithSetOrWrite, "block-transfer-with-set");
            DlmsClient client = await ClockWriterAsync(c).ConfigureAwait(false);
            byte[] value = AxdrEncoder.Encode(await client.GetAsync(s_clockTime, null, c.Token).ConfigureAwait(false));
            byte[] reply = await client.ExchangeAsync(SetRequest.WithFirstDatablock(CheckHelpers.InvokeId, s_clockTime, false, 1, value.AsSpan(0, 7)), c.Token).ConfigureAwait(false);
            CheckContext.Require(reply.Length >= 7 && reply[0] == 0xC5 && reply[1] == 0x02 && reply[3] == 0 && reply[4] == 0 && reply[5] == 0 && reply[6] == 1,
                "the first datablock was answered with " + Replies.Describe(reply) + ", not Set-Response-Datablock block 1");
            return (client, value);
        }

        private static async Task DatablocksAsync(CheckContext c)
        {
            (DlmsClient client, byte[] value) = await FirstBlockAsync(c).ConfigureAwait(false);
            byte[] reply = await client.ExchangeAsync(SetRequest.WithDatablock(CheckHelpers.InvokeId, true, 2, value.AsSpan(7)), c.Token).ConfigureAwait(false);
            CheckContext.Require(reply.Length >= 8 && reply[0] == 0xC5 && reply[1] == 0x03, "the last datablock was answered with " + Replies.Describe(reply) + ", not Set-Response-Last-Datablock");
            CheckContext.Require(reply[3] == 0, "the SET with datablocks returned " + Replies.Name((DataAccessResult)reply[3]));
            CheckContext.Require(reply[7] == 2 && reply[4] == 0 && reply[5] == 0 && reply[6] == 0, "the last response names block " + Convert.ToHexString(reply.AsSpan(4, 4)) + ", not 2");
        }

        private static async Task WrongBlockAsync(CheckContext c)
        {
            (DlmsClient client, byte[] value) = await FirstBlockAsync(c).ConfigureAwait(false);
            byte[] reply = await client.ExchangeAsync(SetRequest.WithDatablock(CheckHelpers.InvokeId, true, 3, value.AsSpan(7)), c.Token).ConfigureAwait(false);
            if (Replies.IsRefusal(reply))
            {
                return;
            }
            CheckContext.Require(reply.Length >= 4 && reply[0] == 0xC5 && reply[1] is 0x03 or 0x02, "block 3 was answered with " + Replies.Describe(reply));
            CheckContext.Require(reply[1] == 0x03 && reply[3] != 0, "block 3 after block 1 was accepted: " + Replies.Describe(reply));
        }

        private static async Task WithListAsync(CheckContext c)
        {
            c.RequireConformance(Conformance.MultipleReferences, "multiple-references");
            DlmsClient client = await ClockWriterAsync(c).ConfigureAwait(false);
            byte[] value = AxdrEncoder.Encode(await client.GetAsync(s_clockTime, null, c.Token).ConfigureAwait(false));
            var request = new List<byte> { 0xC1, 0x04, CheckHelpers.InvokeId, 0x01 };
            request.AddRange(GetRequest.Normal(0, s_clockTime).Skip(3));
            request.Add(0x01);
            request.AddRange(value);
            byte[] reply = await client.ExchangeAsync(request.ToArray(), c.Token).ConfigureAwait(false);
            CheckContext.Require(reply.Length == 5 && reply[0] == 0xC5 && reply[1] == 0x05 && reply[3] == 1, "SET with list was answered with " + Replies.Describe(reply));
            CheckContext.Require(reply[4] == 0, "SET with list returned " + Replies.Name((DataAccessResult)reply[4]));
        }

        private static async Task ActionAsync(CheckContext c)
        {
            if (c.Options.ActionMethod is not CosemMethod method)
            {
                throw CheckContext.NotApplicable("no harmless method configured (--action)");
            }
            DlmsClient client = await c.AssociateAsync(Lls(c)).ConfigureAwait(false);
            IReadOnlyList<ObjectListEntry> objects = await client.GetObjectListAsync(c.Token).ConfigureAwait(false);
            ObjectListEntry? target = objects.FirstOrDefault(o => o.ClassId == method.ClassId && o.LogicalName == method.LogicalName);
            if (target is null || !target.Methods.Any(m => m.MethodId == method.MethodId && m.AccessMode != 0))
            {
                throw CheckContext.NotApplicable("the LLS client has no access to " + method);
            }
            await client.ActionAsync(method, c.Options.ActionParameter, c.Token).ConfigureAwait(false);
        }

        private static async Task ActionDeniedAsync(CheckContext c)
        {
            ServerProfile server = c.RequireServer();
            ObjectListEntry? o = server.Objects.FirstOrDefault(x => x.Methods.Any(m => m.AccessMode == 0));
            if (o is null)
            {
                throw CheckContext.NotApplicable("the public client has no method without access");
            }
            var method = new CosemMethod(o.ClassId, o.LogicalName, o.Methods.First(m => m.AccessMode == 0).MethodId);
            DlmsClient client = await c.AssociateAsync(c.ClientOptions(c.Options.PublicClient)).ConfigureAwait(false);
            await ExpectActionErrorAsync(c, client, method).ConfigureAwait(false);
        }

        private static async Task UndefinedMethodAsync(CheckContext c)
        {
            c.RequireServer();
            DlmsClient client = await c.AssociateAsync(c.ClientOptions(c.Options.PublicClient)).ConfigureAwait(false);
            await ExpectActionErrorAsync(c, client, new CosemMethod(15, ObjectList.CurrentAssociation, 99)).ConfigureAwait(false);
        }

        private static async Task ExpectActionErrorAsync(CheckContext c, DlmsClient client, CosemMethod method)
        {
            byte[] reply = await client.ExchangeAsync(ActionRequest.Normal(CheckHelpers.InvokeId, method, AxdrEncoder.Encode(DlmsValue.Integer(0))), c.Token).ConfigureAwait(false);
            if (Replies.IsRefusal(reply))
            {
                return;
            }
            CheckContext.Require(reply.Length >= 4 && reply[0] == 0xC7 && reply[1] == 0x01, "ACTION " + method + " was answered with " + Replies.Describe(reply));
            CheckContext.Require(reply[3] != 0, "ACTION " + method + " returned success");
        }

        private static async Task GetDeniedAsync(CheckContext c)
        {
            ServerProfile server = c.RequireServer();
            ObjectListEntry? o = server.Objects.FirstOrDefault(x => x.Attributes.Any(a => a.AccessMode == 0));
            if (o is null)
            {
                throw CheckContext.NotApplicable("the public client has no attribute without read access");
            }
            var attribute = new CosemAttribute(o.ClassId, o.LogicalName, o.Attributes.First(a => a.AccessMode == 0).AttributeId);
            DlmsClient client = await c.AssociateAsync(c.ClientOptions(c.Options.PublicClient)).ConfigureAwait(false);
            GetResult result = await client.TryGetAsync(attribute, null, c.Token).ConfigureAwait(false);
            CheckContext.Require(!result.IsSuccess, "GET " + attribute + " (no access) returned data " + result.Value);
            CheckContext.Require(result.Result == DataAccessResult.ReadWriteDenied, "GET " + attribute + " returned " + Replies.Name(result.Result) + ", not read-write-denied (3)");
        }
    }
}
