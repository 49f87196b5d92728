using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Services
{
    /// <summary>The "count Data*" parameter lists of SET- and ACTION-with-list (Green Book xDLMS).</summary>
    internal static class ValueList
    {
        // "count Data*" with exactly count values and nothing behind them; the reader is left
        // where it was (peek, validate: nothing is consumed).
        internal static bool IsValid(AxdrReader reader, int count)
        {
            int start = reader.Position;
            int valueCount;
            bool valid = reader.ReadLength(out valueCount) == AxdrStatus.Ok && valueCount == count;
            for (int i = 0; valid && i < count; i++)
            {
                valid = reader.SkipValue() == AxdrStatus.Ok;
            }
            valid = valid && reader.Remaining == 0;
            reader.Position = start;
            return valid;
        }
    }
}
