namespace DlmsDevice.Stack.Cosem
{
    /// <summary>Bit-mask helpers shared by the COSEM classes (selector masks, column masks).</summary>
    internal static class BitMask
    {
        /// <summary>Number of bits set in <paramref name="mask"/> (all 32 bits).</summary>
        public static int Count(int mask)
        {
            int count = 0;
            uint bits = (uint)mask;
            while (bits != 0)
            {
                bits &= bits - 1;
                count++;
            }
            return count;
        }
    }
}
