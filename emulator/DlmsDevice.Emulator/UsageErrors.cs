using System.Text.RegularExpressions;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// The command-line parser's messages in the emulator's words, without .NET type names
    /// ("--wrapper-port takes a whole number, not 'abc'"). Every usage error exits with code 2.
    /// </summary>
    public static partial class UsageErrors
    {
        /// <summary>Exit code of a usage error: an unknown option, a value that does not parse or is out of range.</summary>
        public const int ExitCode = 2;

        /// <summary>One parser message, reworded.</summary>
        public static string Describe(string message)
        {
            Match bad = BadValue().Match(message);
            if (bad.Success)
            {
                return bad.Groups["option"].Value + " takes " + Kind(bad.Groups["type"].Value) + ", not '" + bad.Groups["value"].Value + "'";
            }
            Match missing = MissingValue().Match(message);
            if (missing.Success)
            {
                return missing.Groups["option"].Value + " needs a value";
            }
            Match unknown = Unknown().Match(message);
            if (unknown.Success)
            {
                return "unknown option or argument '" + unknown.Groups["token"].Value + "'";
            }
            return message;
        }

        private static string Kind(string type)
        {
            switch (type)
            {
                case "System.Int32":
                    return "a whole number";
                case "System.UInt64":
                    return "a whole number of 0 or more";
                case "System.Double":
                    return "a number";
                case "System.Boolean":
                    return "true or false";
                default:
                    return "another kind of value";
            }
        }

        [GeneratedRegex("^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
        private static partial Regex BadValue();

        [GeneratedRegex("^Required argument missing for option: '(?<option>[^']*)'")]
        private static partial Regex MissingValue();

        [GeneratedRegex("^(?:Unrecognized command or argument '(?<token>[^']*)'|'(?<token>[^']*)' was not matched)")]
        private static partial Regex Unknown();
    }
}
