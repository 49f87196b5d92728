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
    /// Compiles C# with Roslyn the way a nanoFramework project does: against nano's mscorlib (no
    /// desktop library at all), NANOFRAMEWORK_1_0 defined and not NET/NET10_0, nullable
    /// annotations off, optimized as a Release device image. Unsafe code is allowed so that the
    /// IL inspection, not the compiler, is what rejects stackalloc and pointers.
    /// </summary>
    public static class NanoCompiler
    {
        /// <summary>The symbols a nanoFramework 1.x project defines (Release: no DEBUG).</summary>
        public static readonly string[] PreprocessorSymbols = { "NANOFRAMEWORK_1_0" };

        /// <summary>How every source is parsed: the latest language, nanoFramework's symbols.</summary>
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols);

        private static readonly Lazy<MetadataReference> s_mscorlib =
            new Lazy<MetadataReference>(() => MetadataReference.CreateFromFile(NanoCheckPaths.NanoMscorlib));

        /// <summary>nano's mscorlib.dll as a reference.</summary>
        public static MetadataReference Mscorlib => s_mscorlib.Value;

        /// <summary>The result of one compilation: the image when it succeeded, the errors otherwise.</summary>
        public sealed record Result(ImmutableArray<byte> Image, IReadOnlyList<string> Errors)
        {
            /// <summary>True when the source compiled.</summary>
            public bool Success => Errors.Count == 0;

            /// <summary>The image as a reference for another compilation.</summary>
            public MetadataReference ToReference() => MetadataReference.CreateFromImage(Image);
        }

        /// <summary>Compiles one sample <paramref name="source"/> into a library named <paramref name="assemblyName"/>.</summary>
        public static Result Compile(string source, string assemblyName = "NanoSample", params MetadataReference[] extraReferences)
            => Compile(assemblyName, new[] { CSharpSyntaxTree.ParseText(source, ParseOptions) }, extraReferences, warningsAsErrors: false);

        /// <summary>
        /// Compiles <paramref name="trees"/> into a library named <paramref name="assemblyName"/>
        /// against nano's mscorlib and <paramref name="references"/>. With
        /// <paramref name="warningsAsErrors"/> a warning fails the compile, as in the repository's
        /// build (TreatWarningsAsErrors, warning level of net10.0).
        /// </summary>
        public static Result Compile(string assemblyName, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references, bool warningsAsErrors)
        {
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Disable,
                optimizationLevel: OptimizationLevel.Release,
                deterministic: true,
                warningLevel: warningsAsErrors ? 10 : 4,
                generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default);
            CSharpCompilation compilation = CSharpCompilation.Create(assemblyName, trees, new[] { Mscorlib }.Concat(references), options);
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(stream);
            string[] errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
            return new Result(emitted.Success ? stream.ToArray().ToImmutableArray() : ImmutableArray<byte>.Empty, errors);
        }
    }
}
