using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary>
    /// The command line of <c>dlms</c>: read, list, dump, set, action, listen, translate,
    /// conformance (see README.md). Exit codes: <see cref="ExitCodes"/>.
    /// </summary>
    public static class CliApp
    {
        /// <summary>Parses and runs a command line; returns the process exit code.</summary>
        public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
        {
            TextWriter stdout = output ?? Console.Out;
            TextWriter stderr = error ?? Console.Error;
            RootCommand root = Build(stdout, stderr);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                return CliErrors.ReportUsage(parse, stderr);
            }
            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
            try
            {
                return await parse.InvokeAsync(configuration).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return CliErrors.Report(e, stderr);
            }
        }

        private static RootCommand Build(TextWriter stdout, TextWriter stderr)
        {
            var root = new RootCommand("dlms: a DLMS/COSEM client. Read, dump, set and invoke COSEM objects over the TCP wrapper, HDLC over TCP or a serial port; "
                + "receive DataNotifications; annotate frames; check a server's conformance.");
            foreach (Option option in CommonOptions.All)
            {
                root.Options.Add(option);
            }
            root.Subcommands.Add(ReadCommand.Create(stdout, stderr));
            root.Subcommands.Add(DumpCommand.CreateList(stdout, stderr));
            root.Subcommands.Add(DumpCommand.Create(stdout, stderr));
            root.Subcommands.Add(WriteCommands.CreateSet(stdout, stderr));
            root.Subcommands.Add(WriteCommands.CreateAction(stdout, stderr));
            root.Subcommands.Add(ListenCommand.Create(stdout, stderr));
            root.Subcommands.Add(TranslateCommand.Create(stdout, stderr));
            root.Subcommands.Add(ConformanceCommand.Create(stdout, stderr));
            return root;
        }
    }
}
