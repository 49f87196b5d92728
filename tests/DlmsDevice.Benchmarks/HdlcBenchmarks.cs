using System;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// HDLC (IEC 62056-46): cutting and checking one I-frame out of the byte stream, framing one
    /// response I-frame in place, the FCS of a full default-size information field, and a whole
    /// round trip through <see cref="HdlcServerLink"/> and the real application session.
    /// </summary>
    [MemoryDiagnoser]
    public class HdlcBenchmarks
    {
        /// <summary>One full cycle of the 3-bit sequence numbers: the link ends where it started.</summary>
        public const int FramesPerCycle = 8;

        private readonly HdlcFrameAssembler _assembler = new HdlcFrameAssembler(HdlcFrameCodec.GetWireLength(4, 4, 128) - 2);
        private readonly HdlcFrame _responseFrame = new HdlcFrame();
        private readonly HdlcFrame _decoded = new HdlcFrame();
        private readonly byte[] _responseBuffer = new byte[HdlcServerLink.ResponseHeadroom + 128 + HdlcServerLink.ResponseTailroom];
        private readonly byte[] _information = new byte[128];
        private readonly CountingSink _sink = new CountingSink();
        private byte[] _getFrame = null!;
        private int _responseCount;
        private HdlcServerLink _link = null!;
        private byte[][] _cycle = null!;
        // A fixed clock: the inactivity time-out (120 s) never fires.
        private const long Now = 0;

        [GlobalSetup]
        public void Setup()
        {
            byte[] get = Hex.Parse(Apdus.GetRegisterValue);
            _getFrame = ClientFrames.Information(1, 1, get, MeterModel.PublicClientSap);

            // The response I-frame I(1,2) of Trace A (docs/interop.md): LLC E6 E7 00 + GET response.
            byte[] response = Hex.Parse("E6 E7 00 C4 01 C1 00 06 00 00 30 39");
            _responseCount = response.Length;
            Array.Copy(response, 0, _responseBuffer, HdlcServerLink.ResponseHeadroom, response.Length);
            _responseFrame.Control = HdlcControl.Information(1, 2, true);
            _responseFrame.SetAddresses(MeterModel.PublicClientSap, HdlcAddress.NoLower, 1, MeterModel.LogicalDeviceAddress, ClientFrames.PhysicalAddress, 2);
            for (int i = 0; i < _information.Length; i++)
            {
                _information[i] = (byte)(i * 7);
            }

            // A server link over the real stack: SNRM -> UA, AARQ I(0,0) -> AARE, then GETs.
            var model = MeterModel.Build();
            var server = new DlmsServer(model.CreateDirectory(), new ServerLimits());
            _link = new HdlcServerLink(new HdlcSettings(), server.CreateSession(), _sink);
            Feed(ClientFrames.Build(HdlcControl.SetNormalResponseMode, null, MeterModel.PublicClientSap));
            ExpectControl("SNRM", HdlcControl.UnnumberedAcknowledge);
            Feed(ClientFrames.Information(0, 0, Hex.Parse(Apdus.AarqPublic), MeterModel.PublicClientSap));
            ExpectControl("AARQ", HdlcControl.Information(0, 1, true));
            _cycle = new byte[FramesPerCycle][];
            for (int k = 0; k < FramesPerCycle; k++)
            {
                // Request N(S) = V(R) of the server; N(R) acknowledges every response so far.
                int sequence = (1 + k) % 8;
                _cycle[k] = ClientFrames.Information(sequence, sequence, get, MeterModel.PublicClientSap);
            }

            // Every benchmark once, checked.
            if (AssembleAndCheckIFrame() != get.Length + 3 || _assembler.DroppedCount != 0)
            {
                throw new InvalidOperationException("assembler did not deliver the I-frame");
            }
            if (DecodeIFrame() != _getFrame.Length + get.Length + 3)
            {
                throw new InvalidOperationException("codec did not decode the I-frame");
            }
            int frameCount = EncodeResponseIFrame();
            if (frameCount != HdlcFrameCodec.GetWireLength(1, 2, _responseCount))
            {
                throw new InvalidOperationException("response frame of " + frameCount + " bytes");
            }
            HdlcCrc128Bytes();
            long frames = _sink.Frames;
            LinkGetRoundTrip();
            if (_sink.Frames != frames + FramesPerCycle || _link.DroppedFrameCount != 0 || !_link.IsConnected)
            {
                throw new InvalidOperationException("link round trip: " + (_sink.Frames - frames) + " frames answered");
            }
            // The last answer is I(0,1): N(S) = 0 after the cycle, carrying the GET response.
            ExpectControl("link GET", HdlcControl.Information(0, 1, true));
            Hex.Expect("link GET response", "E6 E7 00 " + Apdus.GetRegisterValueResponse, _sink.Last, 9, _sink.LastCount - 9);
        }

        /// <summary>The client's GET I-frame (28 bytes on the wire) through <see cref="HdlcFrameAssembler"/>:
        /// flag, header and HCS checked, whole frame and FCS checked, frame released.</summary>
        [Benchmark(Description = "HDLC assemble + HCS/FCS check, GET I-frame")]
        public int AssembleAndCheckIFrame()
        {
            _assembler.Append(_getFrame, 0, _getFrame.Length);
            int count = _assembler.HasFrame ? _assembler.Frame.InformationCount : -1;
            _assembler.ReleaseFrame();
            return count;
        }

        /// <summary>The same frame decoded and checked by <see cref="HdlcFrameCodec.Decode"/> when it is
        /// already complete in a buffer: the codec's share of the assembler's work above.</summary>
        [Benchmark(Description = "HDLC decode + HCS/FCS check, complete GET I-frame (codec only)")]
        public int DecodeIFrame()
        {
            HdlcFrameCodec.Decode(_getFrame, 0, _getFrame.Length, HdlcFrameCodec.MaxFrameLength, _decoded, out int wireLength);
            return wireLength + _decoded.InformationCount;
        }

        /// <summary>A GET response I-frame framed in place: header in the headroom, HCS, FCS, flags.</summary>
        [Benchmark(Description = "HDLC encode response I-frame in place")]
        public int EncodeResponseIFrame()
        {
            HdlcFrameCodec.EncodeInPlace(_responseFrame, _responseBuffer, HdlcServerLink.ResponseHeadroom, _responseCount,
                out int frameOffset, out int frameCount);
            return frameCount;
        }

        /// <summary>CRC-16/X.25 over a full default information field (128 bytes).</summary>
        [Benchmark(Description = "HDLC FCS of 128 bytes")]
        public int HdlcCrc128Bytes()
        {
            return HdlcCrc.Compute(_information, 0, _information.Length);
        }

        /// <summary>
        /// Bytes of a GET I-frame into <see cref="HdlcServerLink.Receive"/> -> LLC check ->
        /// ApplicationSession -> Register -> response I-frame out through the sink; 8 frames per
        /// invocation (one sequence-number cycle), reported per frame.
        /// </summary>
        [Benchmark(Description = "HDLC link GET round trip (frame in -> frame out)", OperationsPerInvoke = FramesPerCycle)]
        public long LinkGetRoundTrip()
        {
            for (int k = 0; k < FramesPerCycle; k++)
            {
                _link.Receive(_cycle[k], 0, _cycle[k].Length, Now);
            }
            return _sink.Bytes;
        }

        private void Feed(byte[] frame)
        {
            _link.Receive(frame, 0, frame.Length, Now);
        }

        private void ExpectControl(string what, byte control)
        {
            // 7E A0 len | client | server (2 bytes) | control
            if (_sink.LastCount < 7 || _sink.Last[6] != control)
            {
                throw new InvalidOperationException(what + ": expected control " + control.ToString("X2") + ", got " + Hex.Format(_sink.Last, 0, _sink.LastCount));
            }
        }
    }
}
