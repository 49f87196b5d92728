using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>How nanoCLR stores a type, which decides whether using it costs a heap allocation.</summary>
    public enum NanoTypeKind
    {
        /// <summary>A reference type (class, interface, delegate, array): allocated once, referenced after.</summary>
        Class,

        /// <summary>bool, char, the integers, float, double, IntPtr/UIntPtr: held inline by nanoCLR.</summary>
        Primitive,

        /// <summary>An enum: held inline as its underlying integer.</summary>
        Enum,

        /// <summary>System.DateTime or System.TimeSpan: nanoCLR stores them inline as 64-bit primitives.</summary>
        InlineStruct,

        /// <summary>
        /// What the compiler emits for an array literal (<c>static readonly byte[] X = { ... }</c>):
        /// the data layout structs nested in &lt;PrivateImplementationDetails&gt; and the
        /// System.RuntimeFieldHandle passed to RuntimeHelpers.InitializeArray. Never a value in
        /// our code; nanoFramework's array-literal initialization handles them.
        /// </summary>
        ArrayLiteralData,

        /// <summary>Any other value type: every local and every copy is a heap block on nanoCLR.</summary>
        Struct,

        /// <summary>The type's assembly is not known to the resolver (a foreign reference, reported as such).</summary>
        Unresolved,
    }

    /// <summary>
    /// Resolves TypeDefs and TypeRefs to their definitions in a set of assembly images (nano's
    /// mscorlib and the nano-compiled portable assemblies) to tell an enum, a primitive or
    /// DateTime/TimeSpan from a struct; a TypeRef alone does not say which it is. Safe to share
    /// between threads once built.
    /// </summary>
    public sealed class NanoTypeResolver
    {
        private static readonly HashSet<string> s_primitives = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.Boolean", "System.Char", "System.SByte", "System.Byte", "System.Int16", "System.UInt16",
            "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
            "System.IntPtr", "System.UIntPtr",
            // Only ever a method's "returns nothing"; never a value.
            "System.Void",
        };

        private static readonly HashSet<string> s_inlineStructs = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.DateTime", "System.TimeSpan",
        };

        // C# cannot name a type with angle brackets, so only the compiler makes these.
        private const string ArrayLiteralLayoutPrefix = "<PrivateImplementationDetails>+__StaticArrayInitTypeSize=";

        private static readonly Lazy<NanoTypeResolver> s_mscorlibOnly = new Lazy<NanoTypeResolver>(
            () => new NanoTypeResolver(new[] { ImmutableArray.Create(File.ReadAllBytes(NanoCheckPaths.NanoMscorlib)) }));

        // The readers stay open for the resolver's life: every MetadataReader points into one.
        private readonly List<PEReader> _readers = new List<PEReader>();
        private readonly Dictionary<string, MetadataReader> _assemblies = new Dictionary<string, MetadataReader>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<MetadataReader, Dictionary<string, TypeDefinitionHandle>> _topLevelTypes =
            new ConcurrentDictionary<MetadataReader, Dictionary<string, TypeDefinitionHandle>>();

        /// <summary>Builds a resolver over <paramref name="images"/>, keyed by their assembly names.</summary>
        public NanoTypeResolver(IEnumerable<ImmutableArray<byte>> images)
        {
            foreach (ImmutableArray<byte> image in images)
            {
                var pe = new PEReader(image);
                MetadataReader md = pe.GetMetadataReader();
                _readers.Add(pe);
                _assemblies[md.GetString(md.GetAssemblyDefinition().Name)] = md;
            }
        }

        /// <summary>A resolver that knows nano's mscorlib only (samples that reference nothing else).</summary>
        public static NanoTypeResolver MscorlibOnly => s_mscorlibOnly.Value;

        /// <summary>True when the resolver holds the assembly named <paramref name="assemblyName"/>.</summary>
        public bool Knows(string assemblyName) => _assemblies.ContainsKey(assemblyName);

        /// <summary>A resolver over this one's images plus <paramref name="more"/>.</summary>
        public NanoTypeResolver With(IEnumerable<ImmutableArray<byte>> more)
        {
            // The images are immutable: rebuilding from them is cheap and keeps this one untouched.
            IEnumerable<ImmutableArray<byte>> mine = _readers.Select(r => r.GetEntireImage().GetContent());
            return new NanoTypeResolver(mine.Concat(more));
        }

        /// <summary>
        /// Classifies a TypeDef or TypeRef of <paramref name="md"/> (the assembly being inspected).
        /// Throws when the type's assembly is known but the type is not in it: the gate must not
        /// guess.
        /// </summary>
        public NanoTypeKind Classify(MetadataReader md, EntityHandle handle)
        {
            if (!TryResolve(md, handle, out MetadataReader defReader, out TypeDefinitionHandle def))
            {
                return NanoTypeKind.Unresolved;
            }
            return ClassifyDefinition(defReader, def);
        }

        private static NanoTypeKind ClassifyDefinition(MetadataReader md, TypeDefinitionHandle handle)
        {
            string name = NanoNames.Type(md, handle);
            bool inMscorlib = md.GetString(md.GetAssemblyDefinition().Name) == NanoInspector.MscorlibName;
            EntityHandle baseType = md.GetTypeDefinition(handle).BaseType;
            string baseName = baseType.IsNil ? "" : NanoNames.AnyType(md, baseType);
            if (baseName == "System.Enum")
            {
                return NanoTypeKind.Enum;
            }
            if (baseName != "System.ValueType" || (inMscorlib && name == "System.Enum"))
            {
                return NanoTypeKind.Class;
            }
            if (inMscorlib && s_primitives.Contains(name))
            {
                return NanoTypeKind.Primitive;
            }
            if (inMscorlib && s_inlineStructs.Contains(name))
            {
                return NanoTypeKind.InlineStruct;
            }
            if ((inMscorlib && name == "System.RuntimeFieldHandle")
                || (name.StartsWith(ArrayLiteralLayoutPrefix, StringComparison.Ordinal) && !md.GetTypeDefinition(handle).GetDeclaringType().IsNil))
            {
                return NanoTypeKind.ArrayLiteralData;
            }
            return NanoTypeKind.Struct;
        }

        private bool TryResolve(MetadataReader md, EntityHandle handle, out MetadataReader defReader, out TypeDefinitionHandle def)
        {
            defReader = md;
            def = default;
            if (handle.Kind == HandleKind.TypeDefinition)
            {
                def = (TypeDefinitionHandle)handle;
                return true;
            }
            if (handle.Kind != HandleKind.TypeReference)
            {
                throw new ArgumentException("NanoCheck: not a TypeDef or TypeRef: " + handle.Kind, nameof(handle));
            }
            TypeReference r = md.GetTypeReference((TypeReferenceHandle)handle);
            string name = md.GetString(r.Name);
            switch (r.ResolutionScope.Kind)
            {
                case HandleKind.TypeReference:
                    // A nested type: find the outer one, then the nested type by name.
                    if (!TryResolve(md, r.ResolutionScope, out defReader, out TypeDefinitionHandle outer))
                    {
                        return false;
                    }
                    foreach (TypeDefinitionHandle nested in defReader.GetTypeDefinition(outer).GetNestedTypes())
                    {
                        if (defReader.GetString(defReader.GetTypeDefinition(nested).Name) == name)
                        {
                            def = nested;
                            return true;
                        }
                    }
                    throw new InvalidDataException("NanoCheck: nested type " + NanoNames.Type(md, (TypeReferenceHandle)handle) + " not found");
                case HandleKind.AssemblyReference:
                    string assembly = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)r.ResolutionScope).Name);
                    if (!_assemblies.TryGetValue(assembly, out MetadataReader? target))
                    {
                        return false;
                    }
                    defReader = target;
                    break;
                case HandleKind.ModuleDefinition:
                    break;
                default:
                    return false;
            }
            string fullName = NanoNames.Type(md, (TypeReferenceHandle)handle);
            if (TopLevelTypes(defReader).TryGetValue(fullName, out def))
            {
                return true;
            }
            throw new InvalidDataException("NanoCheck: type " + fullName + " not found in assembly "
                + defReader.GetString(defReader.GetAssemblyDefinition().Name) + " (a type forwarder?)");
        }

        private Dictionary<string, TypeDefinitionHandle> TopLevelTypes(MetadataReader md)
            => _topLevelTypes.GetOrAdd(md, m => m.TypeDefinitions
                .Where(h => m.GetTypeDefinition(h).GetDeclaringType().IsNil)
                .ToDictionary(h => NanoNames.Type(m, h), h => h, StringComparer.Ordinal));
    }
}
