using System;
using System.Collections.Generic;
using System.Linq;
using DlmsDevice.NanoCheck.Inspection;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// Shows the gate really fails: samples compiled against the same nano mscorlib and put
    /// through the same inspection report each forbidden construct with its type/member.
    /// </summary>
    public class GateSelfTests
    {
        private static IReadOnlyList<NanoViolation> CompileAndInspect(string source, params Microsoft.CodeAnalysis.MetadataReference[] references)
        {
            NanoCompiler.Result result = NanoCompiler.Compile(source, "NanoSample", references);
            Assert.True(result.Success, "sample must compile against nano mscorlib: " + string.Join(Environment.NewLine, result.Errors));
            return NanoInspector.Inspect(result.Image);
        }

        private static void AssertReported(IReadOnlyList<NanoViolation> violations, string location, NanoRule rule)
        {
            Assert.True(violations.Any(v => v.Location == location && v.Rule == rule),
                "expected " + rule + " at " + location + "; got:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }

        /// <summary>The issue's sample: a generic class, an int[,] and a stackalloc, each reported.</summary>
        [Fact]
        public void Inspect_GenericClassMultiDimArrayStackalloc_ReportsEach()
        {
            const string source = @"
namespace Samples
{
    public class Box<T> { public T Value; }
    public class Grid { public int[,] Cells = new int[3, 4]; public int At(int x, int y) { return Cells[x, y]; } }
    public static class Scratch
    {
        public static unsafe int Sum(int n)
        {
            byte* buffer = stackalloc byte[16];
            int s = 0;
            for (int i = 0; i < n && i < 16; i++) { buffer[i] = (byte)i; s += buffer[i]; }
            return s;
        }
    }
}";
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(source);

            AssertReported(violations, "Samples.Box`1", NanoRule.GenericDefinition);
            AssertReported(violations, "Samples.Grid::Cells", NanoRule.MultidimensionalArray);
            AssertReported(violations, "Samples.Grid::At", NanoRule.MultidimensionalArray);
            AssertReported(violations, "Samples.Grid::.ctor", NanoRule.MultidimensionalArray);
            AssertReported(violations, "Samples.Scratch::Sum", NanoRule.Stackalloc);
            Assert.Contains(violations, v => v.Detail.Contains("Int32[,]", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("GenericMethod", "public static class S { public static T Id<T>(T x) { return x; } }",
            "S::Id", NanoRule.GenericDefinition)]
        [InlineData("GenericMethodCall", "public static class S { static T Id<T>(T x) { return x; } public static int Use() { return Id(5); } }",
            "S::Use", NanoRule.GenericInstantiation)]
        [InlineData("ActionOfInt", "public static class S { public static void Run() { System.Action<int> a = x => { }; a(1); } }",
            "S::Run", NanoRule.GenericInstantiation)]
        [InlineData("FieldOfGenericType", "public class S { public System.Func<int> F; }",
            "S::F", NanoRule.GenericInstantiation)]
        [InlineData("ParameterOfGenericType", "public class S { public void M(System.Action<byte> a) { } }",
            "S::M", NanoRule.GenericInstantiation)]
        [InlineData("GenericBaseType", "public class B<T> { } public class S : B<int> { }",
            "S", NanoRule.GenericInstantiation)]
        [InlineData("GenericDelegate", "public delegate T Maker<T>();",
            "Maker`1", NanoRule.GenericDefinition)]
        [InlineData("GenericEventHandler", "public class S { public event System.EventHandler<System.EventArgs> Changed; public void Fire() { Changed(this, null); } }",
            "S::Fire", NanoRule.GenericInstantiation)]
        [InlineData("JaggedIsFineButMultiDimLocal", "public static class S { public static int M() { int[,] g = new int[2, 2]; return g.Length; } }",
            "S::M", NanoRule.MultidimensionalArray)]
        [InlineData("MultiDimParameter", "public static class S { public static void M(byte[,,] cube) { } }",
            "S::M", NanoRule.MultidimensionalArray)]
        [InlineData("PointerField", "public unsafe class S { public byte* P; }",
            "S::P", NanoRule.Pointer)]
        [InlineData("FixedStatement", "public static class S { public static unsafe byte M(byte[] b) { fixed (byte* p = b) { return *p; } } }",
            "S::M", NanoRule.Pointer)]
        [InlineData("FunctionPointer", "public static unsafe class S { public static delegate*<int, int> F; }",
            "S::F", NanoRule.Pointer)]
        public void Inspect_ForbiddenConstruct_ReportsLocation(string name, string source, string location, NanoRule rule)
        {
            Assert.NotNull(name);
            AssertReported(CompileAndInspect(source), location, rule);
        }

        [Fact]
        public void Inspect_ReferenceToAnotherAssembly_ReportsForeignReference()
        {
            NanoCompiler.Result other = NanoCompiler.Compile("public class Helper { public static int One() { return 1; } }", "OtherLib");
            Assert.True(other.Success, string.Join(Environment.NewLine, other.Errors));

            IReadOnlyList<NanoViolation> violations = CompileAndInspect(
                "public static class S { public static int M() { return Helper.One(); } }", other.ToReference());

            Assert.Contains(new NanoViolation("<assembly>", NanoRule.ForeignReference, "references assembly OtherLib"), violations);
        }

        [Fact]
        public void Inspect_PInvoke_ReportsNativeModule()
        {
            // nano's mscorlib has no DllImportAttribute, so the sample declares one: the compiler
            // binds the pseudo-attribute by name and emits a real ModuleRef.
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(
                "namespace System.Runtime.InteropServices { public sealed class DllImportAttribute : System.Attribute { public DllImportAttribute(string dll) { } } }"
                + "public static class S { [System.Runtime.InteropServices.DllImport(\"libc\")] public static extern int getpid(); }");

            Assert.Contains(new NanoViolation("<assembly>", NanoRule.ForeignReference, "native module libc (P/Invoke)"), violations);
        }

        [Fact]
        public void Inspect_InternalCallExtern_NoViolation()
        {
            // InternalCall is how nanoFramework binds its native code: allowed.
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(
                "public static class S { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] public static extern int M(); }");

            Assert.Empty(violations);
        }

        /// <summary>
        /// The other half of "a test that cannot fail is a defect": ordinary portable-style code
        /// (the shapes the stack uses) passes the inspection, so the gate does not fail on noise.
        /// </summary>
        [Fact]
        public void Inspect_PortableStyleCode_NoViolations()
        {
            const string source = @"
using System;
using System.Collections;
namespace Samples
{
    public delegate void FrameHandler(byte[] buffer, int offset, int count);
    public enum Result { Ok, NeedMore, Bad }
    public struct Cursor { public int Offset; }
    public interface ISink { void Write(byte[] b, int o, int c); }
    public sealed class Codec : ISink
    {
        private static readonly byte[] s_table = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C };
        private readonly byte[] _rx = new byte[64];
        private readonly int[][] _jagged = new int[2][];
        private FrameHandler _handler;
        public event FrameHandler Received;
        public int Length { get; private set; }
        public Codec(FrameHandler handler) { if (handler == null) throw new ArgumentNullException(nameof(handler)); _handler = handler; }
        public void Write(byte[] b, int o, int c) { Array.Copy(b, o, _rx, 0, c); Length = c; _handler(_rx, 0, c); if (Received != null) Received(_rx, 0, c); }
        public Result Parse(string name, ref Cursor cursor, out int value)
        {
            value = 0;
            switch (name) { case ""a"": value = 1; break; case ""b"": value = 2; break; case ""c"": value = 3; break;
                            case ""d"": value = 4; break; case ""e"": value = 5; break; case ""f"": value = 6; break; case ""g"": value = 7; break; }
            foreach (byte b in s_table) { value += b; }
            cursor.Offset += 1;
            object boxed = value;
            if (boxed is int i && i > 0) { return Result.Ok; }
            return _jagged.Length > 0 ? Result.NeedMore : Result.Bad;
        }
        public static string Describe(Result r) { return ""result "" + r.ToString() + string.Format("" {0}"", (int)r); }
        public static int Count(ArrayList list) { int n = 0; foreach (object o in list) { n++; } lock (list) { n++; } return n; }
        public static FrameHandler Make(int k) { return (b, o, c) => { b[o] = (byte)k; }; }
    }
}";
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(source);

            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        }
    }
}
