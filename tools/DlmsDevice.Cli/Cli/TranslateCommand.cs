using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary>
    /// <c>translate</c>: annotate frames layer by layer (HDLC or wrapper, LLC, APDU, security
    /// header and deciphered APDU with <c>--keys</c>, A-XDR data), from the argument or stdin,
    /// one frame per line. Lines may carry a direction ("C&gt;S", "S&gt;C", "-&gt;", "&lt;-") and a
    /// comment after ';' or '#', so the emulator's trace and the client's --trace can be pasted.
    /// </summary>
    internal static class TranslateCommand
    {
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var hex = new Argument<string[]>("hex") { Description = "The frame in hex (spaces allowed); none: read frames from stdin, one per line", Arity = ArgumentArity.ZeroOrMore };
            var keys = new Option<string?>("--keys") { Description = "Keys to decipher with: 'test' (the Green Book keys), or EK,AK as 32 hex digits each" };
            var translate = new Command("translate", "Annotate frames field by field: HDLC or wrapper, LLC, APDU, ciphered APDUs with --keys (also --system-title / --server-system-title / --dedicated-key).");
            translate.Arguments.Add(hex);
            translate.Options.Add(keys);
            translate.SetAction(async (p, ct) =>
            {
                var session = new TraceSession();
                try
                {
                    Keys(session, p.GetValue(keys));
                    session.ClientSystemTitle = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.SystemTitle), 8, "--system-title");
                    session.ServerSystemTitle = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.ServerSystemTitle), 8, "--server-system-title");
                    session.DedicatedKey = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.DedicatedKey), 16, "--dedicated-key");
                }
                catch (FormatException e)
                {
                    await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                string[] words = p.GetValue(hex) ?? Array.Empty<string>();
                IEnumerable<string> lines = words.Length > 0
                    ? new[] { string.Join(' ', words) }
                    : ReadLines(Console.In);
                int frames = 0;
                foreach (string line in lines)
                {
                    if (!TryParseLine(line, out string? direction, out byte[]? bytes, out string? problem))
                    {
                        if (problem is not null)
                        {
                            await stderr.WriteLineAsync("error: " + problem).ConfigureAwait(false);
                            return ExitCodes.Usage;
                        }
                        continue;
                    }
                    frames++;
                    await stdout.WriteAsync(Translate(session, bytes!, direction, frames)).ConfigureAwait(false);
                }
                if (frames == 0)
                {
                    await stderr.WriteLineAsync("error: no frame given (hex on the command line or on stdin)").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                return ExitCodes.Ok;
            });
            return translate;
        }

        /// <summary>One translated frame: a heading and the annotated layers.</summary>
        public static string Translate(TraceSession session, byte[] bytes, string? direction, int number)
        {
            var sb = new StringBuilder();
            sb.Append("frame ").Append(number.ToString(CultureInfo.InvariantCulture));
            if (direction is not null)
            {
                sb.Append(" (").Append(direction).Append(')');
            }
            sb.Append(": ").Append(AnnotationText.Hex(bytes)).Append('\n');
            sb.Append(AnnotationText.Render(session.Annotate(bytes), 2));
            sb.Append('\n');
            return sb.ToString();
        }

        internal static void Keys(TraceSession session, string? text)
        {
            if (text is null)
            {
                return;
            }
            if (text.Equals("test", StringComparison.OrdinalIgnoreCase))
            {
                session.UseTestKeys();
                return;
            }
            string[] parts = text.Split(new[] { ',', ':' }, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new FormatException("--keys takes 'test' or EK,AK (32 hex digits each), not '" + text + "'.");
            }
            session.BlockCipherKey = SecurityCliOptions.Hex(parts[0], 16, "--keys EK");
            session.AuthenticationKey = SecurityCliOptions.Hex(parts[1], 16, "--keys AK");
        }

        private static IEnumerable<string> ReadLines(TextReader reader)
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                yield return line;
            }
        }

        /// <summary>
        /// Reads one input line: an optional "[label]", an optional direction, hex digits (spaces
        /// allowed) and an optional comment after ';' or '#'. Indented lines (annotations) and
        /// lines without hex are skipped (false, no problem).
        /// </summary>
        internal static bool TryParseLine(string line, out string? direction, out byte[]? bytes, out string? problem)
        {
            direction = null;
            bytes = null;
            problem = null;
            if (line.Length == 0 || char.IsWhiteSpace(line[0]) && line.Trim().Length > 0 && !IsHexText(line.Trim()))
            {
                return false;
            }
            string text = line.Trim();
            int comment = text.IndexOfAny(new[] { ';', '#' });
            if (comment >= 0)
            {
                text = text.Substring(0, comment).Trim();
            }
            if (text.StartsWith('['))
            {
                int close = text.IndexOf(']', StringComparison.Ordinal);
                text = close < 0 ? "" : text.Substring(close + 1).Trim();
            }
            foreach ((string marker, string name) in new[] { ("C>S", "C>S"), ("S>C", "S>C"), ("->", "C>S"), ("<-", "S>C") })
            {
                if (text.StartsWith(marker, StringComparison.Ordinal))
                {
                    direction = name;
                    text = text.Substring(marker.Length).Trim();
                    break;
                }
            }
            if (text.StartsWith('[') && text.EndsWith(']'))
            {
                // The client's --trace prints deciphered APDUs in brackets.
                text = text.Substring(1, text.Length - 2);
            }
            if (text.Length == 0)
            {
                return false;
            }
            string digits = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                digits = digits.Substring(2);
            }
            if (!IsHexText(digits) || digits.Length % 2 != 0)
            {
                problem = "not hex: '" + text + "'";
                return false;
            }
            bytes = Convert.FromHexString(digits);
            return true;
        }

        private static bool IsHexText(string text) => text.Length > 0 && text.All(c => Uri.IsHexDigit(c) || c == ' ');
    }
}
