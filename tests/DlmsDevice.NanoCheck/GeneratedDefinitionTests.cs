using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.NanoCheck.Assemblies;
using DlmsDevice.NanoCheck.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// The code the meter definition generator writes for a device is portable: generated for a
    /// definition with every kind of element (static values of each scalar type, two logical
    /// devices, an inline key, a profile column outside the engine), it compiles against nano's
    /// mscorlib and the nano-compiled portable assemblies with warnings as errors, and the IL
    /// passes every rule of the gate. (The default meter's generated code is part of
    /// DlmsDevice.Meter, checked with the repository.)
    /// </summary>
    public class GeneratedDefinitionTests
    {
        private static readonly string[] s_references = { "DlmsDevice.Hal", "DlmsDevice.Stack", "DlmsDevice.Stack.Cosem", "DlmsDevice.Meter" };

        [Fact]
        public void GeneratedCode_RichDefinition_CompilesForNanoAndPassesTheGate()
        {
            string definition = Path.Combine(NanoCheckPaths.RepoRoot, "tests", "DlmsDevice.Tests", "MeterDefinitions", "rich-meter.json");
            string code = MeterDefinitionFile.Load(definition, resolveSecrets: false).Generate("Generated", "RichTestMeterDefinition", "rich-meter.json");
            PortableBuild build = PortableBuild.Repository;
            IEnumerable<MetadataReference> references = s_references.Select(name => (MetadataReference)MetadataReference.CreateFromImage(build[name].Image));
            NanoCompiler.Result result = NanoCompiler.Compile("GeneratedMeter", new[] { CSharpSyntaxTree.ParseText(code, NanoCompiler.ParseOptions) }, references, warningsAsErrors: true);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors) + Environment.NewLine + code);
            IReadOnlyList<NanoViolation> violations = NanoInspector.Inspect(result.Image, build.Resolver, s_references);
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
            // The code has what the definition has: the point is that each kind compiled.
            Assert.Contains("MeterModelBuilder.Float(DataType.Float32, 1.5)", code, StringComparison.Ordinal);
            Assert.Contains("MeterModelBuilder.Text(DataType.VisibleString, \"Hall \\\"B\\\" \\\\ 2\", 20)", code, StringComparison.Ordinal);
            Assert.Contains("b.LogicalDevice(2, \"RCH second device\", false, 4)", code, StringComparison.Ordinal);
            Assert.Contains("loadLayout.Add(temperature, Register.Attributes.Value, 0);", code, StringComparison.Ordinal);
        }
    }
}
