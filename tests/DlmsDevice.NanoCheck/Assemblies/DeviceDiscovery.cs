using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DlmsDevice.NanoCheck.Assemblies
{
    /// <summary>A package of a packages.config (or of the reference declarations' manifest).</summary>
    public sealed record NanoPackage(string Id, string Version);

    /// <summary>A reference-declaration assembly of tests/NanoReferenceDeclarations (References.xml).</summary>
    /// <param name="Name">The assembly name (and its folder's).</param>
    /// <param name="Package">The NuGet package that ships the real assembly.</param>
    /// <param name="References">Other declared assemblies it uses.</param>
    public sealed record NanoReferenceAssembly(string Name, NanoPackage Package, IReadOnlyList<string> References);

    /// <summary>An assembly reference of a .nfproj: its name and the HintPath into the packages folder.</summary>
    public sealed record NanoAssemblyReference(string Name, string HintPath);

    /// <summary>A nanoFramework project (.nfproj) as NanoCheck reads it.</summary>
    /// <param name="Path">The .nfproj, relative to the repository root.</param>
    /// <param name="Folder">Its folder, relative to the repository root.</param>
    /// <param name="AssemblyName">Its literal AssemblyName.</param>
    /// <param name="CompileFiles">The .cs files its Compile items select (wildcards resolved), relative to the root, ordinal order.</param>
    /// <param name="ProjectReferences">The .nfproj files it references, relative to the root.</param>
    /// <param name="References">Its assembly references.</param>
    /// <param name="Packages">Its packages.config.</param>
    /// <param name="Problems">What in the project the gate cannot honour or finds wrong.</param>
    public sealed record NanoProject(
        string Path,
        string Folder,
        string AssemblyName,
        IReadOnlyList<string> CompileFiles,
        IReadOnlyList<string> ProjectReferences,
        IReadOnlyList<NanoAssemblyReference> References,
        IReadOnlyList<NanoPackage> Packages,
        IReadOnlyList<string> Problems);

    /// <summary>
    /// Finds what NanoCheck compiles besides the portable .csproj projects: the reference
    /// declarations of the nanoFramework class libraries (tests/NanoReferenceDeclarations) and the
    /// device projects (.nfproj under firmware/ and hal/: the ESP32 HAL and Program). A device
    /// project's assembly references must each have reference declarations whose package and
    /// version its packages.config names; a .nfproj named after a portable assembly is that
    /// assembly's device build and is checked to compile the same sources, not compiled again.
    /// </summary>
    public static class DeviceDiscovery
    {
        /// <summary>The folder of the reference declarations, relative to the root.</summary>
        public const string ReferenceFolder = "tests/NanoReferenceDeclarations";

        /// <summary>Their manifest, in <see cref="ReferenceFolder"/>.</summary>
        public const string ManifestFile = "References.xml";

        /// <summary>The package whose mscorlib every compile uses, and its version.</summary>
        public static readonly NanoPackage CoreLibrary = new NanoPackage("nanoFramework.CoreLibrary", "1.17.11");

        /// <summary>The reference-declaration assemblies of <paramref name="repoRoot"/> (none without a manifest).</summary>
        public static IReadOnlyList<NanoReferenceAssembly> ReferenceAssemblies(string repoRoot)
        {
            string manifest = Path.Combine(repoRoot, ReferenceFolder, ManifestFile);
            if (!File.Exists(manifest))
            {
                return Array.Empty<NanoReferenceAssembly>();
            }
            return XDocument.Load(manifest).Root!.Elements("Assembly").Select(e => new NanoReferenceAssembly(
                (string)e.Attribute("Name")!,
                new NanoPackage((string)e.Attribute("Package")!, (string)e.Attribute("Version")!),
                ((string?)e.Attribute("References") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToArray();
        }

        /// <summary>Every .nfproj under firmware/ and hal/ (obj/ and bin/ excluded), read.</summary>
        public static IReadOnlyList<NanoProject> NanoProjects(string repoRoot)
        {
            var projects = new List<NanoProject>();
            foreach (string root in PortableDiscovery.SearchRoots)
            {
                string path = Path.Combine(repoRoot, root);
                if (!Directory.Exists(path))
                {
                    continue;
                }
                foreach (string file in Directory.EnumerateFiles(path, "*.nfproj", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    string relative = PortableDiscovery.Relative(repoRoot, file);
                    if (!relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal))
                    {
                        projects.Add(Read(repoRoot, file));
                    }
                }
            }
            return projects;
        }

        /// <summary>
        /// The projects NanoCheck compiles besides <paramref name="portable"/>: each reference
        /// declaration (<see cref="ProjectKind.ReferenceDeclaration"/>) and each device project
        /// (<see cref="ProjectKind.Device"/>), with their references as assembly names and the
        /// problems found in their project files.
        /// </summary>
        public static IReadOnlyList<PortableProject> Discover(string repoRoot, IReadOnlyList<PortableProject> portable)
        {
            var result = new List<PortableProject>();
            IReadOnlyList<NanoReferenceAssembly> declarations = ReferenceAssemblies(repoRoot);
            Dictionary<string, NanoReferenceAssembly> byName = declarations.ToDictionary(d => d.Name, StringComparer.Ordinal);
            foreach (NanoReferenceAssembly d in declarations)
            {
                string folder = ReferenceFolder + "/" + d.Name;
                string full = Path.Combine(repoRoot, folder);
                var problems = new List<string>();
                if (!Directory.Exists(full))
                {
                    problems.Add("has no folder " + folder);
                }
                problems.AddRange(d.References.Where(r => !byName.ContainsKey(r)).Select(r => "references " + r + ", which has no reference declarations"));
                IReadOnlyList<PortableSource> sources = Directory.Exists(full) ? PortableDiscovery.Sources(repoRoot, full) : Array.Empty<PortableSource>();
                result.Add(new PortableProject(d.Name, folder, d.References, sources, problems) { Kind = ProjectKind.ReferenceDeclaration });
            }

            HashSet<string> portableNames = portable.Select(p => p.AssemblyName).ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<NanoProject> nano = NanoProjects(repoRoot);
            Dictionary<string, NanoProject> byPath = nano.ToDictionary(p => p.Path, StringComparer.Ordinal);
            foreach (NanoProject project in nano.Where(p => !portableNames.Contains(p.AssemblyName)))
            {
                var problems = new List<string>(project.Problems);
                var references = new List<string>();
                foreach (string target in project.ProjectReferences)
                {
                    if (byPath.TryGetValue(target, out NanoProject? referenced))
                    {
                        references.Add(referenced.AssemblyName);
                    }
                    else
                    {
                        problems.Add("references " + target + ", which is not a .nfproj of the repository");
                    }
                }
                foreach (NanoAssemblyReference reference in project.References)
                {
                    if (reference.Name == "mscorlib")
                    {
                        CheckPackage(project, reference, CoreLibrary, problems);
                        continue;
                    }
                    if (!byName.TryGetValue(reference.Name, out NanoReferenceAssembly? declared))
                    {
                        problems.Add("references " + reference.Name + ", which has no reference declarations in " + ReferenceFolder);
                        continue;
                    }
                    references.Add(reference.Name);
                    CheckPackage(project, reference, declared.Package, problems);
                }
                if (!project.Packages.Contains(CoreLibrary))
                {
                    problems.Add("packages.config does not name " + CoreLibrary.Id + " " + CoreLibrary.Version + " (the mscorlib NanoCheck compiles against)");
                }
                // The device build compiles what the .nfproj lists: a .cs file of the folder that it
                // does not list would be checked by nobody.
                foreach (PortableSource unlisted in PortableDiscovery.Sources(repoRoot, Path.Combine(repoRoot, project.Folder))
                    .Where(s => !project.CompileFiles.Contains(s.Path, StringComparer.Ordinal)))
                {
                    problems.Add("does not compile " + unlisted.Path + " (not in its Compile items)");
                }
                IReadOnlyList<PortableSource> sources = project.CompileFiles
                    .Where(f => File.Exists(Path.Combine(repoRoot, f)))
                    .Select(f => new PortableSource(f, File.ReadAllText(Path.Combine(repoRoot, f)))).ToArray();
                result.Add(new PortableProject(project.AssemblyName, project.Folder, references, sources, problems) { Kind = ProjectKind.Device });
            }
            return result;
        }

        // The HintPath must point into packages\<id>.<version>\ of the package that ships the
        // assembly, and packages.config must name that id and version.
        private static void CheckPackage(NanoProject project, NanoAssemblyReference reference, NanoPackage package, List<string> problems)
        {
            string folder = package.Id + "." + package.Version;
            string hint = reference.HintPath.Replace('\\', '/');
            if (!hint.Contains("/packages/" + folder + "/lib/" + reference.Name + ".dll", StringComparison.Ordinal)
                && !hint.StartsWith("packages/" + folder + "/lib/" + reference.Name + ".dll", StringComparison.Ordinal))
            {
                problems.Add("references " + reference.Name + " from '" + reference.HintPath + "', not from packages\\" + folder + "\\lib");
            }
            if (!project.Packages.Contains(package))
            {
                problems.Add("packages.config does not name " + package.Id + " " + package.Version + " (the package of " + reference.Name + ")");
            }
        }

        private static NanoProject Read(string repoRoot, string file)
        {
            XDocument doc = XDocument.Load(file);
            string folder = Path.GetDirectoryName(file)!;
            var problems = new List<string>();
            string? name = Elements(doc, "AssemblyName").Select(e => e.Value.Trim()).LastOrDefault();
            if (string.IsNullOrEmpty(name) || name.Contains("$(", StringComparison.Ordinal))
            {
                problems.Add("has no literal <AssemblyName>");
                name = Path.GetFileNameWithoutExtension(file);
            }
            var compile = new SortedSet<string>(StringComparer.Ordinal);
            foreach (XElement item in Elements(doc, "Compile"))
            {
                string include = (string?)item.Attribute("Include") ?? "";
                string exclude = (string?)item.Attribute("Exclude") ?? "";
                IReadOnlyList<string> excluded = Patterns(exclude);
                foreach (string pattern in Patterns(include))
                {
                    IReadOnlyList<string> files = Resolve(folder, pattern);
                    if (files.Count == 0)
                    {
                        problems.Add("Compile '" + pattern + "' selects no file");
                    }
                    foreach (string f in files.Where(f => !excluded.Any(x => Matches(folder, x, f))))
                    {
                        compile.Add(PortableDiscovery.Relative(repoRoot, f));
                    }
                }
            }
            string[] projectReferences = Elements(doc, "ProjectReference")
                .Select(e => PortableDiscovery.Relative(repoRoot, Path.GetFullPath(Path.Combine(folder, ((string?)e.Attribute("Include") ?? "").Replace('\\', '/')))))
                .ToArray();
            NanoAssemblyReference[] references = Elements(doc, "Reference")
                .Select(e => new NanoAssemblyReference(
                    ((string?)e.Attribute("Include") ?? "").Split(',')[0].Trim(),
                    e.Elements().Where(h => h.Name.LocalName == "HintPath").Select(h => h.Value.Trim()).FirstOrDefault() ?? ""))
                .ToArray();
            var packages = new List<NanoPackage>();
            string config = Path.Combine(folder, "packages.config");
            if (File.Exists(config))
            {
                packages.AddRange(XDocument.Load(config).Root!.Elements("package")
                    .Select(p => new NanoPackage((string)p.Attribute("id")!, (string)p.Attribute("version")!)));
            }
            else
            {
                problems.Add("has no packages.config");
            }
            return new NanoProject(PortableDiscovery.Relative(repoRoot, file), PortableDiscovery.Relative(repoRoot, folder), name,
                compile.ToArray(), projectReferences, references, packages, problems);
        }

        private static IReadOnlyList<string> Patterns(string value)
            => value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Replace('\\', '/')).ToArray();

        // The .cs files a Compile pattern selects: a path, or a path with * in its last segment
        // and/or a **/ segment, relative to the project folder (MSBuild's wildcards).
        private static IReadOnlyList<string> Resolve(string folder, string pattern)
        {
            int wild = pattern.IndexOf('*');
            if (wild < 0)
            {
                string exact = Path.GetFullPath(Path.Combine(folder, pattern));
                return File.Exists(exact) ? new[] { exact } : Array.Empty<string>();
            }
            int slash = pattern.LastIndexOf('/', wild);
            string baseDir = Path.GetFullPath(Path.Combine(folder, slash < 0 ? "." : pattern.Substring(0, slash)));
            if (!Directory.Exists(baseDir))
            {
                return Array.Empty<string>();
            }
            return Directory.EnumerateFiles(baseDir, "*", SearchOption.AllDirectories)
                .Where(f => Matches(folder, pattern, f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        }

        private static bool Matches(string folder, string pattern, string file)
        {
            string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            string normalized = NormalizeDots(pattern);
            string regex = "^" + Regex.Escape(normalized).Replace(@"\*\*/", "(?:.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$";
            return Regex.IsMatch(NormalizeDots(relative), regex);
        }

        // a/b/../c -> a/c (both the pattern and the file, so they compare as written).
        private static string NormalizeDots(string path)
        {
            var parts = new List<string>();
            foreach (string part in path.Split('/'))
            {
                if (part == ".." && parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (part != ".")
                {
                    parts.Add(part);
                }
            }
            return string.Join("/", parts);
        }

        private static IEnumerable<XElement> Elements(XDocument project, string localName)
            => project.Descendants().Where(e => e.Name.LocalName == localName);
    }
}
