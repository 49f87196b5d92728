using System;
using System.Collections.Generic;
using DlmsDevice.Runtime;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Tracing
{
    /// <summary>
    /// The annotated protocol trace of one connection: every frame in hex with a one-line
    /// decoding ("C&gt;S" client to server, "S&gt;C" server to client). Created only when the
    /// trace is switched on; it allocates freely (strings), which is why it is off by default.
    /// </summary>
    /// <remarks>
    /// Received bytes arrive in arbitrary chunks, so they are cut into frames here the way the
    /// link does it: HDLC by the frame length in the format field (IEC 62056-46 clause 8.4.1.2,
    /// no byte stuffing), wrapper by the length in the 8-byte header (IEC 62056-47 clause 5).
    /// Bytes that form no frame are logged as "garbage".
    /// </remarks>
    public sealed class ConnectionTrace
    {
        private readonly string _label;
        private readonly bool _hdlc;
        private readonly ILogger _logger;
        private readonly List<byte> _pending = new List<byte>();
        private readonly object _sync = new object();

        /// <summary>Creates the trace of the connection called <paramref name="label"/>.</summary>
        public ConnectionTrace(string label, ChannelKind kind, ILogger logger)
        {
            _label = label;
            _hdlc = kind != ChannelKind.TcpWrapper;
            _logger = logger;
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
            Log("S>C", frame);
        }

        private void CutHdlcFrames()
        {
            List<byte> garbage = new List<byte>();
            while (_pending.Count > 0)
            {
                if (_pending[0] != FrameAnnotator.HdlcFlag)
                {
                    garbage.Add(_pending[0]);
                    _pending.RemoveAt(0);
                    continue;
                }
                // Two flags in a row: the first closed an earlier frame (or is fill).
                if (_pending.Count >= 2 && _pending[1] == FrameAnnotator.HdlcFlag)
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
                if (length < 5 || _pending[length + 1] != FrameAnnotator.HdlcFlag)
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
            while (_pending.Count >= FrameAnnotator.WrapperHeaderLength)
            {
                int version = (_pending[0] << 8) | _pending[1];
                int length = (_pending[6] << 8) | _pending[7];
                if (version != 1)
                {
                    // The wrapper channel closes the connection on a bad header; show the rest as is.
                    byte[] rest = _pending.ToArray();
                    _pending.Clear();
                    _logger.LogInformation("{Label} C>S {Hex} ; garbage (wrapper version {Version} is not 1)", _label, FrameAnnotator.Hex(rest, 0, rest.Length), version);
                    return;
                }
                if (_pending.Count < FrameAnnotator.WrapperHeaderLength + length)
                {
                    return;
                }
                byte[] frame = _pending.GetRange(0, FrameAnnotator.WrapperHeaderLength + length).ToArray();
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
            _logger.LogInformation("{Label} C>S {Hex} ; garbage (no HDLC frame), ignored", _label, FrameAnnotator.Hex(bytes, 0, bytes.Length));
        }

        private void Log(string direction, byte[] frame)
        {
            string annotation;
            try
            {
                annotation = _hdlc
                    ? FrameAnnotator.DescribeHdlc(frame, direction == "C>S")
                    : FrameAnnotator.DescribeWrapper(frame);
            }
            catch (Exception ex)
            {
                // The annotator is best effort: a frame it cannot read is still logged in hex.
                annotation = "(annotation failed: " + ex.GetType().Name + ")";
            }
            _logger.LogInformation("{Label} {Direction} {Hex} ; {Annotation}", _label, direction, FrameAnnotator.Hex(frame, 0, frame.Length), annotation);
        }
    }
}
