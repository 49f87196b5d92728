using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace DlmsDevice.NanoCheck.Assemblies
{
    /// <summary>
    /// Finds the portable projects in the repository itself: every .csproj under firmware/ and
    /// hal/ that sets <c>&lt;DlmsPortable&gt;true&lt;/DlmsPortable&gt;</c>, with its assembly name,
    /// its ProjectReferences and its .cs files. A new portable project is picked up without
    /// editing the gate.
    /// </summary>
    public static class PortableDiscovery
    {
        /// <summary>The repository folders that hold projects, relative to the root.</summary>
        public static readonly string[] SearchRoots = { "firmware", "hal" };

        // The SDK features that would make the desktop build compile something other than
        // "every .cs file of the folder against the declared projects"; the gate does not model
        // them, so it refuses them rather than check the wrong thing.
        private static readonly string[] s_unsupportedItems = { "Compile", "Reference", "PackageReference", "COMReference", "Analyzer" };
        private static readonly string[] s_unsupportedProperties = { "EnableDefaultCompileItems", "DefaultItemExcludes", "DefineConstants", "TargetFrameworks" };

        /// <summary>The portable projects under <see cref="SearchRoots"/> of <paramref name="repoRoot"/>, in folder order.</summary>
        public static IReadOnlyList<PortableProject> Discover(string repoRoot)
        {
            var portable = new Dictionary<string, (string Name, XDocument Project)>(StringComparer.Ordinal);
            foreach (string csproj in ProjectFiles(repoRoot))
            {
                XDocument project = XDocument.Load(csproj);
                if (IsPortable(project))
                {
                    portable.Add(Path.GetFullPath(csproj), (AssemblyName(csproj, project), project));
                }
            }
            var projects = new List<PortableProject>();
            foreach (KeyValuePair<string, (string Name, XDocument Project)> entry in portable.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                string folder = Path.GetDirectoryName(entry.Key)!;
                var problems = new List<string>();
                var references = new List<string>();
                foreach (XElement reference in Elements(entry.Value.Project, "ProjectReference"))
                {
                    string include = ((string?)reference.Attribute("Include") ?? "").Replace('\\', '/');
                    string target = Path.GetFullPath(Path.Combine(folder, include));
                    if (portable.TryGetValue(target, out (string Name, XDocument Project) referenced))
                    {
                        references.Add(referenced.Name);
                    }
                    else
                    {
                        problems.Add("references " + include + ", which is not a portable project (no <DlmsPortable>true</DlmsPortable>)");
                    }
                }
                foreach (string item in s_unsupportedItems)
                {
                    foreach (XElement e in Elements(entry.Value.Project, item))
                    {
                        problems.Add("has <" + item + " " + string.Join(" ", e.Attributes().Select(a => a.ToString())) + ">: a portable assembly may reference only mscorlib and portable projects, and compiles all its .cs files");
                    }
                }
                foreach (string property in s_unsupportedProperties)
                {
                    if (Elements(entry.Value.Project, property).Any())
                    {
                        problems.Add("sets <" + property + ">, which the NanoCheck compile does not model");
                    }
                }
                if (Elements(entry.Value.Project, "AssemblyName").Any(e => e.Value.Contains("$(", StringComparison.Ordinal)))
                {
                    problems.Add("computes <AssemblyName> from properties; the NanoCheck compile needs a literal name");
                }
                if (entry.Value.Project.Root!.Elements().Any(e => e.Name.LocalName == "Import"))
                {
                    problems.Add("has an <Import>, which the NanoCheck compile does not model");
                }
                projects.Add(new PortableProject(entry.Value.Name, Relative(repoRoot, folder), references, Sources(repoRoot, folder), problems));
            }
            return projects;
        }

        /// <summary>Every .csproj under <see cref="SearchRoots"/>, obj/ and bin/ excluded.</summary>
        public static IEnumerable<string> ProjectFiles(string repoRoot)
        {
            foreach (string root in SearchRoots)
            {
                string path = Path.Combine(repoRoot, root);
                if (!Directory.Exists(path))
                {
                    continue;
                }
                foreach (string csproj in Directory.EnumerateFiles(path, "*.csproj", SearchOption.AllDirectories))
                {
                    string relative = Relative(repoRoot, csproj);
                    if (!relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal))
                    {
                        yield return csproj;
                    }
                }
            }
        }

        /// <summary>The .cs files the SDK compiles for a project in <paramref name="folder"/>: all of them but obj/ and bin/.</summary>
        public static IReadOnlyList<PortableSource> Sources(string repoRoot, string folder)
        {
            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f =>
                {
                    string inProject = Relative(folder, f);
                    return !inProject.StartsWith("obj/", StringComparison.Ordinal) && !inProject.StartsWith("bin/", StringComparison.Ordinal);
                })
                .Select(f => new PortableSource(Relative(repoRoot, f), File.ReadAllText(f)))
                .OrderBy(s => s.Path, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with '/' separators.</summary>
        public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

        private static bool IsPortable(XDocument project)
            => Elements(project, "DlmsPortable").Any(e => string.Equals(e.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase));

        private static string AssemblyName(string csproj, XDocument project)
        {
            // The SDK's default: the project file's name.
            XElement? name = Elements(project, "AssemblyName").LastOrDefault();
            return name is null || name.Value.Contains("$(", StringComparison.Ordinal)
                ? Path.GetFileNameWithoutExtension(csproj)
                : name.Value.Trim();
        }

        private static IEnumerable<XElement> Elements(XDocument project, string localName)
            => project.Descendants().Where(e => e.Name.LocalName == localName);
    }
}
