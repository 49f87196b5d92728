using System;
using System.Diagnostics;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// Turns off what desktop .NET does that nanoCLR cannot, before memory is measured: the JIT's
    /// object stack allocation (.NET 10 puts objects and small arrays that do not escape a method
    /// on the stack, so GC.GetAllocatedBytesForCurrentThread() never sees them, while nanoCLR
    /// allocates each on its heap). The knob is read when the runtime starts, so the process
    /// starts itself again with <c>DOTNET_JitObjectStackAllocation=0</c> when it is not set.
    /// </summary>
    internal static class DesktopHiding
    {
        public const string Variable = "DOTNET_JitObjectStackAllocation";

        /// <summary>True when this process already runs without object stack allocation.</summary>
        public static bool IsOff => Environment.GetEnvironmentVariable(Variable) == "0";

        /// <summary>Runs this program again with the knob off and returns its exit code.</summary>
        public static int RunAgainWithoutStackAllocation(string[] args)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            string host = System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath!);
            if (string.Equals(host, "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]); // started as "dotnet DlmsDevice.Benchmarks.dll"
            }
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment[Variable] = "0";
            using Process child = Process.Start(start)!;
            child.WaitForExit();
            return child.ExitCode;
        }
    }
}
