using System;
using BenchmarkDotNet.Running;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// Entry point. <c>--startup</c>: memory reserved at start-up, desktop and ESP32 estimate
    /// (exit code 1 when a device budget is exceeded); <c>--alloc</c>: quick exact allocation
    /// count of every benchmark (no timing); both run with the JIT's object stack allocation off
    /// (<see cref="DesktopHiding"/>); <c>--fleet [N]</c>: a fleet of N meters (default 10,000) in an
    /// emulator process, started and read by a load generator (<see cref="FleetBenchmark"/>,
    /// exit code 1 when a target is missed). Anything else goes to BenchmarkDotNet (e.g.
    /// <c>--filter '*' --job short</c>). See docs/benchmarks.md.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length >= 1 && args[0] == "--fleet")
            {
                return FleetBenchmark.Run(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
            }
            if (args.Length == 1 && (args[0] == "--startup" || args[0] == "--alloc"))
            {
                if (!DesktopHiding.IsOff)
                {
                    return DesktopHiding.RunAgainWithoutStackAllocation(args);
                }
                if (args[0] == "--alloc")
                {
                    return AllocationCheck.Run(Console.Out);
                }
                int verdict = DeviceStartup.Run(Console.Out);
                StartupReservation.Run(Console.Out);
                return verdict;
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
