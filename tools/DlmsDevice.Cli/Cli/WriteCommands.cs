using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary>The commands that change the meter: <c>set</c> and <c>action</c>.</summary>
    internal static class WriteCommands
    {
        public static Command CreateSet(TextWriter stdout, TextWriter stderr)
        {
            var target = new Argument<string>("target") { Description = "<obis>:<class>:<attribute>" };
            var value = new Argument<string>("value") { Description = "Typed value, e.g. u32:1234, dt:2026-11-25T10:00:00, oct:0102, str:hello, {u8:1,i16:-2} (see README)" };
            var set = new Command("set", "Write one attribute.");
            set.Arguments.Add(target);
            set.Arguments.Add(value);
            set.SetAction((p, ct) =>
            {
                // Parse the arguments before connecting, so typos fail fast.
                CosemAttribute attribute;
                DlmsValue parsed;
                try
                {
                    attribute = CosemAttribute.Parse(p.GetValue(target)!);
                    parsed = DlmsValueText.Parse(p.GetValue(value)!);
                }
                catch (FormatException e)
                {
                    stderr.WriteLine("error: " + e.Message);
                    return Task.FromResult(ExitCodes.Usage);
                }
                return CliSession.RunAsync(p, stdout, stderr, ct, async (client, token) =>
                {
                    await client.SetAsync(attribute, parsed, null, token).ConfigureAwait(false);
                    await stdout.WriteLineAsync("ok").ConfigureAwait(false);
                });
            });
            return set;
        }

        public static Command CreateAction(TextWriter stdout, TextWriter stderr)
        {
            var target = new Argument<string>("target") { Description = "<obis>:<class>:<method>, e.g. 0.0.10.0.0.255:9:1" };
            var value = new Argument<string?>("value") { Description = "Optional typed parameter (same syntax as set)", Arity = ArgumentArity.ZeroOrOne };
            var action = new Command("action", "Invoke a method.");
            action.Arguments.Add(target);
            action.Arguments.Add(value);
            action.SetAction((p, ct) =>
            {
                CosemMethod method;
                DlmsValue? parameter;
                try
                {
                    method = CosemMethod.Parse(p.GetValue(target)!);
                    string? text = p.GetValue(value);
                    parameter = text is null ? null : DlmsValueText.Parse(text);
                }
                catch (FormatException e)
                {
                    stderr.WriteLine("error: " + e.Message);
                    return Task.FromResult(ExitCodes.Usage);
                }
                return CliSession.RunAsync(p, stdout, stderr, ct, async (client, token) =>
                {
                    DlmsValue? returned = await client.ActionAsync(method, parameter, token).ConfigureAwait(false);
                    await stdout.WriteLineAsync(returned is null ? "ok" : CliFormat.Value(null, returned, false)).ConfigureAwait(false);
                });
            });
            return action;
        }
    }
}
