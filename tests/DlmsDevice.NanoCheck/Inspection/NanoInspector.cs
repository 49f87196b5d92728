using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>
    /// Opens a compiled assembly with System.Reflection.Metadata and lists every construct that
    /// nanoFramework 1.x cannot run, or runs only at a hidden heap cost: generic definitions and
    /// instantiations, multidimensional arrays, localloc (stackalloc), pointers, references to
    /// assemblies the project does not declare, value types other than primitives, enums,
    /// DateTime and TimeSpan, and boxing. Each violation names the type or member it was found in.
    /// </summary>
    public static class NanoInspector
    {
        /// <summary>The name of nano's core library, the one assembly every portable assembly may reference.</summary>
        public const string MscorlibName = "mscorlib";

        /// <summary>
        /// Inspects a sample that references nano's mscorlib only (any other reference is a
        /// <see cref="NanoRule.ForeignReference"/>).
        /// </summary>
        public static IReadOnlyList<NanoViolation> Inspect(ImmutableArray<byte> image)
            => Inspect(image, NanoTypeResolver.MscorlibOnly, Array.Empty<string>());

        /// <summary>
        /// Inspects <paramref name="image"/>, which may reference mscorlib and the assemblies named
        /// in <paramref name="allowedReferences"/>; <paramref name="resolver"/> must know all of them
        /// so that no value type goes unclassified.
        /// </summary>
        public static IReadOnlyList<NanoViolation> Inspect(ImmutableArray<byte> image, NanoTypeResolver resolver, IEnumerable<string> allowedReferences)
        {
            var allowed = new HashSet<string>(allowedReferences, StringComparer.Ordinal) { MscorlibName };
            string[] unknown = allowed.Where(a => !resolver.Knows(a)).ToArray();
            if (unknown.Length > 0)
            {
                throw new ArgumentException("NanoCheck: the resolver lacks allowed assemblies: " + string.Join(", ", unknown), nameof(resolver));
            }
            using var pe = new PEReader(image);
            return new Walker(pe, resolver, allowed).Run();
        }

        /// <summary>One pass over the metadata tables and every method body.</summary>
        private sealed class Walker
        {
            private static readonly ushort s_box = unchecked((ushort)OpCodes.Box.Value);
            private static readonly ushort s_localloc = unchecked((ushort)OpCodes.Localloc.Value);
            private static readonly ushort s_constrained = unchecked((ushort)OpCodes.Constrained.Value);
            private static readonly ushort s_callvirt = unchecked((ushort)OpCodes.Callvirt.Value);

            private readonly PEReader _pe;
            private readonly MetadataReader _md;
            private readonly NanoTypeResolver _resolver;
            private readonly NanoSignatureProvider _signatures;
            private readonly HashSet<string> _allowed;
            private readonly List<NanoViolation> _found = new List<NanoViolation>();
            private readonly HashSet<NanoViolation> _seen = new HashSet<NanoViolation>();
            private readonly HashSet<TypeSpecificationHandle> _reportedSpecs = new HashSet<TypeSpecificationHandle>();
            private readonly HashSet<MethodSpecificationHandle> _reportedMethodSpecs = new HashSet<MethodSpecificationHandle>();
            private readonly Dictionary<EntityHandle, NanoTypeKind> _kinds = new Dictionary<EntityHandle, NanoTypeKind>();
            private TypeDefinitionHandle _currentType;

            public Walker(PEReader pe, NanoTypeResolver resolver, HashSet<string> allowed)
            {
                _pe = pe;
                _md = pe.GetMetadataReader();
                _resolver = resolver;
                _signatures = new NanoSignatureProvider(resolver);
                _allowed = allowed;
            }

            public IReadOnlyList<NanoViolation> Run()
            {
                CheckReferences();
                foreach (TypeDefinitionHandle type in _md.TypeDefinitions)
                {
                    CheckType(type);
                }
                SweepSpecifications();
                return _found;
            }

            private void Report(string location, NanoRule rule, string detail)
            {
                var v = new NanoViolation(location, rule, detail);
                if (_seen.Add(v))
                {
                    _found.Add(v);
                }
            }

            private void CheckReferences()
            {
                foreach (AssemblyReferenceHandle h in _md.AssemblyReferences)
                {
                    string name = _md.GetString(_md.GetAssemblyReference(h).Name);
                    if (!_allowed.Contains(name))
                    {
                        Report("<assembly>", NanoRule.ForeignReference, "references assembly " + name);
                    }
                }
                for (int row = 1; row <= _md.GetTableRowCount(TableIndex.ModuleRef); row++)
                {
                    ModuleReference m = _md.GetModuleReference(MetadataTokens.ModuleReferenceHandle(row));
                    Report("<assembly>", NanoRule.ForeignReference, "native module " + _md.GetString(m.Name) + " (P/Invoke)");
                }
            }

            /// <summary>The kind of a TypeDef or TypeRef of the inspected assembly (cached).</summary>
            private NanoTypeKind Kind(EntityHandle handle)
            {
                if (!_kinds.TryGetValue(handle, out NanoTypeKind kind))
                {
                    kind = _resolver.Classify(_md, handle);
                    _kinds.Add(handle, kind);
                }
                return kind;
            }

            private void CheckType(TypeDefinitionHandle handle)
            {
                _currentType = handle;
                TypeDefinition type = _md.GetTypeDefinition(handle);
                string name = NanoNames.Type(_md, handle);

                if (type.GetGenericParameters().Count > 0)
                {
                    Report(name, NanoRule.GenericDefinition, "generic type definition " + name);
                }
                if (Kind(handle) == NanoTypeKind.Struct)
                {
                    Report(name, NanoRule.ValueType, "struct definition " + name);
                }
                if (!type.BaseType.IsNil)
                {
                    CheckTypeHandle(name, type.BaseType, "base type ");
                }
                foreach (InterfaceImplementationHandle ih in type.GetInterfaceImplementations())
                {
                    CheckTypeHandle(name, _md.GetInterfaceImplementation(ih).Interface, "implements ");
                }
                foreach (FieldDefinitionHandle fh in type.GetFields())
                {
                    CheckSig(NanoNames.Field(_md, fh), _md.GetFieldDefinition(fh).DecodeSignature(_signatures, null), "field type ");
                }
                foreach (MethodDefinitionHandle mh in type.GetMethods())
                {
                    CheckMethod(mh);
                }
            }

            private void CheckMethod(MethodDefinitionHandle handle)
            {
                MethodDefinition method = _md.GetMethodDefinition(handle);
                string location = NanoNames.Method(_md, handle);

                if (method.GetGenericParameters().Count > 0)
                {
                    Report(location, NanoRule.GenericDefinition, "generic method definition " + location);
                    return; // its signature and body use !!0 everywhere: one report is enough
                }
                MethodSignature<SigType> sig = method.DecodeSignature(_signatures, null);
                CheckSig(location, sig.ReturnType, "return type ");
                foreach (SigType p in sig.ParameterTypes)
                {
                    CheckSig(location, p, "parameter type ");
                }
                if (method.RelativeVirtualAddress == 0)
                {
                    return; // abstract, interface, extern
                }
                MethodBodyBlock body = _pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    foreach (SigType local in _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_signatures, null))
                    {
                        CheckSig(location, local, "local of type ");
                    }
                }
                CheckIl(location, body.GetILReader());
            }

            private void CheckIl(string location, BlobReader il)
            {
                EntityHandle constrained = default;
                while (il.RemainingBytes > 0)
                {
                    ushort opcode = il.ReadByte();
                    if (opcode == 0xFE)
                    {
                        opcode = (ushort)(0xFE00 | il.ReadByte());
                    }
                    if (opcode == s_localloc)
                    {
                        Report(location, NanoRule.Stackalloc, "localloc (stackalloc)");
                    }
                    if (!IlOperands.TryGet(opcode, out OperandType operand))
                    {
                        // Cannot walk on without the operand size: fail loudly rather than pass.
                        throw new InvalidDataException(location + ": unknown IL opcode 0x" + opcode.ToString("X4"));
                    }
                    if (operand == OperandType.InlineSwitch)
                    {
                        int targets = il.ReadInt32(); // read first: it advances Offset
                        il.Offset += 4 * targets;
                    }
                    else if (IlOperands.IsToken(operand))
                    {
                        EntityHandle token = MetadataTokens.EntityHandle(il.ReadInt32());
                        CheckToken(location, opcode, token);
                        if (opcode == s_callvirt && !constrained.IsNil)
                        {
                            CheckConstrainedCall(location, constrained, token);
                        }
                        constrained = opcode == s_constrained ? token : default;
                        continue;
                    }
                    else
                    {
                        il.Offset += IlOperands.FixedSize(operand);
                    }
                    constrained = default;
                }
            }

            /// <summary>
            /// <c>constrained. T callvirt M</c> where T is a value type that does not itself
            /// declare M (e.g. <c>myEnum.ToString()</c> calls System.Object::ToString): the
            /// runtime boxes T to make the call (ECMA-335 III.2.1), a box with no box opcode.
            /// </summary>
            private void CheckConstrainedCall(string location, EntityHandle constrained, EntityHandle method)
            {
                if (constrained.Kind != HandleKind.TypeDefinition && constrained.Kind != HandleKind.TypeReference)
                {
                    return;
                }
                NanoTypeKind kind = Kind(constrained);
                if (kind == NanoTypeKind.Class || kind == NanoTypeKind.Unresolved)
                {
                    return;
                }
                EntityHandle declaring = method.Kind switch
                {
                    HandleKind.MethodDefinition => _md.GetMethodDefinition((MethodDefinitionHandle)method).GetDeclaringType(),
                    HandleKind.MemberReference => _md.GetMemberReference((MemberReferenceHandle)method).Parent,
                    _ => default,
                };
                string type = NanoNames.AnyType(_md, constrained);
                if (declaring.IsNil || NanoNames.AnyType(_md, declaring) != type)
                {
                    Report(location, NanoRule.Boxing, "constrained. " + type + " callvirt " + NanoNames.AnyMethod(_md, method) + " (boxes at run time)");
                }
            }

            private void CheckToken(string location, ushort opcode, EntityHandle token)
            {
                string op = IlOperands.Name(opcode);
                if (opcode == s_box)
                {
                    // Any box allocates on the device, whatever the type.
                    Report(location, NanoRule.Boxing, "box " + NanoNames.AnyType(_md, token));
                }
                switch (token.Kind)
                {
                    case HandleKind.TypeDefinition:
                    case HandleKind.TypeReference:
                        // box, unbox, initobj, ldobj, stobj, cpobj, sizeof, newarr, ldelem(a),
                        // constrained., ldtoken ... of a struct.
                        if (Kind(token) == NanoTypeKind.Struct)
                        {
                            Report(location, NanoRule.ValueType, op + " " + NanoNames.AnyType(_md, token));
                        }
                        break;
                    case HandleKind.TypeSpecification:
                        CheckTypeHandle(location, token, op + " ");
                        break;
                    case HandleKind.MemberReference:
                        CheckMemberRef(location, op, (MemberReferenceHandle)token);
                        break;
                    case HandleKind.MethodDefinition:
                        CheckOwnMember(location, op, _md.GetMethodDefinition((MethodDefinitionHandle)token).GetDeclaringType(),
                            NanoNames.Method(_md, (MethodDefinitionHandle)token));
                        break;
                    case HandleKind.FieldDefinition:
                        CheckOwnMember(location, op, _md.GetFieldDefinition((FieldDefinitionHandle)token).GetDeclaringType(),
                            NanoNames.Field(_md, (FieldDefinitionHandle)token));
                        break;
                    case HandleKind.MethodSpecification:
                        ReportMethodSpec(location, (MethodSpecificationHandle)token);
                        break;
                    case HandleKind.StandaloneSignature:
                        Report(location, NanoRule.Pointer, "calli (function pointer call)");
                        break;
                }
            }

            /// <summary>
            /// A member of a struct defined in this assembly, used from another type (newobj of
            /// its constructor, a call, a field access). Inside the struct itself its definition
            /// is the one report.
            /// </summary>
            private void CheckOwnMember(string location, string op, TypeDefinitionHandle declaringType, string member)
            {
                if (declaringType != _currentType && Kind(declaringType) == NanoTypeKind.Struct)
                {
                    Report(location, NanoRule.ValueType, op + " " + member);
                }
            }

            private void CheckMemberRef(string location, string op, MemberReferenceHandle handle)
            {
                MemberReference r = _md.GetMemberReference(handle);
                if (r.Parent.Kind == HandleKind.TypeSpecification)
                {
                    var spec = (TypeSpecificationHandle)r.Parent;
                    SigType parent = DecodeSpec(spec);
                    if (parent.Rule is NanoRule rule)
                    {
                        _reportedSpecs.Add(spec);
                        Report(location, rule, "uses " + NanoNames.MemberRef(_md, handle));
                        return; // the member's own signature is in terms of the parent's !0
                    }
                }
                string member = NanoNames.MemberRef(_md, handle);
                if ((r.Parent.Kind == HandleKind.TypeReference || r.Parent.Kind == HandleKind.TypeDefinition)
                    && Kind(r.Parent) == NanoTypeKind.Struct)
                {
                    // A struct of another assembly (or mscorlib's Guid, DictionaryEntry, ...).
                    Report(location, NanoRule.ValueType, op + " " + member);
                }
                if (r.GetKind() == MemberReferenceKind.Method)
                {
                    MethodSignature<SigType> sig = r.DecodeMethodSignature(_signatures, null);
                    CheckSig(location, sig.ReturnType, "calls " + member + " returning ");
                    foreach (SigType p in sig.ParameterTypes)
                    {
                        CheckSig(location, p, "calls " + member + " taking ");
                    }
                }
                else
                {
                    CheckSig(location, r.DecodeFieldSignature(_signatures, null), "uses field " + member + " of type ");
                }
            }

            private void ReportMethodSpec(string location, MethodSpecificationHandle handle)
            {
                _reportedMethodSpecs.Add(handle);
                MethodSpecification spec = _md.GetMethodSpecification(handle);
                ImmutableArray<SigType> args = spec.DecodeSignature(_signatures, null);
                Report(location, NanoRule.GenericInstantiation, "calls generic method "
                    + NanoNames.AnyMethod(_md, spec.Method) + "<" + string.Join(",", args.Select(a => a.Name)) + ">");
            }

            private void CheckTypeHandle(string location, EntityHandle handle, string what)
            {
                if (handle.Kind != HandleKind.TypeSpecification)
                {
                    return; // TypeDefs are checked themselves; TypeRefs resolve in mscorlib or are foreign
                }
                var spec = (TypeSpecificationHandle)handle;
                SigType t = DecodeSpec(spec);
                if (t.Rule is NanoRule rule)
                {
                    _reportedSpecs.Add(spec);
                    Report(location, rule, what + t.Name);
                }
            }

            private void CheckSig(string location, SigType t, string what)
            {
                if (t.Rule is NanoRule rule)
                {
                    Report(location, rule, what + t.Name);
                }
            }

            private SigType DecodeSpec(TypeSpecificationHandle spec)
                => _md.GetTypeSpecification(spec).DecodeSignature(_signatures, null);

            /// <summary>
            /// A TypeSpec or MethodSpec that no member above was blamed for (a custom attribute
            /// argument, a constraint, a signature we do not walk) still fails the gate.
            /// </summary>
            private void SweepSpecifications()
            {
                for (int row = 1; row <= _md.GetTableRowCount(TableIndex.TypeSpec); row++)
                {
                    TypeSpecificationHandle spec = MetadataTokens.TypeSpecificationHandle(row);
                    SigType t = DecodeSpec(spec);
                    if (t.Rule is NanoRule rule && !_reportedSpecs.Contains(spec))
                    {
                        Report("<metadata>", rule, "TypeSpec " + t.Name);
                    }
                }
                for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
                {
                    MethodSpecificationHandle spec = MetadataTokens.MethodSpecificationHandle(row);
                    if (!_reportedMethodSpecs.Contains(spec))
                    {
                        ReportMethodSpec("<metadata>", spec);
                    }
                }
            }
        }
    }
}
