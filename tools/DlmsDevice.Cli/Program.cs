using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>Entry point of the <c>dlms-client</c> command-line tool.</summary>
    public static class Program
    {
        /// <summary>Runs the CLI; returns 0 on success, non-zero on failure.</summary>
        public static Task<int> Main(string[] args) => Cli.CliApp.RunAsync(args);
    }
}
