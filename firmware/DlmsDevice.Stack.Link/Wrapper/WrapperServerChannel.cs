using System;
using DlmsDevice.Hal;

namespace DlmsDevice.Stack.Wrapper
{
    /// <summary>
    /// The server side of one TCP connection carrying the wrapper (IEC 62056-47): assembles
    /// wrapper frames from the byte stream, hands each APDU to an <see cref="IApduHandler"/> and
    /// sends the response with its wrapper header.
    /// </summary>
    /// <remarks>
    /// <para>TCP delivers a byte stream, not frames: one read may hold part of a header, or
    /// several frames. <see cref="Receive(byte[], int, int)"/> accepts whatever arrived and keeps the partial frame
    /// for the next call.</para>
    /// <para>Both buffers are allocated once by the constructor (8 + maxApduSize each). The
    /// handler writes the response APDU in the tx buffer from offset 8 on and says where it
    /// starts (a ciphered response starts a few bytes later, behind room for its envelope); the
    /// header goes into the 8 bytes in front of that start and the frame leaves in one
    /// <see cref="IByteChannel.Write"/> call, so the payload is never copied.</para>
    /// <para>Errors: a version other than 0x0001 means the peer is not speaking the wrapper
    /// protocol, and the stream cannot be re-synchronised (the wrapper has no frame delimiter).
    /// <see cref="Receive(byte[], int, int)"/> then returns <see cref="WrapperStatus.BadVersion"/>, the channel
    /// stops processing (later calls return <see cref="LinkStatus.Broken"/> and consume nothing),
    /// and the owner closes the TCP connection and calls <see cref="Close"/>.</para>
    /// <para>A valid header whose length field announces more than maxApduSize bytes is not
    /// fatal: the length still tells where the next frame starts. The announced bytes are
    /// skipped as they arrive (never buffered), the handler never sees them, and once the last
    /// one is through the channel sends what <see cref="IApduHandler.HandleApduTooLong"/> answers
    /// (ExceptionResponse <c>D8 01 04</c>, pdu-too-long) with the wrapper header, then goes on
    /// with the next frame.</para>
    /// <para>A frame with a zero length field carries no APDU: it is ignored (no handler call,
    /// no reply, no link opened) and the stream goes on.</para>
    /// <para>Inactivity: the TCP-UDP setup object's inactivity_time_out (Blue Book IC 41) is the
    /// time without a frame after which the server closes the connection. With a time-out set,
    /// <see cref="Poll"/> (and <see cref="Receive(byte[], int, int)"/>) report <see cref="LinkStatus.TimedOut"/>
    /// once it has passed since the last byte; the owner closes the connection.</para>
    /// </remarks>
    public sealed class WrapperServerChannel : IServerLink
    {
        private readonly IApduHandler _handler;
        private readonly IByteChannel _channel;
        private readonly int _maxApduSize;
        private readonly int _inactivityTimeout;
        private readonly byte[] _rx;
        private readonly byte[] _tx;

        // The frame being assembled: _rxCount bytes of it are in _rx; _apduLength is valid once
        // the 8 header bytes are in.
        private int _rxCount;
        private int _apduLength;
        private int _sourceWPort;
        private int _destinationWPort;

        // Bytes of an over-long APDU still to skip before answering pdu-too-long.
        private int _skipRemaining;

        private bool _linkOpen;
        private long _lastActivity;
        private int _linkClientWPort;
        private int _linkServerWPort;
        private WrapperStatus _fault;

        /// <summary>Creates a channel and its two buffers (8 + <paramref name="maxApduSize"/> bytes each, the tx buffer at least 8 + 3), without an inactivity time-out.</summary>
        /// <param name="maxApduSize">The largest APDU accepted and sent, 1..65535 (the wrapper length field is 16 bits).</param>
        /// <param name="handler">Receives every APDU.</param>
        /// <param name="channel">Where response frames are written (the TCP connection).</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxApduSize"/> is outside 1..65535.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="handler"/> or <paramref name="channel"/> is null.</exception>
        public WrapperServerChannel(int maxApduSize, IApduHandler handler, IByteChannel channel)
            : this(maxApduSize, 0, handler, channel)
        {
        }

        /// <summary>As above, with an inactivity time-out.</summary>
        /// <param name="maxApduSize">The largest APDU accepted and sent, 1..65535.</param>
        /// <param name="inactivityTimeoutMilliseconds">Time without a received byte after which <see cref="Poll"/> reports <see cref="LinkStatus.TimedOut"/>; 0 = never.</param>
        /// <param name="handler">Receives every APDU.</param>
        /// <param name="channel">Where response frames are written (the TCP connection).</param>
        public WrapperServerChannel(int maxApduSize, int inactivityTimeoutMilliseconds, IApduHandler handler, IByteChannel channel)
        {
            if (maxApduSize < 1 || maxApduSize > WrapperHeader.MaxFieldValue || inactivityTimeoutMilliseconds < 0)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (handler == null || channel == null)
            {
                throw new ArgumentNullException();
            }
            _maxApduSize = maxApduSize;
            _inactivityTimeout = inactivityTimeoutMilliseconds;
            _handler = handler;
            _channel = channel;
            _rx = new byte[WrapperHeader.Size + maxApduSize];
            // Room for an ExceptionResponse even with a tiny maxApduSize.
            _tx = new byte[WrapperHeader.Size + (maxApduSize < LinkLimits.MinimumResponseRoom ? LinkLimits.MinimumResponseRoom : maxApduSize)];
        }

        /// <summary>The largest APDU accepted and sent.</summary>
        public int MaxApduSize => _maxApduSize;

        /// <summary>
        /// <see cref="WrapperStatus.Ok"/> while the channel processes input; otherwise the error
        /// that stopped it (until <see cref="Close"/>).
        /// </summary>
        public WrapperStatus Status => _fault;

        /// <summary>True after a frame opened the link and until <see cref="Close"/>.</summary>
        public bool IsLinkOpen => _linkOpen;

        /// <summary>The inactivity time-out in milliseconds; 0 = none.</summary>
        public int InactivityTimeoutMilliseconds => _inactivityTimeout;

        /// <inheritdoc />
        public void Open(long nowMilliseconds)
        {
            Close();
            _lastActivity = nowMilliseconds;
        }

        /// <inheritdoc />
        /// <returns><see cref="LinkStatus.Broken"/> once a bad header stopped the channel (the owner closes the connection); otherwise <see cref="LinkStatus.Active"/>.</returns>
        public LinkStatus Receive(byte[] data, int offset, int count, long nowMilliseconds)
        {
            if (count > 0)
            {
                _lastActivity = nowMilliseconds;
            }
            return Receive(data, offset, count) == WrapperStatus.Ok ? LinkStatus.Active : LinkStatus.Broken;
        }

        /// <inheritdoc />
        /// <returns><see cref="LinkStatus.TimedOut"/> when no byte arrived for the inactivity time-out.</returns>
        public LinkStatus Poll(long nowMilliseconds)
        {
            if (_fault != WrapperStatus.Ok)
            {
                return LinkStatus.Broken;
            }
            if (_inactivityTimeout > 0 && nowMilliseconds - _lastActivity >= _inactivityTimeout)
            {
                return LinkStatus.TimedOut;
            }
            return LinkStatus.Active;
        }

        /// <summary>
        /// Consumes bytes read from the connection: completes the frame in progress, dispatches
        /// every complete frame, keeps the remainder for the next call.
        /// </summary>
        /// <param name="data">Bytes as read from the socket.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        /// <returns><see cref="WrapperStatus.Ok"/> (also after an over-long APDU, which is
        /// answered with pdu-too-long), or the error that stopped the channel
        /// (<see cref="WrapperStatus.BadVersion"/>): the owner then closes the connection.</returns>
        public WrapperStatus Receive(byte[] data, int offset, int count)
        {
            while (count > 0 && _fault == WrapperStatus.Ok)
            {
                if (_skipRemaining > 0)
                {
                    int skipped = count < _skipRemaining ? count : _skipRemaining;
                    offset += skipped;
                    count -= skipped;
                    _skipRemaining -= skipped;
                    if (_skipRemaining == 0)
                    {
                        SendPduTooLong();
                    }
                    continue;
                }
                if (_rxCount < WrapperHeader.Size)
                {
                    int headerPart = Take(data, offset, count, WrapperHeader.Size - _rxCount);
                    offset += headerPart;
                    count -= headerPart;
                    if (_rxCount < WrapperHeader.Size)
                    {
                        break;
                    }
                    _fault = WrapperHeader.TryRead(_rx, 0, WrapperHeader.Size, out _sourceWPort, out _destinationWPort, out _apduLength);
                    if (_fault != WrapperStatus.Ok)
                    {
                        break;
                    }
                    if (_apduLength > _maxApduSize)
                    {
                        // Valid header, too much payload: skip it, then answer (see remarks).
                        _rxCount = 0;
                        _skipRemaining = _apduLength;
                        continue;
                    }
                }
                int frameLength = WrapperHeader.Size + _apduLength;
                int apduPart = Take(data, offset, count, frameLength - _rxCount);
                offset += apduPart;
                count -= apduPart;
                if (_rxCount == frameLength)
                {
                    _rxCount = 0;
                    Dispatch();
                }
            }
            return _fault;
        }

        /// <summary>
        /// The connection is gone (closed by the peer or by the owner after an error): ends the
        /// link (<see cref="IApduHandler.LinkClosed"/>, if a link was opened) and makes the
        /// channel ready for the next connection, keeping its buffers.
        /// </summary>
        public void Close()
        {
            _rxCount = 0;
            _apduLength = 0;
            _skipRemaining = 0;
            _fault = WrapperStatus.Ok;
            if (_linkOpen)
            {
                _linkOpen = false;
                _handler.LinkClosed();
            }
        }

        /// <summary>Copies up to <paramref name="wanted"/> bytes into the rx buffer; returns how many.</summary>
        private int Take(byte[] data, int offset, int count, int wanted)
        {
            int n = count < wanted ? count : wanted;
            Array.Copy(data, offset, _rx, _rxCount, n);
            _rxCount += n;
            return n;
        }

        // The request's bytes were skipped: the application layer answers without them.
        private void SendPduTooLong()
        {
            int length = _handler.HandleApduTooLong(_sourceWPort, _destinationWPort, _tx, WrapperHeader.Size, _tx.Length - WrapperHeader.Size);
            if (length <= 0)
            {
                return;
            }
            WrapperHeader.Write(_tx, 0, _destinationWPort, _sourceWPort, length);
            _channel.Write(_tx, 0, WrapperHeader.Size + length);
        }

        private void Dispatch()
        {
            if (_apduLength == 0)
            {
                return; // no APDU: nothing to hand over or answer (see remarks)
            }
            // The wPort pair names the association (IEC 62056-47: source = client SAP, destination
            // = logical device); a new pair on the same connection starts a new link.
            if (!_linkOpen || _linkClientWPort != _sourceWPort || _linkServerWPort != _destinationWPort)
            {
                _linkOpen = true;
                _linkClientWPort = _sourceWPort;
                _linkServerWPort = _destinationWPort;
                _handler.LinkOpened(_sourceWPort, _destinationWPort);
            }
            int start;
            int responseLength = _handler.HandleApdu(_sourceWPort, _destinationWPort,
                _rx, WrapperHeader.Size, _apduLength,
                _tx, WrapperHeader.Size, _maxApduSize, out start);
            if (responseLength == 0)
            {
                return;
            }
            if (responseLength < 0 || start < WrapperHeader.Size || start + responseLength > WrapperHeader.Size + _maxApduSize)
            {
                throw new InvalidOperationException(); // the handler broke its contract
            }
            // The header goes in front of the response, where the handler put it. The reply goes
            // back the other way: our wPort is the request's destination.
            int frame = start - WrapperHeader.Size;
            WrapperHeader.Write(_tx, frame, _destinationWPort, _sourceWPort, responseLength);
            _channel.Write(_tx, frame, WrapperHeader.Size + responseLength);
        }
    }
}
