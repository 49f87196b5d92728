using System.Reflection.Metadata;

namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>Readable names for metadata entities, used in violation messages.</summary>
    public static class NanoNames
    {
        /// <summary><c>Namespace.Outer+Inner</c> for a type definition.</summary>
        public static string Type(MetadataReader md, TypeDefinitionHandle handle)
        {
            TypeDefinition t = md.GetTypeDefinition(handle);
            string name = md.GetString(t.Name);
            TypeDefinitionHandle outer = t.GetDeclaringType();
            if (!outer.IsNil)
            {
                return Type(md, outer) + "+" + name;
            }
            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary><c>Namespace.Outer+Inner</c> for a type reference.</summary>
        public static string Type(MetadataReader md, TypeReferenceHandle handle)
        {
            TypeReference t = md.GetTypeReference(handle);
            string name = md.GetString(t.Name);
            if (t.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return Type(md, (TypeReferenceHandle)t.ResolutionScope) + "+" + name;
            }
            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>The name of a TypeDef, TypeRef or TypeSpec (decoded).</summary>
        public static string AnyType(MetadataReader md, EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => Type(md, (TypeDefinitionHandle)handle),
            HandleKind.TypeReference => Type(md, (TypeReferenceHandle)handle),
            HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)handle)
                .DecodeSignature(NanoSignatureProvider.NamesOnly, null).Name,
            _ => handle.Kind.ToString(),
        };

        /// <summary><c>Type::Method</c> for a method definition.</summary>
        public static string Method(MetadataReader md, MethodDefinitionHandle handle)
        {
            MethodDefinition m = md.GetMethodDefinition(handle);
            return Type(md, m.GetDeclaringType()) + "::" + md.GetString(m.Name);
        }

        /// <summary><c>Type::field</c> for a field definition.</summary>
        public static string Field(MetadataReader md, FieldDefinitionHandle handle)
        {
            FieldDefinition f = md.GetFieldDefinition(handle);
            return Type(md, f.GetDeclaringType()) + "::" + md.GetString(f.Name);
        }

        /// <summary><c>Parent::Member</c> for a member reference (parent decoded when a TypeSpec).</summary>
        public static string MemberRef(MetadataReader md, MemberReferenceHandle handle)
        {
            MemberReference r = md.GetMemberReference(handle);
            string parent = r.Parent.Kind switch
            {
                HandleKind.MethodDefinition => Method(md, (MethodDefinitionHandle)r.Parent),
                HandleKind.ModuleReference => md.GetString(md.GetModuleReference((ModuleReferenceHandle)r.Parent).Name),
                _ => AnyType(md, r.Parent),
            };
            return parent + "::" + md.GetString(r.Name);
        }

        /// <summary>The name of a MethodDef or MemberRef used as a method.</summary>
        public static string AnyMethod(MetadataReader md, EntityHandle handle) => handle.Kind switch
        {
            HandleKind.MethodDefinition => Method(md, (MethodDefinitionHandle)handle),
            HandleKind.MemberReference => MemberRef(md, (MemberReferenceHandle)handle),
            _ => handle.Kind.ToString(),
        };
    }
}
