using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Diagnostics.Runtime;

namespace DlmsDevice.Benchmarks.NanoHeap
{
    /// <summary>
    /// What a construction leaves behind as garbage, sized as on nanoCLR: the objects allocated
    /// while it ran that nothing references once it returned (temporaries: grown arrays, strings
    /// built on the way, helpers). On the device these fill the heap until the next collection.
    /// </summary>
    /// <remarks>
    /// The construction runs inside a no-GC region between two sentinel objects; then the
    /// process takes a snapshot of itself (ClrMD, <c>DataTarget.CreateSnapshotAndAttach</c>, a
    /// dump written by the runtime's createdump and deleted afterwards), marks everything
    /// reachable from the runtime's roots, and sizes with <see cref="NanoLayout"/> every
    /// unreachable object that lies between the sentinels. Struct copies, which nanoCLR would
    /// also allocate, do not exist in portable code (NanoCheck rejects structs), so temporaries
    /// are the whole of it. Objects of 85,000 bytes or more (the large-object heap) are not seen.
    /// Takes a few seconds (the dump).
    /// </remarks>
    public static class StartupGarbage
    {
        private static object? s_keep;

        /// <summary>The result of one measurement.</summary>
        public sealed class Report
        {
            /// <summary>Garbage bytes, nanoCLR layout.</summary>
            public long NanoBytes { get; set; }

            /// <summary>Garbage bytes as desktop .NET allocated them.</summary>
            public long DesktopBytes { get; set; }

            /// <summary>Garbage objects.</summary>
            public int Objects { get; set; }

            /// <summary>Objects allocated by the construction that are still reachable.</summary>
            public int LiveObjects { get; set; }

            /// <summary>Garbage per type (nanoCLR bytes), largest first.</summary>
            public List<(string Type, int Count, long Bytes)> ByType { get; } = new List<(string, int, long)>();
        }

        /// <summary>Runs <paramref name="build"/> and measures the garbage it leaves; what it returns stays reachable.</summary>
        public static Report Measure(Func<object> build)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!GC.TryStartNoGCRegion(200_000_000))
            {
                throw new InvalidOperationException("no-GC region refused");
            }
            try
            {
                var first = new Sentinel();
                object result = build();
                var last = new Sentinel();
                s_keep = new object[] { first, result, last };
                return Analyse();
            }
            finally
            {
                s_keep = null;
                if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
                {
                    GC.EndNoGCRegion();
                }
            }
        }

        private static Report Analyse()
        {
            using DataTarget target = DataTarget.CreateSnapshotAndAttach(Environment.ProcessId);
            string dac = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(),
                OperatingSystem.IsWindows() ? "mscordaccore.dll" : OperatingSystem.IsMacOS() ? "libmscordaccore.dylib" : "libmscordaccore.so");
            using ClrRuntime runtime = target.ClrVersions[0].CreateRuntime(dac, ignoreMismatch: true);
            ClrHeap heap = runtime.Heap;

            string sentinelName = typeof(Sentinel).FullName!.Replace('+', '+');
            var sentinels = new List<(ClrSegment Segment, ulong Address)>();
            foreach (ClrSegment segment in heap.Segments)
            {
                foreach (ClrObject obj in segment.EnumerateObjects())
                {
                    if (obj.Type?.Name == sentinelName)
                    {
                        sentinels.Add((segment, obj.Address));
                    }
                }
            }
            if (sentinels.Count != 2 || sentinels[0].Segment.Start != sentinels[1].Segment.Start)
            {
                throw new InvalidOperationException("the construction's objects are not in one heap segment (" + sentinels.Count + " sentinels)");
            }
            ulong low = Math.Min(sentinels[0].Address, sentinels[1].Address);
            ulong high = Math.Max(sentinels[0].Address, sentinels[1].Address);

            var reachable = new HashSet<ulong>();
            var pending = new Stack<ulong>();
            foreach (ClrRoot root in heap.EnumerateRoots())
            {
                if (root.Object.Address != 0 && reachable.Add(root.Object.Address))
                {
                    pending.Push(root.Object.Address);
                }
            }
            while (pending.Count > 0)
            {
                foreach (ClrObject child in heap.GetObject(pending.Pop()).EnumerateReferences(carefully: false, considerDependantHandles: true))
                {
                    if (child.Address != 0 && reachable.Add(child.Address))
                    {
                        pending.Push(child.Address);
                    }
                }
            }

            var report = new Report();
            var bytes = new Dictionary<string, long>();
            var counts = new Dictionary<string, int>();
            foreach (ClrObject obj in sentinels[0].Segment.EnumerateObjects())
            {
                if (obj.Address <= low || obj.Address >= high || obj.IsFree || obj.Type == null)
                {
                    continue;
                }
                if (reachable.Contains(obj.Address))
                {
                    report.LiveObjects++;
                    continue;
                }
                long size = NanoSize(obj);
                report.Objects++;
                report.NanoBytes += size;
                report.DesktopBytes += (long)obj.Size;
                string name = obj.Type.Name ?? "?";
                bytes[name] = bytes.TryGetValue(name, out long b) ? b + size : size;
                counts[name] = counts.TryGetValue(name, out int c) ? c + 1 : 1;
            }
            foreach (KeyValuePair<string, long> pair in bytes.OrderByDescending(p => p.Value))
            {
                report.ByType.Add((pair.Key, counts[pair.Key], pair.Value));
            }
            return report;
        }

        // NanoLayout's rules, from the dump's type information.
        private static long NanoSize(ClrObject obj)
        {
            ClrType type = obj.Type!;
            if (type.IsString)
            {
                string text = obj.AsString() ?? "";
                return NanoLayout.RoundUp(NanoLayout.StringHeader + Encoding.UTF8.GetByteCount(text) + 1);
            }
            if (type.IsArray)
            {
                ClrType? component = type.ComponentType;
                return NanoLayout.RoundUp(NanoLayout.ArrayHeader + (long)obj.AsArray().Length * ElementSize(component));
            }
            for (ClrType? t = type; t != null; t = t.BaseType)
            {
                if (t.Name == "System.MulticastDelegate")
                {
                    return NanoLayout.Delegate;
                }
            }
            return NanoLayout.Block * (1 + type.Fields.Length);
        }

        // The dump's element type as the .NET type NanoLayout sizes (one rule for both measures).
        private static int ElementSize(ClrType? component)
        {
            Type type = component?.ElementType switch
            {
                ClrElementType.Boolean => typeof(bool),
                ClrElementType.Int8 => typeof(sbyte),
                ClrElementType.UInt8 => typeof(byte),
                ClrElementType.Char => typeof(char),
                ClrElementType.Int16 => typeof(short),
                ClrElementType.UInt16 => typeof(ushort),
                ClrElementType.Int32 => typeof(int),
                ClrElementType.UInt32 => typeof(uint),
                ClrElementType.Float => typeof(float),
                ClrElementType.Int64 => typeof(long),
                ClrElementType.UInt64 => typeof(ulong),
                ClrElementType.Double => typeof(double),
                _ => component?.Name == "System.DateTime" ? typeof(DateTime) : component?.Name == "System.TimeSpan" ? typeof(TimeSpan) : typeof(object),
            };
            return NanoLayout.ElementSize(type);
        }

        private sealed class Sentinel
        {
        }
    }
}
