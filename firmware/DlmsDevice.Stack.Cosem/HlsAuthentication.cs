using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// HLS passes 3 and 4 for Association LN (Blue Book 4.4.4 methods 1 reply_to_HLS_authentication
    /// and 2 change_HLS_secret; Green Book "HLS authentication mechanisms"), for mechanism 5
    /// (GMAC) and 6 (SHA-256). Stateless: the per-channel state (challenges, titles, keys) is in
    /// <see cref="CosemContext.Security"/>, so one instance serves every association.
    /// </summary>
    /// <remarks>
    /// <para>reply_to_HLS_authentication is served only while the association the request came
    /// on is pending, and only on that association's own object (directly or as 0.0.40.0.0.255).
    /// The parameter is the client's f(StoC), an octet-string:</para>
    /// <list type="bullet">
    /// <item>mechanism 5: <c>10 || IC || GMAC</c> (17 bytes) computed with the global EK and AK,
    /// the client's system title and its IC. That IC is not checked against the replay counter:
    /// the fresh StoC makes the answer unrepeatable, and the clients differ (Gurux sends the IC
    /// before the envelope's, dlms-cosem the envelope's own);</item>
    /// <item>mechanism 6: SHA-256(secret || ST_C || ST_S || StoC || CtoS) (32 bytes).</item>
    /// </list>
    /// <para>Right: the association becomes associated and the method returns our f(CtoS) as an
    /// octet-string (GMAC with the server's title and the next transmit invocation counter, or
    /// SHA-256(secret || ST_S || ST_C || CtoS || StoC)). Wrong, malformed, or asked for when not
    /// pending: read-write-denied, and a pending association falls back to non-associated (the
    /// client must start again with a new AARQ and a new StoC: one guess per challenge).</para>
    /// <para>change_HLS_secret replaces the association's secret (octet-string, 1..its capacity
    /// bytes): type-unmatched for another type, scope-of-access-violated for a bad length. It is
    /// the HLS secret of mechanisms 2..4 and 6 and the LLS password; HLS-GMAC uses the keys of the
    /// Security setup instead.</para>
    /// </remarks>
    public sealed class HlsAuthentication : IHlsAuthentication
    {
        /// <inheritdoc />
        public ActionResult ReplyToHlsAuthentication(AssociationLogicalName association, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (context == null || context.Association != association || context.Status != AssociationStatus.AssociationPending)
            {
                return ActionResult.ReadWriteDenied;
            }

            SecurityContext security = context.Security;
            bool passed = security != null && security.ServerChallengeLength > 0 && parameters != null
                && Reply(association, parameters, returnParameters, context, security);
            if (security != null)
            {
                // One answer per challenge, right or wrong.
                security.ClearServerChallenge();
                Array.Clear(security.Scratch, 0, security.Scratch.Length);
            }

            if (!passed)
            {
                // For the operator's log (the client gets read-write-denied, nothing more).
                context.Refuse(Acse.AssociationRefusal.HlsAuthenticationFailed, context.AuthenticationMechanism, -1);
                context.Status = AssociationStatus.NonAssociated;
                return ActionResult.ReadWriteDenied;
            }

            context.Status = AssociationStatus.Associated;
            return ActionResult.Success;
        }

        /// <inheritdoc />
        public ActionResult ChangeHlsSecret(AssociationLogicalName association, AxdrReader parameters, CosemContext context)
        {
            int offset;
            int length;
            if (parameters == null || parameters.ReadOctetString(out offset, out length) != AxdrStatus.Ok)
            {
                return ActionResult.TypeUnmatched;
            }

            if (length < 1 || length > association.MaxSecretLength || length > SecurityContext.MaxChallengeLength)
            {
                return ActionResult.ScopeOfAccessViolated;
            }

            association.SetSecret(parameters.Buffer, offset, length);
            return ActionResult.Success;
        }

        private static bool Reply(AssociationLogicalName association, AxdrReader parameters, AxdrWriter returnParameters,
            CosemContext context, SecurityContext security)
        {
            int offset;
            int length;
            if (parameters.ReadOctetString(out offset, out length) != AxdrStatus.Ok)
            {
                return false;
            }

            SecurityProfile profile = security.Profile;
            if (profile == null || !security.HasClientSystemTitle)
            {
                return false;
            }

            byte[] response = parameters.Buffer;
            if (context.AuthenticationMechanism == Acse.MechanismName.HlsGmac)
            {
                return ReplyGmac(profile, security, response, offset, length, returnParameters);
            }

            if (context.AuthenticationMechanism == Acse.MechanismName.HlsSha256)
            {
                return ReplySha256(association, profile, security, response, offset, length, returnParameters);
            }

            return false;
        }

        private static bool ReplyGmac(SecurityProfile profile, SecurityContext security, byte[] response, int offset, int length, AxdrWriter returnParameters)
        {
            if (!profile.HasKeys)
            {
                return false;
            }

            uint clientInvocationCounter;
            SecurityStatus status = HlsGmac.Verify(profile.EncryptionKey, profile.AuthenticationKey, 0,
                security.ClientSystemTitle, 0, security.ServerChallenge, 0, security.ServerChallengeLength,
                response, offset, length, out clientInvocationCounter);
            uint invocationCounter;
            if (status != SecurityStatus.Ok || !profile.Counters.TryNextTransmit(out invocationCounter))
            {
                return false;
            }

            byte[] output = security.Scratch;
            HlsGmac.Compute(profile.EncryptionKey, profile.AuthenticationKey, 0, profile.ServerSystemTitle, 0, invocationCounter,
                security.ClientChallenge, 0, security.ClientChallengeLength, output, 0);
            return returnParameters.WriteOctetString(output, 0, HlsGmac.ResponseLength);
        }

        private static bool ReplySha256(AssociationLogicalName association, SecurityProfile profile, SecurityContext security,
            byte[] response, int offset, int length, AxdrWriter returnParameters)
        {
            byte[] scratch = security.Scratch;
            if (association.SecretLength > SecurityContext.MaxChallengeLength)
            {
                return false;
            }

            int secretLength = association.CopySecret(scratch, 0);
            SecurityStatus status = security.Sha256.VerifyClientResponse(scratch, 0, secretLength,
                security.ClientSystemTitle, 0, profile.ServerSystemTitle, 0,
                security.ServerChallenge, 0, security.ServerChallengeLength,
                security.ClientChallenge, 0, security.ClientChallengeLength,
                response, offset, length);
            if (status != SecurityStatus.Ok)
            {
                return false;
            }

            int output = SecurityContext.MaxChallengeLength;
            security.Sha256.ComputeServerResponse(scratch, 0, secretLength,
                security.ClientSystemTitle, 0, profile.ServerSystemTitle, 0,
                security.ServerChallenge, 0, security.ServerChallengeLength,
                security.ClientChallenge, 0, security.ClientChallengeLength,
                scratch, output);
            return returnParameters.WriteOctetString(scratch, output, HlsSha256.ResponseLength);
        }
    }
}
