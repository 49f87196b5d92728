using System;
using System.Collections.Generic;
using DlmsDevice.Tests.Services.Fakes;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Server
{
    public class ZeroAllocationTests
    {
        // A whole session through ApplicationSession.HandleApdu: association, GET normal,
        // with-list, selective access, a 5 KB array in 64-byte datablocks, a plain attribute in
        // datablocks, SET normal and with datablocks, ACTION normal, with pblocks in both
        // directions, errors, release. After one warm-up run it must allocate nothing.
        [Fact]
        public void ScriptedSession_AfterWarmUp_AllocatesZeroBytes()
        {
            var h = new SessionHarness(clientMaxPdu: 64);
            h.Data.Values[2] = Services.GetServiceTests.OctetString(300);
            h.Script.BigReturnLength = 200;
            var script = new List<byte[]>
            {
                Hex.Parse("60 00"),
                Hex.Parse("C0 01 C1 0003 0100010800FF 02 00"),
                Hex.Parse("C0 03 C1 02 0003 0100010800FF 03 00 0008 0000010000FF 02 00"),
                Hex.Parse("C001C100070100630100FF020102020406000000010600000001120001120000"),
                Hex.Parse("C0 01 C1 0007 0100630100FF 02 00"),
            };
            for (uint block = 1; block <= 120; block++)
            {
                script.Add(Hex.Parse("C0 02 C1 " + block.ToString("X8")));
            }
            script.Add(Hex.Parse("C0 01 C1 0001 00002B0100FF 02 00"));
            for (uint block = 1; block <= 6; block++)
            {
                script.Add(Hex.Parse("C0 02 C1 " + block.ToString("X8")));
            }
            script.Add(Hex.Parse("C1 01 C1 0008 0000010000FF 02 00 09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00"));
            script.Add(Hex.Parse("C1 04 C1 02 0008 0000010000FF 02 00 0003 0100010800FF 02 00 02 06 00000001 06 00000002"));
            script.Add(Hex.Parse("C1 02 C1 0008 0000010000FF 02 00 00 00000001 04 09 0C 07 E5"));
            script.Add(Hex.Parse("C1 03 C1 01 00000002 0A 01 18 FF 0E 30 39 50 FF C4 00"));
            script.Add(Hex.Parse("C3 01 C0 000F 0000280000FF 01 01 09 11 10 00001A90 E6D2221FA2FD85EED61ACC22"));
            script.Add(Hex.Parse("C3 04 C1 0009 00000A0000FF 03 00 00000001 02 09 02"));
            script.Add(Hex.Parse("C3 06 C1 01 00000002 02 AB CD"));
            script.Add(Hex.Parse("C3 01 C1 0009 00000A0000FF 02 00"));
            for (uint block = 1; block <= 4; block++)
            {
                script.Add(Hex.Parse("C3 02 C1 " + block.ToString("X8")));
            }
            script.Add(Hex.Parse("C0 01 C1 0001 0101010101FF 02 00"));
            script.Add(Hex.Parse("C0 01 C1 0001 0100010800FF 02 00"));   // energy asked as Data: object-class-inconsistent
            script.Add(Hex.Parse("C0 02 C1 00000009"));
            script.Add(Hex.Parse("C0 01 C1 0001 00002B"));
            script.Add(Hex.Parse("FF 00"));
            script.Add(Hex.Parse("62 03 80 01 00"));
            script.Add(Hex.Parse("C0 01 C1 0001 00002B0100FF 02 00"));
            byte[][] requests = script.ToArray();
            int[] lengths = new int[requests.Length];

            int elementWrites = h.Profile.ElementWrites;
            int invokes = h.Script.InvokeCount;
            RunScript(h, requests, lengths);
            // The script does what it claims: every request answered, the whole array and the
            // pblock ACTIONs went through.
            for (int i = 0; i < requests.Length; i++)
            {
                Assert.True(lengths[i] > 0, "no answer to " + Hex.Format(requests[i]));
            }
            Assert.True(h.Profile.ElementWrites - elementWrites >= 300);
            Assert.Equal(invokes + 2, h.Script.InvokeCount);
            // the last request (GET after RLRQ) was refused: the release worked
            Assert.Equal("D8 01 01", Hex.Format(h.Response, SessionHarness.Headroom, 3));

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int run = 0; run < 50; run++)
            {
                RunScript(h, requests, lengths);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }

        private static void RunScript(SessionHarness h, byte[][] requests, int[] lengths)
        {
            for (int i = 0; i < requests.Length; i++)
            {
                lengths[i] = h.SendRaw(requests[i], requests[i].Length);
            }
        }
    }
}
