using System;
using System.Globalization;
using System.IO;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// <c>--startup</c>: the managed memory the stack reserves at start-up (docs/design.md: a number we
    /// track; the ESP32 heap is ~100 KB without PSRAM). Counts the bytes allocated on this thread
    /// (<c>GC.GetAllocatedBytesForCurrentThread()</c>) while building the meter model, the server,
    /// one application session, one HDLC link and one wrapper channel with default limits, then
    /// what the first association and GET allocate. Everything is built twice: the first ("cold")
    /// run includes one-off static initialisation, the second ("warm") is the cost of one more
    /// instance. The heap growth after a full collection (<c>GC.GetTotalMemory(true)</c>) checks
    /// that what was allocated is also what stays reserved.
    /// </summary>
    internal static class StartupReservation
    {
        private const int Components = 8;

        private static readonly string[] s_names =
        {
            "Logical device (directory capacity 300) + meter objects (" + MeterModel.MeterObjectCount + ": name, clock, 7 registers, 3 data, current association, SAP assignment, HDLC and TCP-UDP setup)",
            "Filler Data objects (" + MeterModel.DefaultFiller + ", long-unsigned value each)",
            "2 Association LN objects + their 2 object lists (300 entries each, access rights per attribute/method in one shared buffer per list)",
            "Logical device directory: 300 objects added (no access rights stored)",
            "LogicalDeviceDirectory + DlmsServer (ServerLimits defaults)",
            "ApplicationSession (BlockBufferSize 2048)",
            "HdlcServerLink (HdlcSettings defaults: 128/128 bytes, window 1, APDU 1024)",
            "WrapperServerChannel (APDU 1024)",
            "First AARQ + GET through the session (warm-up)",
            "Second AARQ + GET through the session",
        };

        public static int Run(TextWriter output)
        {
            var sink = new CountingSink();
            long[] cold = Measure(sink, out long coldRetained, null);
            var nano = new long[Components];
            long[] warm = Measure(sink, out long warmRetained, nano);
            output.WriteLine("Start-up reservation: bytes allocated, .NET " + Environment.Version + " " + (Environment.Is64BitProcess ? "64-bit" : "32-bit"));
            output.WriteLine();
            output.WriteLine("| Component | Cold (first instance) | Warm (another instance) | ESP32 estimate |");
            output.WriteLine("|---|---:|---:|---:|");
            long coldTotal = 0;
            long warmTotal = 0;
            long nanoTotal = 0;
            for (int i = 0; i < s_names.Length; i++)
            {
                output.WriteLine("| " + s_names[i] + " | " + Format(cold[i]) + " | " + Format(warm[i]) + " | " + (i >= Components ? "" : nano[i] < 0 ? "in the first row" : Format(nano[i])) + " |");
                if (i < Components)
                {
                    coldTotal += cold[i];
                    warmTotal += warm[i];
                    nanoTotal += nano[i] < 0 ? 0 : nano[i];
                }
            }
            output.WriteLine("| **Total start-up** (model + server + 1 session + 1 HDLC link + 1 wrapper channel) | **" + Format(coldTotal) + "** | **" + Format(warmTotal) + "** | **" + Format(nanoTotal) + "** |");
            output.WriteLine("| Heap growth after a full GC (GC.GetTotalMemory(true)), same construction | " + Format(coldRetained) + " | " + Format(warmRetained) + " | |");
            output.WriteLine("| Per channel (ApplicationSession + HdlcServerLink + WrapperServerChannel) | " + Format(cold[5] + cold[6] + cold[7]) + " | " + Format(warm[5] + warm[6] + warm[7]) + " | " + Format(nano[5] + nano[6] + nano[7]) + " |");
            output.WriteLine("| Per further Data object in the model (object, value, 2 object_list entries, directory entry) | | " + Format(PerFillerObject()) + " | |");
            return 0;
        }

        // nano != null: also the ESP32 estimate of what each step added (a fresh walk over
        // everything built so far, after the desktop figures were taken).
        private static long[] Measure(CountingSink sink, out long retained, long[]? nano)
        {
            var bytes = new long[s_names.Length];
            byte[] aarq = Hex.Parse(Apdus.AarqPublic);
            byte[] get = Hex.Parse(Apdus.GetRegisterValue);
            var response = new byte[HdlcServerLink.ResponseHeadroom + 1024 + HdlcServerLink.ResponseTailroom];

            long heap = GC.GetTotalMemory(true);
            long mark = GC.GetAllocatedBytesForCurrentThread();
            var model = new MeterModel(MeterModel.DefaultFiller);
            mark = Step(bytes, 0, mark);
            model.AddFiller();
            mark = Step(bytes, 1, mark);
            model.CreateAssociations();
            mark = Step(bytes, 2, mark);
            model.AddToLogicalDevice();
            mark = Step(bytes, 3, mark);
            var limits = new ServerLimits();
            var server = new DlmsServer(model.CreateDirectory(), limits);
            mark = Step(bytes, 4, mark);
            ApplicationSession session = server.CreateSession();
            mark = Step(bytes, 5, mark);
            var link = new HdlcServerLink(new HdlcSettings(), session, sink);
            mark = Step(bytes, 6, mark);
            var channel = new WrapperServerChannel(limits.MaxReceivePdu, session, sink);
            mark = Step(bytes, 7, mark);
            retained = GC.GetTotalMemory(true) - heap;
            if (nano != null)
            {
                EstimateSteps(nano, model, server, session, link, channel);
            }
            mark = GC.GetAllocatedBytesForCurrentThread();
            for (int round = 0; round < 2; round++)
            {
                int length = session.HandleApdu(MeterModel.PublicClientSap, MeterModel.LogicalDeviceAddress, aarq, 0, aarq.Length,
                    response, HdlcServerLink.ResponseHeadroom, 1024, out _);
                length += session.HandleApdu(MeterModel.PublicClientSap, MeterModel.LogicalDeviceAddress, get, 0, get.Length,
                    response, HdlcServerLink.ResponseHeadroom, 1024, out _);
                mark = Step(bytes, Components + round, mark);
                if (length == 0)
                {
                    throw new InvalidOperationException("no answer");
                }
            }
            Hex.Expect("GET", Apdus.GetRegisterValueResponse, response, HdlcServerLink.ResponseHeadroom, 9);
            GC.KeepAlive(model);
            GC.KeepAlive(link);
            GC.KeepAlive(channel);
            return bytes;
        }

        // The model grows in phases and objects charged once are not walked again, so each step is
        // the difference between walks of everything built up to it. The phases cannot be
        // re-run, so the model steps (0..3) are estimated together and shown in step 0.
        private static void EstimateSteps(long[] nano, MeterModel model, DlmsServer server, ApplicationSession session, HdlcServerLink link, WrapperServerChannel channel)
        {
            object[] roots = { model, server, session, link, channel };
            int[] steps = { 0, 4, 5, 6, 7 };
            nano[1] = nano[2] = nano[3] = -1;
            long previous = 0;
            for (int i = 0; i < roots.Length; i++)
            {
                var walker = NanoHeap.NanoHeapWalker.ForDlmsDevice();
                for (int r = 0; r <= i; r++)
                {
                    walker.Add(roots[r]);
                }
                nano[steps[i]] = walker.Total - previous;
                previous = walker.Total;
            }
        }

        // The marginal cost of one more Data object: two models that differ by 100 objects.
        private static long PerFillerObject()
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            MeterModel small = MeterModel.Build(0);
            long smallBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            MeterModel large = MeterModel.Build(100);
            long largeBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            GC.KeepAlive(small);
            GC.KeepAlive(large);
            return (largeBytes - smallBytes) / 100;
        }

        private static long Step(long[] bytes, int index, long mark)
        {
            long now = GC.GetAllocatedBytesForCurrentThread();
            bytes[index] = now - mark;
            return now;
        }

        private static string Format(long value)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }
    }
}
