using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Encodes object_list elements of Association LN version 1 (Blue Book 4.4.4):
    /// <code>
    /// object_list_element ::= structure { class_id long-unsigned, version unsigned,
    ///     logical_name octet-string, access_rights }
    /// access_rights ::= structure { attribute_access_descriptor, method_access_descriptor }
    /// attribute_access_item ::= structure { attribute_id integer, access_mode enum,
    ///     access_selectors CHOICE { null-data, array of integer } }
    /// method_access_item ::= structure { method_id integer, access_mode enum }   (v0: boolean)
    /// </code>
    /// Bytes: <c>02 04 12 cccc 11 vv 09 06 LN 02 02 01 n {02 03 0F id 16 mode 00|01 k 0F s..} 01 m {02 02 0F id 16 mode}</c>.
    /// </summary>
    internal static class ObjectListEncoding
    {
        /// <summary>Writes the element for object <paramref name="index"/> of <paramref name="list"/>; false when it did not fit.</summary>
        internal static bool WriteElement(AxdrWriter writer, ObjectList list, int index)
        {
            CosemObject obj = list[index];
            writer.WriteStructure(4);
            writer.WriteLongUnsigned(obj.ClassId);
            writer.WriteUnsigned(obj.Version);
            writer.WriteObis(obj.LogicalName);
            writer.WriteStructure(2);
            int attributes = obj.AttributeCount;
            writer.WriteArray(attributes);
            for (int id = 1; id <= attributes; id++)
            {
                writer.WriteStructure(3);
                writer.WriteInteger((sbyte)id);
                writer.WriteEnum(AttributeAccessMode(list.GetAttributeAccess(index, id)));
                int selectors = obj.GetAccessSelectors(id);
                if (selectors == 0)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.WriteArray(BitMask.Count(selectors));
                    for (int s = 0; s < 32; s++)
                    {
                        if ((selectors & (1 << s)) != 0)
                        {
                            writer.WriteInteger((sbyte)s);
                        }
                    }
                }
            }
            int methods = obj.MethodCount;
            writer.WriteArray(methods);
            for (int id = 1; id <= methods; id++)
            {
                writer.WriteStructure(2);
                writer.WriteInteger((sbyte)id);
                writer.WriteEnum(MethodAccessMode(list.GetMethodAccess(index, id)));
            }
            return !writer.Overflow;
        }

        /// <summary>
        /// attribute_access_mode of Association LN version 1 for <paramref name="access"/>: 0..3 as
        /// they are; with a security bit 4 authenticated-read-only, 5 authenticated-write-only,
        /// 6 authenticated-read-and-write (version 1 has no "encrypted" mode).
        /// </summary>
        internal static byte AttributeAccessMode(AttributeAccess access)
        {
            int rights = (int)access & (int)AttributeAccess.ReadWrite;
            bool secured = ((int)access & (int)AttributeAccess.AuthenticatedEncryptedRequest) != 0;
            if (!secured || rights == 0)
            {
                return (byte)rights;
            }

            return (byte)(rights + 3);
        }

        /// <summary>method_access_mode of Association LN version 1: 0 no-access, 1 access, 2 authenticated-access.</summary>
        internal static byte MethodAccessMode(MethodAccess access)
        {
            if (((int)access & (int)MethodAccess.Access) == 0)
            {
                return 0;
            }

            return ((int)access & (int)MethodAccess.AuthenticatedEncryptedRequest) != 0 ? (byte)2 : (byte)1;
        }

        /// <summary>Writes the whole object_list (array header and every element); false when it did not fit.</summary>
        internal static bool WriteAll(AxdrWriter writer, ObjectList list)
        {
            writer.WriteArray(list.Count);
            for (int i = 0; i < list.Count; i++)
            {
                if (!WriteElement(writer, list, i))
                {
                    return false;
                }
            }
            return !writer.Overflow;
        }

    }
}
