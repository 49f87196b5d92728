using System;

namespace DlmsDevice.Tests.Support
{
    /// <summary>
    /// The zero-allocation tests count bytes with GC.GetAllocatedBytesForCurrentThread() and expect
    /// exactly 0. That only holds when the runtime itself allocates nothing on the measured thread,
    /// which the test project ensures by turning tiered compilation off (see the .csproj), and
    /// only means what the device allocates when the JIT does not hide allocations on the stack
    /// (object stack allocation off, DlmsDevice.Tests.runsettings).
    /// </summary>
    public class AllocationMeasurementTests
    {
        [Fact]
        public void TestHost_TieredCompilationSwitch_IsOff()
        {
            Assert.True(AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out bool enabled),
                "the test host did not load the test project's runtimeconfig (System.Runtime.TieredCompilation missing)");
            Assert.False(enabled);
        }

        [Fact]
        public void TestHost_JitObjectStackAllocation_IsOff()
        {
            Assert.Equal("0", Environment.GetEnvironmentVariable("DOTNET_JitObjectStackAllocation"));
        }
    }
}
