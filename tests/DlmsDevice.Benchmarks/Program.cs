using System;
using BenchmarkDotNet.Running;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// Entry point. <c>--startup</c>: memory reserved at start-up; <c>--alloc</c>: quick exact
    /// allocation count of every benchmark (no timing); anything else goes to BenchmarkDotNet
    /// (e.g. <c>--filter '*' --job short</c>). See docs/benchmarks.md.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "--startup")
            {
                return StartupReservation.Run(Console.Out);
            }
            if (args.Length == 1 && args[0] == "--alloc")
            {
                return AllocationCheck.Run(Console.Out);
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
