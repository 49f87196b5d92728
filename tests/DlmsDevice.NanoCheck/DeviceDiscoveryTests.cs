using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DlmsDevice.NanoCheck.Assemblies;
using DlmsDevice.NanoCheck.Inspection;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// The extension of the discovery to device code, on a small fake repository: reference
    /// declarations from the manifest, a .nfproj whose assembly references must have reference
    /// declarations and name the same package version as packages.config, files left out of the
    /// Compile items, and platform structs in device code reported unless allowed.
    /// </summary>
    public sealed class DeviceDiscoveryTests : IDisposable
    {
        private const string Manifest =
            "<NanoReferenceDeclarations>"
            + "<Assembly Name=\"Vendor.Pins\" Package=\"Vendor.Pins.Package\" Version=\"2.1.7\" />"
            + "</NanoReferenceDeclarations>";

        private const string PinsDeclarations =
            "namespace Vendor.Pins { public struct Reading { public long Count; } "
            + "public sealed class Counter { public Counter() { throw new System.PlatformNotSupportedException(); } "
            + "public Reading Read() { throw new System.PlatformNotSupportedException(); } } }";

        private readonly string _root = Path.Combine(Path.GetTempPath(), "nanocheck-device-" + Guid.NewGuid().ToString("N"));

        /// <summary>Creates the fake repository: a portable Core, reference declarations of Vendor.Pins, a device project using both.</summary>
        public DeviceDiscoveryTests()
        {
            Write("firmware/Core/Core.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><DlmsPortable>true</DlmsPortable></PropertyGroup></Project>");
            Write("firmware/Core/ICount.cs", "namespace Core { public interface ICount { long Count { get; } } }");
            Write("tests/NanoReferenceDeclarations/References.xml", Manifest);
            Write("tests/NanoReferenceDeclarations/Vendor.Pins/Pins.cs", PinsDeclarations);
            Write("firmware/Core.Device/Core.nfproj", NfProject("Core", "<Compile Include=\"..\\Core\\**\\*.cs\" Exclude=\"..\\Core\\obj\\**\" />", "", ""));
            Write("firmware/Core.Device/packages.config", Packages(("nanoFramework.CoreLibrary", "1.17.11")));
            WriteDevice("Vendor.Pins.Package.2.1.7", ("nanoFramework.CoreLibrary", "1.17.11"), ("Vendor.Pins.Package", "2.1.7"));
            Write("hal/Board/Poller.cs",
                "namespace Board { public sealed class Poller : Core.ICount { private readonly Vendor.Pins.Counter _c = new Vendor.Pins.Counter(); private long _n; "
                + "public long Count { get { return _n; } } public void Poll() { Vendor.Pins.Reading r = _c.Read(); _n = r.Count; } } }");
        }

        /// <summary>Deletes the fake repository.</summary>
        public void Dispose()
        {
            Directory.Delete(_root, recursive: true);
        }

        [Fact]
        public void Discover_ReferenceDeclarationsAndDeviceProject_KindsReferencesSources()
        {
            (IReadOnlyList<PortableProject> portable, IReadOnlyList<PortableProject> device) = Discover();

            PortableProject pins = device.Single(p => p.AssemblyName == "Vendor.Pins");
            PortableProject board = device.Single(p => p.AssemblyName == "Board");
            Assert.Equal(ProjectKind.ReferenceDeclaration, pins.Kind);
            Assert.Equal("tests/NanoReferenceDeclarations/Vendor.Pins", pins.Folder);
            Assert.Equal(ProjectKind.Device, board.Kind);
            Assert.Equal(new[] { "Core", "Vendor.Pins" }, board.References);
            Assert.Equal(new[] { "hal/Board/Poller.cs" }, board.Sources.Select(s => s.Path));
            Assert.Empty(board.Problems);
            Assert.DoesNotContain(device, p => p.AssemblyName == "Core"); // the device build of a portable assembly is not compiled twice
            Assert.Equal(new[] { "firmware/Core/ICount.cs" }, DeviceDiscovery.NanoProjects(_root).Single(p => p.AssemblyName == "Core").CompileFiles);
        }

        [Fact]
        public void Compile_DeviceProject_AgainstTheDeclarations_PlatformStructReportedUnlessAllowed()
        {
            (IReadOnlyList<PortableProject> portable, IReadOnlyList<PortableProject> device) = Discover();
            PortableBuild build = PortableBuild.Compile(portable.Concat(device).ToArray());
            Assert.Empty(build.CompileFailures());

            IReadOnlyList<NanoViolation> violations = build.Inspect(build["Board"]);
            NanoViolation[] structs = violations.Where(v => v.Rule == NanoRule.ValueType).ToArray();
            Assert.NotEmpty(structs);
            Assert.All(structs, v => Assert.Equal("Board.Poller::Poll", v.Location));
            Assert.DoesNotContain(violations, v => v.Rule == NanoRule.ForeignReference);

            var allowed = new[] { new PlatformValueTypes.Allowance("Board", "Board.Poller::Poll", "Vendor.Pins.Reading", "the periodic poll") };
            Assert.All(structs, v => Assert.True(PlatformValueTypes.IsAllowed("Board", v, allowed), v.ToString()));
            var elsewhere = new[] { new PlatformValueTypes.Allowance("Board", "Board.Poller::get_Count", "Vendor.Pins.Reading", "wrong place") };
            Assert.All(structs, v => Assert.False(PlatformValueTypes.IsAllowed("Board", v, elsewhere), v.ToString()));
            Assert.DoesNotContain(build.Inspect(build["Vendor.Pins"]), v => v.Rule == NanoRule.ForeignReference);
        }

        [Fact]
        public void Discover_AssemblyWithoutDeclarations_Problem()
        {
            Write("hal/Board/Board.nfproj", NfProject("Board", "<Compile Include=\"Poller.cs\" />",
                Reference("Vendor.Pins", "Vendor.Pins.Package.2.1.7") + Reference("Vendor.Radio", "Vendor.Radio.1.0.0"), "..\\..\\firmware\\Core.Device\\Core.nfproj"));

            PortableProject board = Discover().Device.Single(p => p.AssemblyName == "Board");

            Assert.Equal(new[] { "references Vendor.Radio, which has no reference declarations in tests/NanoReferenceDeclarations" }, board.Problems);
        }

        [Fact]
        public void Discover_PackageVersionNotTheDeclaredOne_Problems()
        {
            WriteDevice("Vendor.Pins.Package.2.2.0", ("nanoFramework.CoreLibrary", "1.17.11"), ("Vendor.Pins.Package", "2.2.0"));

            PortableProject board = Discover().Device.Single(p => p.AssemblyName == "Board");

            Assert.Contains("references Vendor.Pins from '..\\..\\packages\\Vendor.Pins.Package.2.2.0\\lib\\Vendor.Pins.dll', not from packages\\Vendor.Pins.Package.2.1.7\\lib", board.Problems);
            Assert.Contains("packages.config does not name Vendor.Pins.Package 2.1.7 (the package of Vendor.Pins)", board.Problems);
        }

        [Fact]
        public void Discover_CoreLibraryMissingAndAFileNotCompiled_Problems()
        {
            WriteDevice("Vendor.Pins.Package.2.1.7", ("Vendor.Pins.Package", "2.1.7"));
            Write("hal/Board/Forgotten.cs", "namespace Board { public class Forgotten { } }");

            PortableProject board = Discover().Device.Single(p => p.AssemblyName == "Board");

            Assert.Contains("packages.config does not name nanoFramework.CoreLibrary 1.17.11 (the mscorlib NanoCheck compiles against)", board.Problems);
            Assert.Contains("does not compile hal/Board/Forgotten.cs (not in its Compile items)", board.Problems);
        }

        private (IReadOnlyList<PortableProject> Portable, IReadOnlyList<PortableProject> Device) Discover()
        {
            IReadOnlyList<PortableProject> portable = PortableDiscovery.Discover(_root);
            return (portable, DeviceDiscovery.Discover(_root, portable));
        }

        private void WriteDevice(string pinsFolder, params (string Id, string Version)[] packages)
        {
            Write("hal/Board/Board.nfproj", NfProject("Board", "<Compile Include=\"Poller.cs\" />",
                Reference("Vendor.Pins", pinsFolder), "..\\..\\firmware\\Core.Device\\Core.nfproj"));
            Write("hal/Board/packages.config", Packages(packages));
        }

        private static string NfProject(string name, string compile, string references, string projectReference)
            => "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project ToolsVersion=\"15.0\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">"
               + "<PropertyGroup><AssemblyName>" + name + "</AssemblyName><OutputType>Library</OutputType></PropertyGroup>"
               + "<ItemGroup>" + compile + "</ItemGroup>"
               + "<ItemGroup><Reference Include=\"mscorlib\"><HintPath>..\\..\\packages\\nanoFramework.CoreLibrary.1.17.11\\lib\\mscorlib.dll</HintPath></Reference>" + references + "</ItemGroup>"
               + (projectReference.Length > 0 ? "<ItemGroup><ProjectReference Include=\"" + projectReference + "\" /></ItemGroup>" : "")
               + "</Project>";

        private static string Reference(string assembly, string packageFolder)
            => "<Reference Include=\"" + assembly + ", Version=1.0.0.0\"><HintPath>..\\..\\packages\\" + packageFolder + "\\lib\\" + assembly + ".dll</HintPath></Reference>";

        private static string Packages(params (string Id, string Version)[] packages)
            => "<packages>" + string.Concat(packages.Select(p => "<package id=\"" + p.Id + "\" version=\"" + p.Version + "\" targetFramework=\"netnano1.0\" />")) + "</packages>";

        private void Write(string relative, string text)
        {
            string path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}
