using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DlmsDevice.Client;

namespace DlmsDevice.Tests.Walkthrough
{
    /// <summary>docs/walkthrough.md is a real session: regenerated here and compared, so it never goes stale.</summary>
    public sealed class WalkthroughTests
    {
        [Fact]
        public async Task Walkthrough_RegeneratedFromARealRun_MatchesTheDocument()
        {
            var frames = await WalkthroughDocument.RecordAsync();
            string generated = WalkthroughDocument.Render(frames);
            string path = Path.Combine(WalkthroughDocument.RepositoryRoot(), WalkthroughDocument.RelativePath);
            if (Environment.GetEnvironmentVariable("DLMS_WRITE_WALKTHROUGH") == "1")
            {
                File.WriteAllText(path, generated);
            }

            string document = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";

            Assert.True(generated == document,
                WalkthroughDocument.RelativePath + " differs from a new run; if the change is meant, regenerate it with "
                + "DLMS_WRITE_WALKTHROUGH=1 dotnet test tests/DlmsDevice.Tests --filter WalkthroughTests");
        }

        [Fact]
        public async Task Walkthrough_Session_HasEveryStepAndNoBrokenField()
        {
            var frames = await WalkthroughDocument.RecordAsync();
            var session = new TraceSession();
            session.UseTestKeys();
            var annotations = frames.Select(f => session.Annotate(f.Frame, TraceInput.Hdlc)).ToList();
            string all = string.Concat(annotations.Select(a => AnnotationText.Render(a)));

            Assert.DoesNotContain(annotations, a => a.HasErrors());
            Assert.StartsWith("SNRM", annotations[0].Find("control")!.Meaning);
            Assert.StartsWith("DISC", annotations[^2].Find("control")!.Meaning);
            Assert.Contains("aarq [APPLICATION 0]", all);
            Assert.Contains("acse-service-user 14 authentication-required", all);
            Assert.Contains("1 reply_to_HLS_authentication", all);
            Assert.Contains("get-response-with-datablock [2]", all);
            Assert.Contains("get-request-next [2]", all);
            Assert.Contains("reassembled value", all);
            Assert.Contains("logical name 1.0.1.8.0.255", all);
            Assert.Contains("rlrq [APPLICATION 2]", all);
            Assert.Equal(annotations.Count(a => a.Find("security header") is not null), annotations.Count(a => a.Find("deciphered APDU") is not null));
        }
    }
}
