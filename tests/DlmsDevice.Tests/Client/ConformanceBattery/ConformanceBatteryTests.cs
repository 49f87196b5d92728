using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using DlmsDevice.Client;
using DlmsDevice.Client.Cli;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.Client.ConformanceBattery
{
    /// <summary>
    /// The conformance battery: every check passes (or does not apply, with a reason) against the
    /// emulator's default meter; against deliberately broken servers the broken behaviour is
    /// reported as a failure, and the run always ends.
    /// </summary>
    public sealed class ConformanceBatteryTests
    {
        private static ConformanceOptions Against(int hdlcPort, int wrapperPort, double replySeconds = 3, int quietMilliseconds = 300) => new()
        {
            HdlcPort = hdlcPort,
            WrapperPort = wrapperPort,
            ReplyTimeout = TimeSpan.FromSeconds(replySeconds),
            QuietTime = TimeSpan.FromMilliseconds(quietMilliseconds),
        };

        [Fact]
        public void Battery_HasAtLeastSixtyChecks_EachWithUniqueIdAndAClause()
        {
            var checks = ConformanceRunner.All;

            Assert.True(checks.Count >= 60, checks.Count + " checks");
            Assert.Equal(checks.Count, checks.Select(c => c.Id).Distinct().Count());
            Assert.All(checks, c => Assert.Matches("(IEC 62056-4[67]|Green Book|Blue Book) ", c.Clause));
        }

        [Fact]
        public async Task Battery_AgainstTheEmulator_NothingFails()
        {
            using MeterHarness meter = MeterHarness.Start();

            ConformanceReport report = await ConformanceRunner.RunAsync(Against(meter.Emulator.HdlcEndPoint!.Port, meter.Emulator.WrapperEndPoint!.Port));

            string failures = string.Join("\n", report.Results.Where(r => r.Outcome == CheckOutcome.Fail).Select(r => r.Check.Id + ": " + r.Message));
            Assert.True(report.Failed == 0, failures);
            Assert.NotNull(report.Server);
            Assert.True(report.Passed >= 60, report.Passed + " passed");
            Assert.All(report.Results.Where(r => r.Outcome == CheckOutcome.NotApplicable), r => Assert.NotEmpty(r.Message));
            Assert.All(report.Results.Where(r => r.Outcome == CheckOutcome.Pass), r => Assert.Contains(r.Exchanges, e => e.Direction == "->"));
        }

        [Fact]
        public async Task Battery_SilentServer_EveryCheckFailsOnItsTimeOutAndTheRunEnds()
        {
            await using var server = new BrokenServer(Misbehaviour.Silent);
            var clock = Stopwatch.StartNew();

            ConformanceReport report = await ConformanceRunner.RunAsync(Against(server.Port, server.Port, 0.3),
                ConformanceRunner.Filter("hdlc.snrm-ua,hdlc.i-frame-sequence,acse.aarq-public,get.normal,hls.gmac-association"));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
            Assert.Null(report.Server);
            Assert.Equal(5, report.Failed);
            Assert.Equal("no answer to SNRM", report.Results.Single(r => r.Check.Id == "hdlc.snrm-ua").Message);
            Assert.Equal("no AARE to the public client's AARQ", report.Results.Single(r => r.Check.Id == "acse.aarq-public").Message);
        }

        [Fact]
        public async Task Battery_ServerThatDropsTheConnection_FailsTheChecksAndEnds()
        {
            await using var server = new BrokenServer(Misbehaviour.DropsConnection);

            ConformanceReport report = await ConformanceRunner.RunAsync(Against(server.Port, server.Port, 2));

            Assert.Equal(ConformanceRunner.All.Count, report.Results.Count);
            Assert.True(report.Failed >= 50, report.Failed + " failed");
            foreach (string id in new[] { "hdlc.snrm-ua", "hdlc.disc-ua", "wrapper.header", "acse.aarq-public", "get.normal", "acse.lls-accepted", "hls.gmac-association" })
            {
                Assert.Equal(CheckOutcome.Fail, report.Results.Single(r => r.Check.Id == id).Outcome);
            }
            Assert.Contains(report.Results.Single(r => r.Check.Id == "hdlc.snrm-ua").Exchanges, e => e.Note == "the server closed the connection");
        }

        [Fact]
        public async Task Battery_ServerAnsweringWrongBytes_FailsFramingAndEnds()
        {
            await using var server = new BrokenServer(Misbehaviour.WrongBytes);

            // The server answers at once; the reply time-out only has to outlast a loaded machine.
            ConformanceReport report = await ConformanceRunner.RunAsync(Against(server.Port, server.Port, 2),
                ConformanceRunner.Filter("hdlc.snrm-ua,hdlc.disc-ua,wrapper.header,acse.aarq-public"));

            Assert.Equal(4, report.Failed);
            CheckResult snrm = report.Results.Single(r => r.Check.Id == "hdlc.snrm-ua");
            Assert.Contains(snrm.Exchanges, e => e.Direction == "<-" && e.Note == "bytes that are not a valid HDLC frame");
            Assert.Equal("the server sent bytes that are not a wrapper PDU (version 21777, not 1)", report.Results.Single(r => r.Check.Id == "wrapper.header").Message);
        }

        [Fact]
        public async Task Battery_SloppyHdlcServer_ReportsEachBrokenRule()
        {
            await using var server = new BrokenServer(Misbehaviour.SloppyHdlc);

            // "Silently dropped" is judged by a quiet time: long enough here that a loaded machine
            // still sees the sloppy server's answers to the bad HCS and FCS frames inside it.
            ConformanceReport report = await ConformanceRunner.RunAsync(Against(server.Port, 0, 2, 1500), ConformanceRunner.Filter("hdlc.*"));

            CheckResult Result(string id) => report.Results.Single(r => r.Check.Id == id);
            Assert.Equal(CheckOutcome.Pass, Result("hdlc.snrm-ua").Outcome);
            Assert.Equal(CheckOutcome.Pass, Result("hdlc.disc-ua").Outcome);
            Assert.Equal("the server answered a frame with a wrong HCS", Result("hdlc.bad-hcs-dropped").Message);
            Assert.Equal("the server answered a frame with a wrong FCS", Result("hdlc.bad-fcs-dropped").Message);
            Assert.Equal("the FRMR has no 3-byte information field (rejected control, V(S)/V(R), reason)", Result("hdlc.frmr-invalid-control").Message);
            Assert.Equal(CheckOutcome.Fail, Result("hdlc.ndm-disc-dm").Outcome);
            Assert.Equal(CheckOutcome.Fail, Result("hdlc.i-frame-sequence").Outcome);
            Assert.Equal(CheckOutcome.Fail, Result("hdlc.frmr-invalid-nr").Outcome);
        }

        [Fact]
        public async Task Cli_Conformance_WritesTextAndJUnit()
        {
            using MeterHarness meter = MeterHarness.Start();
            string junit = Path.Combine(Path.GetTempPath(), "dlms-junit-" + Guid.NewGuid().ToString("N") + ".xml");
            var stdout = new StringWriter(CultureInfo.InvariantCulture);
            var stderr = new StringWriter(CultureInfo.InvariantCulture);
            try
            {
                int code = await CliApp.RunAsync(new[]
                {
                    "conformance", "--hdlc-port", meter.Emulator.HdlcEndPoint!.Port.ToString(CultureInfo.InvariantCulture),
                    "--wrapper-port", meter.Emulator.WrapperEndPoint!.Port.ToString(CultureInfo.InvariantCulture),
                    "--only", "hdlc.snrm-ua,get.blocks,hdlc.window", "--junit", junit, "--quiet-time", "0.3",
                }, stdout, stderr);

                Assert.Equal(0, code);
                string text = stdout.ToString();
                Assert.Contains("result: 2 passed, 0 failed, 1 not applicable", text);
                Assert.Contains("PASS  hdlc.snrm-ua", text);
                Assert.Contains("clause: Green Book 9.4.6.2.4", text);
                XElement suite = XDocument.Load(junit).Root!.Element("testsuite")!;
                Assert.Equal("3", suite.Attribute("tests")!.Value);
                Assert.Equal("0", suite.Attribute("failures")!.Value);
                Assert.Equal("1", suite.Attribute("skipped")!.Value);
                Assert.Contains("-> 7E A0 08 02 23 21 93 BD 64 7E", suite.Elements("testcase").First(t => t.Attribute("name")!.Value == "hdlc.snrm-ua").Element("system-out")!.Value);
            }
            finally
            {
                File.Delete(junit);
            }
        }
    }
}
