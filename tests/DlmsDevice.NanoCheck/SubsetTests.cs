using System;
using System.Collections.Generic;
using System.Linq;
using DlmsDevice.NanoCheck.Inspection;

namespace DlmsDevice.NanoCheck
{
    /// <summary>
    /// What nanoFramework.CoreLibrary 1.17.11's mscorlib accepts, checked rather than guessed:
    /// each row is compiled against it and, when it compiles, inspected by the gate. The tables
    /// are the evidence behind docs/portable-subset.md; keep the two in step.
    /// </summary>
    public class SubsetTests
    {
        private const string Usings = "using System; using System.Collections; using System.Threading; using System.Diagnostics;\n";

        private static NanoCompiler.Result CompileMember(string member)
            => NanoCompiler.Compile(Usings + "namespace N { public class S { " + member + " } }");

        /// <summary>Compiles against nano's mscorlib and passes the IL inspection.</summary>
        [Theory]
        [InlineData("static readonly byte[] literal (RuntimeHelpers.InitializeArray)", "static readonly byte[] X = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 };")]
        [InlineData("static readonly ushort[] literal", "static readonly ushort[] X = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18 };")]
        [InlineData("array collection expression", "static readonly byte[] X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];")]
        [InlineData("throw ArgumentException family", "public static void M(int x) { if (x < 0) throw new ArgumentException(\"x\"); if (x > 9) throw new ArgumentOutOfRangeException(\"x\"); throw new ArgumentNullException(\"x\"); }")]
        [InlineData("throw InvalidOperation/NotSupported", "public static void M(int x) { if (x < 0) throw new InvalidOperationException(); throw new NotSupportedException(); }")]
        [InlineData("ArgumentNullException.ThrowIfNull", "public static void M(object o) { ArgumentNullException.ThrowIfNull(o); }")]
        [InlineData("string.Format with string arguments", "public static string M(string a) { return string.Format(\"{0} {1}\", a, \"x\"); }")]
        [InlineData("enum: HasFlag-free flag test, cast to int", "[Flags] public enum E { A = 1, B = 2 } public static int M(E e) { return (e & E.B) != 0 ? (int)E.B : 0; }")]
        [InlineData("Array.Copy/Clear, IndexOf of an object", "public static int M(byte[] a, byte[] b, object[] o) { Array.Copy(a, 0, b, 0, 3); Array.Clear(b, 0, 2); return Array.IndexOf(o, \"x\"); }")]
        [InlineData("ArrayList of objects", "public static int M() { var l = new ArrayList(); l.Add(\"x\"); return ((string)l[0]).Length + l.Count; }")]
        [InlineData("init accessor", "public int W { get; init; }")]
        [InlineData("DateTime, TimeSpan (held inline by nanoCLR)", "static DateTime s_t; public static TimeSpan M(DateTime d, TimeSpan[] spans) { s_t = DateTime.UtcNow; TimeSpan t = TimeSpan.FromSeconds(1); return d - s_t + t + spans[0]; }")]
        [InlineData("enum fields, locals, parameters, returns, arrays", "public enum E : byte { A, B } static E s_e; public static E[] M(E e) { E local = e; s_e = local; return new[] { local, E.B }; }")]
        [InlineData("switch on string (ComputeStringHash)", "public static int M(string s) { switch (s) { case \"a\": return 1; case \"b\": return 2; case \"c\": return 3; case \"d\": return 4; case \"e\": return 5; case \"f\": return 6; case \"g\": return 7; default: return 0; } }")]
        [InlineData("string interpolation of strings (allocates: keep off the hot path)", "public static string M(string i) { return $\"a{i}b\"; }")]
        [InlineData("lock", "static readonly object L = new object(); public static void M() { lock (L) { } }")]
        [InlineData("field-like event with EventHandler", "public event EventHandler Changed; public void M() { if (Changed != null) Changed(this, EventArgs.Empty); }")]
        [InlineData("lambda to an own delegate", "public delegate int F(int x); public static F M(int k) { return x => x + k; }")]
        [InlineData("BitConverter", "public static long M(byte[] b, double d) { return BitConverter.ToInt32(b, 0) + BitConverter.DoubleToInt64Bits(d) + BitConverter.GetBytes(1.5f).Length; }")]
        [InlineData("foreach over an array, for over a string", "public static int M(byte[] a, string t) { int s = 0; foreach (byte b in a) s += b; for (int i = 0; i < t.Length; i++) s += t[i]; return s; }")]
        [InlineData("patterns and switch expressions", "public static int M(object o, int x) { if (o is int i) return i; if (o is not null) return 1; return x switch { 1 => 10, _ => 0 }; }")]
        [InlineData("out var, ref local, in parameter", "static bool T(out int v) { v = 1; return true; } public static int M(byte[] a, in int k) { ref byte r = ref a[0]; r = 5; return T(out var x) ? x + k : 0; }")]
        [InlineData("checked/unchecked long arithmetic", "public static long M(long a, int b) { return checked(a * b) + unchecked((uint)b); }")]
        [InlineData("extension method", "} public static class X { public static int Twice(this int a) { return 2 * a; } } public class T { public static int M() { return 3.Twice(); }")]
        [InlineData("Interlocked, Thread, Timer", "static int s; public static object M() { Interlocked.Increment(ref s); Thread.Sleep(0); return new Timer(o => { }, null, 0, 1000); }")]
        [InlineData("int.Parse/TryParse, ToString(\"X2\")", "public static string M(string s) { int v; return int.TryParse(s, out v) ? ((byte)int.Parse(s)).ToString(\"X2\") : null; }")]
        [InlineData("Debug.Assert/WriteLine, Console.WriteLine", "public static void M(int x) { Debug.Assert(x > 0); Debug.WriteLine(\"x\"); Console.WriteLine(\"x\"); }")]
        [InlineData("Convert base64/hex", "public static int M(byte[] b, string s) { return Convert.ToBase64String(b).Length + Convert.ToInt32(s, 16); }")]
        [InlineData("jagged array", "public static int M() { int[][] j = new int[2][]; j[0] = new int[3]; return j[0].Length; }")]
        public void NanoMscorlib_AllowedConstruct_CompilesAndPassesGate(string construct, string member)
        {
            NanoCompiler.Result result = CompileMember(member);

            Assert.True(result.Success, construct + ": " + string.Join(Environment.NewLine, result.Errors));
            IReadOnlyList<NanoViolation> violations = NanoInspector.Inspect(result.Image);
            Assert.True(violations.Count == 0, construct + ": " + string.Join(Environment.NewLine, violations));
        }

        /// <summary>
        /// Compiles against nano's mscorlib, passes every rule but boxing: each of these
        /// allocates a box on the device (the argument is object, or the call is made on a boxed
        /// enum). Boxing is forbidden in portable code.
        /// </summary>
        [Theory]
        [InlineData("string.Format with an int argument", "public static string M(int i) { return string.Format(\"{0}\", i); }", "box System.Int32")]
        [InlineData("ArrayList.Add of an int", "public static int M() { var l = new ArrayList(); l.Add(1); return l.Count; }", "box System.Int32")]
        [InlineData("Array.IndexOf with a byte (object parameter)", "public static int M(byte[] a) { return Array.IndexOf(a, (byte)1); }", "box System.Byte")]
        [InlineData("enum HasFlag", "[Flags] public enum E { A = 1, B = 2 } public static bool M(E e) { return e.HasFlag(E.B); }", "box N.S+E")]
        [InlineData("enum ToString (constrained call on the enum)", "public enum E { A } public static string M(E e) { return e.ToString(); }", "constrained. N.S+E callvirt System.Object::ToString (boxes at run time)")]
        [InlineData("int to object", "public static object M(int i) { return i; }", "box System.Int32")]
        [InlineData("string interpolation of an int (string.Format(string, object[]))", "public static string M(int i) { return $\"a{i}b\"; }", "box System.Int32")]
        [InlineData("foreach over a string (box + unbox.any per char against nano's String)", "public static int M(string t) { int s = 0; foreach (char c in t) s += c; return s; }", "box System.Char")]
        public void NanoMscorlib_BoxingConstruct_ReportsBoxing(string construct, string member, string expectedDetail)
        {
            NanoCompiler.Result result = CompileMember(member);

            Assert.True(result.Success, construct + ": " + string.Join(Environment.NewLine, result.Errors));
            IReadOnlyList<NanoViolation> violations = NanoInspector.Inspect(result.Image);
            Assert.True(violations.Count > 0 && violations.All(v => v.Rule == NanoRule.Boxing), construct + ": " + string.Join(Environment.NewLine, violations));
            Assert.Contains(violations, v => v.Detail == expectedDetail);
        }

        /// <summary>
        /// Compiles against nano's mscorlib, rejected by the value-type rule: nanoCLR puts each
        /// struct local and copy in a heap block. Only primitives, enums, DateTime and TimeSpan
        /// are held inline.
        /// </summary>
        [Theory]
        [InlineData("own struct", "public struct P { public int X; }", "N.S+P")]
        [InlineData("readonly struct", "public readonly struct R { public readonly int V; public R(int v) { V = v; } }", "N.S+R")]
        [InlineData("array of structs", "public struct P { public int X; } public static int M() { P[] p = new P[4]; return p[1].X; }", "N.S+P")]
        [InlineData("System.Guid", "public static int M() { return Guid.NewGuid().ToByteArray().Length; }", "System.Guid")]
        [InlineData("SpanByte (nanoFramework's own non-generic span, a struct)", "public static int M(byte[] a) { SpanByte s = a; return s.Length; }", "System.SpanByte")]
        [InlineData("typeof (RuntimeTypeHandle)", "public static Type M() { return typeof(S); }", "System.RuntimeTypeHandle")]
        [InlineData("SpinWait", "public static void M() { var w = new SpinWait(); w.SpinOnce(); }", "System.Threading.SpinWait")]
        public void NanoMscorlib_ValueType_ReportsValueType(string construct, string member, string expectedType)
        {
            NanoCompiler.Result result = CompileMember(member);

            Assert.True(result.Success, construct + ": " + string.Join(Environment.NewLine, result.Errors));
            IReadOnlyList<NanoViolation> violations = NanoInspector.Inspect(result.Image);
            Assert.True(violations.Any(v => v.Rule == NanoRule.ValueType && v.Detail.EndsWith(" " + expectedType, StringComparison.Ordinal)),
                construct + ": expected a ValueType report naming " + expectedType + "; got:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }

        /// <summary>Rejected already by the compiler: the API or compiler-required type is not in nano's mscorlib.</summary>
        [Theory]
        [InlineData("System.Math", "public static int M(int a, int b) { return Math.Max(a, b); }", "CS0103")]
        [InlineData("int? (Nullable<T>)", "public static int? M() { return null; }", "CS0518")]
        [InlineData("tuples (ValueTuple)", "public static (int, int) M() { return (1, 2); }", "CS8179")]
        [InlineData("record (IEquatable<T>, StringBuilder)", "public record R(int A);", "CS0518")]
        [InlineData("Span<T>", "public static int M(byte[] a) { Span<byte> s = a; return s.Length; }", "CS0246")]
        [InlineData("u8 literal (ReadOnlySpan<T>)", "public static int M() { return \"abc\"u8.Length; }", "CS0518")]
        [InlineData("range a[1..3]", "public static byte[] M(byte[] a) { return a[1..3]; }", "CS0518")]
        [InlineData("index from end a[^1]", "public static byte M(byte[] a) { return a[^1]; }", "CS0518")]
        [InlineData("async/Task", "public static async System.Threading.Tasks.Task M() { }", "CS0234")]
        [InlineData("yield (needs IEnumerator<T>)", "public static IEnumerable M() { yield return 1; }", "CS0518")]
        [InlineData("LINQ", "public static int M(int[] a) { return System.Linq.Enumerable.Count(a); }", "CS0234")]
        [InlineData("List<T> (System.Collections.Generic)", "public static object M() { return new System.Collections.Generic.List<int>(); }", "CS0234")]
        [InlineData("StringBuilder (System.Text is a separate nano package)", "public static string M() { return new System.Text.StringBuilder().ToString(); }", "CS0234")]
        [InlineData("Encoding.UTF8 (System.Text is a separate nano package)", "public static byte[] M(string s) { return System.Text.Encoding.UTF8.GetBytes(s); }", "CS0234")]
        [InlineData("Hashtable (nanoFramework.System.Collections package)", "public static object M() { return new Hashtable(); }", "CS0246")]
        [InlineData("Queue", "public static object M() { return new Queue(); }", "CS0246")]
        [InlineData("Buffer.BlockCopy", "public static void M(byte[] a, byte[] b) { Buffer.BlockCopy(a, 0, b, 0, 2); }", "CS0103")]
        [InlineData("Environment.TickCount", "public static int M() { return Environment.TickCount; }", "CS0103")]
        [InlineData("decimal", "public static decimal M() { return 1.5m; }", "CS0518")]
        [InlineData("Array.Empty<T>", "public static byte[] M() { return Array.Empty<byte>(); }", "CS0117")]
        [InlineData("Array.Sort", "public static void M(int[] a) { Array.Sort(a); }", "CS0117")]
        [InlineData("Array.Resize", "public static void M(ref int[] a) { Array.Resize(ref a, 4); }", "CS0117")]
        [InlineData("string.Join", "public static string M(string[] a) { return string.Join(\",\", a); }", "CS0117")]
        [InlineData("StringComparison", "public static bool M(string a, string b) { return string.Equals(a, b, StringComparison.Ordinal); }", "CS0103")]
        [InlineData("Enum.GetValues", "public enum E { A } public static Array M() { return Enum.GetValues(typeof(E)); }", "CS0117")]
        [InlineData("char.IsDigit", "public static bool M(char c) { return char.IsDigit(c); }", "CS0117")]
        [InlineData("GC.Collect", "public static void M() { GC.Collect(); }", "CS0117")]
        [InlineData("Stopwatch", "public static object M() { return new Stopwatch(); }", "CS0246")]
        [InlineData("ref readonly return (InAttribute)", "static int s; public static ref readonly int M() { return ref s; }", "CS0518")]
        [InlineData("required member", "public class P { public required int X { get; set; } }", "CS0656")]
        public void NanoMscorlib_MissingApi_DoesNotCompile(string construct, string member, string expectedError)
        {
            NanoCompiler.Result result = CompileMember(member);

            Assert.False(result.Success, construct + " compiled against nano's mscorlib");
            Assert.True(result.Errors.Any(e => e.Contains(expectedError + ":", StringComparison.Ordinal)),
                construct + ": expected " + expectedError + ", got " + string.Join(Environment.NewLine, result.Errors));
        }

        /// <summary>
        /// The control row: the same wrapper with a plain member compiles, so a failure above is
        /// the construct's and not the test harness's.
        /// </summary>
        [Fact]
        public void NanoMscorlib_PlainMember_Compiles()
        {
            Assert.True(CompileMember("public static int M(int a) { return a + 1; }").Success);
        }
    }
}
