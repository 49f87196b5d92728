namespace DlmsDevice.MeterDefinitions
{
    /// <summary>
    /// One finding in a meter definition: where (JSON path, line and column, 1-based; 0 when the
    /// finding is about the file as a whole) and why. Warnings do not stop a definition from
    /// being used (a published test key, an inline password); errors do.
    /// </summary>
    /// <param name="File">The definition file (as given).</param>
    /// <param name="Path">JSON pointer of the value (RFC 6901, "" = the document), e.g. /logicalDevices/0/objects/3/class.</param>
    /// <param name="Line">Line of the value, 1-based (0 = unknown).</param>
    /// <param name="Column">Column of the value, 1-based (0 = unknown).</param>
    /// <param name="Message">The reason, for people.</param>
    /// <param name="IsWarning">True for a warning.</param>
    public sealed record DefinitionError(string File, string Path, int Line, int Column, string Message, bool IsWarning = false)
    {
        /// <summary><c>file:line:column: error: path: message</c>, the shape compilers and editors read.</summary>
        public override string ToString()
        {
            string where = Line > 0 ? File + ":" + Line + ":" + Column : File;
            return where + ": " + (IsWarning ? "warning" : "error") + ": " + (Path.Length == 0 ? "/" : Path) + ": " + Message;
        }
    }
}
