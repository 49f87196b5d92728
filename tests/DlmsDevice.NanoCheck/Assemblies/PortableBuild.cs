using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DlmsDevice.NanoCheck.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DlmsDevice.NanoCheck.Assemblies
{
    /// <summary>One portable assembly compiled for nanoFramework: the image, or why there is none.</summary>
    public sealed class PortableAssembly
    {
        internal PortableAssembly(PortableProject project, ImmutableArray<byte> image, IReadOnlyList<string> errors)
        {
            Project = project;
            Image = image;
            Errors = errors;
        }

        /// <summary>The project it was compiled from.</summary>
        public PortableProject Project { get; }

        /// <summary>The assembly name.</summary>
        public string Name => Project.AssemblyName;

        /// <summary>The compiled image (empty when the compile failed).</summary>
        public ImmutableArray<byte> Image { get; }

        /// <summary>The compiler's errors (warnings count as errors), or why it was not compiled.</summary>
        public IReadOnlyList<string> Errors { get; }

        /// <summary>True when the image exists.</summary>
        public bool Success => Errors.Count == 0;

        /// <inheritdoc/>
        public override string ToString() => Name;
    }

    /// <summary>
    /// Compiles each portable assembly on its own, as the device loads them: in dependency order,
    /// against nano's mscorlib plus the nano-compiled images of the portable assemblies it
    /// declares, and nothing else.
    /// </summary>
    public sealed class PortableBuild
    {
        // The repository is compiled once per test run, on first use, and shared by every test:
        // the portable projects, then the reference declarations and the device projects.
        private static readonly Lazy<PortableBuild> s_repository = new Lazy<PortableBuild>(() =>
        {
            IReadOnlyList<PortableProject> portable = PortableDiscovery.Discover(NanoCheckPaths.RepoRoot);
            return Compile(portable.Concat(DeviceDiscovery.Discover(NanoCheckPaths.RepoRoot, portable)).ToArray());
        });

        private PortableBuild(IReadOnlyList<PortableAssembly> assemblies, NanoTypeResolver resolver)
        {
            Assemblies = assemblies;
            Resolver = resolver;
        }

        /// <summary>The repository's portable assemblies, compiled on first use.</summary>
        public static PortableBuild Repository => s_repository.Value;

        /// <summary>Every assembly, in dependency order (a referenced assembly before its users).</summary>
        public IReadOnlyList<PortableAssembly> Assemblies { get; }

        /// <summary>Resolves types in nano's mscorlib and in every image compiled here.</summary>
        public NanoTypeResolver Resolver { get; }

        /// <summary>
        /// Compiles <paramref name="projects"/> in dependency order. An assembly whose dependency
        /// failed, or that sits on a reference cycle, is not compiled, and says why.
        /// </summary>
        public static PortableBuild Compile(IReadOnlyList<PortableProject> projects)
        {
            var done = new Dictionary<string, PortableAssembly>(StringComparer.Ordinal);
            var ordered = new List<PortableAssembly>();
            var names = new HashSet<string>(projects.Select(p => p.AssemblyName), StringComparer.Ordinal);
            var pending = projects.OrderBy(p => p.AssemblyName, StringComparer.Ordinal).ToList();
            while (pending.Count > 0)
            {
                // Kahn's order; ties by name, so the order (and the table printed) is stable.
                PortableProject? next = pending.FirstOrDefault(p => p.References.All(r => done.ContainsKey(r) || !names.Contains(r)));
                if (next is null)
                {
                    foreach (PortableProject p in pending)
                    {
                        ordered.Add(new PortableAssembly(p, ImmutableArray<byte>.Empty,
                            new[] { "not compiled: on a ProjectReference cycle with " + string.Join(", ", pending.Select(q => q.AssemblyName)) }));
                    }
                    break;
                }
                pending.Remove(next);
                PortableAssembly assembly = CompileOne(next, done);
                done.Add(next.AssemblyName, assembly);
                ordered.Add(assembly);
            }
            NanoTypeResolver resolver = NanoTypeResolver.MscorlibOnly.With(ordered.Where(a => a.Success).Select(a => a.Image));
            return new PortableBuild(ordered, resolver);
        }

        /// <summary>
        /// One entry per assembly that did not compile: its name, its error count and every
        /// error (file, line, code), as the gate reports them.
        /// </summary>
        public IReadOnlyList<string> CompileFailures()
            => Assemblies.Where(a => !a.Success)
                .Select(a => a.Name + " (" + a.Errors.Count + " errors):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", a.Errors))
                .ToArray();

        /// <summary>The assemblies the rules apply to: every one but the reference declarations.</summary>
        public IEnumerable<PortableAssembly> Inspected => Assemblies.Where(a => a.Project.Kind != ProjectKind.ReferenceDeclaration);

        /// <summary>
        /// Inspects <paramref name="assembly"/>'s image: it may reference mscorlib and the
        /// assemblies its project declares, nothing else.
        /// </summary>
        public IReadOnlyList<NanoViolation> Inspect(PortableAssembly assembly)
        {
            if (!assembly.Success)
            {
                throw new InvalidOperationException("NanoCheck: " + assembly.Name + " did not compile: " + string.Join(Environment.NewLine, assembly.Errors));
            }
            return NanoInspector.Inspect(assembly.Image, Resolver, assembly.Project.References);
        }

        /// <summary>The assembly named <paramref name="name"/>.</summary>
        public PortableAssembly this[string name] => Assemblies.Single(a => a.Name == name);

        private static PortableAssembly CompileOne(PortableProject project, Dictionary<string, PortableAssembly> done)
        {
            var references = new List<MetadataReference>();
            var missing = new List<string>();
            foreach (string name in project.References)
            {
                if (done.TryGetValue(name, out PortableAssembly? dependency) && dependency.Success)
                {
                    references.Add(MetadataReference.CreateFromImage(dependency.Image));
                }
                else
                {
                    missing.Add(name);
                }
            }
            if (missing.Count > 0)
            {
                return new PortableAssembly(project, ImmutableArray<byte>.Empty,
                    new[] { "not compiled: its dependencies " + string.Join(", ", missing) + " are missing or did not compile" });
            }
            IEnumerable<SyntaxTree> trees = project.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, NanoCompiler.ParseOptions, s.Path));
            NanoCompiler.Result result = NanoCompiler.Compile(project.AssemblyName, trees, references, warningsAsErrors: true);
            return new PortableAssembly(project, result.Image, result.Errors);
        }
    }
}
