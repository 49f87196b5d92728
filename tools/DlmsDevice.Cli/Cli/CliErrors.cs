using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DlmsDevice.Client.Cli
{
    /// <summary>The exit codes of <c>dlms</c>.</summary>
    public static class ExitCodes
    {
        /// <summary>Done.</summary>
        public const int Ok = 0;

        /// <summary>The meter refused: a data-access-result, exception-response, rejected association, refused authentication.</summary>
        public const int Refused = 1;

        /// <summary>The command line is wrong (nothing was sent).</summary>
        public const int Usage = 2;

        /// <summary>Communication failed: no connection, time-out, a reply that does not decode, a security check that failed.</summary>
        public const int CommunicationFailure = 3;
    }

    /// <summary>Turns failures into one line on stderr and an exit code; typos into a short hint.</summary>
    internal static partial class CliErrors
    {
        /// <summary>The exit code for an exception raised while a command ran.</summary>
        public static int ExitCodeFor(Exception e) => e switch
        {
            DataAccessException or ExceptionResponseException or ConfirmedServiceErrorException or AssociationRejectedException => ExitCodes.Refused,
            DlmsSecurityException s when s.Failure == SecurityFailure.ClientAuthenticationRejected => ExitCodes.Refused,
            FormatException or ArgumentException => ExitCodes.Usage,
            _ => ExitCodes.CommunicationFailure,
        };

        /// <summary>Writes "error: message" and returns the exit code.</summary>
        public static int Report(Exception e, TextWriter stderr)
        {
            string message = e is DlmsException or FormatException or ArgumentException or OperationCanceledException or IOException
                ? e.Message
                : "internal error: " + e.Message;
            if (e is OperationCanceledException)
            {
                message = "cancelled";
            }
            stderr.WriteLine("error: " + message);
            return ExitCodeFor(e);
        }

        /// <summary>
        /// The parse errors as short lines: each error without .NET type names, a suggestion for a
        /// mistyped command or option, and where the full help is. Returns <see cref="ExitCodes.Usage"/>.
        /// </summary>
        public static int ReportUsage(ParseResult parse, TextWriter stderr)
        {
            Command command = parse.CommandResult.Command;
            var seen = new HashSet<string>();
            foreach (ParseError error in parse.Errors)
            {
                if (parse.UnmatchedTokens.Count > 0 && error.Message.StartsWith("Required command", StringComparison.Ordinal))
                {
                    continue;
                }
                string message = Clean(error.Message);
                if (seen.Add(message))
                {
                    stderr.WriteLine("error: " + message);
                }
            }
            foreach (string token in parse.UnmatchedTokens)
            {
                string? suggestion = Suggest(token, command, parse.RootCommandResult.Command);
                if (suggestion is not null)
                {
                    stderr.WriteLine("       did you mean '" + suggestion + "'?");
                }
            }
            string name = command is RootCommand ? "dlms" : "dlms " + command.Name;
            stderr.WriteLine("usage: " + name + (command is RootCommand ? " <command> [options]" : " [arguments] [options]")
                + "; '" + name + " --help' lists " + (command is RootCommand ? "the commands" : "the options"));
            return ExitCodes.Usage;
        }

        // System.CommandLine names the CLR type a value failed to convert to; say what was expected.
        private static string Clean(string message)
        {
            Match m = TypeMessage().Match(message);
            if (m.Success)
            {
                string type = m.Groups["type"].Value;
                string expected = type.Contains("Int", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) || type.Contains("UInt", StringComparison.Ordinal)
                    ? "a number"
                    : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false" : "a valid value";
                return "'" + m.Groups["value"].Value + "' is not " + expected + " for " + m.Groups["option"].Value + ".";
            }
            return message.Replace("\r", "", StringComparison.Ordinal).Replace(":\n\t", " ", StringComparison.Ordinal)
                .Replace("\n\t", ", ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        }

        [GeneratedRegex(@"Cannot parse argument '(?<value>[^']*)' for (?:option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'", RegexOptions.CultureInvariant)]
        private static partial Regex TypeMessage();

        private static string? Suggest(string token, Command command, Command root)
        {
            var candidates = new List<string>();
            candidates.AddRange(command.Subcommands.Select(c => c.Name));
            foreach (Option o in command.Options.Concat(root.Options))
            {
                candidates.Add(o.Name);
                candidates.AddRange(o.Aliases);
            }
            string best = "";
            int bestDistance = int.MaxValue;
            foreach (string candidate in candidates.Distinct())
            {
                int d = Distance(token.TrimStart('-'), candidate.TrimStart('-'));
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = candidate;
                }
            }
            int length = token.TrimStart('-').Length;
            return length >= 3 && bestDistance <= Math.Max(1, length / 3) ? best : null;
        }

        // Optimal string alignment distance (Levenshtein with adjacent transpositions), small strings only.
        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }
            for (int j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }
            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                    {
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                    }
                }
            }
            return d[a.Length, b.Length];
        }
    }
}
