using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Stack.Hdlc
{
    /// <summary>
    /// The server (secondary station) side of an HDLC link in normal response mode
    /// (IEC 62056-46, ISO/IEC 13239 NRM, modulo-8 sequence numbers): raw line bytes in, whole
    /// APDUs up to an <see cref="IApduHandler"/>, response frames out to an <see cref="IByteChannel"/>.
    /// </summary>
    /// <remarks>
    /// <para>Every buffer is allocated by the constructor; receiving, validating and answering
    /// frames allocates nothing.</para>
    /// <para>Addressing: the link answers frames whose destination is one of the configured
    /// logical devices with the configured physical address (2- or 4-byte form) or the logical
    /// device alone (1-byte form), and whose source is a 1-byte client address. Everything else
    /// is ignored silently: frames for other stations and our own frames echoed by a
    /// half-duplex line (their destination is a client address). Replies use the address form of
    /// the frame they answer. An SNRM from client address 0 (no-station), or from a client not
    /// in <see cref="HdlcSettings.ClientSaps"/> when that list is set, is answered with DM and
    /// changes nothing.</para>
    /// <para>Sending: we transmit only in answer to a frame with the P bit set. A response APDU
    /// longer than the negotiated maximum information length goes out in segments (S bit on
    /// all but the last), up to the negotiated window per poll, F on the last frame of each
    /// window; the client's RR (or I-frame) N(R) acknowledges them, and every poll resends
    /// whatever its N(R) did not acknowledge (go-back-N).</para>
    /// <para>Receiving: segments of a client APDU are reassembled and each polled non-final
    /// segment is acknowledged with RR. An I-frame whose N(S) is not V(R) (a repeat after a lost
    /// answer, or a gap) is not processed; on a poll we resend our unacknowledged frames from
    /// its N(R), or send RR(V(R)) when there are none.</para>
    /// <para>Errors: an unknown or response-only control byte (W), an information field on a
    /// frame that allows none (W+X), an I-frame longer than the negotiated receive length (Y)
    /// and an N(R) that acknowledges nothing we sent (Z) put the link in the frame-reject
    /// condition: FRMR with its 3-byte information field, repeated for every poll until SNRM or
    /// DISC. A request without the LLC header <c>E6 E6 00</c> is discarded after the link-level
    /// acknowledgement (RR): the handler never sees it and no application response follows. A
    /// request longer than <see cref="HdlcSettings.MaxApduSize"/> is not handed up either: once
    /// its final segment arrives the link sends, behind the response LLC, what
    /// <see cref="IApduHandler.HandleApduTooLong"/> answers (ExceptionResponse <c>D8 01 04</c>,
    /// pdu-too-long).</para>
    /// <para>Inactivity (IEC 62056-46 clause 6.4.4.3.3, IEC HDLC setup inactivity_time_out): with
    /// a link up and no frame for <see cref="HdlcSettings.InactivityTimeoutMilliseconds"/>, the
    /// link drops to NDM, the association ends, and <see cref="Receive"/> / <see cref="Poll"/>
    /// report <see cref="LinkStatus.TimedOut"/> once, so the owner of a TCP connection closes it.</para>
    /// </remarks>
    public sealed partial class HdlcServerLink : IServerLink
    {
        /// <summary>
        /// Bytes reserved in front of the response APDU for the frame header and the LLC header
        /// (also what <see cref="SendUnnumberedInformation"/> needs in front of a push APDU).
        /// </summary>
        public const int ResponseHeadroom = HdlcFrameCodec.MaxHeaderSize + HdlcLlc.Length;

        /// <summary>Bytes reserved after the response APDU for the FCS and the closing flag.</summary>
        public const int ResponseTailroom = HdlcFrameCodec.TrailerSize;

        // Where the information field of small control frames (UA, FRMR) starts in _controlBuffer.
        private const int ControlInfoOffset = HdlcFrameCodec.MaxHeaderSize;

        private readonly IApduHandler _handler;
        private readonly IByteChannel _channel;
        private readonly int[] _logicalDevices;
        private readonly int[] _clientSaps;
        private readonly int _physicalAddress;
        private readonly int _ownMaxInfoTransmit;
        private readonly int _ownMaxInfoReceive;
        private readonly int _ownWindowTransmit;
        private readonly int _ownWindowReceive;
        private readonly int _inactivityTimeout;
        private readonly int _maxApduSize;

        private readonly HdlcFrameAssembler _assembler;
        private readonly HdlcParameters _proposal = new HdlcParameters();
        private readonly HdlcParameters _negotiated = new HdlcParameters();
        private readonly HdlcFrame _txFrame = new HdlcFrame();
        private readonly HdlcFrame _pushFrame = new HdlcFrame();
        private readonly byte[] _rxApdu;
        private readonly byte[] _txBuffer;
        private readonly byte[] _controlBuffer;
        private readonly byte[] _saved = new byte[HdlcFrameCodec.MaxHeaderSize + HdlcFrameCodec.TrailerSize];

        private HdlcLinkState _state;
        private int _clientSap;
        private int _logicalDevice;
        private long _lastActivity;
        private bool _timedOut;

        // Receive side: V(R) and the APDU being reassembled.
        private int _receiveState;
        private bool _rxInProgress;
        private bool _rxDiscard;
        private bool _rxTooLong;
        private int _rxCount;

        // Transmit side. The response occupies _txBuffer[_txStart, _txEnd) (LLC included) and is
        // cut into _txCount segments of the negotiated length. Segments [_txUnacked, _txSent)
        // are sent and unacknowledged; _txNext is the next to send (it goes back to _txUnacked
        // on a poll, go-back-N). _ackBase = N(S) of segment _txUnacked, i.e. V(A).
        private int _ackBase;
        private int _txStart;
        private int _txEnd;
        private int _txCount;
        private int _txUnacked;
        private int _txSent;
        private int _txNext;

        // The FRMR information field repeated while in the frame-reject condition.
        private byte _frmrControl;
        private byte _frmrState;
        private byte _frmrReason;

        /// <summary>
        /// Creates a disconnected link and allocates all its buffers: one frame of
        /// <see cref="HdlcSettings.MaxInfoReceive"/> for receiving, and
        /// <see cref="HdlcSettings.MaxApduSize"/> (plus headroom) each for reassembly and response.
        /// </summary>
        /// <param name="settings">Our limits and addresses (copied; later changes have no effect).</param>
        /// <param name="handler">The layer above.</param>
        /// <param name="channel">Where frames are written, one frame per call.</param>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">A setting is out of range.</exception>
        public HdlcServerLink(HdlcSettings settings, IApduHandler handler, IByteChannel channel)
        {
            if (settings == null || handler == null || channel == null)
            {
                throw new ArgumentNullException();
            }
            settings.Validate();
            _handler = handler;
            _channel = channel;
            _logicalDevices = new int[settings.LogicalDevices.Length];
            Array.Copy(settings.LogicalDevices, _logicalDevices, _logicalDevices.Length);
            _clientSaps = new int[settings.ClientSaps == null ? 0 : settings.ClientSaps.Length];
            if (_clientSaps.Length > 0)
            {
                Array.Copy(settings.ClientSaps, _clientSaps, _clientSaps.Length);
            }
            _physicalAddress = settings.PhysicalAddress;
            _ownMaxInfoTransmit = settings.MaxInfoTransmit;
            _ownMaxInfoReceive = settings.MaxInfoReceive;
            _ownWindowTransmit = settings.WindowTransmit;
            _ownWindowReceive = settings.WindowReceive;
            _inactivityTimeout = settings.InactivityTimeoutMilliseconds;
            _maxApduSize = settings.MaxApduSize;

            // The largest frame we accept: our receive limit with 4-byte addresses both ways.
            _assembler = new HdlcFrameAssembler(
                HdlcFrameCodec.GetWireLength(4, 4, _ownMaxInfoReceive) - 2);
            _rxApdu = new byte[_maxApduSize];
            _txBuffer = new byte[ResponseHeadroom + _maxApduSize + ResponseTailroom];
            _controlBuffer = new byte[ControlInfoOffset + 32 + HdlcFrameCodec.TrailerSize];
            Negotiate();
        }

        /// <summary>The link state (NDM, NRM, frame reject).</summary>
        public HdlcLinkState State
        {
            get { return _state; }
        }

        /// <summary>True in NRM and in the frame-reject condition (a link exists).</summary>
        public bool IsConnected
        {
            get { return _state != HdlcLinkState.Disconnected; }
        }

        /// <summary>The client SAP of the current (or last) link.</summary>
        public int ClientSap
        {
            get { return _clientSap; }
        }

        /// <summary>The logical device of the current (or last) link.</summary>
        public int ServerLogicalAddress
        {
            get { return _logicalDevice; }
        }

        /// <summary>Negotiated maximum information length we transmit (current or last link).</summary>
        public int MaxInfoTransmit
        {
            get { return _negotiated.MaxInfoTransmit; }
        }

        /// <summary>Negotiated maximum information length we receive (current or last link).</summary>
        public int MaxInfoReceive
        {
            get { return _negotiated.MaxInfoReceive; }
        }

        /// <summary>Negotiated transmit window (current or last link).</summary>
        public int WindowTransmit
        {
            get { return _negotiated.WindowTransmit; }
        }

        /// <summary>Negotiated receive window (current or last link).</summary>
        public int WindowReceive
        {
            get { return _negotiated.WindowReceive; }
        }

        /// <summary>Frames dropped by the assembler so far (noise, bad HCS/FCS, too long).</summary>
        public int DroppedFrameCount
        {
            get { return _assembler.DroppedCount; }
        }

        /// <inheritdoc />
        /// <remarks>A link still up (the owner did not <see cref="Close"/> the last stream) ends first.</remarks>
        public void Open(long nowMilliseconds)
        {
            if (_state != HdlcLinkState.Disconnected)
            {
                CloseLink();
            }
            _assembler.Reset();
            _timedOut = false;
            _lastActivity = nowMilliseconds;
        }

        /// <summary>
        /// Feeds raw line bytes. Complete frames are processed as they are found; answers are
        /// written to the channel before this returns.
        /// </summary>
        /// <param name="data">The bytes received.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <param name="nowMilliseconds">A monotonic clock, for the inactivity time-out.</param>
        /// <returns><see cref="LinkStatus.TimedOut"/> when the inactivity time-out ended the link
        /// before these bytes (they are still processed: an SNRM among them opens a new link);
        /// otherwise <see cref="LinkStatus.Active"/>. HDLC never breaks the stream: what it cannot
        /// read (bad HCS/FCS, noise) it drops.</returns>
        public LinkStatus Receive(byte[] data, int offset, int count, long nowMilliseconds)
        {
            CheckInactivity(nowMilliseconds);
            int position = 0;
            while (true)
            {
                while (_assembler.HasFrame)
                {
                    OnFrame(_assembler.Frame, _assembler.Buffer, nowMilliseconds);
                    _assembler.ReleaseFrame();
                }
                if (position >= count)
                {
                    break;
                }
                position += _assembler.Append(data, offset + position, count - position);
            }
            return TakeStatus();
        }

        /// <summary>
        /// Drives the inactivity time-out: when the link is up and no frame arrived for
        /// <see cref="HdlcSettings.InactivityTimeoutMilliseconds"/>, it drops to NDM, the
        /// handler's <see cref="IApduHandler.LinkClosed"/> is called and this returns
        /// <see cref="LinkStatus.TimedOut"/>. Call it periodically.
        /// </summary>
        public LinkStatus Poll(long nowMilliseconds)
        {
            CheckInactivity(nowMilliseconds);
            return TakeStatus();
        }

        /// <inheritdoc />
        public void Close()
        {
            // The byte stream is gone with the link still up (no DISC): the association ends.
            if (_state != HdlcLinkState.Disconnected)
            {
                CloseLink();
            }
            _assembler.Reset();
            _timedOut = false;
        }

        private void CheckInactivity(long now)
        {
            if (_state != HdlcLinkState.Disconnected && _inactivityTimeout > 0 && now - _lastActivity >= _inactivityTimeout)
            {
                CloseLink();
                _timedOut = true;
            }
        }

        // Reports a time-out once.
        private LinkStatus TakeStatus()
        {
            if (_timedOut)
            {
                _timedOut = false;
                return LinkStatus.TimedOut;
            }
            return LinkStatus.Active;
        }

        private void OnFrame(HdlcFrame frame, byte[] buffer, long now)
        {
            if (frame.SourceSize != 1 || !IsOwnAddress(frame))
            {
                return;
            }
            int client = frame.SourceUpper;
            int logical = frame.DestinationUpper;
            _txFrame.SetAddresses(client, HdlcAddress.NoLower, 1, logical, _physicalAddress, frame.DestinationSize);

            HdlcFrameType type = frame.FrameType;
            if (type == HdlcFrameType.SetNormalResponseMode)
            {
                OnSetNormalResponseMode(frame, buffer, now);
                return;
            }
            if (type == HdlcFrameType.UnnumberedInformation)
            {
                // Client UI frames are not used by this server (push goes the other way).
                return;
            }
            if (_state == HdlcLinkState.Disconnected || client != _clientSap || logical != _logicalDevice)
            {
                // NDM towards this client / logical device: DM answers every polled command.
                if (frame.PollFinal)
                {
                    SendControl(HdlcControl.DisconnectedMode, 0);
                }
                return;
            }
            _lastActivity = now;
            if (type == HdlcFrameType.Disconnect)
            {
                SendControl(HdlcControl.WithPollFinal(HdlcControl.UnnumberedAcknowledge, frame.PollFinal), 0);
                CloseLink();
                return;
            }
            if (_state == HdlcLinkState.FrameReject)
            {
                if (frame.PollFinal)
                {
                    SendFrameReject();
                }
                return;
            }
            switch (type)
            {
                case HdlcFrameType.Information:
                    OnInformation(frame, buffer);
                    break;
                case HdlcFrameType.ReceiveReady:
                case HdlcFrameType.ReceiveNotReady:
                    OnSupervisory(frame, type);
                    break;
                default:
                    // Unknown control, REJ/SREJ, or a response-only frame (UA, DM, FRMR) sent as a command.
                    Reject(frame, HdlcFrameRejectReason.InvalidControl);
                    break;
            }
        }

        private bool IsOwnAddress(HdlcFrame frame)
        {
            if (frame.DestinationSize != 1 && frame.DestinationLower != _physicalAddress)
            {
                return false;
            }
            for (int i = 0; i < _logicalDevices.Length; i++)
            {
                if (_logicalDevices[i] == frame.DestinationUpper)
                {
                    return true;
                }
            }
            return false;
        }

        // A client may open a link when it is not the no-station address 0 (a reserved client
        // address in the Green Book's HDLC address table: it names no station) and, with an
        // allow-list configured, is on it.
        private bool IsAllowedClient(int clientSap)
        {
            if (clientSap == 0)
            {
                return false;
            }
            if (_clientSaps.Length == 0)
            {
                return true;
            }
            for (int i = 0; i < _clientSaps.Length; i++)
            {
                if (_clientSaps[i] == clientSap)
                {
                    return true;
                }
            }
            return false;
        }

        private void OnSetNormalResponseMode(HdlcFrame frame, byte[] buffer, long now)
        {
            if (!IsAllowedClient(frame.SourceUpper))
            {
                // Refused before anything changes: a live link with another client stays.
                SendControl(HdlcControl.WithPollFinal(HdlcControl.DisconnectedMode, frame.PollFinal), 0);
                return;
            }
            HdlcStatus status = HdlcParameterCodec.Decode(buffer, frame.InformationOffset, frame.InformationCount, _proposal);
            if (_state != HdlcLinkState.Disconnected)
            {
                // SNRM on a live link re-initialises it: the old association ends first.
                CloseLink();
            }
            bool poll = frame.PollFinal;
            if (status != HdlcStatus.Ok)
            {
                // A parameter field we cannot read: refuse the connection.
                SendControl(HdlcControl.WithPollFinal(HdlcControl.DisconnectedMode, poll), 0);
                return;
            }
            ResetTransfer();
            Negotiate();
            _state = HdlcLinkState.Connected;
            _clientSap = frame.SourceUpper;
            _logicalDevice = frame.DestinationUpper;
            _lastActivity = now;
            _handler.LinkOpened(_clientSap, _logicalDevice);

            int written;
            HdlcParameterCodec.Encode(_negotiated, _controlBuffer, ControlInfoOffset,
                _controlBuffer.Length - ControlInfoOffset - HdlcFrameCodec.TrailerSize, out written);
            SendControl(HdlcControl.WithPollFinal(HdlcControl.UnnumberedAcknowledge, poll), written);
        }

        // Each value is the minimum of ours and the client's proposal, from our point of view:
        // the client's receive limit caps our transmit and the other way round.
        private void Negotiate()
        {
            _negotiated.Set(
                Min(_ownMaxInfoTransmit, _proposal.MaxInfoReceive),
                Min(_ownMaxInfoReceive, _proposal.MaxInfoTransmit),
                Min(_ownWindowTransmit, _proposal.WindowReceive),
                Min(_ownWindowReceive, _proposal.WindowTransmit));
        }

        // Leaves NRM (DISC, time-out, SNRM on a live link): the association above ends.
        private void CloseLink()
        {
            ResetTransfer();
            _state = HdlcLinkState.Disconnected;
            _handler.LinkClosed();
        }

        // Sequence numbers and buffers to the state right after SNRM.
        private void ResetTransfer()
        {
            _receiveState = 0;
            _ackBase = 0;
            _rxInProgress = false;
            _rxDiscard = false;
            _rxTooLong = false;
            _rxCount = 0;
            DropTransmit();
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
