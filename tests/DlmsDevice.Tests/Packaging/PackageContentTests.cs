using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;

namespace DlmsDevice.Tests.Packaging
{
    /// <summary>
    /// The packages of .ci/run's <c>dotnet pack</c> contain what they claim: id and version,
    /// the MIT license expression, a README in the package, a description, the repository and
    /// its commit, the assembly with its XML documentation, a symbol package whose PDB maps the
    /// sources to the repository (SourceLink); the emulator is a .NET tool named dlms-emulator.
    /// </summary>
    public sealed class PackageContentTests
    {
        /// <summary>The library packages.</summary>
        public static readonly string[] Libraries =
        {
            "DlmsDevice.Hal", "DlmsDevice.Hal.Desktop", "DlmsDevice.Hal.Simulated", "DlmsDevice.Hal.Linux",
            "DlmsDevice.Stack", "DlmsDevice.Stack.Link", "DlmsDevice.Stack.Cosem", "DlmsDevice.Stack.Cosem.Schedules", "DlmsDevice.Stack.Server",
            "DlmsDevice.Meter", "DlmsDevice.Runtime", "DlmsDevice.Firmware", "DlmsDevice.Client",
        };

        // The Portable PDB custom debug information kind of SourceLink.
        private static readonly Guid s_sourceLink = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");

        [PackagesFact]
        public void Libraries_EachWithMetadataReadmeAssemblyDocumentationAndSourceLink()
        {
            foreach (string id in Libraries)
            {
                using ZipArchive package = Open(id, ".nupkg");
                XElement metadata = Metadata(package, id);
                CheckMetadata(package, metadata, id);
                Assert.NotNull(package.GetEntry("lib/net10.0/" + id + ".dll"));
                Assert.NotNull(package.GetEntry("lib/net10.0/" + id + ".xml"));
                CheckSourceLink(id, "lib/net10.0/" + id + ".pdb");
            }
        }

        [PackagesFact]
        public void Emulator_DotnetToolNamedDlmsEmulatorWithItsAssemblies()
        {
            string folder = CheckTool("DlmsDevice.Emulator", "dlms-emulator", out ZipArchive package);
            using (package)
            {
                // The emulator runs the portable stack on desktop hardware: every library but the
                // device loop (Firmware) and the Linux board HAL.
                foreach (string library in Libraries.Where(l => l != "DlmsDevice.Firmware" && l != "DlmsDevice.Hal.Linux"))
                {
                    Assert.NotNull(package.GetEntry(folder + "/" + library + ".dll"));
                }
            }
        }

        [PackagesFact]
        public void Client_DotnetToolNamedDlms()
        {
            string folder = CheckTool("DlmsDevice.Cli", "dlms", out ZipArchive package);
            using (package)
            {
                Assert.NotNull(package.GetEntry(folder + "/DlmsDevice.Client.dll"));
                Assert.NotNull(package.GetEntry(folder + "/System.CommandLine.dll"));
            }
        }

        /// <summary>Checks a .NET tool package's metadata and command; returns the folder of its assemblies.</summary>
        private static string CheckTool(string id, string commandName, out ZipArchive package)
        {
            package = Open(id, ".nupkg");
            XElement metadata = Metadata(package, id);
            CheckMetadata(package, metadata, id);
            XNamespace ns = metadata.Name.Namespace;
            Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value);
            ZipArchiveEntry settings = package.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
            XElement command = XDocument.Load(settings.Open()).Descendants("Command").Single();
            Assert.Equal(commandName, command.Attribute("Name")?.Value);
            Assert.Equal(id + ".dll", command.Attribute("EntryPoint")?.Value);
            return settings.FullName[..settings.FullName.LastIndexOf('/')];
        }

        private static string Folder()
        {
            string folder = Environment.GetEnvironmentVariable(PackagesFactAttribute.Variable)!;
            Assert.True(Directory.Exists(folder), "no packages folder " + folder);
            return folder;
        }

        private static ZipArchive Open(string id, string extension)
        {
            string[] found = Directory.GetFiles(Folder(), id + ".*" + extension)
                .Where(f => char.IsDigit(Path.GetFileName(f)[id.Length + 1]))
                .ToArray();
            string path = Assert.Single(found);
            return ZipFile.OpenRead(path);
        }

        private static XElement Metadata(ZipArchive package, string id)
        {
            ZipArchiveEntry nuspec = package.GetEntry(id + ".nuspec") ?? throw new InvalidOperationException("no nuspec in " + id);
            XElement root = XDocument.Load(nuspec.Open()).Root!;
            return root.Element(root.Name.Namespace + "metadata")!;
        }

        private static void CheckMetadata(ZipArchive package, XElement metadata, string id)
        {
            XNamespace ns = metadata.Name.Namespace;
            Assert.Equal(id, metadata.Element(ns + "id")?.Value);
            Assert.Matches(@"^\d+\.\d+\.\d+", metadata.Element(ns + "version")?.Value ?? "");
            XElement license = metadata.Element(ns + "license")!;
            Assert.Equal("expression", license.Attribute("type")?.Value);
            Assert.Equal("MIT", license.Value);
            Assert.True((metadata.Element(ns + "description")?.Value.Length ?? 0) > 40, id + ": no real description");
            string readme = metadata.Element(ns + "readme")?.Value ?? "";
            ZipArchiveEntry? readmeEntry = package.GetEntry(readme);
            Assert.True(readmeEntry != null, id + ": the README " + readme + " is not in the package");
            using (StreamReader reader = new StreamReader(readmeEntry!.Open()))
            {
                Assert.StartsWith("# ", reader.ReadToEnd());
            }
            XElement repository = metadata.Element(ns + "repository")!;
            Assert.Equal("git", repository.Attribute("type")?.Value);
            Assert.StartsWith("https://", repository.Attribute("url")?.Value);
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        }

        // The symbol package's PDB carries a SourceLink map from the source root to the
        // repository's raw files at the commit.
        private static void CheckSourceLink(string id, string pdbPath)
        {
            using ZipArchive symbols = Open(id, ".snupkg");
            ZipArchiveEntry pdb = symbols.GetEntry(pdbPath) ?? throw new InvalidOperationException("no " + pdbPath + " in the symbol package of " + id);
            using MemoryStream bytes = new MemoryStream();
            using (Stream stream = pdb.Open())
            {
                stream.CopyTo(bytes);
            }
            bytes.Position = 0;
            using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(bytes);
            MetadataReader reader = provider.GetMetadataReader();
            string? json = null;
            foreach (CustomDebugInformationHandle handle in reader.CustomDebugInformation)
            {
                CustomDebugInformation info = reader.GetCustomDebugInformation(handle);
                if (reader.GetGuid(info.Kind) == s_sourceLink)
                {
                    json = Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value));
                }
            }
            Assert.True(json != null, id + ": no SourceLink in its PDB");
            Assert.Matches(@"""documents"":\{""[^""]+\*"":""https://raw\.githubusercontent\.com/[^""]+/[0-9a-f]{40}/\*""", json);
        }
    }
}
