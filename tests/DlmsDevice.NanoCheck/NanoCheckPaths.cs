using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// The gate's two inputs, written into this test assembly by the NanoCheckPaths target of
    /// DlmsDevice.NanoCheck.csproj: the repository (whose portable projects the gate compiles)
    /// and nanoFramework's mscorlib.
    /// </summary>
    public static class NanoCheckPaths
    {
        /// <summary>lib/mscorlib.dll of the nanoFramework.CoreLibrary 1.17.11 package.</summary>
        public static string NanoMscorlib => Get("NanoCheck.Mscorlib");

        /// <summary>The repository root (with a trailing separator).</summary>
        public static string RepoRoot => Get("NanoCheck.RepoRoot", directory: true);

        private static string Get(string key, bool directory = false)
        {
            string? value = typeof(NanoCheckPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Where(a => a.Key == key).Select(a => a.Value).SingleOrDefault();
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException("NanoCheck: no AssemblyMetadata '" + key + "' (build the project with MSBuild).");
            }
            if (directory ? !Directory.Exists(value) : !File.Exists(value))
            {
                throw new FileNotFoundException("NanoCheck: '" + key + "' points to a missing file; build the solution first.", value);
            }
            return value;
        }
    }
}
