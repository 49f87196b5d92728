using System;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Emulator;
using DlmsDevice.Tests.EndToEnd.Support;
using DlmsDevice.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.EndToEnd.Replay
{
    /// <summary>
    /// Session 2 of each reference client (Gurux.DLMS.Net, GuruxDLMS.c, dlms-cosem), replayed
    /// byte for byte over the TCP wrapper against <see cref="Session2Meter"/> served by the
    /// emulator's endpoints. Every reply is compared with exact bytes built here from the
    /// meter's configuration and the standard's encodings (A-XDR, AARE, object_list elements,
    /// date-times), never from the traces' own replies or from the stack's encoders.
    /// </summary>
    public sealed class Session2ReplayTests : IDisposable
    {
        private readonly CapturingLoggerProvider _logs = new CapturingLoggerProvider();
        private readonly ILoggerFactory _loggerFactory;

        public Session2ReplayTests()
        {
            _loggerFactory = _logs.CreateFactory();
        }

        public void Dispose()
        {
            _loggerFactory.Dispose();
        }

        public static IEnumerable<object[]> Sessions()
        {
            // client, negotiated conformance (proposed AND 001E1D), rows the range selects (first,
            // count): rows are hourly from 2026-11-24 22:00, so row 2 is 2026-11-25 00:00.
            // .NET: 2026-11-25 00:00 .. 2027-11-25 00:00 -> rows 2..12; C: 00:00 .. 08:21:06 ->
            // rows 2..10; dlms-cosem (deviation unspecified = the clock's local time, UTC here):
            // 00:00 .. 2026-11-26 00:00 -> rows 2..12.
            yield return new object[] { "gurux-net", "001E1D", 2, 11 };
            yield return new object[] { "gurux-c", "001E1D", 2, 9 };
            yield return new object[] { "dlms-cosem", "00121D", 2, 11 };
        }

        [Theory]
        [MemberData(nameof(Sessions))]
        public async Task Wrapper_Session2Requests_ExactReplies(string client, string conformance, int rangeFirst, int rangeCount)
        {
            string[] frames = client switch
            {
                "gurux-net" => Session2Requests.GuruxNet,
                "gurux-c" => Session2Requests.GuruxC,
                _ => Session2Requests.DlmsCosem,
            };
            EmulatorOptions options = new EmulatorOptions { WrapperPort = -1, HdlcPort = 0 };
            using MeterEmulator emulator = new MeterEmulator(options, new Session2Meter().WithChannels(options), _loggerFactory);
            emulator.Start();
            using Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(emulator.WrapperEndPoint!);
            string[] expected = ExpectedReplies(frames, conformance, rangeFirst, rangeCount);

            for (int i = 0; i < frames.Length; i++)
            {
                await socket.SendAsync(Hex.Parse(frames[i]), SocketFlags.None);
                byte[] reply = await ReadWrapperFrameAsync(socket);
                Assert.True(expected[i] == Hex.Format(reply), client + " frame " + i + ":\nexpected " + expected[i] + "\nactual   " + Hex.Format(reply));
            }
        }

        // ---- The expected replies, from the standard's encodings ----

        private static string[] ExpectedReplies(string[] frames, string conformance, int rangeFirst, int rangeCount)
        {
            string iid(int frame) => frames[frame].Substring(20, 2); // C0 0t <iid>: header 8 bytes, then 2
            var replies = new List<string>();

            // AARE: LN context, accepted, acse-service-user null, InitiateResponse{version 6,
            // conformance, server-max-receive-pdu 1024 (ServerLimits default; the client offers
            // 65535), vaa-name 0x0007}. No responder-acse-requirements for LLS (only HLS needs
            // the second pass).
            replies.Add(Apdu("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 " + conformance + " 04 00 00 07"));

            // Object list: the plain encoding cut into GET-Response-With-Datablock blocks that
            // fill the 1024-byte PDU: C4 02 iid last block(4) 00 82 03F4 + 1012 bytes.
            byte[] list = Hex.Parse(ObjectList());
            int blocks = (list.Length + 1011) / 1012;
            Assert.Equal(5, blocks); // as in the traces: GET + 4 GET-Next
            for (int b = 0; b < blocks; b++)
            {
                int start = b * 1012;
                int length = Math.Min(1012, list.Length - start);
                string raw = Hex.Format(list, start, length);
                string lengthHex = length < 0x80 ? length.ToString("X2") : length < 0x100 ? "81 " + length.ToString("X2") : "82 " + length.ToString("X4");
                replies.Add(Apdu("C4 02 " + iid(1) + " " + (b == blocks - 1 ? "01" : "00") + " " + (b + 1).ToString("X8") + " 00 " + lengthHex + " " + raw));
            }

            string energy = "06 00 01 E2 40";          // double-long-unsigned 123456
            string scalerUnit = "02 02 0F FF 16 1E";    // {integer -1, enum 30 Wh}
            string clock = DateTime(Session2Meter.Now);
            replies.Add(Apdu("C4 01 " + iid(6) + " 00 " + energy));
            replies.Add(Apdu("C4 01 " + iid(7) + " 00 " + scalerUnit));
            replies.Add(Apdu("C4 01 " + iid(8) + " 00 " + clock));
            // capture_objects: {8, 0.0.1.0.0.255, 2, 0}, {3, 1.1.21.25.0.255, 2, 0}.
            replies.Add(Apdu("C4 01 " + iid(9) + " 00 01 02 02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00 02 04 12 00 03 09 06 01 01 15 19 00 FF 0F 02 12 00 00"));
            // Entry 1..1, all columns: the oldest row.
            replies.Add(Apdu("C4 01 " + iid(10) + " 00 01 01 " + Row(0)));
            // Range on the clock column, all columns.
            var rows = new StringBuilder();
            for (int r = rangeFirst; r < rangeFirst + rangeCount; r++)
            {
                rows.Append(' ').Append(Row(r));
            }
            replies.Add(Apdu("C4 01 " + iid(11) + " 00 01 " + rangeCount.ToString("X2") + rows));
            replies.Add(Apdu("C4 03 " + iid(12) + " 03 00 " + energy + " 00 " + scalerUnit + " 00 " + clock));
            replies.Add(Apdu("63 03 80 01 00"));
            Assert.Equal(frames.Length, replies.Count);
            return replies.ToArray();
        }

        // Wrapper header from wPort 1 to client 17.
        private static string Apdu(string hex)
        {
            byte[] apdu = Hex.Parse(hex);
            return Hex.Format(Hex.Parse("00 01 00 01 00 11 " + apdu.Length.ToString("X4") + " " + hex));
        }

        // Profile row r: structure {clock date-time, double-long 9990 + r}.
        private static string Row(int r)
        {
            int value = Session2Meter.FirstRowValue + r;
            return "02 02 " + DateTime(Session2Meter.FirstRow.AddHours(r)) + " 05 " + value.ToString("X8");
        }

        // Clock value with time zone UTC and no DST: local = UTC, deviation 0, status 0,
        // hundredths 0, day of week 1 = Monday .. 7 = Sunday.
        private static string DateTime(DateTime utc)
        {
            int dow = utc.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)utc.DayOfWeek;
            return "09 0C " + utc.Year.ToString("X4") + " " + utc.Month.ToString("X2") + " " + utc.Day.ToString("X2") + " " + dow.ToString("X2")
                + " " + utc.Hour.ToString("X2") + " " + utc.Minute.ToString("X2") + " " + utc.Second.ToString("X2") + " 00 00 00 00";
        }

        // Association LN v1 object_list (Blue Book 4.4.4): array of
        // {class long-unsigned, version unsigned, ln octet-string(6), {attribute access items
        // {id integer, mode enum, selectors null | array of integer}, method access items {id integer, mode enum}}}.
        // Every object is listed with every attribute read (1) and every method no-access (0).
        private static string ObjectList()
        {
            var elements = new List<string>
            {
                Element(1, 0, "00 00 2A 00 00 FF", 2, 0),   // logical device name (Data)
                Element(15, 1, "00 00 28 00 00 FF", 9, 4),  // current association
                Element(15, 1, "00 00 28 00 01 FF", 9, 4),  // the association of client 17
                Element(8, 0, "00 00 01 00 00 FF", 9, 6),   // clock
                Element(3, 0, "01 00 01 08 00 FF", 3, 1),   // energy register
                Element(3, 0, "01 01 15 19 00 FF", 3, 1),   // power register (captured)
                Element(7, 1, "01 00 63 01 00 FF", 8, 2),   // load profile: buffer with selectors 1, 2
            };
            for (int i = 0; i < Session2Meter.Fillers; i++)
            {
                elements.Add(Element(1, 0, "00 00 60 C8 " + i.ToString("X2") + " FF", 2, 0));
            }
            string count = elements.Count < 0x80 ? elements.Count.ToString("X2") : "81 " + elements.Count.ToString("X2");
            return Hex.Format(Hex.Parse("01 " + count + " " + string.Join(" ", elements)));
        }

        private static string Element(int classId, int version, string ln, int attributes, int methods)
        {
            var sb = new StringBuilder();
            sb.Append("02 04 12 ").Append(classId.ToString("X4")).Append(" 11 ").Append(version.ToString("X2")).Append(" 09 06 ").Append(ln);
            sb.Append(" 02 02 01 ").Append(attributes.ToString("X2"));
            for (int id = 1; id <= attributes; id++)
            {
                string selectors = classId == 7 && id == 2 ? "01 02 0F 01 0F 02" : "00";
                sb.Append(" 02 03 0F ").Append(id.ToString("X2")).Append(" 16 01 ").Append(selectors);
            }
            sb.Append(" 01 ").Append(methods.ToString("X2"));
            for (int id = 1; id <= methods; id++)
            {
                sb.Append(" 02 02 0F ").Append(id.ToString("X2")).Append(" 16 00");
            }
            return sb.ToString();
        }

        private static async Task<byte[]> ReadWrapperFrameAsync(Socket socket)
        {
            byte[] header = await ReadExactlyAsync(socket, 8);
            int length = (header[6] << 8) | header[7];
            byte[] body = await ReadExactlyAsync(socket, length);
            byte[] frame = new byte[8 + length];
            header.CopyTo(frame, 0);
            body.CopyTo(frame, 8);
            return frame;
        }

        private static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
        {
            byte[] buffer = new byte[count];
            using CancellationTokenSource timeout = new CancellationTokenSource(MeterHarness.Timeout);
            int read = 0;
            while (read < count)
            {
                int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
                Assert.True(n > 0, "the meter closed the connection");
                read += n;
            }
            return buffer;
        }
    }
}
