using System;

namespace DlmsDevice.Hal.Simulated
{
    /// <summary>
    /// A simulated network for push (<see cref="IOutboundTransport"/>): the destination is up or
    /// down (<see cref="Reachable"/>), a TCP connection takes <see cref="ConnectPolls"/> polls to
    /// come up, and every frame sent is kept in a ring of preallocated buffers for the test to
    /// read. Allocation-free after construction, so a push through it can be measured.
    /// </summary>
    public sealed class SimulatedOutboundTransport : IOutboundTransport
    {
        private readonly byte[][] _frames;
        private readonly int[] _lengths;
        private readonly byte[] _destination = new byte[64];
        private readonly byte[] _address = new byte[4];
        private int _destinationLength;
        private OutboundStatus _state;
        private int _pollsLeft;
        private int _framesSent;

        /// <summary>Keeps the last <paramref name="frames"/> frames of up to <paramref name="frameSize"/> bytes.</summary>
        public SimulatedOutboundTransport(int frames, int frameSize)
        {
            if (frames < 1 || frameSize < 1)
            {
                throw new ArgumentOutOfRangeException();
            }
            _frames = new byte[frames][];
            _lengths = new int[frames];
            for (int i = 0; i < frames; i++)
            {
                _frames[i] = new byte[frameSize];
            }
            Reachable = true;
        }

        /// <summary>True when the destination accepts connections and frames (default true).</summary>
        public bool Reachable { get; set; }

        /// <summary>Polls a TCP connection stays Pending before it is up (or fails); default 0 = up at <see cref="Open"/>.</summary>
        public int ConnectPolls { get; set; }

        /// <summary>Connections opened.</summary>
        public int Opens { get; private set; }

        /// <summary>Connections that failed (destination down, or a send while down).</summary>
        public int Failures { get; private set; }

        /// <summary>Connections closed.</summary>
        public int Closes { get; private set; }

        /// <summary>Frames delivered.</summary>
        public int FramesSent
        {
            get { return _framesSent; }
        }

        /// <summary>The protocol of the last <see cref="Open"/>.</summary>
        public OutboundProtocol LastProtocol { get; private set; }

        /// <summary>The port of the last destination opened.</summary>
        public int LastPort { get; private set; }

        /// <summary>The last destination opened, as text (tests; allocates).</summary>
        public string LastDestination
        {
            get
            {
                char[] text = new char[_destinationLength];
                for (int i = 0; i < _destinationLength; i++)
                {
                    text[i] = (char)_destination[i];
                }
                return new string(text);
            }
        }

        /// <summary>A copy of delivered frame <paramref name="index"/> (0 = the first; only the last frames are kept). Tests; allocates.</summary>
        public byte[] GetFrame(int index)
        {
            if (index < 0 || index >= _framesSent || index < _framesSent - _frames.Length)
            {
                throw new ArgumentOutOfRangeException();
            }
            int slot = index % _frames.Length;
            byte[] copy = new byte[_lengths[slot]];
            Array.Copy(_frames[slot], copy, copy.Length);
            return copy;
        }

        /// <inheritdoc />
        public OutboundStatus Open(OutboundProtocol protocol, byte[] destination, int offset, int count)
        {
            Close();
            int port;
            if (!OutboundDestination.TryParse(protocol, destination, offset, count, _address, out port))
            {
                return OutboundStatus.Unsupported;
            }
            Array.Copy(destination, offset, _destination, 0, count);
            _destinationLength = count;
            LastProtocol = protocol;
            LastPort = port;
            Opens++;
            if (protocol == OutboundProtocol.Udp)
            {
                _state = OutboundStatus.Ready;
                return _state;
            }
            _pollsLeft = ConnectPolls;
            _state = _pollsLeft > 0 ? OutboundStatus.Pending : Connect();
            return _state;
        }

        /// <inheritdoc />
        public OutboundStatus Poll()
        {
            if (_state == OutboundStatus.Pending)
            {
                _pollsLeft--;
                if (_pollsLeft <= 0)
                {
                    _state = Connect();
                }
            }
            return _state;
        }

        /// <inheritdoc />
        public OutboundStatus Send(byte[] buffer, int offset, int count)
        {
            if (_state != OutboundStatus.Ready)
            {
                return OutboundStatus.Failed;
            }
            if (!Reachable)
            {
                // A datagram to a host that is down is lost; a TCP connection breaks.
                if (LastProtocol == OutboundProtocol.Tcp)
                {
                    Failures++;
                    _state = OutboundStatus.Failed;
                    return _state;
                }
                return OutboundStatus.Ready;
            }
            int slot = _framesSent % _frames.Length;
            if (count > _frames[slot].Length)
            {
                throw new ArgumentOutOfRangeException();
            }
            Array.Copy(buffer, offset, _frames[slot], 0, count);
            _lengths[slot] = count;
            _framesSent++;
            return OutboundStatus.Ready;
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_state != OutboundStatus.Closed)
            {
                Closes++;
            }
            _state = OutboundStatus.Closed;
        }

        private OutboundStatus Connect()
        {
            if (Reachable)
            {
                return OutboundStatus.Ready;
            }
            Failures++;
            return OutboundStatus.Failed;
        }
    }
}
