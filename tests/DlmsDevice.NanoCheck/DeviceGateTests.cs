using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DlmsDevice.NanoCheck.Assemblies;
using DlmsDevice.NanoCheck.Inspection;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// The gate on the device code: the ESP32 HAL and Program (.nfproj) compiled against nano's
    /// mscorlib, the portable assemblies and the reference declarations of the nanoFramework
    /// libraries they call (tests/NanoReferenceDeclarations), under the same rules as portable
    /// code (PortableGateTests runs them over these assemblies too), with platform structs only
    /// where <see cref="PlatformValueTypes"/> allows them. The reference declarations are checked
    /// to be declarations only, and the device build of each portable assembly to compile the same
    /// sources as its .csproj.
    /// </summary>
    public class DeviceGateTests
    {
        private static readonly string[] s_knownDeviceAssemblies = { "DlmsDevice.Hal.Esp32", "DlmsDevice.Esp32" };

        private static PortableBuild Build => PortableBuild.Repository;

        [Fact]
        public void DeviceProjects_HalEsp32AndProgram_DiscoveredAndCompiled()
        {
            PortableAssembly[] device = Build.Assemblies.Where(a => a.Project.Kind == ProjectKind.Device).ToArray();

            foreach (string name in s_knownDeviceAssemblies)
            {
                PortableAssembly? assembly = device.SingleOrDefault(a => a.Name == name);
                Assert.True(assembly != null, name + " is not discovered as a device project");
                Assert.True(assembly!.Success, name + ": " + string.Join(Environment.NewLine, assembly.Errors));
                Assert.True(assembly.Project.Sources.Count >= 2, name + " compiles " + assembly.Project.Sources.Count + " files");
            }
            Assert.Contains("System.IO.Ports", Build["DlmsDevice.Hal.Esp32"].Project.References);
            Assert.Contains("DlmsDevice.Runtime", Build["DlmsDevice.Esp32"].Project.References);
        }

        [Fact]
        public void ReferenceDeclarations_EveryAssemblyOfTheManifest_Compiled()
        {
            IReadOnlyList<NanoReferenceAssembly> manifest = DeviceDiscovery.ReferenceAssemblies(NanoCheckPaths.RepoRoot);
            PortableAssembly[] declared = Build.Assemblies.Where(a => a.Project.Kind == ProjectKind.ReferenceDeclaration).ToArray();

            Assert.True(manifest.Count >= 10, manifest.Count + " reference assemblies");
            Assert.Equal(manifest.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal), declared.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(declared, a => Assert.True(a.Success, a.Name + ": " + string.Join(Environment.NewLine, a.Errors)));
        }

        /// <summary>
        /// Declarations only: every method body of a reference assembly throws and does nothing
        /// else (a constructor may call its base constructor first). Nothing in them can be
        /// mistaken for an implementation, and they are worthless on a device.
        /// </summary>
        [Fact]
        public void ReferenceDeclarations_EveryMethodBody_OnlyThrows()
        {
            var wrong = new List<string>();
            int bodies = 0;
            foreach (PortableAssembly assembly in Build.Assemblies.Where(a => a.Project.Kind == ProjectKind.ReferenceDeclaration && a.Success))
            {
                foreach (string method in MethodsThatDoMoreThanThrow(assembly.Image, ref bodies))
                {
                    wrong.Add(assembly.Name + ": " + method);
                }
            }

            Assert.True(bodies > 50, "only " + bodies + " method bodies in the reference declarations");
            Assert.True(wrong.Count == 0, "Reference declarations with a body that does more than throw:" + Environment.NewLine + string.Join(Environment.NewLine, wrong));
        }

        [Fact]
        public void ReferenceDeclarations_OnlyThrowCheck_CatchesABodyThatReturns()
        {
            NanoCompiler.Result sample = NanoCompiler.Compile(
                "namespace X { public class A { public int Ok() { throw new System.PlatformNotSupportedException(); } public int Real() { return 42; } } }");
            Assert.True(sample.Success, string.Join(Environment.NewLine, sample.Errors));
            int bodies = 0;

            string[] wrong = MethodsThatDoMoreThanThrow(sample.Image, ref bodies).ToArray();

            Assert.Equal(new[] { "X.A::Real", "X.A::.ctor" }, wrong);
        }

        /// <summary>Each allowance of a platform struct matches a use in the device code: the list cannot keep entries for code that is gone.</summary>
        [Fact]
        public void PlatformValueTypes_EveryAllowance_MatchesAUse()
        {
            var used = new HashSet<PlatformValueTypes.Allowance>();
            foreach (PortableAssembly assembly in Build.Assemblies.Where(a => a.Project.Kind == ProjectKind.Device && a.Success))
            {
                foreach (NanoViolation v in Build.Inspect(assembly))
                {
                    foreach (PlatformValueTypes.Allowance allowance in PlatformValueTypes.Allowed.Where(x => PlatformValueTypes.Matches(x, assembly.Name, v)))
                    {
                        used.Add(allowance);
                    }
                }
            }

            PlatformValueTypes.Allowance[] stale = PlatformValueTypes.Allowed.Where(a => !used.Contains(a)).ToArray();
            Assert.True(stale.Length == 0, "Allowances that match no use: " + string.Join("; ", stale.Select(s => s.Location + " " + s.ValueType)));
        }

        /// <summary>
        /// The device build of each portable assembly (firmware/DlmsDevice.Esp32/Portable/*.nfproj)
        /// compiles exactly the sources of its .csproj and references the same assemblies, so what
        /// NanoCheck checks is what the nanoFramework extension builds.
        /// </summary>
        [Fact]
        public void DeviceBuildsOfPortableAssemblies_SameSourcesAndReferencesAsTheCsproj()
        {
            IReadOnlyList<PortableProject> portable = PortableDiscovery.Discover(NanoCheckPaths.RepoRoot);
            IReadOnlyList<NanoProject> nano = DeviceDiscovery.NanoProjects(NanoCheckPaths.RepoRoot);
            Dictionary<string, string> nameByPath = nano.ToDictionary(p => p.Path, p => p.AssemblyName, StringComparer.Ordinal);
            var wrong = new List<string>();
            foreach (PortableProject project in portable)
            {
                NanoProject? mirror = nano.SingleOrDefault(n => n.AssemblyName == project.AssemblyName);
                if (mirror == null)
                {
                    wrong.Add(project.AssemblyName + ": no .nfproj builds it for the device");
                    continue;
                }
                string[] sources = project.Sources.Select(s => s.Path).ToArray();
                if (!sources.SequenceEqual(mirror.CompileFiles))
                {
                    wrong.Add(mirror.Path + " compiles " + string.Join(", ", mirror.CompileFiles.Except(sources)) + " more and " + string.Join(", ", sources.Except(mirror.CompileFiles)) + " less than the .csproj");
                }
                string[] references = mirror.ProjectReferences.Select(r => nameByPath.TryGetValue(r, out string? n) ? n : r).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                if (!references.SequenceEqual(project.References.OrderBy(n => n, StringComparer.Ordinal)))
                {
                    wrong.Add(mirror.Path + " references " + string.Join(", ", references) + "; the .csproj " + string.Join(", ", project.References));
                }
                wrong.AddRange(mirror.Problems.Select(p => mirror.Path + ": " + p));
                if (!mirror.Packages.Contains(DeviceDiscovery.CoreLibrary))
                {
                    wrong.Add(mirror.Path + ": packages.config does not name " + DeviceDiscovery.CoreLibrary);
                }
            }

            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        }

        /// <summary>Every packages.config of the device build names a package at one version, the one the reference declarations stand for.</summary>
        [Fact]
        public void DevicePackages_OneVersionPerPackage_AsDeclared()
        {
            IReadOnlyList<NanoProject> nano = DeviceDiscovery.NanoProjects(NanoCheckPaths.RepoRoot);
            Dictionary<string, string> declared = DeviceDiscovery.ReferenceAssemblies(NanoCheckPaths.RepoRoot)
                .Select(r => r.Package).Append(DeviceDiscovery.CoreLibrary).ToDictionary(p => p.Id, p => p.Version, StringComparer.Ordinal);
            var wrong = new List<string>();
            foreach (NanoProject project in nano)
            {
                foreach (NanoPackage package in project.Packages)
                {
                    if (!declared.TryGetValue(package.Id, out string? version))
                    {
                        wrong.Add(project.Path + ": " + package.Id + " has no reference declarations");
                    }
                    else if (version != package.Version)
                    {
                        wrong.Add(project.Path + ": " + package.Id + " " + package.Version + ", declared " + version);
                    }
                }
            }

            Assert.True(nano.Count >= 10, nano.Count + " .nfproj files");
            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        }

        // Every method with a body that is not "[ldarg.0; call .ctor;] ... newobj; throw", but
        // those of the attribute classes the compiler adds.
        internal static IEnumerable<string> MethodsThatDoMoreThanThrow(ImmutableArray<byte> image, ref int bodies)
        {
            var result = new List<string>();
            using var pe = new PEReader(image);
            MetadataReader md = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(typeHandle);
                string ns = md.GetString(type.Namespace);
                if (ns == "Microsoft.CodeAnalysis" || ns == "System.Runtime.CompilerServices")
                {
                    continue; // attribute classes the compiler embeds (EmbeddedAttribute, RefSafetyRulesAttribute, ...)
                }
                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(methodHandle);
                    if (method.RelativeVirtualAddress == 0)
                    {
                        continue; // abstract, extern or runtime-provided (delegates)
                    }
                    bodies++;
                    byte[] il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes()!;
                    if (!OnlyThrows(il))
                    {
                        result.Add(NanoNames.Type(md, typeHandle) + "::" + md.GetString(method.Name));
                    }
                }
            }
            return result;
        }

        private static bool OnlyThrows(byte[] il)
        {
            int i = 0;
            bool threw = false;
            while (i < il.Length)
            {
                switch (il[i])
                {
                    case 0x00: // nop
                    case 0x02: // ldarg.0 (before the base constructor call)
                        i += 1;
                        break;
                    case 0x28: // call (the base constructor)
                    case 0x73: // newobj (the exception)
                        i += 5;
                        break;
                    case 0x7A: // throw
                        threw = true;
                        i += 1;
                        break;
                    default:
                        return false;
                }
            }
            return threw;
        }
    }
}
