using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DlmsDevice.Emulator;
using DlmsDevice.Tests.EndToEnd.Support;
using YamlDotNet.RepresentationModel;

namespace DlmsDevice.Tests.Deploy
{
    /// <summary>
    /// deploy/Dockerfile and deploy/k8s/fleet.yaml say what the emulator does: every option they
    /// pass exists in the emulator's own parser (its --help), the ports they expose and name are
    /// the ones the options open (and the defaults where they are the defaults), the state volume
    /// is mounted where --state-dir points, the image is the one the Dockerfile builds, and
    /// nothing runs as root. Docker and a cluster are not needed: the files are parsed.
    /// </summary>
    public sealed class DeployManifestTests
    {
        private static readonly Lazy<HashSet<string>> s_options = new Lazy<HashSet<string>>(EmulatorOptionNames);

        [Fact]
        public void Dockerfile_MultiStage_NonRoot_RunsTheEmulatorWithItsOwnOptions()
        {
            string[] lines = File.ReadAllLines(Path.Combine(Root(), "deploy", "Dockerfile"));
            string[] froms = Instructions(lines, "FROM");
            Assert.Equal(2, froms.Length);
            Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:\S+ AS build$", froms[0]);
            Assert.Matches(@"^mcr\.microsoft\.com/dotnet/runtime:\S+ AS runtime$", froms[1]);
            string publish = Instructions(lines, "RUN").First(r => r.StartsWith("dotnet publish", StringComparison.Ordinal));
            string project = publish.Split(' ')[2];
            Assert.Equal("emulator/DlmsDevice.Emulator/DlmsDevice.Emulator.csproj", project);
            Assert.True(File.Exists(Path.Combine(Root(), project)));
            Assert.Contains("--from=build /app .", Instructions(lines, "COPY"));

            // The last stage runs as the image's non-root user.
            string[] runtime = lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/runtime", StringComparison.Ordinal)).ToArray();
            Assert.Equal(new[] { "app" }, Instructions(runtime, "USER"));

            string[] entrypoint = JsonSerializer.Deserialize<string[]>(Instructions(lines, "ENTRYPOINT").Single())!;
            string[] cmd = JsonSerializer.Deserialize<string[]>(Instructions(lines, "CMD").Single())!;
            Assert.Equal(new[] { "dotnet", "DlmsDevice.Emulator.dll" }, entrypoint.Take(2));
            string[] args = entrypoint.Skip(2).Concat(cmd).ToArray();
            AssertKnownOptions(args);

            Assert.Equal(Instructions(lines, "VOLUME").Single(), Value(args, "--state-dir"));
            string[] exposed = Instructions(lines, "EXPOSE").Single().Split(' ');
            Assert.Equal(new[] { Value(args, "--wrapper-port") + "/tcp", Value(args, "--hdlc-port") + "/tcp", Value(args, "--udp-port") + "/udp" }, exposed);
            Assert.Equal(new[] { EmulatorOptions.DefaultWrapperPort + "/tcp", EmulatorOptions.DefaultHdlcPort + "/tcp", EmulatorOptions.DefaultWrapperPort + "/udp" }, exposed);
            Assert.Contains("-t " + ImageTag(), lines.Single(l => l.Contains("docker build", StringComparison.Ordinal)));
        }

        [Fact]
        public void Kubernetes_StatefulSet_ImagePortsVolumesAndOptions_MatchTheEmulator()
        {
            YamlStream yaml = new YamlStream();
            using (StreamReader reader = File.OpenText(Path.Combine(Root(), "deploy", "k8s", "fleet.yaml")))
            {
                yaml.Load(reader);
            }
            YamlMappingNode[] documents = yaml.Documents.Select(d => (YamlMappingNode)d.RootNode).ToArray();
            YamlMappingNode service = documents.Single(d => Text(d, "kind") == "Service");
            YamlMappingNode set = documents.Single(d => Text(d, "kind") == "StatefulSet");

            // The headless service gives each pod its DNS name.
            Assert.Equal("None", Text(service, "spec", "clusterIP"));
            Assert.Equal(Text(service, "metadata", "name"), Text(set, "spec", "serviceName"));
            Assert.Equal(Text(set, "spec", "template", "metadata", "labels", "app"), Text(service, "spec", "selector", "app"));

            YamlMappingNode pod = Map(set, "spec", "template", "spec");
            Assert.Equal("true", Text(pod, "securityContext", "runAsNonRoot"));
            Assert.Equal("1654", Text(pod, "securityContext", "runAsUser")); // the .NET images' app user
            YamlMappingNode container = (YamlMappingNode)((YamlSequenceNode)pod.Children["containers"]).Children.Single();
            Assert.Equal(ImageTag(), Text(container, "image"));

            string script = ((YamlSequenceNode)container.Children["args"]).Children.Cast<YamlScalarNode>().Single().Value!;
            string[] args = Regex.Split(script.Trim(), @"\s+");
            AssertKnownOptions(args);
            Assert.Equal("DlmsDevice.Emulator.dll", args[Array.IndexOf(args, "dotnet") + 1]);
            Assert.Contains("--one-port", args);

            // Each container port is the one its option opens; the service names exactly those.
            Dictionary<string, (string Port, string Protocol)> ports = ((YamlSequenceNode)container.Children["ports"]).Children.Cast<YamlMappingNode>()
                .ToDictionary(p => Text(p, "name"), p => (Text(p, "containerPort"), Text(p, "protocol")));
            Assert.Equal((Value(args, "--wrapper-port"), "TCP"), ports["wrapper"]);
            Assert.Equal((Value(args, "--hdlc-port"), "TCP"), ports["hdlc"]);
            Assert.Equal((Value(args, "--udp-port"), "UDP"), ports["wrapper-udp"]);
            Assert.Equal(EmulatorOptions.DefaultWrapperPort.ToString(), ports["wrapper"].Port);
            Assert.Equal(EmulatorOptions.DefaultHdlcPort.ToString(), ports["hdlc"].Port);
            foreach (YamlMappingNode port in ((YamlSequenceNode)service.Children[new YamlScalarNode("spec")]["ports"]).Children.Cast<YamlMappingNode>())
            {
                (string number, string protocol) = ports[Text(port, "targetPort")];
                Assert.Equal((number, protocol), (Text(port, "port"), Text(port, "protocol")));
            }

            // The state volume: one claim per pod, mounted where --state-dir points.
            YamlMappingNode claim = (YamlMappingNode)((YamlSequenceNode)Map(set, "spec").Children["volumeClaimTemplates"]).Children.Single();
            YamlMappingNode mount = (YamlMappingNode)((YamlSequenceNode)container.Children["volumeMounts"]).Children.Single();
            Assert.Equal(Text(claim, "metadata", "name"), Text(mount, "name"));
            Assert.Equal(Value(args, "--state-dir"), Text(mount, "mountPath"));

            // The fleet key comes from a Secret through the variable the emulator reads.
            YamlMappingNode keyVariable = ((YamlSequenceNode)container.Children["env"]).Children.Cast<YamlMappingNode>()
                .Single(e => Text(e, "name") == Program.FleetKeyVariable);
            Assert.NotNull(Map(keyVariable, "valueFrom", "secretKeyRef"));
            Assert.DoesNotContain("--fleet-key", args);
        }

        private static void AssertKnownOptions(IEnumerable<string> args)
        {
            string[] used = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(used);
            Assert.All(used, option => Assert.True(s_options.Value.Contains(option), option + " is not an option of the emulator"));
        }

        // The option names the emulator's parser prints in its help.
        private static HashSet<string> EmulatorOptionNames()
        {
            using EmulatorProcess help = new EmulatorProcess("--help");
            Assert.True(help.Process.WaitForExit(30_000));
            help.Process.WaitForExit(); // the output is complete once the redirected streams are drained
            HashSet<string> names = Regex.Matches(help.Output, @"^\s+(--[a-z-]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.Contains("--meters", names);
            Assert.Contains("--wrapper-port", names);
            return names;
        }

        private static string ImageTag()
        {
            string build = File.ReadAllLines(Path.Combine(Root(), "deploy", "Dockerfile")).Single(l => l.Contains("docker build", StringComparison.Ordinal));
            return Regex.Match(build, @"-t (\S+)").Groups[1].Value;
        }

        private static string Value(string[] args, string option) => args[Array.IndexOf(args, option) + 1];

        private static string[] Instructions(string[] lines, string instruction)
        {
            return lines.Where(l => l.StartsWith(instruction + " ", StringComparison.Ordinal)).Select(l => l.Substring(instruction.Length + 1).Trim()).ToArray();
        }

        private static YamlMappingNode Map(YamlMappingNode node, params string[] path)
        {
            foreach (string key in path)
            {
                node = (YamlMappingNode)node.Children[new YamlScalarNode(key)];
            }
            return node;
        }

        private static string Text(YamlMappingNode node, params string[] path)
        {
            YamlMappingNode parent = Map(node, path[..^1]);
            return ((YamlScalarNode)parent.Children[new YamlScalarNode(path[^1])]).Value!;
        }

        private static string Root()
        {
            DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DlmsDevice.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
        }
    }
}
