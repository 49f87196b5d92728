using System;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Access to an attribute through one association (Blue Book IC 15, object_list
    /// access_rights). The low bits say what may be done, the security bits what protection the
    /// request must carry for it; the layout is that of the bit-mapped access modes of
    /// Association LN version 3 (bit 0 read, bit 1 write, bit 2 authenticated request, bit 3
    /// encrypted request), so <c>Read | AuthenticatedRequest</c> reads "readable by an
    /// authenticated request only".
    /// </summary>
    /// <remarks>
    /// The object_list of our Association LN (version 1) shows the version-1 enum: 0..3 as they
    /// are, and 4 authenticated-read-only, 5 authenticated-write-only, 6
    /// authenticated-read-and-write when any security bit is set (version 1 cannot say
    /// "encrypted"). A request carrying less protection than the security bits ask for is refused
    /// with read-write-denied (Services AccessControl).
    /// </remarks>
    [Flags]
    public enum AttributeAccess : byte
    {
        /// <summary>no-access (0).</summary>
        NoAccess = 0,

        /// <summary>read-only (1).</summary>
        Read = 1,

        /// <summary>write-only (2).</summary>
        Write = 2,

        /// <summary>read-and-write (3).</summary>
        ReadWrite = 3,

        /// <summary>The request must be authenticated (carry a GCM tag: security control bit 0x10).</summary>
        AuthenticatedRequest = 4,

        /// <summary>The request must be encrypted (security control bit 0x20).</summary>
        EncryptedRequest = 8,

        /// <summary>Both security bits: the request must be authenticated and encrypted.</summary>
        AuthenticatedEncryptedRequest = AuthenticatedRequest | EncryptedRequest,
    }

    /// <summary>
    /// Access to a method through one association (Blue Book IC 15): bit 0 access, and the same
    /// security bits as <see cref="AttributeAccess"/>. The object_list shows the version-1 enum
    /// (0 no-access, 1 access, 2 authenticated-access when a security bit is set).
    /// </summary>
    [Flags]
    public enum MethodAccess : byte
    {
        /// <summary>no-access (0).</summary>
        NoAccess = 0,

        /// <summary>access (1).</summary>
        Access = 1,

        /// <summary>The request must be authenticated (security control bit 0x10).</summary>
        AuthenticatedRequest = 4,

        /// <summary>The request must be encrypted (security control bit 0x20).</summary>
        EncryptedRequest = 8,

        /// <summary>Both security bits.</summary>
        AuthenticatedEncryptedRequest = AuthenticatedRequest | EncryptedRequest,
    }
}
