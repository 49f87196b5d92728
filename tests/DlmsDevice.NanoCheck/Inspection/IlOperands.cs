using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;

namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>
    /// The operand type of every IL opcode (ECMA-335 Partition III), taken from
    /// <see cref="OpCodes"/> so the IL walk never drifts from the runtime's own table.
    /// </summary>
    public static class IlOperands
    {
        private static readonly Dictionary<ushort, OperandType> s_operandTypes = new Dictionary<ushort, OperandType>();
        private static readonly Dictionary<ushort, string> s_names = new Dictionary<ushort, string>();

        static IlOperands()
        {
            foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetValue(null) is OpCode op)
                {
                    s_operandTypes[unchecked((ushort)op.Value)] = op.OperandType;
                    s_names[unchecked((ushort)op.Value)] = op.Name ?? field.Name;
                }
            }
        }

        /// <summary>The operand type of <paramref name="opcode"/> (two-byte opcodes as 0xFExx).</summary>
        public static bool TryGet(ushort opcode, out OperandType operandType) => s_operandTypes.TryGetValue(opcode, out operandType);

        /// <summary>The operand size in bytes, apart from the switch table (its count is read separately).</summary>
        public static int FixedSize(OperandType operandType) => operandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };

        /// <summary>True for operands that are metadata tokens.</summary>
        public static bool IsToken(OperandType operandType) => operandType is OperandType.InlineField
            or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig;

        /// <summary>The opcode's IL assembler name (<c>box</c>, <c>newobj</c>, ...), for violation messages.</summary>
        public static string Name(ushort opcode) => s_names.TryGetValue(opcode, out string? name) ? name : "0x" + opcode.ToString("X4");
    }
}
