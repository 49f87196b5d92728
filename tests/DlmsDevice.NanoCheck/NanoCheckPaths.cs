using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// The gate's two inputs, written into this test assembly by the NanoCheckPaths target of
    /// DlmsDevice.NanoCheck.csproj: the compiled portable assembly and nanoFramework's mscorlib.
    /// </summary>
    public static class NanoCheckPaths
    {
        /// <summary>Portable/bin/.../DlmsDevice.NanoCheck.Portable.dll.</summary>
        public static string PortableAssembly => Get("NanoCheck.PortableAssembly");

        /// <summary>lib/mscorlib.dll of the nanoFramework.CoreLibrary 1.17.11 package.</summary>
        public static string NanoMscorlib => Get("NanoCheck.Mscorlib");

        /// <summary>The repository root (with a trailing separator).</summary>
        public static string RepoRoot => Get("NanoCheck.RepoRoot", directory: true);

        /// <summary>
        /// The portable project folders, relative to <see cref="RepoRoot"/>; the same list as the
        /// Compile globs of Portable/DlmsDevice.NanoCheck.Portable.csproj.
        /// </summary>
        public static readonly string[] PortableFolders = { "firmware/DlmsDevice.Stack", "firmware/DlmsDevice.Stack.Link", "firmware/DlmsDevice.Stack.Cosem", "firmware/DlmsDevice.Stack.Server", "firmware/DlmsDevice.Meter", "hal/DlmsDevice.Hal" };

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
