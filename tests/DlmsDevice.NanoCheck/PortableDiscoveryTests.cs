using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DlmsDevice.NanoCheck.Assemblies;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// The discovery on a small fake repository: it finds portable projects by their .csproj,
    /// takes their names and ProjectReferences from it, skips obj/ and bin/, and reports what the
    /// gate cannot reproduce instead of compiling something else.
    /// </summary>
    public sealed class PortableDiscoveryTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "nanocheck-discovery-" + Guid.NewGuid().ToString("N"));

        /// <summary>Creates the fake repository.</summary>
        public PortableDiscoveryTests()
        {
            Write("firmware/Core/Core.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><DlmsPortable>true</DlmsPortable></PropertyGroup></Project>");
            Write("firmware/Core/A.cs", "namespace Core { public class A { } }");
            Write("firmware/Core/Sub/B.cs", "namespace Core { public class B { } }");
            Write("firmware/Core/obj/Release/Generated.cs", "namespace Core { public class Generated { } }");
            Write("firmware/Core/bin/Stale.cs", "namespace Core { public class Stale { } }");
            Write("firmware/Upper/Upper.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><DlmsPortable> True </DlmsPortable><AssemblyName>Renamed.Upper</AssemblyName></PropertyGroup>"
                + "<ItemGroup><ProjectReference Include=\"..\\Core\\Core.csproj\" /></ItemGroup></Project>");
            Write("firmware/Upper/U.cs", "namespace Upper { public class U : Core.A { } }");
            Write("hal/Desktop/Desktop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
            Write("hal/Desktop/D.cs", "namespace Desktop { public class D { } }");
            Write("hal/Mixed/Mixed.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><DlmsPortable>true</DlmsPortable></PropertyGroup>"
                + "<ItemGroup><ProjectReference Include=\"../Desktop/Desktop.csproj\" /><PackageReference Include=\"Some.Package\" Version=\"1.0.0\" /></ItemGroup></Project>");
            Write("tools/Elsewhere/Elsewhere.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><DlmsPortable>true</DlmsPortable></PropertyGroup></Project>");
        }

        /// <summary>Deletes the fake repository.</summary>
        public void Dispose()
        {
            Directory.Delete(_root, recursive: true);
        }

        [Fact]
        public void Discover_FakeRepository_FindsPortableProjectsUnderFirmwareAndHalOnly()
        {
            IReadOnlyList<PortableProject> projects = PortableDiscovery.Discover(_root);

            Assert.Equal(new[] { "firmware/Core", "firmware/Upper", "hal/Mixed" }, projects.Select(p => p.Folder));
            Assert.Equal(new[] { "Core", "Renamed.Upper", "Mixed" }, projects.Select(p => p.AssemblyName));
        }

        [Fact]
        public void Discover_FakeRepository_TakesAllSourcesButObjAndBin()
        {
            PortableProject core = PortableDiscovery.Discover(_root).Single(p => p.AssemblyName == "Core");

            Assert.Equal(new[] { "firmware/Core/A.cs", "firmware/Core/Sub/B.cs" }, core.Sources.Select(s => s.Path));
        }

        [Fact]
        public void Discover_FakeRepository_ResolvesProjectReferencesToAssemblyNames()
        {
            PortableProject upper = PortableDiscovery.Discover(_root).Single(p => p.AssemblyName == "Renamed.Upper");

            Assert.Equal(new[] { "Core" }, upper.References);
            Assert.Empty(upper.Problems);
        }

        [Fact]
        public void Discover_NonPortableReferenceAndPackage_ReportsProblems()
        {
            PortableProject mixed = PortableDiscovery.Discover(_root).Single(p => p.AssemblyName == "Mixed");

            Assert.Empty(mixed.References);
            Assert.Equal(2, mixed.Problems.Count);
            Assert.Contains(mixed.Problems, p => p.StartsWith("references ../Desktop/Desktop.csproj, which is not a portable project", StringComparison.Ordinal));
            Assert.Contains(mixed.Problems, p => p.StartsWith("has <PackageReference Include=\"Some.Package\"", StringComparison.Ordinal));
        }

        [Fact]
        public void Compile_FakeRepository_CompilesEachAssemblyAgainstItsDeclaredReferences()
        {
            List<PortableProject> projects = PortableDiscovery.Discover(_root).Where(p => p.Problems.Count == 0).ToList();

            PortableBuild build = PortableBuild.Compile(projects);

            Assert.Empty(build.CompileFailures());
            Assert.Equal(new[] { "Core", "Renamed.Upper" }, build.Assemblies.Select(a => a.Name));
            Assert.Empty(build.Inspect(build["Renamed.Upper"]));
        }

        private void Write(string relative, string text)
        {
            string path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}
