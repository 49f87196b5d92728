namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>The construct a violation is about (docs/portable-subset.md lists them).</summary>
    public enum NanoRule
    {
        /// <summary>A generic type or method definition (class Box&lt;T&gt;, void M&lt;T&gt;()).</summary>
        GenericDefinition,

        /// <summary>A generic instantiation: a TypeSpec (Action&lt;int&gt;) or a MethodSpec (M&lt;int&gt;()).</summary>
        GenericInstantiation,

        /// <summary>A multidimensional array (int[,]).</summary>
        MultidimensionalArray,

        /// <summary>The localloc opcode (stackalloc).</summary>
        Stackalloc,

        /// <summary>Unsafe code: pointer or function pointer types, pinned locals (fixed), calli.</summary>
        Pointer,

        /// <summary>
        /// A reference to an assembly other than mscorlib and the portable assemblies the
        /// project declares, or a native module (P/Invoke).
        /// </summary>
        ForeignReference,

        /// <summary>
        /// A user-defined struct, or any value type other than a primitive, an enum, DateTime and
        /// TimeSpan: its definition, or its use in a signature, a local or an IL operand. nanoCLR
        /// puts every struct local and every struct copy in a heap block.
        /// </summary>
        ValueType,

        /// <summary>
        /// The box opcode, of any value type (primitives and enums too): a heap allocation on the
        /// device that the desktop JIT sometimes removes, so desktop allocation tests miss it.
        /// </summary>
        Boxing,
    }

    /// <summary>One construct found in the inspected assembly that nanoFramework 1.x cannot run.</summary>
    /// <param name="Location">Where: <c>Namespace.Type::Member</c>, a type name, or &lt;assembly&gt;/&lt;metadata&gt;.</param>
    /// <param name="Rule">What kind of construct.</param>
    /// <param name="Detail">The offending type or member, as readable text.</param>
    public sealed record NanoViolation(string Location, NanoRule Rule, string Detail)
    {
        /// <inheritdoc/>
        public override string ToString() => Location + ": " + Rule + ": " + Detail;
    }
}
