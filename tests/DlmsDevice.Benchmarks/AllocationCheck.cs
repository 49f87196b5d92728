using System;
using System.IO;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// <c>--alloc</c>: runs every [Benchmark] method of this assembly after its [GlobalSetup] and
    /// one warm-up round, and counts the bytes it allocates with
    /// <c>GC.GetAllocatedBytesForCurrentThread()</c> over many calls: an exact figure in seconds,
    /// without BenchmarkDotNet's timing runs. Exit code 1 when anything allocates.
    /// </summary>
    internal static class AllocationCheck
    {
        private const int WarmUp = 100;
        private const int Calls = 20000;

        public static int Run(TextWriter output)
        {
            int allocating = 0;
            output.WriteLine("| Benchmark | Calls | Allocated bytes per operation |");
            output.WriteLine("|---|---:|---:|");
            Type[] types = typeof(AllocationCheck).Assembly.GetTypes()
                .Where(t => t.IsPublic && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() != null))
                .Where(t => t.GetCustomAttribute<DesktopSocketsAttribute>() == null)
                .OrderBy(t => t.Name)
                .ToArray();
            foreach (Type type in types)
            {
                object instance = Activator.CreateInstance(type)!;
                foreach (MethodInfo setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() != null))
                {
                    setup.Invoke(instance, null);
                }
                foreach (MethodInfo method in type.GetMethods())
                {
                    BenchmarkAttribute? benchmark = method.GetCustomAttribute<BenchmarkAttribute>();
                    if (benchmark == null)
                    {
                        continue;
                    }
                    long allocated = Measure(instance, method);
                    double perOperation = (double)allocated / ((long)Calls * benchmark.OperationsPerInvoke);
                    if (allocated != 0)
                    {
                        allocating++;
                    }
                    output.WriteLine("| " + (benchmark.Description ?? method.Name) + " | " + Calls + " | "
                        + perOperation.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " |");
                }
            }
            output.WriteLine(allocating == 0 ? "allocation check: every benchmark allocates 0 bytes" : "allocation check: " + allocating + " benchmark(s) allocate");
            return allocating == 0 ? 0 : 1;
        }

        private static long Measure(object instance, MethodInfo method)
        {
            if (method.ReturnType == typeof(int))
            {
                var call = method.CreateDelegate<Func<int>>(instance);
                return Measure(call);
            }
            if (method.ReturnType == typeof(long))
            {
                var call = method.CreateDelegate<Func<long>>(instance);
                return Measure(call);
            }
            throw new InvalidOperationException(method.Name + " must return int or long");
        }

        private static long Measure<T>(Func<T> call)
        {
            for (int i = 0; i < WarmUp; i++)
            {
                call();
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Calls; i++)
            {
                call();
            }
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
