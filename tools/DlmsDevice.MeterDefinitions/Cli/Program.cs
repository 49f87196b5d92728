using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using DlmsDevice.MeterDefinitions.Budget;

namespace DlmsDevice.MeterDefinitions.Cli
{
    /// <summary>
    /// dlms-definition: <c>check FILE [--device]</c> reads and checks a meter definition (every error
    /// with its path, line and column; --device adds the ESP32 budget), <c>generate FILE --out
    /// CS</c> writes the portable code that builds the meter on a device (and fails when it
    /// exceeds the device budget), <c>schema</c> prints the JSON Schema. Exit codes: 0 ok, 1 a
    /// generated file is not up to date (--verify), 2 the definition is invalid, 3 over the
    /// device budget, 4 a file cannot be read or written.
    /// </summary>
    public static class Program
    {
        /// <summary>Exit code of an invalid definition (the emulator's too).</summary>
        public const int InvalidDefinition = 2;

        /// <summary>Exit code of a definition over the device budget.</summary>
        public const int OverBudget = 3;

        /// <summary>Entry point.</summary>
        public static int Main(string[] args)
        {
            Argument<string> checkFile = new Argument<string>("file") { Description = "The meter definition (meters/*.json)" };
            Option<bool> device = new Option<bool>("--device") { Description = "Also check the ESP32 budget (heap, objects, records, state file)" };
            Command check = new Command("check", "Check a meter definition: every error at once, with its JSON path, line and column") { checkFile, device };
            check.SetAction(parse => Check(parse.GetValue(checkFile)!, parse.GetValue(device), Console.Out, Console.Error));

            Argument<string> generateFile = new Argument<string>("file") { Description = "The meter definition (meters/*.json)" };
            Option<string> output = new Option<string>("--out") { Description = "The C# file to write", Required = true };
            Option<string> ns = new Option<string>("--namespace") { Description = "Namespace of the generated class", DefaultValueFactory = _ => "DlmsDevice.Meter" };
            Option<string?> className = new Option<string?>("--class") { Description = "Name of the generated class (default: <Name>MeterDefinition)" };
            Option<string?> source = new Option<string?>("--source") { Description = "How the header names the definition (default: the file as given)" };
            Option<bool> verify = new Option<bool>("--verify") { Description = "Write nothing: exit 1 when the file differs from what would be generated" };
            Command generate = new Command("generate", "Write the portable C# that builds the meter on a device (checks the device budget first)")
            {
                generateFile, output, ns, className, source, verify,
            };
            generate.SetAction(parse => Generate(parse.GetValue(generateFile)!, parse.GetValue(output)!, parse.GetValue(ns)!, parse.GetValue(className),
                parse.GetValue(source), parse.GetValue(verify), Console.Out, Console.Error));

            Command schema = new Command("schema", "Print the JSON Schema of meter definitions");
            schema.SetAction(_ =>
            {
                Console.Out.Write(Json.SchemaCheck.SchemaText());
                return 0;
            });

            RootCommand root = new RootCommand("dlms-definition: meter definition files (docs/meter-definitions.md)") { check, generate, schema };
            return root.Parse(args).Invoke();
        }

        /// <summary>The check command.</summary>
        public static int Check(string file, bool device, TextWriter output, TextWriter errors)
        {
            MeterDefinitionFile? definition = Load(file, resolveSecrets: !device, errors, out int code);
            if (definition == null)
            {
                return code;
            }
            output.WriteLine(file + ": a valid meter definition (" + definition.Definition.LogicalDevices.Sum(d => d.Objects.Count) + " objects)");
            return device ? Budget(definition, output, errors) : 0;
        }

        /// <summary>The generate command.</summary>
        public static int Generate(string file, string output, string namespaceName, string? className, string? source, bool verify, TextWriter log, TextWriter errors)
        {
            MeterDefinitionFile? definition = Load(file, resolveSecrets: false, errors, out int code);
            if (definition == null)
            {
                return code;
            }
            int budget = Budget(definition, log, errors);
            if (budget != 0)
            {
                return budget;
            }
            string text = definition.Generate(namespaceName, className ?? definition.DefaultClassName(), source ?? file.Replace('\\', '/'));
            try
            {
                if (verify)
                {
                    string existing = File.Exists(output) ? File.ReadAllText(output) : "";
                    if (existing != text)
                    {
                        errors.WriteLine(output + " is not what " + file + " generates: run dlms-definition generate " + file + " --out " + output);
                        return 1;
                    }
                    log.WriteLine(output + " is up to date");
                    return 0;
                }
                File.WriteAllText(output, text);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                errors.WriteLine("error: " + ex.Message);
                return 4;
            }
            log.WriteLine("wrote " + output);
            return 0;
        }

        private static MeterDefinitionFile? Load(string file, bool resolveSecrets, TextWriter errors, out int code)
        {
            code = 0;
            try
            {
                MeterDefinitionFile definition = MeterDefinitionFile.Load(file, resolveSecrets);
                foreach (DefinitionError warning in definition.Warnings)
                {
                    errors.WriteLine(warning);
                }
                return definition;
            }
            catch (DefinitionException ex)
            {
                foreach (DefinitionError error in ex.Errors)
                {
                    errors.WriteLine(error);
                }
                errors.WriteLine(ex.Errors.Count + " error" + (ex.Errors.Count == 1 ? "" : "s") + " in " + file);
                code = InvalidDefinition;
                return null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                errors.WriteLine("error: " + ex.Message);
                code = 4;
                return null;
            }
        }

        private static int Budget(MeterDefinitionFile definition, TextWriter output, TextWriter errors)
        {
            IReadOnlyList<DeviceBudget.Line> lines = DeviceBudget.Check(definition);
            output.WriteLine("ESP32 budget (docs/meter-definitions.md, \"Building for the device\"):");
            foreach (DeviceBudget.Line line in lines)
            {
                output.WriteLine("  " + line);
            }
            List<DeviceBudget.Line> over = lines.Where(l => !l.Within).ToList();
            foreach (DeviceBudget.Line line in over)
            {
                errors.WriteLine(definition.Definition.File + ": error: exceeds the device budget: " + line.What + " is " + line.Figure.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                    + ", the limit " + line.Limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (line.Detail.Length > 0 ? " (" + line.Detail + ")" : ""));
            }
            return over.Count == 0 ? 0 : OverBudget;
        }
    }
}
