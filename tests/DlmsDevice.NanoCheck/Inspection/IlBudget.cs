using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>
    /// The size budget of one portable assembly. nanoFramework's metadata processor stores method
    /// offsets in 16 bits, so one assembly holds at most 65,535 bytes of nanoCLR bytecode, and the
    /// bytecode measures about 0.8 x the IL. The gate counts IL and allows 48,000 bytes: about
    /// 38,400 bytes of bytecode, ~60% of the device limit, leaving room to grow before a split.
    /// </summary>
    public static class IlBudget
    {
        /// <summary>The most method-body IL one portable assembly may hold, in bytes.</summary>
        public const int MaxIlBytes = 48_000;

        /// <summary>The device limit: bytes of nanoCLR bytecode in one assembly (16-bit method offsets).</summary>
        public const int DeviceBytecodeLimit = 65_535;

        /// <summary>nanoCLR bytecode bytes per IL byte, as measured on the metadata processor's output.</summary>
        public const double BytecodePerIlByte = 0.8;

        /// <summary>
        /// The sum over all method bodies of their IL code bytes: the instruction stream only,
        /// without method headers, local signatures or exception-handling clauses.
        /// </summary>
        public static int MeasureIl(ImmutableArray<byte> image)
        {
            using var pe = new PEReader(image);
            MetadataReader md = pe.GetMetadataReader();
            int total = 0;
            foreach (MethodDefinitionHandle handle in md.MethodDefinitions)
            {
                int rva = md.GetMethodDefinition(handle).RelativeVirtualAddress;
                if (rva != 0)
                {
                    total += pe.GetMethodBody(rva).GetILReader().Length;
                }
            }
            return total;
        }

        /// <summary>
        /// Null when <paramref name="ilBytes"/> is within <see cref="MaxIlBytes"/>; otherwise the
        /// failure, naming <paramref name="assemblyName"/> and its figure.
        /// </summary>
        public static string? Check(string assemblyName, int ilBytes)
        {
            if (ilBytes <= MaxIlBytes)
            {
                return null;
            }
            return assemblyName + ": " + ilBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes of method-body IL, over the "
                + MaxIlBytes.ToString("N0", CultureInfo.InvariantCulture) + "-byte budget (~"
                + EstimatedBytecode(ilBytes).ToString("N0", CultureInfo.InvariantCulture) + " bytes of nanoCLR bytecode, "
                + DeviceShare(ilBytes).ToString("P0", CultureInfo.InvariantCulture) + " of the " + DeviceBytecodeLimit.ToString("N0", CultureInfo.InvariantCulture)
                + "-byte device limit): split the assembly or shrink it (docs/portable-subset.md)";
        }

        /// <summary>The estimated nanoCLR bytecode for <paramref name="ilBytes"/> of IL.</summary>
        public static int EstimatedBytecode(int ilBytes) => (int)(ilBytes * BytecodePerIlByte + 0.5);

        /// <summary>The share of the 48,000-byte IL budget that <paramref name="ilBytes"/> uses.</summary>
        public static double BudgetShare(int ilBytes) => (double)ilBytes / MaxIlBytes;

        /// <summary>The share of the 65,535-byte device limit that <paramref name="ilBytes"/> of IL would use as bytecode.</summary>
        public static double DeviceShare(int ilBytes) => ilBytes * BytecodePerIlByte / DeviceBytecodeLimit;
    }
}
