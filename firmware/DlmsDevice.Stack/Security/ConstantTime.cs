namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// Comparisons whose running time does not depend on where the inputs differ, so a tag or
    /// HLS response cannot be guessed byte by byte from response times (SP 800-38D §5.2.2 asks
    /// for the tag check to reveal nothing but pass or fail).
    /// </summary>
    public static class ConstantTime
    {
        /// <summary>
        /// True when the <paramref name="count"/> bytes at <paramref name="leftOffset"/> and
        /// <paramref name="rightOffset"/> are equal. Always reads all bytes; no early exit.
        /// </summary>
        public static bool AreEqual(byte[] left, int leftOffset, byte[] right, int rightOffset, int count)
        {
            SecurityGuard.Region(left, leftOffset, count);
            SecurityGuard.Region(right, rightOffset, count);
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= left[leftOffset + i] ^ right[rightOffset + i];
            }

            return difference == 0;
        }
    }
}
