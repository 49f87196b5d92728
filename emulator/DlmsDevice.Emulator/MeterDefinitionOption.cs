using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using DlmsDevice.MeterDefinitions;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// --meter FILE: serve the meter a definition file describes (docs/meter-definitions.md)
    /// instead of the compiled-in default meter (which is meters/default.json, generated into the
    /// firmware). An invalid file prints every error (path, line, column, reason) and exits with
    /// code 2.
    /// </summary>
    public static class MeterDefinitionOption
    {
        /// <summary>Exit code of an invalid meter definition.</summary>
        public const int InvalidDefinition = 2;

        /// <summary>The option.</summary>
        public static Option<string?> Create()
        {
            return new Option<string?>("--meter")
            {
                Description = "Meter definition file (JSON, docs/meter-definitions.md); default: the compiled-in default meter, meters/default.json",
            };
        }

        /// <summary>The names of the options given on the command line (not left at their defaults).</summary>
        public static ISet<string> Given(ParseResult parse)
        {
            var given = new HashSet<string>(StringComparer.Ordinal);
            foreach (Option option in parse.RootCommandResult.Command.Options)
            {
                if (parse.GetResult(option) is { Implicit: false })
                {
                    given.Add(option.Name);
                }
            }
            return given;
        }

        /// <summary>
        /// Reads <see cref="EmulatorOptions.MeterFile"/> (when given) into <see cref="EmulatorOptions.MeterDefinition"/>;
        /// the definition's ports are the ones listened on unless --wrapper-port or --hdlc-port was given.
        /// </summary>
        /// <returns>0, or the exit code: 2 for an invalid definition (every error printed), 1 when the file cannot be read.</returns>
        public static int Load(EmulatorOptions options, TextWriter errors)
        {
            if (options.MeterFile == null)
            {
                return 0;
            }
            try
            {
                MeterDefinitionFile definition = MeterDefinitionFile.Load(options.MeterFile);
                foreach (DefinitionError warning in definition.Warnings)
                {
                    errors.WriteLine(warning);
                }
                options.MeterDefinition = definition;
                if (!options.GivenOptions.Contains("--wrapper-port"))
                {
                    options.WrapperPort = definition.Definition.Link.WrapperPort;
                }
                if (!options.GivenOptions.Contains("--hdlc-port"))
                {
                    options.HdlcPort = definition.Definition.Link.HdlcPort;
                }
                return 0;
            }
            catch (DefinitionException ex)
            {
                foreach (DefinitionError error in ex.Errors)
                {
                    errors.WriteLine(error);
                }
                errors.WriteLine("error: " + ex.Errors.Count + " error" + (ex.Errors.Count == 1 ? "" : "s") + " in " + options.MeterFile + ": the meter is not started");
                return InvalidDefinition;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                errors.WriteLine("error: cannot read " + options.MeterFile + ": " + ex.Message);
                return 1;
            }
        }
    }
}
