using System;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Services;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Services
{
    public class ServiceDispatcherTests
    {
        [Theory]
        // not a client-to-server xDLMS APDU the server knows: service-unknown
        [InlineData("FF 01 02")]
        [InlineData("C4 01 C1 00 06 00000001")]
        [InlineData("C2 00")]
        [InlineData("00")]
        // known APDU, unknown request-type choice
        [InlineData("C0 04 C1 0001 00002B0100FF 02 00")]
        [InlineData("C0 00 C1")]
        [InlineData("C1 06 C1 00")]
        [InlineData("C3 00 C1")]
        [InlineData("C3 07 C1 00 00")]
        public void Handle_UnknownServiceOrType_ServiceUnknown(string request)
        {
            Assert.Equal("D8 02 02", new SessionHarness().Associate().Send(request));
        }

        [Theory]
        // SN read/write, glo- and ded-ciphered requests, general-glo, GBT, access, InitiateRequest alone
        [InlineData("05 01 02 FA 00")]
        [InlineData("06 01 02 FA 00 01 00")]
        [InlineData("C8 1E 30 01234567 411312FF935A47566827C467BC 7D825C3BE4A77C3FCC056B6B")]
        [InlineData("D0 03 30 00 00")]
        [InlineData("DB 08 4775727578313233 03 30 00 00")]
        [InlineData("E0 81 00 01 00 01 00")]
        [InlineData("D9 00")]
        [InlineData("01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")]
        public void Handle_RecognisedButUnsupported_ServiceNotSupported(string request)
        {
            Assert.Equal("D8 01 02", new SessionHarness().Associate().Send(request));
        }

        [Theory]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00")]
        [InlineData("C0 02 C1 00000001")]
        [InlineData("C1 01 C1 0001 00002B0100FF 02 00 06 00000001")]
        [InlineData("C3 01 C1 0009 00000A0000FF 03 00")]
        public void Handle_BeforeAssociation_ServiceNotAllowed(string request)
        {
            var h = new SessionHarness();
            Assert.Equal("D8 01 01", h.Send(request));
            Assert.Equal(0, h.Data.SetCount + h.Data.GetCount + h.Script.InvokeCount);
        }

        [Fact]
        public void Handle_UnknownTagBeforeAssociation_ServiceUnknown()
        {
            Assert.Equal("D8 02 02", new SessionHarness().Send("FF"));
        }

        // Association pending (HLS): only reply_to_HLS_authentication (IC 15 method 1).
        [Theory]
        [InlineData("C3 01 C1 000F 0000280000FF 01 01 09 02 AB CD", "C7 01 C1 00 00")]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "D8 01 01")]
        [InlineData("C3 01 C1 000F 0000280000FF 02 00", "D8 01 01")]
        [InlineData("C3 01 C1 0009 00000A0000FF 01 00", "D8 01 01")]
        [InlineData("C3 03 C1 01 000F 0000280000FF 01 01 00", "D8 01 01")]
        public void Handle_AssociationPending_OnlyHlsReply(string request, string response)
        {
            var h = new SessionHarness();
            h.Acse.AcceptAs = AssociationStatus.AssociationPending;
            h.Associate();
            Assert.Equal(response, h.Send(request));
        }

        // maxReceivePdu 64: a 65-byte request is refused, a 64-byte one is served.
        [Fact]
        public void Handle_RequestLongerThanServerMaxReceivePdu_PduTooLong()
        {
            var h = new SessionHarness(maxReceivePdu: 64).Associate();
            byte[] tooLong = Hex.Parse("C1 01 C1 0001 00002B0100FF 02 00 09 32 " + Hex.Format(new byte[50]));
            byte[] fits = Hex.Parse("C1 01 C1 0001 00002B0100FF 02 00 09 31 " + Hex.Format(new byte[49]));
            Assert.Equal(65, tooLong.Length);
            Assert.Equal(64, fits.Length);
            Assert.Equal("D8 01 04", Hex.Format(h.SendBytes(tooLong)));
            Assert.Equal(0, h.Data.SetCount);
            Assert.Equal("C5 01 C1 00", Hex.Format(h.SendBytes(fits)));
        }

        [Fact]
        public void Handle_EmptyRequest_NothingSent()
        {
            var h = new SessionHarness().Associate();
            Assert.Equal(0, h.SendRaw(Array.Empty<byte>(), 0));
        }

        [Fact]
        public void Handle_ResponseBufferBelowMinimum_NothingSent()
        {
            var h = new SessionHarness().Associate();
            h.ResponseMax = ServiceDispatcher.MinimumResponseLength - 1;
            Assert.Equal("", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }

        [Fact]
        public void Handle_UnsupportedRequestDuringLongGet_EndsIt()
        {
            var h = new SessionHarness(clientMaxPdu: 64).Associate();
            h.Send("C0 01 C1 0007 0100630100FF 02 00");
            Assert.Equal("D8 01 02", h.Send("E0 81 00 01 00 01 00"));
            Assert.Equal("C4 02 C1 01 00 00 00 01 01 10", h.Send("C0 02 C1 00000001"));
        }

        // Every prefix of every request below is malformed: each gets D8 02 03, nothing
        // throws, and the whole request still works afterwards.
        [Theory]
        [InlineData("C0 01 C1 0001 00002B0100FF 02 00", "C4 01 C1 00 06 00 00 13 91")]
        [InlineData("C001C100070100630100FF020102020406000000010600000001120001120000", "C4 01 C1 00 01 01 02 02 12 00 00 09 0A 00 01 02 03 04 05 06 07 08 09")]
        [InlineData("C003C10300030100010800FF020000030100010800FF030000080000010000FF0200", "C4 03 C1 03 00 06 00 00 30 39 00 02 02 0F 00 16 1E 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")]
        [InlineData("C0 02 C1 00000001", "C4 02 C1 01 00 00 00 01 01 10")]
        [InlineData("C1 01 C1 0008 0000010000FF 02 00 09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00", "C5 01 C1 00")]
        [InlineData("C1 04 C1 02 0001 00002B0100FF 02 00 0003 0100010800FF 02 00 02 06 00000001 06 00000002", "C5 05 C1 02 00 03")]
        [InlineData("C1 02 C1 0001 00002B0100FF 02 00 01 00000001 05 06 00000007", "C5 03 C1 00 00 00 00 01")]
        [InlineData("C1 03 C1 01 00000002 01 00", "C5 03 C1 12 00 00 00 02")]
        [InlineData("C3 01 C0 000F 0000280000FF 01 01 09 11 10 00001A90 E6D2221FA2FD85EED61ACC22", "C7 01 C0 00 00")]
        [InlineData("C3 03 C1 02 0009 00000A0000FF 03 0009 00000A0000FF 04 02 00 00", "C7 03 C1 02 00 00 02 00")]
        [InlineData("C3 04 C1 0009 00000A0000FF 03 01 00000001 02 11 07", "C7 01 C1 00 00")]
        [InlineData("C3 02 C1 00000001", "C7 01 C1 10 00")]
        public void Handle_TruncatedAtEveryCutPoint_MalformedThenWholeRequestWorks(string request, string response)
        {
            var h = new SessionHarness().Associate();
            byte[] whole = Hex.Parse(request);
            for (int cut = 1; cut < whole.Length; cut++)
            {
                byte[] prefix = new byte[cut];
                Array.Copy(whole, prefix, cut);
                Assert.Equal("D8 02 03", Hex.Format(h.SendBytes(prefix)));
            }
            Assert.Equal(response, h.Send(request));
        }

        // Random bodies behind every request type: never an exception, always an answer, and
        // the session keeps serving.
        [Fact]
        public void Handle_RandomRequests_AlwaysAnsweredAndSessionSurvives()
        {
            var h = new SessionHarness(clientMaxPdu: 128).Associate();
            var random = new Random(1234);
            byte[] tags = { 0xC0, 0xC1, 0xC3 };
            for (int i = 0; i < 20000; i++)
            {
                var request = new byte[2 + random.Next(40)];
                random.NextBytes(request);
                request[0] = tags[random.Next(tags.Length)];
                request[1] = (byte)(1 + random.Next(6));
                if (random.Next(4) == 0 && request.Length > 11)
                {
                    // aim at existing objects now and then
                    byte[] target = Hex.Parse(random.Next(2) == 0 ? "0001 00002B0100FF" : "0007 0100630100FF");
                    Array.Copy(target, 0, request, 3, 8);
                }
                int length = h.SendRaw(request, request.Length);
                Assert.True(length > 0 && length <= 128, "request " + Hex.Format(request) + " answered with " + length + " bytes");
            }
            Assert.Equal("C4 01 C1 00 06 00 00 13 91", h.Send("C0 01 C1 0001 00002B0100FF 02 00"));
        }
    }
}
