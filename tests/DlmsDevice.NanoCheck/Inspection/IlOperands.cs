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
        private static readonly Dictionary<ushort, OperandType> s_operandTypes = Build();

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

        private static Dictionary<ushort, OperandType> Build()
        {
            var table = new Dictionary<ushort, OperandType>();
            foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.GetValue(null) is OpCode op)
                {
                    table[unchecked((ushort)op.Value)] = op.OperandType;
                }
            }
            return table;
        }
    }
}
