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
    /// nanoFramework 1.x cannot run: generic definitions and instantiations, multidimensional
    /// arrays, localloc (stackalloc), pointers and references to assemblies other than mscorlib. Each violation names the type or member it was found in.
    /// </summary>
    public static class NanoInspector
    {
        /// <summary>The only assembly portable code may reference.</summary>
        public const string AllowedAssembly = "mscorlib";

        /// <summary>Inspects the assembly file at <paramref name="path"/>.</summary>
        public static IReadOnlyList<NanoViolation> Inspect(string path)
        {
            using FileStream stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return Inspect(pe);
        }

        /// <summary>Inspects an assembly image held in memory (e.g. emitted by Roslyn).</summary>
        public static IReadOnlyList<NanoViolation> Inspect(ImmutableArray<byte> image)
        {
            using var pe = new PEReader(image);
            return Inspect(pe);
        }

        /// <summary>Inspects an opened assembly.</summary>
        public static IReadOnlyList<NanoViolation> Inspect(PEReader pe) => new Walker(pe).Run();

        /// <summary>One pass over the metadata tables and every method body.</summary>
        private sealed class Walker
        {
            private readonly PEReader _pe;
            private readonly MetadataReader _md;
            private readonly List<NanoViolation> _found = new List<NanoViolation>();
            private readonly HashSet<NanoViolation> _seen = new HashSet<NanoViolation>();
            private readonly HashSet<TypeSpecificationHandle> _reportedSpecs = new HashSet<TypeSpecificationHandle>();
            private readonly HashSet<MethodSpecificationHandle> _reportedMethodSpecs = new HashSet<MethodSpecificationHandle>();

            public Walker(PEReader pe)
            {
                _pe = pe;
                _md = pe.GetMetadataReader();
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
                    if (!string.Equals(name, AllowedAssembly, StringComparison.Ordinal))
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

            private void CheckType(TypeDefinitionHandle handle)
            {
                TypeDefinition type = _md.GetTypeDefinition(handle);
                string name = NanoNames.Type(_md, handle);

                if (type.GetGenericParameters().Count > 0)
                {
                    Report(name, NanoRule.GenericDefinition, "generic type definition " + name);
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
                    CheckSig(NanoNames.Field(_md, fh), _md.GetFieldDefinition(fh).DecodeSignature(NanoSignatureProvider.Instance, null), "field type ");
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
                MethodSignature<SigType> sig = method.DecodeSignature(NanoSignatureProvider.Instance, null);
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
                    foreach (SigType local in _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(NanoSignatureProvider.Instance, null))
                    {
                        CheckSig(location, local, "local of type ");
                    }
                }
                CheckIl(location, body.GetILReader());
            }

            private void CheckIl(string location, BlobReader il)
            {
                while (il.RemainingBytes > 0)
                {
                    ushort opcode = il.ReadByte();
                    if (opcode == 0xFE)
                    {
                        opcode = (ushort)(0xFE00 | il.ReadByte());
                    }
                    if (opcode == unchecked((ushort)OpCodes.Localloc.Value))
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
                        il.Offset += 4 * il.ReadInt32();
                    }
                    else if (IlOperands.IsToken(operand))
                    {
                        CheckToken(location, MetadataTokens.EntityHandle(il.ReadInt32()));
                    }
                    else
                    {
                        il.Offset += IlOperands.FixedSize(operand);
                    }
                }
            }

            private void CheckToken(string location, EntityHandle token)
            {
                switch (token.Kind)
                {
                    case HandleKind.TypeSpecification:
                        CheckTypeHandle(location, token, "uses ");
                        break;
                    case HandleKind.MemberReference:
                        CheckMemberRef(location, (MemberReferenceHandle)token);
                        break;
                    case HandleKind.MethodSpecification:
                        ReportMethodSpec(location, (MethodSpecificationHandle)token);
                        break;
                    case HandleKind.StandaloneSignature:
                        Report(location, NanoRule.Pointer, "calli (function pointer call)");
                        break;
                }
            }

            private void CheckMemberRef(string location, MemberReferenceHandle handle)
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
                if (r.GetKind() == MemberReferenceKind.Method)
                {
                    MethodSignature<SigType> sig = r.DecodeMethodSignature(NanoSignatureProvider.Instance, null);
                    CheckSig(location, sig.ReturnType, "calls " + member + " returning ");
                    foreach (SigType p in sig.ParameterTypes)
                    {
                        CheckSig(location, p, "calls " + member + " taking ");
                    }
                }
                else
                {
                    CheckSig(location, r.DecodeFieldSignature(NanoSignatureProvider.Instance, null), "uses field " + member + " of type ");
                }
            }

            private void ReportMethodSpec(string location, MethodSpecificationHandle handle)
            {
                _reportedMethodSpecs.Add(handle);
                MethodSpecification spec = _md.GetMethodSpecification(handle);
                ImmutableArray<SigType> args = spec.DecodeSignature(NanoSignatureProvider.Instance, null);
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
                => _md.GetTypeSpecification(spec).DecodeSignature(NanoSignatureProvider.Instance, null);

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
