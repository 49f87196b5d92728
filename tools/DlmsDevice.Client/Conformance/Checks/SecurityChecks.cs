using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>HLS-GMAC authentication and suite-0 ciphering: the good path, and every way a request can fail protection.</summary>
    internal static class SecurityChecks
    {
        private const string Hls = "Green Book 9.2.7.4 (HLS authentication, mechanism 5 GMAC) and Blue Book IC 15 reply_to_HLS_authentication";
        private const string Ciphering = "Green Book 9.2.7 (cryptographic protection: security header, invocation counter, AES-GCM-128)";

        public static IReadOnlyList<ConformanceCheck> All { get; } = new[]
        {
            new ConformanceCheck("hls.gmac-association", "HLS-GMAC with authenticated encryption: AARQ, reply_to_HLS_authentication, the server's proof verified, two ciphered GETs", Hls, GmacAsync),
            new ConformanceCheck("hls.aare-pending", "the HLS AARE: accepted with authentication-required, 8-byte responding-AP-title, StoC of 8..64 bytes, ciphered InitiateResponse", Hls, AareAsync),
            new ConformanceCheck("hls.wrong-proof", "a wrong f(StoC) is refused and the association stays closed", Hls, WrongProofAsync),
            new ConformanceCheck("hls.pending-get-refused", "before reply_to_HLS_authentication, a GET is refused", Hls, PendingGetAsync),
            new ConformanceCheck("hls.challenge-8", "a CtoS challenge of 8 bytes is accepted", Hls, c => ChallengeAsync(c, 8)),
            new ConformanceCheck("hls.challenge-64", "a CtoS challenge of 64 bytes is accepted", Hls, c => ChallengeAsync(c, 64)),
            new ConformanceCheck("hls.challenge-too-short", "a CtoS challenge of 7 bytes is refused", Hls, ShortChallengeAsync),
            new ConformanceCheck("hls.wrong-key-aarq", "an AARQ whose glo-initiateRequest is ciphered with another key is refused", Hls + "; " + Ciphering, WrongKeyAarqAsync),
            new ConformanceCheck("cipher.replayed-counter", "a ciphered GET sent again with the same invocation counter is refused", Ciphering, ReplayAsync),
            new ConformanceCheck("cipher.wrong-tag", "a ciphered GET with an altered authentication tag is refused", Ciphering, WrongTagAsync),
            new ConformanceCheck("cipher.wrong-key", "a GET ciphered with another block cipher key is refused", Ciphering, WrongKeyAsync),
            new ConformanceCheck("cipher.plain-request", "a GET in clear in an association that requires ciphering is refused", Ciphering, PlainAsync),
            new ConformanceCheck("cipher.authentication-only", "a GET only authenticated (SC 0x10) where authenticated encryption is required is refused", Ciphering, AuthenticatedOnlyAsync),
            new ConformanceCheck("cipher.general-glo", "a GET as general-glo-ciphering (with the system title) is served", Ciphering + "; Green Book 9.4.6.1 (general-protection)", GeneralGloAsync),
            new ConformanceCheck("cipher.in-plain-association", "a ciphered GET in an association without ciphering is refused", Ciphering, CipheredInPlainAsync),
        };

        private sealed record Manual(IProbeChannel Channel, SecurityContext Security, AssociationResponse Aare);

        private static async Task<uint> NextCounterAsync(CheckContext c)
        {
            if (c.Options.InvocationCounterObject is not ObisCode counter)
            {
                return 1;
            }
            uint value = await DlmsClient.ReadInvocationCounterAsync(c.ClientOptions(c.Options.PublicClient), counter, c.Token).ConfigureAwait(false);
            return value + 1;
        }

        // An HLS-GMAC AARQ built here (so its parts can be altered) and the AARE.
        private static async Task<Manual> AarqAsync(CheckContext c, byte[] challenge, byte[]? blockCipherKey = null)
        {
            DlmsClientOptions options = c.HlsOptions();
            uint ic = await NextCounterAsync(c).ConfigureAwait(false);
            DlmsSecurityOptions security = options.Security with
            {
                InvocationCounter = ic,
                ReadInvocationCounterFrom = null,
                BlockCipherKey = blockCipherKey ?? options.Security.BlockCipherKey,
            };
            var context = new SecurityContext(security, null);
            byte[] initiate = AssociationRequest.EncodeInitiateRequest(CheckContext.Proposed, 0xFFFF);
            byte[] aarq = AssociationRequest.Encode(AssociationRequest.LogicalNameWithCiphering, security.SystemTitle, AuthenticationMechanism.HighGmac, challenge, context.ProtectInitiateRequest(initiate));
            IProbeChannel channel = await c.OpenChannelAsync(c.Options.HlsClient).ConfigureAwait(false);
            AssociationResponse aare = Replies.RequireAare(await channel.ExchangeAsync(aarq).ConfigureAwait(false), "the HLS AARQ");
            if (aare.RespondingApTitle is { Length: SuiteZeroCipher.SystemTitleLength } title)
            {
                context.ServerSystemTitle = title;
            }
            return new Manual(channel, context, aare);
        }

        private static byte[] Plain(SecurityContext security, byte[]? reply)
        {
            CheckContext.Require(reply is { Length: > 0 }, "no answer");
            try
            {
                return security.Unprotect(reply!);
            }
            catch (DlmsSecurityException e)
            {
                throw CheckContext.Fail("the reply does not decipher: " + e.Message);
            }
        }

        // Refused: an exception-response in clear, or a ciphered one, or a GET-Response without data.
        private static void RequireNoData(SecurityContext security, byte[]? reply, string request)
        {
            CheckContext.Require(reply is not null, "no answer to " + request + " (a refusal is expected)");
            byte[] plain = CipheredApdu.IsCiphered(reply![0]) ? Plain(security, reply) : reply;
            if (Replies.IsRefusal(plain))
            {
                return;
            }
            CheckContext.Require(plain.Length > 3 && plain[0] == 0xC4 && plain[1] == 0x01 && plain[3] != 0x00, request + " was served: " + Replies.Describe(plain));
        }

        private static async Task GmacAsync(CheckContext c)
        {
            DlmsClient client = await c.AssociateAsync(c.HlsOptions()).ConfigureAwait(false);
            await client.GetAsync(CheckHelpers.SampleAttribute(c), null, c.Token).ConfigureAwait(false);
            await client.GetAsync(CheckHelpers.SampleAttribute(c), null, c.Token).ConfigureAwait(false);
            await client.ReleaseAsync(c.Token).ConfigureAwait(false);
        }

        private static async Task AareAsync(CheckContext c)
        {
            Manual m = await AarqAsync(c, new byte[16] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }).ConfigureAwait(false);
            AssociationResponse a = m.Aare;
            CheckContext.Require(a.Result == 0 && !a.DiagnosticIsProvider && a.Diagnostic == 14, "the AARE is result " + a.Result + " diagnostic " + a.Diagnostic + ", not accepted with authentication-required (14)");
            CheckContext.Require(a.RespondingApTitle is { Length: 8 }, "the AARE has no 8-byte responding-AP-title");
            CheckContext.Require(a.RespondingAuthenticationValue is { Length: >= 8 and <= 64 }, "the StoC challenge has " + (a.RespondingAuthenticationValue?.Length ?? 0) + " bytes");
            CheckContext.Require(a.MechanismName is null or 5, "the AARE names mechanism " + a.MechanismName);
            CheckContext.Require(a.CipheredUserInformation is not null, "the InitiateResponse is not ciphered");
            AssociationResponse plain = a.WithUserInformation(Plain(m.Security, a.CipheredUserInformation));
            CheckContext.Require(plain.HasInitiateResponse && plain.DlmsVersion == 6, "the deciphered user-information is not an InitiateResponse for version 6");
        }

        private static async Task<byte[]> ReplyToHlsAsync(CheckContext c, Manual m, bool right)
        {
            CheckContext.Require(m.Aare.IsAuthenticationRequired && m.Aare.RespondingAuthenticationValue is not null, "the AARE does not start HLS");
            byte[] proof = m.Security.GmacProof(m.Aare.RespondingAuthenticationValue!);
            if (!right)
            {
                proof[^1] ^= 0x01;
            }
            byte[] request = ActionRequest.Normal(CheckHelpers.InvokeId, DlmsClient.ReplyToHlsAuthentication, AxdrEncoder.Encode(DlmsValue.OctetString(proof)));
            return Plain(m.Security, await m.Channel.ExchangeAsync(m.Security.Protect(request, CipheringKind.Glo)).ConfigureAwait(false));
        }

        private static async Task WrongProofAsync(CheckContext c)
        {
            Manual m = await AarqAsync(c, Guid.NewGuid().ToByteArray()).ConfigureAwait(false);
            byte[] reply = await ReplyToHlsAsync(c, m, false).ConfigureAwait(false);
            if (!Replies.IsRefusal(reply))
            {
                ActionResponse response;
                try
                {
                    response = ActionResponse.Decode(reply);
                }
                catch (DlmsException e)
                {
                    throw CheckContext.Fail("the reply to a wrong f(StoC) does not decode: " + e.Message);
                }
                CheckContext.Require(response.Result != DataAccessResult.Success, "a wrong f(StoC) was accepted");
            }
            byte[] get = m.Security.Protect(CheckHelpers.SampleGet(c), CipheringKind.Glo);
            RequireNoData(m.Security, await m.Channel.ExchangeAsync(get).ConfigureAwait(false), "a GET after a wrong f(StoC)");
        }

        private static async Task PendingGetAsync(CheckContext c)
        {
            Manual m = await AarqAsync(c, Guid.NewGuid().ToByteArray()).ConfigureAwait(false);
            CheckContext.Require(m.Aare.IsAuthenticationRequired, "the AARE does not start HLS");
            byte[] get = m.Security.Protect(CheckHelpers.SampleGet(c), CipheringKind.Glo);
            RequireNoData(m.Security, await m.Channel.ExchangeAsync(get).ConfigureAwait(false), "a GET while the association is pending");
        }

        private static async Task ChallengeAsync(CheckContext c, int length)
        {
            byte[] challenge = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();
            DlmsClient client = await c.AssociateAsync(c.HlsOptions(s => s with { Challenge = challenge })).ConfigureAwait(false);
            await client.GetAsync(CheckHelpers.SampleAttribute(c), null, c.Token).ConfigureAwait(false);
        }

        private static async Task ShortChallengeAsync(CheckContext c)
        {
            Manual m = await AarqAsync(c, new byte[] { 1, 2, 3, 4, 5, 6, 7 }).ConfigureAwait(false);
            CheckContext.Require(m.Aare.Result != 0, "a 7-byte CtoS challenge was accepted (diagnostic " + m.Aare.Diagnostic + ")");
        }

        private static async Task WrongKeyAarqAsync(CheckContext c)
        {
            Manual m = await AarqAsync(c, Guid.NewGuid().ToByteArray(), Enumerable.Repeat((byte)0x55, 16).ToArray()).ConfigureAwait(false);
            CheckContext.Require(m.Aare.Result != 0, "an AARQ ciphered with a wrong key was accepted");
        }

        private static async Task<DlmsClient> AssociatedAsync(CheckContext c)
        {
            DlmsClient client = await c.AssociateAsync(c.HlsOptions()).ConfigureAwait(false);
            return client;
        }

        private static async Task ReplayAsync(CheckContext c)
        {
            DlmsClient client = await AssociatedAsync(c).ConfigureAwait(false);
            SecurityContext security = client.Security!;
            byte[] get = security.Protect(CheckHelpers.SampleGet(c), CipheringKind.Glo);
            Replies.RequireGetNormal(Plain(security, await client.ExchangeAsync(get, c.Token).ConfigureAwait(false)), CheckHelpers.InvokeId, "the ciphered GET");
            c.Note("the same ciphered GET again, same invocation counter");
            RequireNoData(security, await client.ExchangeAsync(get, c.Token).ConfigureAwait(false), "a replayed GET");
        }

        private static async Task WrongTagAsync(CheckContext c)
        {
            DlmsClient client = await AssociatedAsync(c).ConfigureAwait(false);
            byte[] get = client.Security!.Protect(CheckHelpers.SampleGet(c), CipheringKind.Glo);
            get[^1] ^= 0x01;
            RequireNoData(client.Security, await client.ExchangeAsync(get, c.Token).ConfigureAwait(false), "a GET with an altered tag");
        }

        private static async Task WrongKeyAsync(CheckContext c)
        {
            DlmsClient client = await AssociatedAsync(c).ConfigureAwait(false);
            DlmsSecurityOptions wrong = client.Options.Security with
            {
                BlockCipherKey = Enumerable.Repeat((byte)0x55, 16).ToArray(),
                InvocationCounter = client.Security!.NextInvocationCounter,
                ReadInvocationCounterFrom = null,
            };
            var other = new SecurityContext(wrong, null);
            byte[] get = other.Protect(CheckHelpers.SampleGet(c), CipheringKind.Glo);
            RequireNoData(client.Security, await client.ExchangeAsync(get, c.Token).ConfigureAwait(false), "a GET under another key");
        }

        private static async Task PlainAsync(CheckContext c)
        {
            DlmsClient client = await AssociatedAsync(c).ConfigureAwait(false);
            RequireNoData(client.Security!, await client.ExchangeAsync(CheckHelpers.SampleGet(c), c.Token).ConfigureAwait(false), "a GET in clear");
        }

        private static async Task AuthenticatedOnlyAsync(CheckContext c)
        {
            DlmsClient client = await AssociatedAsync(c).ConfigureAwait(false);
            DlmsSecurityOptions authOnly = client.Options.Security with
            {
                Policy = SecurityPolicy.Authenticated,
                InvocationCounter = client.Security!.NextInvocationCounter,
                ReadInvocationCounterFrom = null,
            };
            var other = new SecurityContext(authOnly, null);
            byte[] get = other.Protect(CheckHelpers.SampleGet(c), CipheringKind.Glo);
            RequireNoData(client.Security, await client.ExchangeAsync(get, c.Token).ConfigureAwait(false), "a GET with authentication only");
        }

        private static async Task GeneralGloAsync(CheckContext c)
        {
            DlmsClient client = await c.AssociateAsync(c.HlsOptions(s => s with { Ciphering = CipheringKind.GeneralGlo, HlsReplyCiphering = CipheringKind.Glo })).ConfigureAwait(false);
            if ((client.Association!.NegotiatedConformance & Conformance.GeneralProtection) == 0)
            {
                throw CheckContext.NotApplicable("general-protection was not negotiated");
            }
            await client.GetAsync(CheckHelpers.SampleAttribute(c), null, c.Token).ConfigureAwait(false);
        }

        private static async Task CipheredInPlainAsync(CheckContext c)
        {
            IProbeChannel channel = await c.OpenChannelAsync().ConfigureAwait(false);
            await CheckHelpers.AssociateAsync(channel).ConfigureAwait(false);
            var security = new SecurityContext(new DlmsSecurityOptions { Policy = SecurityPolicy.AuthenticatedEncrypted, InvocationCounter = 1 }, null);
            byte[]? reply = await channel.ExchangeAsync(security.Protect(CheckHelpers.SampleGet(c), CipheringKind.Glo)).ConfigureAwait(false);
            Replies.RequireRefusal(reply, "a glo-get-request in a plain association");
        }
    }
}
