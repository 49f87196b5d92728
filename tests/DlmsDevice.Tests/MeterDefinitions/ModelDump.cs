using System;
using System.Collections.Generic;
using System.Text;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// Everything a client can learn from a logical device, as text: for each association (in
    /// the directory's order), each object of its object_list with its class, version and
    /// logical name, the access right of every attribute and method (what GET, SET and ACTION
    /// are checked against), and the encoded bytes of every attribute read in that association
    /// (arrays element by element, as the GET service sends them). Two models that dump the same
    /// text answer every GET alike and grant the same SET and ACTION rights.
    /// </summary>
    internal static class ModelDump
    {
        public static string Dump(LogicalDevice device)
        {
            var text = new StringBuilder();
            text.Append("logical device ").Append(device.Address).Append(", ").Append(device.Objects.Count).Append(" objects\n");
            for (int i = 0; i < device.Objects.Count; i++)
            {
                CosemObject obj = device.Objects[i];
                text.Append("  directory ").Append(i).Append(": ").Append(Name(obj)).Append('\n');
            }
            for (int a = 0; a < device.AssociationCount; a++)
            {
                AssociationLogicalName association = device.GetAssociation(a);
                text.Append("association ").Append(association.LogicalName).Append(" client ").Append(association.ClientSap).Append('\n');
                DumpAssociation(device, association, text);
            }
            return text.ToString();
        }

        private static string Name(CosemObject obj)
        {
            return obj.ClassId + "/" + obj.Version + " " + obj.LogicalName;
        }

        private static void DumpAssociation(LogicalDevice device, AssociationLogicalName association, StringBuilder text)
        {
            var context = new CosemContext
            {
                ClientSap = association.ClientSap,
                ServerLogicalAddress = device.Address,
                Status = AssociationStatus.Associated,
                Association = association,
                Objects = association.Objects,
                NegotiatedConformance = association.Conformance,
                ClientMaxReceivePdu = 0xFFFF,
                ServerMaxReceivePdu = association.MaxReceivePduSize,
                DlmsVersion = 6,
                AuthenticationMechanism = association.AuthenticationMechanism,
            };
            ObjectList list = association.Objects;
            for (int i = 0; i < list.Count; i++)
            {
                CosemObject obj = list[i];
                text.Append("  ").Append(i).Append(": ").Append(Name(obj)).Append('\n');
                for (int id = 1; id <= obj.AttributeCount; id++)
                {
                    text.Append("    a").Append(id).Append(' ').Append((int)list.GetAttributeAccess(i, id))
                        .Append(" selectors ").Append(obj.GetAccessSelectors(id)).Append(": ").Append(Read(obj, id, context)).Append('\n');
                }
                for (int id = 1; id <= obj.MethodCount; id++)
                {
                    text.Append("    m").Append(id).Append(' ').Append((int)list.GetMethodAccess(i, id)).Append('\n');
                }
            }
        }

        private static string Read(CosemObject obj, int id, CosemContext context)
        {
            byte[] buffer = new byte[65536];
            var writer = new AxdrWriter();
            var cursor = new ArrayCursor();
            if (obj.BeginArray(id, 0, null, cursor, context, out DataAccessResult begin))
            {
                if (begin != DataAccessResult.Success)
                {
                    return "denied " + begin;
                }
                var parts = new List<string> { "array " + cursor.Count };
                for (cursor.Index = 0; cursor.Index < cursor.Count; cursor.Index++)
                {
                    writer.Reset(buffer, 0, buffer.Length);
                    DataAccessResult element = obj.WriteArrayElement(id, cursor, writer, context);
                    parts.Add(element == DataAccessResult.Success ? Convert.ToHexString(buffer, 0, writer.Length) : "denied " + element);
                }
                return string.Join(" | ", parts);
            }
            writer.Reset(buffer, 0, buffer.Length);
            DataAccessResult result = obj.GetAttribute(id, 0, null, writer, context);
            return result == DataAccessResult.Success ? Convert.ToHexString(buffer, 0, writer.Length) : "denied " + result;
        }
    }
}
