using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using DlmsDevice.NanoCheck.Assemblies;
using DlmsDevice.NanoCheck.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// THE GATE. Each portable assembly of the repository, compiled on its own against
    /// nanoFramework's mscorlib and the portable assemblies it declares (PortableBuild, once per
    /// test run), must compile, contain nothing nanoFramework 1.x cannot run, hold no struct, and
    /// stay within the IL budget.
    /// </summary>
    public class PortableGateTests
    {
        /// <summary>
        /// The portable folders as of the layer split: a floor, not the list the gate compiles
        /// (that comes from the .csproj files). If discovery ever stops finding one, it fails.
        /// </summary>
        private static readonly string[] s_knownPortableFolders =
        {
            "firmware/DlmsDevice.Meter", "firmware/DlmsDevice.Stack", "firmware/DlmsDevice.Stack.Cosem",
            "firmware/DlmsDevice.Stack.Link", "firmware/DlmsDevice.Stack.Server", "hal/DlmsDevice.Hal",
            "firmware/DlmsDevice.Runtime", "firmware/DlmsDevice.Firmware",
        };

        // Read as raw text on purpose: a second opinion on the XML-based discovery.
        private static readonly Regex s_portableMarker = new Regex(@"<DlmsPortable>\s*true\s*</DlmsPortable>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly ITestOutputHelper _output;

        /// <summary>xunit injects the output that receives the IL table.</summary>
        public PortableGateTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static PortableBuild Build => PortableBuild.Repository;

        [Fact]
        public void Discovery_Repository_FindsEveryFolderWithPortableCode()
        {
            HashSet<string> discovered = Build.Assemblies.Select(a => a.Project.Folder).ToHashSet(StringComparer.Ordinal);
            var expected = new SortedSet<string>(s_knownPortableFolders, StringComparer.Ordinal);
            foreach (string csproj in PortableDiscovery.ProjectFiles(NanoCheckPaths.RepoRoot))
            {
                if (s_portableMarker.IsMatch(File.ReadAllText(csproj)))
                {
                    expected.Add(PortableDiscovery.Relative(NanoCheckPaths.RepoRoot, Path.GetDirectoryName(csproj)!));
                }
            }

            string[] missing = expected.Where(f => !discovered.Contains(f)).ToArray();
            Assert.True(missing.Length == 0, "Portable folders the gate does not compile: " + string.Join(", ", missing)
                + " (discovered: " + string.Join(", ", discovered.OrderBy(f => f, StringComparer.Ordinal)) + ")");
        }

        [Fact]
        public void Discovery_PortableProjects_DeclareOnlyPortableProjectReferences()
        {
            string[] problems = Build.Assemblies.SelectMany(a => a.Project.Problems.Select(p => a.Project.Folder + ": " + p)).ToArray();

            Assert.True(problems.Length == 0, "Portable projects the NanoCheck compile cannot reproduce:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void PortableAssemblies_CompileAgainstNanoMscorlibAndDeclaredReferences_NoErrors()
        {
            IReadOnlyList<string> failed = Build.CompileFailures();

            Assert.True(failed.Count == 0, "Portable assemblies that do not compile for nanoFramework (docs/portable-subset.md):"
                + Environment.NewLine + string.Join(Environment.NewLine, failed));
        }

        [Fact]
        public void PortableAssemblies_NanoSubsetOnly_NoViolations()
        {
            List<string> violations = Violations(r => r != NanoRule.ValueType && r != NanoRule.Boxing);

            Assert.True(violations.Count == 0,
                "Portable code uses constructs nanoFramework 1.x cannot run (docs/portable-subset.md):"
                + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }

        /// <summary>
        /// nanoCLR puts every struct local and every struct copy in a heap block: portable code
        /// holds no value types but primitives, enums, DateTime and TimeSpan.
        /// </summary>
        [Fact]
        public void PortableAssemblies_ValueTypes_OnlyPrimitivesEnumsDateTimeTimeSpan()
        {
            List<string> violations = Violations(r => r == NanoRule.ValueType);

            Assert.True(violations.Count == 0,
                violations.Count + " uses of value types that nanoCLR allocates on the heap (docs/portable-subset.md); by type: "
                + ByStruct(violations) + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }

        /// <summary>
        /// Every box is a heap allocation on the device; the desktop JIT sometimes removes it, so
        /// the desktop allocation tests cannot see it. Counts the box opcode and the hidden box of
        /// a constrained call on a value type (enum.ToString()), of any value type.
        /// </summary>
        [Fact]
        public void PortableAssemblies_Boxing_NoBoxes()
        {
            List<string> boxes = Violations(r => r == NanoRule.Boxing);

            Assert.True(boxes.Count == 0, boxes.Count + " boxes, each a heap allocation on nanoCLR (docs/portable-subset.md):"
                + Environment.NewLine + string.Join(Environment.NewLine, boxes));
        }

        [Fact]
        public void PortableAssemblies_References_OnlyNanoMscorlibAndDeclaredPortableAssemblies()
        {
            var wrong = new List<string>();
            foreach (PortableAssembly assembly in Compiled())
            {
                using var pe = new PEReader(assembly.Image);
                MetadataReader md = pe.GetMetadataReader();
                foreach (AssemblyReference r in md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)))
                {
                    string name = md.GetString(r.Name);
                    // mscorlib 1.17.11.0 proves the compile used nanoFramework.CoreLibrary 1.17.11,
                    // not a desktop reference assembly.
                    bool allowed = name == NanoInspector.MscorlibName
                        ? r.Version == new Version(1, 17, 11, 0)
                        : assembly.Project.References.Contains(name, StringComparer.Ordinal);
                    if (!allowed)
                    {
                        wrong.Add(assembly.Name + " references " + name + " " + r.Version);
                    }
                }
            }

            Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        }

        /// <summary>
        /// The gate is only as good as its discovery: every type declared in a .cs file under
        /// firmware/ or hal/ whose project is portable (as the nano build sees it: NANOFRAMEWORK_1_0
        /// defined) is in that project's nano-compiled assembly. The files are listed afresh here,
        /// not taken from the discovery.
        /// </summary>
        [Fact]
        public void PortableAssemblies_HoldEveryTypeDeclaredInTheirFolders()
        {
            Dictionary<string, PortableAssembly> byFolder = Compiled().ToDictionary(a => a.Project.Folder, StringComparer.Ordinal);
            Dictionary<string, HashSet<string>> definedTypes = Compiled().ToDictionary(a => a.Name, DefinedTypes, StringComparer.Ordinal);
            var missing = new List<string>();
            int checkedTypes = 0;
            foreach (string file in SourceFilesUnderSearchRoots())
            {
                string? folder = ProjectFolderOf(file);
                if (folder is null || !byFolder.TryGetValue(folder, out PortableAssembly? assembly))
                {
                    continue; // not in a portable project (e.g. hal/DlmsDevice.Hal.Simulated)
                }
                HashSet<string> compiled = definedTypes[assembly.Name];
                foreach (string type in DeclaredTypes(file))
                {
                    checkedTypes++;
                    if (!compiled.Contains(type))
                    {
                        missing.Add(type + " (" + PortableDiscovery.Relative(NanoCheckPaths.RepoRoot, file) + ") not in " + assembly.Name);
                    }
                }
            }

            Assert.True(checkedTypes > 100, "only " + checkedTypes + " types found in the portable folders");
            Assert.True(missing.Count == 0, "Not compiled by the NanoCheck gate: " + string.Join(", ", missing));
        }

        /// <summary>
        /// One assembly holds at most 65,535 bytes of nanoCLR bytecode; the budget is 48,000 bytes
        /// of method-body IL per assembly (docs/portable-subset.md). Prints every assembly's figure.
        /// </summary>
        [Fact]
        public void PortableAssemblies_MethodBodyIl_WithinBudget()
        {
            var failures = new List<string>();
            _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,9} {2,12} {3,15} {4,15}",
                "assembly", "IL bytes", "of 48,000", "~bytecode (0.8)", "of 65,535"));
            foreach (PortableAssembly assembly in Compiled())
            {
                int il = IlBudget.MeasureIl(assembly.Image);
                _output.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-28} {1,9:N0} {2,12:P1} {3,15:N0} {4,15:P1}",
                    assembly.Name, il, IlBudget.BudgetShare(il), IlBudget.EstimatedBytecode(il), IlBudget.DeviceShare(il)));
                if (IlBudget.Check(assembly.Name, il) is string failure)
                {
                    failures.Add(failure);
                }
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        /// <summary>
        /// The compiled assemblies the rules apply to (portable and device code, not the reference
        /// declarations); fails (pointing at the compile test) if any did not compile.
        /// </summary>
        private static IReadOnlyList<PortableAssembly> Compiled()
        {
            string[] failed = Build.Assemblies.Where(a => !a.Success).Select(a => a.Name).ToArray();
            Assert.True(failed.Length == 0, "Not compiled for nanoFramework (see PortableAssemblies_CompileAgainstNanoMscorlibAndDeclaredReferences_NoErrors): "
                + string.Join(", ", failed));
            Assert.NotEmpty(Build.Assemblies);
            return Build.Inspected.ToArray();
        }

        // The uses of platform structs that PlatformValueTypes allows in device code are not violations.
        private static List<string> Violations(Func<NanoRule, bool> rules)
            => Compiled().SelectMany(a => Build.Inspect(a)
                    .Where(v => rules(v.Rule) && !(a.Project.Kind == ProjectKind.Device && PlatformValueTypes.IsAllowed(a.Name, v, PlatformValueTypes.Allowed)))
                    .Select(v => a.Name + ": " + v))
                .ToList();

        /// <summary>
        /// "T: n, ..." for each struct defined in the portable code, n being the violations that
        /// name it; the rest (mscorlib value types) as "other".
        /// </summary>
        private static string ByStruct(List<string> violations)
        {
            const string definition = ": ValueType: struct definition ";
            string[] structs = violations.Where(v => v.Contains(definition, StringComparison.Ordinal))
                .Select(v => v.Substring(v.IndexOf(definition, StringComparison.Ordinal) + definition.Length))
                .Distinct().OrderBy(t => t, StringComparer.Ordinal).ToArray();
            var counts = structs.Select(t => t + ": " + violations.Count(v => Regex.IsMatch(v, Regex.Escape(t) + @"(?![\w`+])"))).ToList();
            int other = violations.Count(v => !structs.Any(t => Regex.IsMatch(v, Regex.Escape(t) + @"(?![\w`+])")));
            if (other > 0)
            {
                counts.Add("other: " + other);
            }
            return string.Join(", ", counts);
        }

        private static IEnumerable<string> SourceFilesUnderSearchRoots()
        {
            foreach (string root in PortableDiscovery.SearchRoots)
            {
                string path = Path.Combine(NanoCheckPaths.RepoRoot, root);
                foreach (string file in Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories))
                {
                    string relative = PortableDiscovery.Relative(NanoCheckPaths.RepoRoot, file);
                    if (!relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal))
                    {
                        yield return file;
                    }
                }
            }
        }

        /// <summary>The folder (relative to the root) of the nearest .csproj or .nfproj above <paramref name="file"/>.</summary>
        private static string? ProjectFolderOf(string file)
        {
            for (DirectoryInfo? d = new FileInfo(file).Directory; d != null; d = d.Parent)
            {
                if (d.EnumerateFiles("*.csproj").Any() || d.EnumerateFiles("*.nfproj").Any())
                {
                    return PortableDiscovery.Relative(NanoCheckPaths.RepoRoot, d.FullName);
                }
            }
            return null;
        }

        private static HashSet<string> DefinedTypes(PortableAssembly assembly)
        {
            using var pe = new PEReader(assembly.Image);
            MetadataReader md = pe.GetMetadataReader();
            return md.TypeDefinitions.Select(h => NanoNames.Type(md, h)).ToHashSet(StringComparer.Ordinal);
        }

        private static IEnumerable<string> DeclaredTypes(string file)
        {
            SyntaxNode tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), NanoCompiler.ParseOptions).GetRoot();
            return tree.DescendantNodes()
                .Where(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                .Select(n => MetadataName((MemberDeclarationSyntax)n))
                .ToArray();
        }

        private static string MetadataName(MemberDeclarationSyntax type)
        {
            string name = type switch
            {
                TypeDeclarationSyntax t => t.Identifier.Text + Arity(t.TypeParameterList),
                DelegateDeclarationSyntax d => d.Identifier.Text + Arity(d.TypeParameterList),
                BaseTypeDeclarationSyntax b => b.Identifier.Text,
                _ => throw new ArgumentException(type.Kind().ToString()),
            };
            if (type.Parent is MemberDeclarationSyntax outer and (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax))
            {
                return MetadataName(outer) + "+" + name;
            }
            string ns = string.Join(".", type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private static string Arity(TypeParameterListSyntax? list) => list is null ? "" : "`" + list.Parameters.Count;
    }
}
