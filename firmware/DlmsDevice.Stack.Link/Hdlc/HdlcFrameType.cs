namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The frame types of the control field used by IEC 62056-46 (a subset of ISO/IEC 13239).
    /// </summary>
    public enum HdlcFrameType
    {
        /// <summary>A control value this profile does not define (e.g. REJ, SREJ, XID).</summary>
        Unknown = 0,

        /// <summary>I: information frame, carries N(S) and N(R).</summary>
        Information,

        /// <summary>RR: receive ready, acknowledges up to N(R).</summary>
        ReceiveReady,

        /// <summary>RNR: receive not ready, acknowledges up to N(R) and asks the peer to wait.</summary>
        ReceiveNotReady,

        /// <summary>SNRM: set normal response mode (connect), may carry the parameter field.</summary>
        SetNormalResponseMode,

        /// <summary>DISC: disconnect.</summary>
        Disconnect,

        /// <summary>UA: unnumbered acknowledge (answer to SNRM and DISC).</summary>
        UnnumberedAcknowledge,

        /// <summary>DM: disconnected mode (the secondary is not connected).</summary>
        DisconnectedMode,

        /// <summary>FRMR: frame reject, carries the rejected control byte, V(S)/V(R) and the reason.</summary>
        FrameReject,

        /// <summary>UI: unnumbered information (push, broadcast).</summary>
        UnnumberedInformation,
    }
}
