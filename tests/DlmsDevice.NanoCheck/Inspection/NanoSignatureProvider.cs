using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>
    /// A decoded type in a signature: its readable name and the first forbidden construct in it
    /// (null when the type is fine). Forbidden parts propagate outwards: <c>Action&lt;int&gt;[]</c>
    /// is a generic instantiation.
    /// </summary>
    public sealed record SigType(string Name, NanoRule? Rule)
    {
        internal SigType With(string name) => new SigType(name, Rule);
    }

    /// <summary>
    /// Decodes ECMA-335 signatures (fields, methods, locals, TypeSpecs) into <see cref="SigType"/>.
    /// With a <see cref="NanoTypeResolver"/> it also flags value types other than primitives,
    /// enums, DateTime and TimeSpan (<see cref="NanoRule.ValueType"/>).
    /// </summary>
    public sealed class NanoSignatureProvider : ISignatureTypeProvider<SigType, object?>
    {
        /// <summary>For readable names only: flags generics, arrays and pointers; resolves no value type.</summary>
        public static readonly NanoSignatureProvider NamesOnly = new NanoSignatureProvider(null);

        private readonly NanoTypeResolver? _resolver;

        /// <summary>A provider that classifies value types with <paramref name="resolver"/> (null: does not).</summary>
        public NanoSignatureProvider(NanoTypeResolver? resolver)
        {
            _resolver = resolver;
        }

        /// <summary>
        /// Every primitive is fine except TypedReference, a value type that nanoCLR does not
        /// hold inline.
        /// </summary>
        public SigType GetPrimitiveType(PrimitiveTypeCode typeCode)
            => new SigType(typeCode.ToString(), typeCode == PrimitiveTypeCode.TypedReference ? NanoRule.ValueType : null);

        /// <inheritdoc/>
        public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => Named(reader, handle, NanoNames.Type(reader, handle), rawTypeKind);

        /// <inheritdoc/>
        public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            => Named(reader, handle, NanoNames.Type(reader, handle), rawTypeKind);

        private SigType Named(MetadataReader reader, EntityHandle handle, string name, byte rawTypeKind)
        {
            // The signature says "valuetype" or "class"; only a value type needs resolving.
            bool isStruct = _resolver != null && rawTypeKind == (byte)SignatureTypeKind.ValueType
                && _resolver.Classify(reader, handle) == NanoTypeKind.Struct;
            return new SigType(name, isStruct ? NanoRule.ValueType : null);
        }

        /// <inheritdoc/>
        public SigType GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        /// <inheritdoc/>
        public SigType GetSZArrayType(SigType elementType) => elementType.With(elementType.Name + "[]");

        /// <inheritdoc/>
        public SigType GetArrayType(SigType elementType, ArrayShape shape)
            => new SigType(elementType.Name + "[" + new string(',', shape.Rank - 1) + "]", elementType.Rule ?? NanoRule.MultidimensionalArray);

        /// <inheritdoc/>
        public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments)
            => new SigType(genericType.Name + "<" + string.Join(",", typeArguments.Select(a => a.Name)) + ">", NanoRule.GenericInstantiation);

        /// <summary>
        /// A use of a type parameter is not flagged: it only occurs inside a generic definition
        /// (reported once, by the definition) or in the signature of a member of a generic
        /// instantiation (reported as that instantiation).
        /// </summary>
        public SigType GetGenericTypeParameter(object? genericContext, int index) => new SigType("!" + index, null);

        /// <inheritdoc cref="GetGenericTypeParameter"/>
        public SigType GetGenericMethodParameter(object? genericContext, int index) => new SigType("!!" + index, null);

        /// <inheritdoc/>
        public SigType GetByReferenceType(SigType elementType) => elementType.With(elementType.Name + "&");

        /// <inheritdoc/>
        public SigType GetPointerType(SigType elementType) => new SigType(elementType.Name + "*", elementType.Rule ?? NanoRule.Pointer);

        /// <inheritdoc/>
        public SigType GetFunctionPointerType(MethodSignature<SigType> signature)
            => new SigType("delegate*<" + string.Join(",", signature.ParameterTypes.Select(p => p.Name)) + "," + signature.ReturnType.Name + ">", NanoRule.Pointer);

        /// <inheritdoc/>
        public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired)
            => new SigType(unmodifiedType.Name, unmodifiedType.Rule ?? modifier.Rule);

        /// <inheritdoc/>
        public SigType GetPinnedType(SigType elementType) => new SigType(elementType.Name + " pinned", elementType.Rule ?? NanoRule.Pointer);
    }
}
