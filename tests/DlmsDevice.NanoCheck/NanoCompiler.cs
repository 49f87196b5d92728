using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// Compiles C# source with Roslyn against nanoFramework's mscorlib only, the way the
    /// Portable project does (no standard library, nullable off, unsafe allowed so that the
    /// IL inspection, not the compiler, is what rejects stackalloc and pointers).
    /// </summary>
    public static class NanoCompiler
    {
        private static readonly Lazy<MetadataReference> s_mscorlib =
            new Lazy<MetadataReference>(() => MetadataReference.CreateFromFile(NanoCheckPaths.NanoMscorlib));

        /// <summary>The result of one compilation: the image when it succeeded, the errors otherwise.</summary>
        public sealed record Result(ImmutableArray<byte> Image, IReadOnlyList<string> Errors)
        {
            /// <summary>True when the source compiled.</summary>
            public bool Success => Errors.Count == 0;

            /// <summary>The image as a reference for another compilation.</summary>
            public MetadataReference ToReference() => MetadataReference.CreateFromImage(Image);
        }

        /// <summary>Compiles <paramref name="source"/> into a library named <paramref name="assemblyName"/>.</summary>
        public static Result Compile(string source, string assemblyName = "NanoSample", params MetadataReference[] extraReferences)
        {
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true, nullableContextOptions: NullableContextOptions.Disable);
            CSharpCompilation compilation = CSharpCompilation.Create(assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" })) },
                new[] { s_mscorlib.Value }.Concat(extraReferences),
                options);
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(stream);
            string[] errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
            return new Result(emitted.Success ? stream.ToArray().ToImmutableArray() : ImmutableArray<byte>.Empty, errors);
        }
    }
}
