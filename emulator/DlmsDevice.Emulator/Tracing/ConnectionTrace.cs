using System;
using System.Collections.Generic;
using DlmsDevice.Client;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Tracing
{
    /// <summary>
    /// The annotated protocol trace of one connection: every frame in hex ("C&gt;S" client to
    /// server, "S&gt;C" server to client), then its layers field by field with the Green Book's
    /// names: HDLC or wrapper, LLC, the ACSE or xDLMS APDU, for ciphered APDUs the security header
    /// and the deciphered APDU, and the A-XDR values. Created only when the trace is switched on;
    /// it allocates freely (strings), which is why it is off by default.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Received bytes arrive in arbitrary chunks, so they are cut into frames here the way the
    /// link does it: HDLC by the frame length in the format field (IEC 62056-46 clause 8.4.1.2,
    /// no byte stuffing), wrapper by the length in the 8-byte header (IEC 62056-47 clause 5).
    /// Bytes that form no frame are logged as "garbage".
    /// </para>
    /// <para>
    /// The decoding is the client's (<see cref="TraceSession"/>, tools/DlmsDevice.Client): an
    /// implementation independent of the server stack, so the trace shows what a client reads in
    /// the bytes, not what the server meant to send; <c>dlms translate</c> prints the same. The
    /// trace holds the meter's keys (client 48's EK and AK) and learns the rest from the frames as
    /// any observer with the keys would: the system titles from the AARQ and AARE, the dedicated
    /// key from the deciphered InitiateRequest. Nothing in the meter calls it.
    /// </para>
    /// </remarks>
    public sealed class ConnectionTrace
    {
        private const byte HdlcFlag = 0x7E;
        private const int WrapperHeaderLength = 8;

        private readonly string _label;
        private readonly bool _hdlc;
        private readonly ILogger _logger;
        private readonly TraceSession _session;
        private readonly List<byte> _pending = new List<byte>();
        private readonly object _sync = new object();

        /// <summary>Creates the trace of the connection called <paramref name="label"/>, deciphering with EK and AK (null: the Green Book test keys).</summary>
        public ConnectionTrace(string label, ChannelKind kind, ILogger logger, byte[]? blockCipherKey = null, byte[]? authenticationKey = null)
        {
            _label = label;
            _hdlc = kind != ChannelKind.TcpWrapper;
            _logger = logger;
            _session = new TraceSession();
            _session.UseTestKeys();
            _session.BlockCipherKey = blockCipherKey ?? _session.BlockCipherKey;
            _session.AuthenticationKey = authenticationKey ?? _session.AuthenticationKey;
        }

        /// <summary>Bytes received from the client.</summary>
        public void Inbound(byte[] buffer, int offset, int count)
        {
            lock (_sync)
            {
                for (int i = 0; i < count; i++)
                {
                    _pending.Add(buffer[offset + i]);
                }
                if (_hdlc)
                {
                    CutHdlcFrames();
                }
                else
                {
                    CutWrapperFrames();
                }
            }
        }

        /// <summary>One complete frame sent to the client.</summary>
        public void Outbound(byte[] buffer, int offset, int count)
        {
            byte[] frame = new byte[count];
            Array.Copy(buffer, offset, frame, 0, count);
            lock (_sync)
            {
                Log("S>C", frame);
            }
        }

        private void CutHdlcFrames()
        {
            List<byte> garbage = new List<byte>();
            while (_pending.Count > 0)
            {
                if (_pending[0] != HdlcFlag)
                {
                    garbage.Add(_pending[0]);
                    _pending.RemoveAt(0);
                    continue;
                }
                // Two flags in a row: the first closed an earlier frame (or is fill).
                if (_pending.Count >= 2 && _pending[1] == HdlcFlag)
                {
                    _pending.RemoveAt(0);
                    continue;
                }
                if (_pending.Count < 3)
                {
                    break;
                }
                if ((_pending[1] & 0xF0) != 0xA0)
                {
                    garbage.Add(_pending[0]);
                    _pending.RemoveAt(0);
                    continue;
                }
                int length = ((_pending[1] & 0x07) << 8) | _pending[2];
                if (_pending.Count < length + 2)
                {
                    break;
                }
                if (length < 5 || _pending[length + 1] != HdlcFlag)
                {
                    garbage.Add(_pending[0]);
                    _pending.RemoveAt(0);
                    continue;
                }
                FlushGarbage(garbage);
                byte[] frame = _pending.GetRange(0, length + 2).ToArray();
                _pending.RemoveRange(0, length + 2);
                Log("C>S", frame);
            }
            FlushGarbage(garbage);
        }

        private void CutWrapperFrames()
        {
            while (_pending.Count >= WrapperHeaderLength)
            {
                int version = (_pending[0] << 8) | _pending[1];
                int length = (_pending[6] << 8) | _pending[7];
                if (version != 1)
                {
                    // The wrapper channel closes the connection on a bad header; show the rest as is.
                    byte[] rest = _pending.ToArray();
                    _pending.Clear();
                    _logger.LogInformation("{Label} C>S {Hex} ; garbage (wrapper version {Version} is not 1)", _label, AnnotationText.Hex(rest), version);
                    return;
                }
                if (_pending.Count < WrapperHeaderLength + length)
                {
                    return;
                }
                byte[] frame = _pending.GetRange(0, WrapperHeaderLength + length).ToArray();
                _pending.RemoveRange(0, frame.Length);
                Log("C>S", frame);
            }
        }

        private void FlushGarbage(List<byte> garbage)
        {
            if (garbage.Count == 0)
            {
                return;
            }
            byte[] bytes = garbage.ToArray();
            garbage.Clear();
            _logger.LogInformation("{Label} C>S {Hex} ; garbage (no HDLC frame), ignored", _label, AnnotationText.Hex(bytes));
        }

        private void Log(string direction, byte[] frame)
        {
            // The annotator never throws on bad input: a frame it cannot read is annotated as far as it goes.
            // One log entry per line: the emulator's console log is single-line, and the layers
            // stay aligned under the frame's hex.
            Annotation annotation = _session.Annotate(frame, _hdlc ? TraceInput.Hdlc : TraceInput.Wrapper);
            _logger.LogInformation("{Label} {Direction} {Hex}", _label, direction, AnnotationText.Hex(frame));
            foreach (string line in AnnotationText.Render(annotation, 2).TrimEnd('\n').Split('\n'))
            {
                _logger.LogInformation("{Label} {Line}", _label, line);
            }
        }
    }
}
