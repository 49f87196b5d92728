using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace DlmsDevice.Client.Cli
{
    /// <summary>One session of a command: connect, associate, run, release, disconnect; failures as one line and an exit code.</summary>
    internal static class CliSession
    {
        /// <summary>
        /// Runs <paramref name="body"/> in an association built from the common options. With
        /// stdout on a terminal, long transfers (GET with blocks) show their progress on stderr.
        /// </summary>
        public static async Task<int> RunAsync(ParseResult p, TextWriter stdout, TextWriter stderr, CancellationToken ct, Func<DlmsClient, CancellationToken, Task> body)
        {
            DlmsClientOptions options;
            try
            {
                options = CommonOptions.Build(p, stderr);
                if ((options.Transport == TransportKind.Serial || options.Transport == TransportKind.Optical) && string.IsNullOrEmpty(options.SerialPort))
                {
                    throw new FormatException("--transport " + (options.Transport == TransportKind.Serial ? "serial" : "optical") + " needs --serial <device>.");
                }
                if (options.Transport == TransportKind.Optical && Array.IndexOf(ModeEMessages.BaudRates, options.BaudRate) < 0)
                {
                    throw new FormatException("--baud with --transport optical is 300, 600, 1200, 2400, 4800, 9600 or 19200.");
                }
            }
            catch (FormatException e)
            {
                await stderr.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            if (!IsTerminal(stdout))
            {
                return await RunSessionAsync(options, stderr, ct, body).ConfigureAwait(false);
            }
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            int code = ExitCodes.Ok;
            await console.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn())
                .StartAsync(async context =>
                {
                    ProgressTask? task = null;
                    DlmsClientOptions withProgress = options with
                    {
                        BlockReceived = (block, bytes) =>
                        {
                            task ??= context.AddTask("GET with blocks");
                            task.IsIndeterminate = true;
                            task.Description = "GET with blocks: block " + block.ToString(CultureInfo.InvariantCulture) + ", " + bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
                        },
                    };
                    code = await RunSessionAsync(withProgress, stderr, ct, body).ConfigureAwait(false);
                }).ConfigureAwait(false);
            return code;
        }

        /// <summary>True when <paramref name="stdout"/> is the process's console and that is a terminal.</summary>
        public static bool IsTerminal(TextWriter stdout) =>
            ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

        private static async Task<int> RunSessionAsync(DlmsClientOptions options, TextWriter stderr, CancellationToken ct, Func<DlmsClient, CancellationToken, Task> body)
        {
            try
            {
                await using DlmsClient client = await DlmsClient.ConnectAsync(options, ct).ConfigureAwait(false);
                await client.AssociateAsync(ct).ConfigureAwait(false);
                await body(client, ct).ConfigureAwait(false);
                await client.ReleaseAsync(ct).ConfigureAwait(false);
                await client.DisconnectAsync(ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, stderr);
            }
        }
    }
}
