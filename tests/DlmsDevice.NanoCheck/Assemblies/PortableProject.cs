using System.Collections.Generic;

namespace DlmsDevice.NanoCheck.Assemblies
{
    /// <summary>One source file of a portable project: its path (for error messages) and its text.</summary>
    /// <param name="Path">Relative to the repository root, with '/' separators.</param>
    /// <param name="Text">The file's contents.</param>
    public sealed record PortableSource(string Path, string Text);

    /// <summary>
    /// A portable assembly as the device loads it: its name, the portable assemblies it declares
    /// (ProjectReferences), and its sources.
    /// </summary>
    /// <param name="AssemblyName">The assembly name (AssemblyName, else the .csproj file name).</param>
    /// <param name="Folder">The project folder, relative to the repository root, with '/' separators.</param>
    /// <param name="References">The assembly names of the portable projects it references.</param>
    /// <param name="Sources">Its .cs files (obj/ and bin/ excluded), in ordinal path order.</param>
    /// <param name="Problems">What in the .csproj the gate cannot honour (a package, a non-portable project, own Compile items): each one fails a test.</param>
    public sealed record PortableProject(
        string AssemblyName,
        string Folder,
        IReadOnlyList<string> References,
        IReadOnlyList<PortableSource> Sources,
        IReadOnlyList<string> Problems)
    {
        /// <summary>What the assembly is to the gate (default: a portable assembly).</summary>
        public ProjectKind Kind { get; init; } = ProjectKind.Portable;
    }

    /// <summary>The kinds of assemblies NanoCheck compiles against nano's mscorlib.</summary>
    public enum ProjectKind
    {
        /// <summary>A portable project (.csproj with DlmsPortable): every rule applies.</summary>
        Portable,

        /// <summary>
        /// Reference declarations of a nanoFramework class library (tests/NanoReferenceDeclarations):
        /// compiled so that device code can be, never inspected (they declare the platform's
        /// structs), never shipped.
        /// </summary>
        ReferenceDeclaration,

        /// <summary>
        /// Device code (.nfproj under firmware/ or hal/, e.g. the ESP32 HAL and Program): every rule
        /// applies; a platform struct of a reference declaration only where
        /// <see cref="Inspection.PlatformValueTypes"/> allows it.
        /// </summary>
        Device,
    }
}
