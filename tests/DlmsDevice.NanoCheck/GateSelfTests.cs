using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DlmsDevice.NanoCheck.Assemblies;
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
    public sealed class Cursor { public int Offset; }
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
            object boxed = name;
            if (boxed is string s && s.Length > 0 && value > 0) { return Result.Ok; }
            return _jagged.Length > 0 ? Result.NeedMore : Result.Bad;
        }
        public static string Describe(Result r, DateTime at, TimeSpan age) { return ""result "" + (r == Result.Ok ? ""ok"" : ""not ok"") + string.Format("" {0}"", ""x"") + at.Ticks + age.Ticks; }
        public static int Count(ArrayList list) { int n = 0; foreach (object o in list) { n++; } lock (list) { n++; } return n; }
        public static FrameHandler Make(int k) { return (b, o, c) => { b[o] = (byte)k; }; }
    }
}";
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(source);

            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        }

        /// <summary>The probe struct of the value-type rule and one use of it per kind of place.</summary>
        private const string ProbeSource = @"
namespace Samples
{
    public struct Probe { public int X; }
    public class User
    {
        public Probe Field;
        public static int Local(int x) { Probe p = new Probe(); p.X = x; return p.X + x; }
        public static int Parameter(Probe p) { return p.X; }
        public static Probe Return() { return new Probe(); }
        public static object Box(Probe p) { return p; }
        public static Probe[] Array() { return new Probe[2]; }
    }
}";

        [Theory]
        [InlineData("Samples.Probe", "struct definition Samples.Probe")]
        [InlineData("Samples.User::Field", "field type Samples.Probe")]
        [InlineData("Samples.User::Local", "local of type Samples.Probe")]
        [InlineData("Samples.User::Parameter", "parameter type Samples.Probe")]
        [InlineData("Samples.User::Return", "return type Samples.Probe")]
        [InlineData("Samples.User::Box", "box Samples.Probe")]
        [InlineData("Samples.User::Array", "return type Samples.Probe[]")]
        [InlineData("Samples.User::Array", "newarr Samples.Probe")]
        public void Inspect_ProbeStruct_ReportsValueTypeWithTypeAndMember(string location, string detail)
        {
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(ProbeSource);

            Assert.Contains(new NanoViolation(location, NanoRule.ValueType, detail), violations);
        }

        [Fact]
        public void Inspect_BoxedProbeStruct_ReportsBoxing()
        {
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(ProbeSource);

            Assert.Contains(new NanoViolation("Samples.User::Box", NanoRule.Boxing, "box Samples.Probe"), violations);
        }

        [Fact]
        public void Inspect_BoxedPrimitiveAndEnum_ReportsBoxing()
        {
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(
                "public enum Mode { A, B } public static class S { public static object I(int i) { return i; } public static object E(Mode m) { return m; } }");

            Assert.Equal(new[]
            {
                new NanoViolation("S::I", NanoRule.Boxing, "box System.Int32"),
                new NanoViolation("S::E", NanoRule.Boxing, "box Mode"),
            }, violations);
        }

        /// <summary>
        /// The other side of the value-type rule: what nanoCLR holds inline passes, in every place
        /// the probe struct is rejected.
        /// </summary>
        [Fact]
        public void Inspect_EnumDateTimeTimeSpanPrimitives_NoViolation()
        {
            const string source = @"
using System;
namespace Samples
{
    public enum Mode : byte { Off, On }
    public class User
    {
        public Mode Field;
        public DateTime When;
        public TimeSpan Span;
        public double Ratio;
        public static Mode Local(Mode m) { Mode k = m; return k == Mode.On ? Mode.Off : k; }
        public static DateTime Time(DateTime t, TimeSpan s) { DateTime u = t + s; TimeSpan z = TimeSpan.FromSeconds(1); return u - z; }
        public static Mode[] Array() { return new Mode[2]; }
        public static TimeSpan[] Spans() { return new[] { TimeSpan.Zero, new TimeSpan(10) }; }
        public static long Primitives(bool b, char c, sbyte sb, byte y, short s, ushort us, int i, uint ui, long l, ulong ul, float f, double d)
        { return (b ? 1 : 0) + c + sb + y + s + us + i + ui + l + (long)ul + (long)f + (long)d; }
        public static DateTime Defaults() { DateTime d = default(DateTime); return d; }
    }
}";
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(source);

            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        }

        /// <summary>
        /// A struct and an enum defined in another portable assembly: the TypeRefs are resolved
        /// through its image, so the struct is rejected where it is used and the enum passes.
        /// </summary>
        [Fact]
        public void Inspect_StructAndEnumOfReferencedAssembly_ReportsOnlyTheStruct()
        {
            NanoCompiler.Result lib = NanoCompiler.Compile(
                "namespace Lib { public struct Obis { public byte A; public static Obis Make() { return new Obis(); } } public enum Kind { X, Y } public static class Api { public static Kind Get() { return Kind.Y; } } }",
                "ProbeLib");
            Assert.True(lib.Success, string.Join(Environment.NewLine, lib.Errors));
            NanoCompiler.Result app = NanoCompiler.Compile(
                "public static class App { public static int UseStruct() { return Lib.Obis.Make().A; } public static Lib.Kind UseEnum() { Lib.Kind k = Lib.Api.Get(); return k; } }",
                "ProbeApp", lib.ToReference());
            Assert.True(app.Success, string.Join(Environment.NewLine, app.Errors));

            IReadOnlyList<NanoViolation> violations = NanoInspector.Inspect(app.Image, NanoTypeResolver.MscorlibOnly.With(new[] { lib.Image }), new[] { "ProbeLib" });

            Assert.Contains(new NanoViolation("App::UseStruct", NanoRule.ValueType, "call Lib.Obis::Make"), violations);
            Assert.Contains(new NanoViolation("App::UseStruct", NanoRule.ValueType, "calls Lib.Obis::Make returning Lib.Obis"), violations);
            Assert.DoesNotContain(violations, v => v.Location == "App::UseEnum");
            Assert.DoesNotContain(violations, v => v.Rule == NanoRule.ForeignReference);
        }

        [Fact]
        public void Inspect_MscorlibValueType_ReportsValueType()
        {
            IReadOnlyList<NanoViolation> violations = CompileAndInspect(
                "public static class S { public static int M() { System.Guid g = System.Guid.NewGuid(); return g.ToByteArray().Length; } }");

            Assert.Contains(new NanoViolation("S::M", NanoRule.ValueType, "local of type System.Guid"), violations);
        }

        /// <summary>An assembly over the 48,000-byte IL budget fails, naming the assembly and its figure.</summary>
        [Fact]
        public void IlBudget_OversizedAssembly_FailsNamingTheAssembly()
        {
            // 350 methods of ~142 bytes of IL each: ~49,700 bytes, just over the budget.
            var source = new StringBuilder("public static class Big {");
            for (int m = 0; m < 350; m++)
            {
                source.Append(" public static int M").Append(m).Append("(int x) { int y = x;");
                for (int k = 0; k < 10; k++)
                {
                    source.Append(" y = y * ").Append(1000 + k).Append(" + (x ^ ").Append(2000 + m).Append(");");
                }
                source.Append(" return y; }");
            }
            source.Append(" }");
            NanoCompiler.Result result = NanoCompiler.Compile(source.ToString(), "Oversized");
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));

            int il = IlBudget.MeasureIl(result.Image);
            string? failure = IlBudget.Check("Oversized", il);

            Assert.InRange(il, IlBudget.MaxIlBytes + 1, IlBudget.MaxIlBytes + 10_000);
            Assert.NotNull(failure);
            Assert.StartsWith("Oversized: " + il.ToString("N0", CultureInfo.InvariantCulture) + " bytes of method-body IL", failure);
        }

        /// <summary>
        /// The control: a small assembly is within budget, and a method counts its IL code only.
        /// Both samples also hold the attribute classes the compiler embeds (RefSafetyRules,
        /// Embedded), which the device loads too; the difference is the one method.
        /// </summary>
        [Fact]
        public void IlBudget_SmallAssembly_PassesAndCountsOnlyIl()
        {
            NanoCompiler.Result empty = NanoCompiler.Compile("public static class S { }", "Small");
            NanoCompiler.Result result = NanoCompiler.Compile("public static class S { public static int M(int a) { return a + 1; } }", "Small");
            Assert.True(empty.Success && result.Success, string.Join(Environment.NewLine, empty.Errors.Concat(result.Errors)));

            int il = IlBudget.MeasureIl(result.Image);

            // ldarg.0, ldc.i4.1, add, ret: 4 bytes; the 1-byte tiny method header is not counted.
            Assert.Equal(4, il - IlBudget.MeasureIl(empty.Image));
            Assert.Null(IlBudget.Check("Small", il));
        }

        /// <summary>
        /// A portable assembly that uses one it does not declare does not compile, and the
        /// failure names it: the gate compiles each assembly against its declared references only.
        /// </summary>
        [Fact]
        public void PortableBuild_UndeclaredPortableReference_FailsNamingTheAssembly()
        {
            PortableProject lib = Project("SampleLib", "namespace SampleLib { public class Helper { public static int One() { return 1; } } }");
            PortableProject app = Project("SampleApp", "public static class App { public static int M() { return SampleLib.Helper.One(); } }");

            PortableBuild build = PortableBuild.Compile(new[] { app, lib });

            Assert.True(build["SampleLib"].Success);
            Assert.False(build["SampleApp"].Success);
            string failure = Assert.Single(build.CompileFailures());
            Assert.StartsWith("SampleApp (", failure);
            Assert.Contains("error CS0103: The name 'SampleLib' does not exist", failure);
        }

        /// <summary>The control: declared, the same reference compiles, after its dependency.</summary>
        [Fact]
        public void PortableBuild_DeclaredPortableReference_CompilesInDependencyOrder()
        {
            PortableProject lib = Project("SampleLib", "namespace SampleLib { public class Helper { public static int One() { return 1; } } }");
            PortableProject app = Project("ASampleApp", "public static class App { public static int M() { return SampleLib.Helper.One(); } }", "SampleLib");

            PortableBuild build = PortableBuild.Compile(new[] { app, lib });

            Assert.Empty(build.CompileFailures());
            Assert.Equal(new[] { "SampleLib", "ASampleApp" }, build.Assemblies.Select(a => a.Name));
            Assert.Empty(build.Inspect(build["ASampleApp"]));
        }

        /// <summary>
        /// At the IL level too: an image that references a portable assembly its project does not
        /// declare is a foreign reference, even though the resolver knows that assembly.
        /// </summary>
        [Fact]
        public void Inspect_ReferenceToUndeclaredPortableAssembly_ReportsForeignReference()
        {
            NanoCompiler.Result lib = NanoCompiler.Compile("namespace SampleLib { public class Helper { public static int One() { return 1; } } }", "SampleLib");
            NanoCompiler.Result app = NanoCompiler.Compile("public static class App { public static int M() { return SampleLib.Helper.One(); } }", "SampleApp", lib.ToReference());
            NanoTypeResolver resolver = NanoTypeResolver.MscorlibOnly.With(new[] { lib.Image });

            IReadOnlyList<NanoViolation> undeclared = NanoInspector.Inspect(app.Image, resolver, Array.Empty<string>());
            IReadOnlyList<NanoViolation> declared = NanoInspector.Inspect(app.Image, resolver, new[] { "SampleLib" });

            Assert.Equal(new[] { new NanoViolation("<assembly>", NanoRule.ForeignReference, "references assembly SampleLib") }, undeclared);
            Assert.Empty(declared);
        }

        private static PortableProject Project(string name, string source, params string[] references)
            => new PortableProject(name, "samples/" + name, references, new[] { new PortableSource("samples/" + name + "/Code.cs", source) }, Array.Empty<string>());
    }
}
