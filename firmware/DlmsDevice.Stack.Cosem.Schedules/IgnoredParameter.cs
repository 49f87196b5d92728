using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>The parameter of a method whose parameter carries no information (Blue Book: "data ::= integer (0)").</summary>
    internal static class IgnoredParameter
    {
        /// <summary>Consumes it: no parameter, null-data or any integer; false for anything else.</summary>
        internal static bool Read(AxdrReader parameters)
        {
            if (parameters == null || parameters.Remaining == 0)
            {
                return true;
            }
            DataType tag;
            if (parameters.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return false;
            }
            if (tag == DataType.NullData)
            {
                return parameters.ReadNull() == AxdrStatus.Ok;
            }
            long ignored;
            return parameters.ReadInt64Any(out ignored) == AxdrStatus.Ok;
        }
    }
}
