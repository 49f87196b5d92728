using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions.Building;
using DlmsDevice.MeterDefinitions.Classes;
using DlmsDevice.MeterDefinitions.Json;
using DlmsDevice.MeterDefinitions.Model;
using DlmsDevice.MeterDefinitions.Reading;

namespace DlmsDevice.MeterDefinitions
{
    /// <summary>
    /// A meter definition file (meters/*.json, docs/meter-definitions.md), read and checked: the
    /// schema (meters/schema/meter-definition.schema.json, with JsonSchema.Net), then what the
    /// schema cannot see. Every error of the file comes out at once, each with its JSON path,
    /// line and column. Then it builds the model the file describes (<see cref="Build"/>), or
    /// writes the portable code that builds it on a device (<see cref="Generate"/>).
    /// </summary>
    public sealed class MeterDefinitionFile
    {
        private readonly Findings _findings;
        private readonly Dictionary<string, byte[]> _resolved;

        private MeterDefinitionFile(MeterDefinition definition, Findings findings, Dictionary<string, byte[]> resolved)
        {
            Definition = definition;
            _findings = findings;
            _resolved = resolved;
        }

        /// <summary>The definition.</summary>
        public MeterDefinition Definition { get; }

        /// <summary>The warnings (published test keys, inline secrets), in file order.</summary>
        public IReadOnlyList<DefinitionError> Warnings => _findings.Sorted(warnings: true);

        /// <summary>
        /// Reads and checks <paramref name="path"/>. With <paramref name="resolveSecrets"/> the
        /// secrets given by environment variable or key file are read now (what running the meter
        /// needs; generating code for a device does not).
        /// </summary>
        /// <exception cref="DefinitionException">The file is not a valid definition: every error.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static MeterDefinitionFile Load(string path, bool resolveSecrets = true)
        {
            return Parse(File.ReadAllBytes(path), path, resolveSecrets);
        }

        /// <summary>Reads and checks a definition given as UTF-8 bytes; <paramref name="path"/> names it in messages and anchors key files.</summary>
        /// <exception cref="DefinitionException">Not a valid definition: every error.</exception>
        public static MeterDefinitionFile Parse(byte[] utf8, string path, bool resolveSecrets = true)
        {
            SourceMap map = SourceMap.Build(utf8, out JsonException? syntax);
            var findings = new Findings(path, map);
            if (syntax != null)
            {
                int line = (int)(syntax.LineNumber ?? 0) + 1;
                int column = (int)(syntax.BytePositionInLine ?? 0) + 1;
                throw new DefinitionException(new[] { new DefinitionError(path, "", line, column, "not JSON: " + FirstSentence(syntax.Message)) });
            }
            using JsonDocument document = JsonDocument.Parse(utf8);
            SchemaCheck.Check(document.RootElement, findings);
            MeterDefinition definition = DefinitionReader.Read(document.RootElement, path, findings);
            var resolved = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            if (resolveSecrets && !findings.HasErrors)
            {
                ResolveSecrets(definition, findings, resolved);
            }
            if (findings.HasErrors)
            {
                throw new DefinitionException(findings.Sorted(warnings: false));
            }
            return new MeterDefinitionFile(definition, findings, resolved);
        }

        /// <summary>
        /// Settings for this meter: the definition's identity and link values, and the secrets
        /// read from environment variables and key files. A host then changes what its own
        /// options say (the emulator's command line), and builds with <see cref="Build"/>.
        /// </summary>
        public DefaultMeterModelSettings CreateSettings()
        {
            MeterDefinition d = Definition;
            var settings = new DefaultMeterModelSettings
            {
                SerialNumber = d.SerialNumber,
                FirmwareVersion = d.FirmwareVersion,
                MaxApduSize = d.Link.MaxPduSize,
                HdlcPhysicalAddress = d.Link.HdlcPhysicalAddress,
                HdlcInactivityTimeoutSeconds = d.Link.HdlcInactivitySeconds,
                BaudRate = d.Link.BaudRate,
                WrapperPort = d.Link.WrapperPort,
                MaxConnections = d.Link.MaxConnections,
                WrapperInactivityTimeoutSeconds = d.Link.WrapperInactivitySeconds,
                // The password is a secret of the definition like any other: none unless it gives one.
                Password = null,
            };
            foreach (KeyValuePair<string, byte[]> secret in _resolved)
            {
                settings.SetSecret(secret.Key, secret.Value);
            }
            return settings;
        }

        /// <summary>Builds the meter the definition describes on <paramref name="configuration"/>'s hardware with <paramref name="settings"/> (from <see cref="CreateSettings"/>).</summary>
        /// <exception cref="ArgumentException">A setting does not fit the model (a key of the wrong length, a serial number too long, ...).</exception>
        public MeterModel Build(MeterConfiguration configuration, DefaultMeterModelSettings settings)
        {
            var model = new MeterModel();
            var builder = new MeterModelBuilder(model, configuration, settings);
            new ModelPlan(Definition, new LiveTarget(builder)).Run();
            return model;
        }

        /// <summary>
        /// The portable C# that builds this meter on a device: a static class
        /// <paramref name="className"/> in <paramref name="namespaceName"/> whose
        /// <c>Build(MeterModelBuilder)</c> makes the same calls <see cref="Build"/> makes.
        /// </summary>
        /// <param name="namespaceName">Namespace of the class.</param>
        /// <param name="className">Name of the class.</param>
        /// <param name="source">How the header names the definition (e.g. "meters/default.json").</param>
        public string Generate(string namespaceName, string className, string source)
        {
            var target = new CSharpTarget();
            new ModelPlan(Definition, target).Run();
            string summary = "The meter \"" + Definition.Name + "\" of " + source + (Definition.Description == null ? "." : ": " + Definition.Description);
            return target.Source(source, namespaceName, className, summary);
        }

        /// <summary>The C# class name the generator gives this meter by default ("default" -> DefaultMeterDefinition).</summary>
        public string DefaultClassName()
        {
            string name = string.Concat(Definition.Name.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
            return (name.Length > 0 && char.IsAsciiDigit(name[0]) ? "Meter" : "") + name + "MeterDefinition";
        }

        // Env and file secrets: each must be there, keys as 32 hex digits.
        private static void ResolveSecrets(MeterDefinition definition, Findings findings, Dictionary<string, byte[]> resolved)
        {
            HashSet<string> keys = definition.LogicalDevices.SelectMany(d => d.Objects).Where(o => o.Security != null)
                .SelectMany(o => new[] { o.Security!.AuthenticationKey?.Name, o.Security.EncryptionKey?.Name, o.Security.MasterKey?.Name })
                .Where(n => n != null).Select(n => n!).ToHashSet(StringComparer.Ordinal);
            foreach (SecretDefinition secret in definition.Secrets.Values)
            {
                string? text = null;
                string at = secret.Path + (secret.Kind == SecretKind.Environment ? "/env" : "/file");
                if (secret.Kind == SecretKind.Environment)
                {
                    text = Environment.GetEnvironmentVariable(secret.Value);
                    if (text == null)
                    {
                        findings.Error(at, "environment variable " + secret.Value + " is not set (it holds the secret \"" + secret.Name + "\")");
                        continue;
                    }
                }
                else if (secret.Kind == SecretKind.File)
                {
                    string file = Path.Combine(definition.Directory, secret.Value);
                    if (!File.Exists(file))
                    {
                        findings.Error(at, "key file " + file + " does not exist (it holds the secret \"" + secret.Name + "\")");
                        continue;
                    }
                    text = File.ReadAllText(file).Trim();
                }
                else
                {
                    continue;
                }
                if (keys.Contains(secret.Name))
                {
                    byte[]? key = Secrets.Hex(text);
                    if (key == null || key.Length != 16)
                    {
                        findings.Error(at, "the secret \"" + secret.Name + "\" is a key: 32 hex digits (16 bytes), not " + (key == null ? "text that is not hex" : key.Length + " bytes"));
                        continue;
                    }
                    resolved[secret.Name] = key;
                }
                else
                {
                    if (text.Any(c => c > 0xFF))
                    {
                        findings.Error(at, "the password \"" + secret.Name + "\" has characters outside Latin-1");
                        continue;
                    }
                    resolved[secret.Name] = text.Select(c => (byte)c).ToArray();
                }
            }
        }

        private static string FirstSentence(string message)
        {
            int dot = message.IndexOf(". ", StringComparison.Ordinal);
            return dot > 0 ? message.Substring(0, dot) : message;
        }
    }
}
