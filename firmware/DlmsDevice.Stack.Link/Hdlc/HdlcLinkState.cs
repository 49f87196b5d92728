namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>The state of the server (secondary station) side of an HDLC link.</summary>
    public enum HdlcLinkState
    {
        /// <summary>NDM, normal disconnected mode: only SNRM opens the link; other commands get DM.</summary>
        Disconnected = 0,

        /// <summary>NRM, normal response mode: I-frames are exchanged.</summary>
        Connected,

        /// <summary>Frame-reject condition: every frame except SNRM and DISC is answered with the same FRMR.</summary>
        FrameReject,
    }
}
