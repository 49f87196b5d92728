using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DlmsDevice.Client;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Tests.EndToEnd.Support;

namespace DlmsDevice.Tests.Walkthrough
{
    /// <summary>
    /// Generates docs/walkthrough.md from a real session against the emulator's default meter:
    /// HDLC over TCP, client 48 with HLS-GMAC and authenticated encryption, a GET that comes back
    /// in blocks, release and disconnect; every frame annotated layer by layer by the client's
    /// <see cref="TraceSession"/> (what <c>dlms translate --keys test</c> and the emulator's
    /// <c>--trace</c> print). Everything that could vary is fixed (the meter's entropy, the
    /// client's challenge and counter, the simulated time), so the same run gives the same bytes.
    /// </summary>
    internal static class WalkthroughDocument
    {
        /// <summary>The document's path in the repository.</summary>
        public const string RelativePath = "docs/walkthrough.md";

        /// <summary>What the walkthrough reads: the load profile's capture_objects.</summary>
        public static readonly CosemAttribute Target = CosemAttribute.Parse("1.0.99.1.0.255:7:3");

        /// <summary>The client's CtoS challenge (fixed so the document is reproducible).</summary>
        public static readonly byte[] Challenge = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");

        /// <summary>Runs the session and returns its frames in order.</summary>
        public static async Task<IReadOnlyList<(FrameDirection Direction, byte[] Frame)>> RecordAsync()
        {
            var frames = new List<(FrameDirection, byte[])>();
            using MeterHarness meter = MeterHarness.Start(meter: s => s.Entropy = new SimulatedEntropy(7));
            DlmsClientOptions options = meter.Options(TransportKind.Hdlc, 48) with
            {
                Authentication = AuthenticationMechanism.HighGmac,
                MaxReceivePduSize = 64,
                Security = new DlmsSecurityOptions
                {
                    Policy = SecurityPolicy.AuthenticatedEncrypted,
                    Challenge = Challenge,
                    InvocationCounter = 1,
                },
                FrameTrace = (direction, frame) => frames.Add((direction, frame)),
            };
            await using DlmsClient client = await DlmsClient.ConnectAsync(options);
            await client.AssociateAsync();
            await client.GetAsync(Target);
            await client.ReleaseAsync();
            await client.DisconnectAsync();
            return frames;
        }

        /// <summary>The whole document for these frames.</summary>
        public static string Render(IReadOnlyList<(FrameDirection Direction, byte[] Frame)> frames)
        {
            var session = new TraceSession();
            session.UseTestKeys();
            var annotated = frames.Select(f => (f.Direction, f.Frame, Annotation: session.Annotate(f.Frame, TraceInput.Hdlc))).ToList();
            var sb = new StringBuilder();
            sb.Append("# A DLMS/COSEM session, layer by layer\n\n");
            sb.Append("One complete session with the emulator's default meter, every frame taken apart field by field with\n");
            sb.Append("the names of the standards: the HDLC frame (IEC 62056-46), the LLC header, the ACSE or xDLMS APDU\n");
            sb.Append("(Green Book, DLMS UA 1000-2), for ciphered APDUs the security header and the deciphered APDU, and the\n");
            sb.Append("A-XDR values (Blue Book, DLMS UA 1000-1).\n\n");
            sb.Append("**This file is generated** from a real run by `WalkthroughTests` (tests/DlmsDevice.Tests/Walkthrough):\n");
            sb.Append("the test runs the session again and fails when the bytes or their annotation differ from this file.\n");
            sb.Append("After a deliberate change, regenerate it with\n\n");
            sb.Append("```\nDLMS_WRITE_WALKTHROUGH=1 dotnet test tests/DlmsDevice.Tests --filter WalkthroughTests\n```\n\n");
            sb.Append("The annotation is the client's (`tools/DlmsDevice.Client/Annotation`). The emulator prints the same\n");
            sb.Append("for every frame with `--trace`, and `dlms translate` does it for any frame you paste:\n\n");
            sb.Append("```\ndotnet run --project tools/DlmsDevice.Cli -- translate --keys test 7E A0 08 02 23 61 93 ..\n```\n\n");
            sb.Append("## The session\n\n");
            sb.Append("HDLC over TCP (port 4060), client SAP 48 (the management client), server logical device 1 with\n");
            sb.Append("physical address 17. Client 48 authenticates with HLS-GMAC (mechanism 5) and protects every APDU with\n");
            sb.Append("authenticated encryption (security suite 0, AES-GCM-128) under the published Green Book test keys\n");
            sb.Append("(EK `000102030405060708090A0B0C0D0E0F`, AK `D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF`). The client proposes a\n");
            sb.Append("client-max-receive-pdu-size of 64 bytes, so the meter has to send the value it reads, the load\n");
            sb.Append("profile's capture_objects (" + Target + "), in blocks. The same with the client CLI:\n\n");
            sb.Append("```\ndotnet run --project tools/DlmsDevice.Cli -- read " + Target + " --raw -t hdlc --client 48 --auth hls-gmac \\\n");
            sb.Append("    --security auth-enc --max-pdu 64 --challenge " + Convert.ToHexString(Challenge) + " --ic 1 --trace\n```\n\n");
            sb.Append("| # | direction | frame | what |\n|---|---|---|---|\n");
            for (int i = 0; i < annotated.Count; i++)
            {
                (string title, _) = Describe(annotated[i].Annotation, annotated[i].Direction);
                sb.Append("| ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(" | ")
                  .Append(annotated[i].Direction == FrameDirection.Sent ? "client → meter" : "meter → client").Append(" | ")
                  .Append(Kind(annotated[i].Annotation)).Append(" | ").Append(title).Append(" |\n");
            }
            sb.Append("\nHow to read the blocks below: each line is one field, indented by layer; the first column is the\n");
            sb.Append("field's name in the standard, then its bytes in hex (long fields show their first bytes and their\n");
            sb.Append("length), then what they mean. A field marked `<-- !!` is wrong.\n");
            for (int i = 0; i < annotated.Count; i++)
            {
                (string title, string prose) = Describe(annotated[i].Annotation, annotated[i].Direction);
                sb.Append("\n## ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(title).Append("\n\n");
                sb.Append(prose).Append("\n\n");
                sb.Append("```text\n");
                sb.Append(annotated[i].Direction == FrameDirection.Sent ? "C>S " : "S>C ").Append(AnnotationText.Hex(annotated[i].Frame)).Append('\n');
                sb.Append(AnnotationText.Render(annotated[i].Annotation, 2));
                sb.Append("```\n");
            }
            return sb.ToString();
        }

        /// <summary>Finds the repository root (the folder with DlmsDevice.sln) above the test binaries.</summary>
        public static string RepositoryRoot()
        {
            DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DlmsDevice.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("DlmsDevice.sln not found above " + AppContext.BaseDirectory);
        }

        private static string Kind(Annotation frame)
        {
            string control = frame.Children.FirstOrDefault(c => c.Name == "control")?.Meaning ?? "";
            string kind = control.Split(' ')[0];
            Annotation? apdu = Apdu(frame);
            return apdu is null ? kind : kind + ": " + ApduShortName(apdu);
        }

        // The innermost APDU: the deciphered one if there is one.
        private static Annotation? Apdu(Annotation frame)
        {
            Annotation? apdu = Find(frame, a => a.Name is "xDLMS APDU" or "ACSE APDU");
            if (apdu?.Name == "ACSE APDU")
            {
                return apdu;
            }
            Annotation? inner = apdu is null ? null : Find(apdu, a => a.Name == "deciphered APDU");
            return inner?.Children.FirstOrDefault() ?? apdu;
        }

        private static string ApduShortName(Annotation apdu)
        {
            string name = (apdu.Meaning ?? "").Split(',')[0];
            string? choice = apdu.Children.FirstOrDefault(c => c.Name.EndsWith(" choice", StringComparison.Ordinal))?.Meaning;
            return choice is null ? name.Split(' ')[0] : choice.Split(' ')[0];
        }

        private static Annotation? Find(Annotation node, Func<Annotation, bool> match)
        {
            foreach (Annotation child in node.Children)
            {
                if (match(child))
                {
                    return child;
                }
                Annotation? inner = Find(child, match);
                if (inner is not null)
                {
                    return inner;
                }
            }
            return null;
        }

        // The heading and the explanation of a frame, from what it is.
        private static (string Title, string Prose) Describe(Annotation frame, FrameDirection direction)
        {
            string control = frame.Children.FirstOrDefault(c => c.Name == "control")?.Meaning ?? "";
            bool fromClient = direction == FrameDirection.Sent;
            if (control.StartsWith("SNRM", StringComparison.Ordinal))
            {
                return ("SNRM: the client opens the data link",
                    "The client asks for normal response mode. Its SNRM has no information field, so it proposes nothing and "
                    + "the defaults of IEC 62056-46 apply on its side: information fields of 128 bytes and a window of 1 frame. "
                    + "The destination address has two bytes, the meter's upper (logical device 1) and lower (physical 17) "
                    + "HDLC addresses; the source is the client's SAP 48 shifted left with the end bit set (0x61).");
            }
            if (control.StartsWith("UA", StringComparison.Ordinal) && frame.Find("format identifier") is not null)
            {
                return ("UA: the meter accepts and states the negotiated limits",
                    "The unnumbered acknowledge carries the HDLC parameters from the meter's point of view: what it will "
                    + "transmit and receive at most per frame, and its windows. Each is the smaller of its own limit and the "
                    + "client's proposal.");
            }
            if (control.StartsWith("DISC", StringComparison.Ordinal))
            {
                return ("DISC: the client closes the data link",
                    "After the release the client ends the HDLC connection. A DISC has no information field: its header check "
                    + "sequence is the only check.");
            }
            if (control.StartsWith("UA", StringComparison.Ordinal))
            {
                return ("UA: the meter confirms the disconnection", "The meter is back in normal disconnected mode; a new SNRM would start over.");
            }
            Annotation? apdu = Apdu(frame);
            Annotation? outer = Find(frame, a => a.Name is "xDLMS APDU" or "ACSE APDU");
            string name = apdu?.Meaning ?? "";
            string choice = apdu?.Children.FirstOrDefault(c => c.Name.EndsWith(" choice", StringComparison.Ordinal))?.Meaning ?? "";
            bool ciphered = outer is not null && outer.Find("security header") is not null;
            string protection = ciphered && name.StartsWith("action-request", StringComparison.Ordinal) ? " It travels ciphered: the security header names the protection (0x30, authenticated and "
                + "encrypted) and the sender's invocation counter, which with the sender's system title makes the GCM initialisation "
                + "vector; the authentication tag covers the security control byte, the authentication key and the ciphertext." : "";
            if (name.StartsWith("aarq", StringComparison.Ordinal))
            {
                return ("AARQ: the client asks for an association with HLS-GMAC",
                    "The A-ASSOCIATE request (BER encoded) names the application context \"logical name referencing with "
                    + "ciphering\", carries the client's system title (calling-AP-title), asks for authentication with "
                    + "mechanism 5 (HLS GMAC) and sends the client's challenge CtoS. Its user-information is the xDLMS "
                    + "InitiateRequest, ciphered as glo-initiateRequest: proposed conformance and the client's maximum receive "
                    + "PDU size (64 bytes here).");
            }
            if (name.StartsWith("aare", StringComparison.Ordinal))
            {
                return ("AARE: accepted, but the client must still prove itself",
                    "Result 0 (accepted) with the diagnostic authentication-required (14): the association is pending until "
                    + "the client answers the meter's challenge StoC (responding-authentication-value). The responding-AP-title "
                    + "is the meter's system title, needed to decipher what the meter sends. The InitiateResponse (ciphered as "
                    + "glo-initiateResponse) gives the negotiated conformance and the meter's maximum receive PDU size.");
            }
            if (name.StartsWith("action-request", StringComparison.Ordinal))
            {
                return ("ACTION reply_to_HLS_authentication: the client's proof",
                    "HLS pass 3: the client invokes method 1 of its Association LN object (class 15, 0.0.40.0.0.255) with "
                    + "f(StoC) = SC ‖ IC ‖ GMAC(EK, system title ‖ IC, SC ‖ AK ‖ StoC), 17 bytes in an octet-string. Only "
                    + "this request is served while the association is pending." + protection);
            }
            if (name.StartsWith("action-response", StringComparison.Ordinal))
            {
                return ("ACTION response: the meter's proof; the association is open",
                    "HLS pass 4: the meter accepted f(StoC) (result success) and returns its own proof f(CtoS), the GMAC "
                    + "over the client's challenge with the meter's system title and counter, which the client checks. From "
                    + "now on every APDU is protected as the association's security policy requires." + protection);
            }
            if (name.StartsWith("get-request", StringComparison.Ordinal) && choice.StartsWith("get-request-normal", StringComparison.Ordinal))
            {
                return ("GET-Request-Normal: read the load profile's capture_objects",
                    "The client reads attribute 3 of the Profile generic 1.0.99.1.0.255: the list of the columns the profile "
                    + "captures. The attribute descriptor is class-id, instance-id (the logical name) and attribute-id; no "
                    + "selective access." + protection);
            }
            if (name.StartsWith("get-request", StringComparison.Ordinal))
            {
                return ("GET-Request-Next: the client acknowledges a block",
                    "Service-specific block transfer: the client asks for the next block by acknowledging the number of the "
                    + "block it received." + protection);
            }
            if (name.StartsWith("get-response", StringComparison.Ordinal) && choice.StartsWith("get-response-with-datablock", StringComparison.Ordinal))
            {
                bool last = apdu!.Find("last-block")?.Meaning == "TRUE";
                return (last ? "GET-Response-With-Datablock: the last block" : "GET-Response-With-Datablock: a block of the value",
                    last
                        ? "last-block is TRUE: the client puts the raw-data of all blocks together and decodes the value: an array "
                          + "of capture object definitions {class_id, logical_name, attribute_index, data_index}." + protection
                        : "The encoded value does not fit the client's 64-byte PDU, so the meter sends it in numbered blocks "
                          + "(DataBlock-G). raw-data is a slice of the A-XDR encoding, not a value by itself." + protection);
            }
            if (name.StartsWith("rlrq", StringComparison.Ordinal))
            {
                return ("RLRQ: the client releases the association",
                    "A-RELEASE request with reason normal. Like the reference clients, the client sends its InitiateRequest "
                    + "again, ciphered, in user-information.");
            }
            if (name.StartsWith("rlre", StringComparison.Ordinal))
            {
                return ("RLRE: the association is released",
                    "A-RELEASE response, reason normal, with the meter's ciphered InitiateResponse.");
            }
            return (fromClient ? "client frame" : "meter frame", "");
        }
    }
}
