using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DlmsDevice.NanoCheck.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// THE GATE. The portable sources, compiled against nanoFramework's mscorlib by
    /// Portable/DlmsDevice.NanoCheck.Portable.csproj (a compile error there already fails the
    /// build), must contain nothing nanoFramework 1.x cannot run.
    /// </summary>
    public class PortableGateTests
    {
        [Fact]
        public void PortableAssembly_NanoSubsetOnly_NoViolations()
        {
            IReadOnlyList<NanoViolation> violations = NanoInspector.Inspect(NanoCheckPaths.PortableAssembly);

            Assert.True(violations.Count == 0,
                "Portable code uses constructs nanoFramework 1.x cannot run (docs/portable-subset.md):"
                + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }

        [Fact]
        public void PortableAssembly_References_OnlyNanoMscorlib()
        {
            using var pe = new PEReader(File.OpenRead(NanoCheckPaths.PortableAssembly));
            MetadataReader md = pe.GetMetadataReader();

            string[] references = md.AssemblyReferences
                .Select(h => md.GetAssemblyReference(h))
                .Select(r => md.GetString(r.Name) + " " + r.Version)
                .ToArray();

            // nanoFramework.CoreLibrary 1.17.11 is mscorlib 1.17.11.0: proves the compile used it
            // and not a desktop reference assembly.
            Assert.Equal(new[] { "mscorlib 1.17.11.0" }, references);
        }

        /// <summary>
        /// The gate is only as good as its globs: every type declared in the portable folders
        /// (as the nano build sees them: NANOFRAMEWORK_1_0 defined) is in the checked assembly.
        /// </summary>
        [Fact]
        public void PortableAssembly_HoldsEveryTypeDeclaredInThePortableFolders()
        {
            HashSet<string> compiled = DefinedTypes(NanoCheckPaths.PortableAssembly);
            List<string> declared = DeclaredTypes();

            Assert.Contains("DlmsDevice.Stack.IByteSink", declared);
            Assert.Contains("DlmsDevice.Hal.IByteChannel", declared);
            string[] missing = declared.Where(t => !compiled.Contains(t)).ToArray();
            Assert.True(missing.Length == 0, "Not compiled by the NanoCheck gate: " + string.Join(", ", missing));
        }

        private static HashSet<string> DefinedTypes(string path)
        {
            using var pe = new PEReader(File.OpenRead(path));
            MetadataReader md = pe.GetMetadataReader();
            return md.TypeDefinitions.Select(h => NanoNames.Type(md, h)).ToHashSet(StringComparer.Ordinal);
        }

        private static List<string> DeclaredTypes()
        {
            var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
            var names = new List<string>();
            foreach (string folder in NanoCheckPaths.PortableFolders)
            {
                string root = Path.Combine(NanoCheckPaths.RepoRoot, folder);
                if (!Directory.Exists(root))
                {
                    continue;
                }
                foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                    if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    SyntaxNode tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), options).GetRoot();
                    foreach (MemberDeclarationSyntax type in tree.DescendantNodes().Where(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax))
                    {
                        names.Add(MetadataName(type));
                    }
                }
            }
            return names;
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
