using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary>
    /// <c>conformance</c>: the open conformance battery against a server, as text and JUnit XML.
    /// Exit code 0 when no check failed, 1 when one did, 2 for usage errors.
    /// </summary>
    internal static class ConformanceCommand
    {
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var hdlcPort = new Option<int>("--hdlc-port") { Description = "HDLC-over-TCP port of the server; 0 = none", DefaultValueFactory = _ => DlmsClientOptions.DefaultHdlcPort };
            var wrapperPort = new Option<int>("--wrapper-port") { Description = "Wrapper port of the server; 0 = none", DefaultValueFactory = _ => DlmsClientOptions.DefaultWrapperPort };
            var llsClient = new Option<int>("--lls-client") { Description = "Client SAP with LLS (password from --password, default 12345678); 0 = none", DefaultValueFactory = _ => 32 };
            var hlsClient = new Option<int>("--hls-client") { Description = "Client SAP with HLS-GMAC and authenticated encryption (keys from --block-key/--auth-key); 0 = none", DefaultValueFactory = _ => 48 };
            var counter = new Option<string>("--ic-object") { Description = "Data object the public client reads the HLS client's invocation counter from, or 'none'", DefaultValueFactory = _ => "0.0.43.1.0.255" };
            var action = new Option<string>("--action") { Description = "A method the LLS client may invoke harmlessly, with an int8 0 parameter, or 'none'", DefaultValueFactory = _ => "0.0.96.3.10.255:70:2" };
            var only = new Option<string?>("--only") { Description = "Run only these checks: ids or prefixes with '*', comma separated (e.g. hdlc.*,get.blocks)" };
            var junit = new Option<string?>("--junit") { Description = "Also write the result as JUnit XML to this file" };
            var report = new Option<string?>("--report") { Description = "Also write the full text report (bytes of every check) to this file" };
            var bytes = new Option<bool>("--bytes") { Description = "Print the bytes sent and received for every check (default: for failures)" };
            var quiet = new Option<double>("--quiet-time") { Description = "Seconds of silence that count as 'no answer'", DefaultValueFactory = _ => 1.0 };
            var list = new Option<bool>("--list") { Description = "List the checks with their clauses and exit" };
            var conformance = new Command("conformance", "Check a DLMS/COSEM server against the standards: HDLC, wrapper, ACSE, GET/SET/ACTION, selective access, access rights, HLS and ciphering.");
            foreach (Option o in new Option[] { hdlcPort, wrapperPort, llsClient, hlsClient, counter, action, only, junit, report, bytes, quiet, list })
            {
                conformance.Options.Add(o);
            }
            conformance.SetAction(async (p, ct) =>
            {
                if (p.GetValue(list))
                {
                    foreach (ConformanceCheck check in ConformanceRunner.All)
                    {
                        await stdout.WriteLineAsync(check.Id + "  " + check.Title + "  [" + check.Clause + "]").ConfigureAwait(false);
                    }
                    return ExitCodes.Ok;
                }
                ConformanceOptions options;
                Func<ConformanceCheck, bool>? filter;
                try
                {
                    options = Build(p, hdlcPort, wrapperPort, llsClient, hlsClient, counter, action, quiet);
                    filter = p.GetValue(only) is string patterns ? ConformanceRunner.Filter(patterns) : null;
                }
                catch (FormatException e)
                {
                    await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                ConformanceReport result = await ConformanceRunner.RunAsync(options, filter, r =>
                {
                    stderr.WriteLine((r.Outcome switch { CheckOutcome.Pass => "PASS ", CheckOutcome.Fail => "FAIL ", _ => "N/A  " }) + r.Check.Id
                        + (r.Message.Length > 0 ? ": " + r.Message : ""));
                }, ct).ConfigureAwait(false);
                await stdout.WriteAsync(ConformanceReportWriter.Text(result, p.GetValue(bytes))).ConfigureAwait(false);
                if (p.GetValue(junit) is string junitFile)
                {
                    await File.WriteAllTextAsync(junitFile, ConformanceReportWriter.JUnit(result), ct).ConfigureAwait(false);
                }
                if (p.GetValue(report) is string reportFile)
                {
                    await File.WriteAllTextAsync(reportFile, ConformanceReportWriter.Text(result, true), ct).ConfigureAwait(false);
                }
                return result.Failed == 0 ? ExitCodes.Ok : ExitCodes.Refused;
            });
            return conformance;
        }

        private static ConformanceOptions Build(ParseResult p, Option<int> hdlcPort, Option<int> wrapperPort, Option<int> llsClient, Option<int> hlsClient,
            Option<string> counter, Option<string> action, Option<double> quiet)
        {
            string counterText = p.GetValue(counter)!;
            ObisCode? counterObject = null;
            if (!counterText.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                counterObject = ObisCode.TryParse(counterText, out ObisCode code) ? code : throw new FormatException("--ic-object: '" + counterText + "' is not an OBIS code.");
            }
            string actionText = p.GetValue(action)!;
            CosemMethod? method = actionText.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : CosemMethod.Parse(actionText);
            double timeout = p.GetValue(CommonOptions.Timeout);
            double quietTime = p.GetValue(quiet);
            if (timeout <= 0 || quietTime <= 0)
            {
                throw new FormatException("--timeout and --quiet-time must be above 0.");
            }
            var defaults = new ConformanceOptions();
            return new ConformanceOptions
            {
                Host = p.GetValue(CommonOptions.Host) ?? "127.0.0.1",
                HdlcPort = p.GetValue(hdlcPort),
                WrapperPort = p.GetValue(wrapperPort),
                ServerLogical = p.GetValue(CommonOptions.Server),
                ServerPhysical = p.GetValue(CommonOptions.Physical),
                PublicClient = p.GetValue(CommonOptions.Client),
                LlsClient = p.GetValue(llsClient),
                Password = p.GetValue(CommonOptions.Password) ?? defaults.Password,
                HlsClient = p.GetValue(hlsClient),
                BlockCipherKey = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.BlockKey), 16, "--block-key") ?? defaults.BlockCipherKey,
                AuthenticationKey = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.AuthKey), 16, "--auth-key") ?? defaults.AuthenticationKey,
                SystemTitle = SecurityCliOptions.Hex(p.GetValue(SecurityCliOptions.SystemTitle), 8, "--system-title") ?? defaults.SystemTitle,
                InvocationCounterObject = counterObject,
                ActionMethod = method,
                ReplyTimeout = TimeSpan.FromSeconds(timeout),
                QuietTime = TimeSpan.FromSeconds(quietTime),
            };
        }

        /// <summary>For messages: "3 s".</summary>
        internal static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
    }
}
