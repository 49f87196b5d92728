using System;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Services;
using DlmsDevice.Tests.Services;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Server
{
    /// <summary>
    /// The order of the request pre-checks (RequestChecks; docs/services.md "Request
    /// pre-checks"), in clear and for requests the link could not hold: where two checks would
    /// refuse a request, the earlier one answers. The ciphered cases are in
    /// SecurityServer/CipheredRequestChecksTests.
    /// </summary>
    public class RequestChecksTests
    {
        private const string ProfileGet = "C0 01 C1 0007 0100630100FF 02 00";
        private const string DataGet = "C0 01 C1 0001 00002B0100FF 02 00";
        private const string DataValue = "C4 01 C1 00 06 00 00 13 91";

        // A request of 65 bytes (SET of a 50-byte octet-string) against maxReceivePdu 64.
        private static readonly string s_set65 = "C1 01 C1 0001 00002B0100FF 02 00 09 32 " + Hex.Format(new byte[50]);

        private static string TooLong(SessionHarness h, int clientSap = 16)
        {
            int length = h.Session.HandleApduTooLong(clientSap, 1, h.Response, SessionHarness.Headroom, 64);
            return Hex.Format(h.Response, SessionHarness.Headroom, length);
        }

        [Fact]
        public void TooLong_BeforeAssociation_PduTooLongAndTheLinkStillAssociates()
        {
            var h = new SessionHarness();

            Assert.Equal("D8 01 04", TooLong(h));

            Assert.Equal(AssociationStatus.NonAssociated, h.Context.Status);
            h.Associate();
            Assert.Equal(DataValue, h.Send(DataGet));
        }

        [Fact]
        public void TooLong_WhilePending_PduTooLong()
        {
            var h = new SessionHarness();
            h.Acse.AcceptAs = AssociationStatus.AssociationPending;
            h.Associate();

            Assert.Equal("D8 01 04", TooLong(h));
            Assert.Equal(AssociationStatus.AssociationPending, h.Context.Status);
        }

        [Fact]
        public void TooLong_DuringLongGet_PduTooLongAndTheTransferEnds()
        {
            var h = new SessionHarness(clientMaxPdu: 64).Associate();
            Assert.Equal("C4 02 C1 00 00 00 00 01", Hex.Format(h.SendBytes(Hex.Parse(ProfileGet)), 0, 8));

            Assert.Equal("D8 01 04", TooLong(h));

            Assert.Equal(LongTransaction.None, h.Session.BlockTransfer.Active);
            Assert.Equal("C4 02 C1 01 00 00 00 01 01 10", h.Send("C0 02 C1 00000001"));
        }

        // Bytes that never arrived do not open another link: the association of this one stays.
        [Fact]
        public void TooLong_FromAnotherClientSap_PduTooLongAndTheAssociationKept()
        {
            var h = new SessionHarness(clientMaxPdu: 64).Associate();
            h.Send(ProfileGet);

            Assert.Equal("D8 01 04", TooLong(h, clientSap: 17));

            Assert.Equal(AssociationStatus.Associated, h.Context.Status);
            Assert.Equal(16, h.Context.ClientSap);
            Assert.Equal(LongTransaction.Get, h.Session.BlockTransfer.Active);
        }

        // 2 before 4: an unknown APDU is unknown whatever its length.
        [Fact]
        public void Order_UnknownTagLongerThanTheServerPdu_ServiceUnknown()
        {
            var h = new SessionHarness(maxReceivePdu: 64).Associate();

            Assert.Equal("D8 02 02", h.Send("FF " + Hex.Format(new byte[70])));
        }

        // 2 before 3: a service the server does not offer is answered so, association or not.
        [Theory]
        [InlineData("05 01 02 FA 00")]
        [InlineData("E0 81 00 01 00 01 00")]
        [InlineData("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B")]
        public void Order_UnsupportedBeforeAssociation_ServiceNotSupported(string request)
        {
            Assert.Equal("D8 01 02", new SessionHarness().Send(request));
        }

        // 3 before 4: before the AARQ nothing is served, whatever its length.
        [Fact]
        public void Order_LongerThanTheServerPduBeforeAssociation_ServiceNotAllowed()
        {
            var h = new SessionHarness(maxReceivePdu: 64);

            Assert.Equal("D8 01 01", h.Send(s_set65));
            Assert.Equal(0, h.Data.SetCount);
        }

        // 4 before 7: while HLS is pending, a request longer than the PDU is refused for its length.
        [Fact]
        public void Order_LongerThanTheServerPduWhilePending_PduTooLong()
        {
            var h = new SessionHarness(maxReceivePdu: 64);
            h.Acse.AcceptAs = AssociationStatus.AssociationPending;
            h.Associate();

            Assert.Equal("D8 01 04", h.Send(s_set65));
            Assert.Equal("D8 01 01", h.Send(DataGet));
        }

        // Two channels of one server share the services; each keeps its own block transfer.
        [Fact]
        public void BlockTransfer_TwoSessionsInterleaved_EachContinuesItsOwn()
        {
            var h = new SessionHarness(clientMaxPdu: 64).Associate();
            var other = new OtherChannel(h);
            string[] alone = ReadAllBlocks(new SessionHarness(clientMaxPdu: 64).Associate().Send);

            var first = new System.Collections.Generic.List<string>();
            var second = new System.Collections.Generic.List<string>();
            string a = h.Send(ProfileGet);
            string b = other.Send(ProfileGet);
            first.Add(a);
            second.Add(b);
            while (!IsLastBlock(a) || !IsLastBlock(b))
            {
                if (!IsLastBlock(a))
                {
                    a = h.Send("C0 02 C1 " + Hex.Format(Hex.Parse(a), 4, 4));
                    first.Add(a);
                }
                if (!IsLastBlock(b))
                {
                    b = other.Send("C0 02 C1 " + Hex.Format(Hex.Parse(b), 4, 4));
                    second.Add(b);
                }
            }

            Assert.True(alone.Length > 3);
            Assert.Equal(alone, first.ToArray());
            Assert.Equal(alone, second.ToArray());
        }

        [Fact]
        public void SetWithDatablocks_TwoSessionsInterleaved_EachReassemblesItsOwn()
        {
            var h = new SessionHarness().Associate();
            var other = new OtherChannel(h);
            byte[] mine = GetServiceTests.OctetString(60);
            byte[] theirs = GetServiceTests.OctetString(70, factor: 11);

            Assert.Equal("C5 02 C1 00 00 00 01", h.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 28 " + Hex.Format(mine, 0, 40)));
            Assert.Equal("C5 02 C1 00 00 00 01", other.Send("C1 02 C1 0001 00002B0100FF 02 00 00 00000001 28 " + Hex.Format(theirs, 0, 40)));
            Assert.Equal("C5 03 C1 00 00 00 00 02", h.Send("C1 03 C1 01 00000002 " + (mine.Length - 40).ToString("X2") + " " + Hex.Format(mine, 40, mine.Length - 40)));
            Assert.Equal(Hex.Format(mine), Hex.Format(h.Data.Written()));
            Assert.Equal("C5 03 C1 00 00 00 00 02", other.Send("C1 03 C1 01 00000002 " + (theirs.Length - 40).ToString("X2") + " " + Hex.Format(theirs, 40, theirs.Length - 40)));
            Assert.Equal(Hex.Format(theirs), Hex.Format(h.Data.Written()));
        }

        private static bool IsLastBlock(string response)
        {
            return Hex.Parse(response)[3] == 1;
        }

        private static string[] ReadAllBlocks(Func<string, string> send)
        {
            var blocks = new System.Collections.Generic.List<string>();
            string block = send(ProfileGet);
            blocks.Add(block);
            while (!IsLastBlock(block))
            {
                block = send("C0 02 C1 " + Hex.Format(Hex.Parse(block), 4, 4));
                blocks.Add(block);
            }
            return blocks.ToArray();
        }

        // A second channel (session) of the harness's server, associated like the first.
        private sealed class OtherChannel
        {
            private readonly Stack.Server.ApplicationSession _session;
            private readonly byte[] _response = new byte[4096];

            public OtherChannel(SessionHarness h)
            {
                _session = h.Server.CreateSession();
                _session.LinkOpened(16, 1);
                if (Send("60 00") != "61 00")
                {
                    throw new InvalidOperationException("association rejected");
                }
            }

            public string Send(string hex)
            {
                byte[] request = Hex.Parse(hex);
                int length = _session.HandleApdu(16, 1, request, 0, request.Length, _response, 8, 2048, out int start);
                return Hex.Format(_response, start, length);
            }
        }
    }
}
