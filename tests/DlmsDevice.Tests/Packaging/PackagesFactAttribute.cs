using System;

namespace DlmsDevice.Tests.Packaging
{
    /// <summary>
    /// A test of the NuGet packages built by <c>dotnet pack</c>: it runs when
    /// <see cref="Variable"/> names the folder holding them (.ci/run packs, sets it, then tests),
    /// and is skipped with the reason otherwise (a plain <c>dotnet test</c> builds no packages).
    /// </summary>
    public sealed class PackagesFactAttribute : FactAttribute
    {
        /// <summary>The environment variable with the packages folder.</summary>
        public const string Variable = "DLMSDEVICE_PACKAGES";

        /// <summary>Skips the test unless <see cref="Variable"/> is set.</summary>
        public PackagesFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            {
                Skip = Variable + " is not set: .ci/run packs the solution and sets it";
            }
        }
    }
}
