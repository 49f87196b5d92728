namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// security_policy of Security setup (Blue Book IC 64, <b>version 0</b>, attribute 2): the
    /// protection every xDLMS APDU of an association must at least carry. An APDU may carry more
    /// (an authenticated and encrypted request satisfies every policy); it may never carry less.
    /// </summary>
    /// <remarks>
    /// Version 1 of IC 64 turned the policy into a bit map (authenticated / encrypted / signed,
    /// separately for requests and responses); version 0 is what this server implements and
    /// announces, because it is all suite 0 without signatures needs.
    /// </remarks>
    public static class SecurityPolicy
    {
        /// <summary>nothing (0): no protection required.</summary>
        public const byte Nothing = 0;

        /// <summary>all_messages_authenticated (1): every APDU carries an authentication tag.</summary>
        public const byte AllMessagesAuthenticated = 1;

        /// <summary>all_messages_encrypted (2): every APDU is encrypted.</summary>
        public const byte AllMessagesEncrypted = 2;

        /// <summary>all_messages_authenticated_and_encrypted (3).</summary>
        public const byte AllMessagesAuthenticatedAndEncrypted = 3;

        /// <summary>True for the four values version 0 defines.</summary>
        public static bool IsValid(int policy)
        {
            return policy >= Nothing && policy <= AllMessagesAuthenticatedAndEncrypted;
        }

        /// <summary>
        /// The security control bits (<see cref="SecurityControl.Authentication"/>,
        /// <see cref="SecurityControl.Encryption"/>) an APDU must have under <paramref name="policy"/>.
        /// </summary>
        public static byte RequiredProtection(byte policy)
        {
            switch (policy)
            {
                case AllMessagesAuthenticated:
                    return SecurityControl.Authentication;
                case AllMessagesEncrypted:
                    return SecurityControl.Encryption;
                case AllMessagesAuthenticatedAndEncrypted:
                    return SecurityControl.AuthenticatedEncrypted;
                default:
                    return 0;
            }
        }

        /// <summary>True when an APDU protected as <paramref name="securityControl"/> says meets <paramref name="policy"/>.</summary>
        public static bool IsMetBy(byte policy, byte securityControl)
        {
            byte required = RequiredProtection(policy);
            return (securityControl & required) == required;
        }
    }
}
