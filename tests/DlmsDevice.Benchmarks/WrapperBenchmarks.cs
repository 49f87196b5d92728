using System;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Stack.Server;
using DlmsDevice.Stack.Wrapper;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// The TCP wrapper (IEC 62056-47): one GET frame as read from the socket into
    /// <see cref="WrapperServerChannel.Receive"/>, through the real application session, and the
    /// response frame out through the sink.
    /// </summary>
    [MemoryDiagnoser]
    public class WrapperBenchmarks
    {
        private readonly CountingSink _sink = new CountingSink();
        private WrapperServerChannel _channel = null!;
        private byte[] _getFrame = null!;

        [GlobalSetup]
        public void Setup()
        {
            var model = MeterModel.Build();
            var limits = new ServerLimits();
            var server = new DlmsServer(model.CreateDirectory(), limits);
            _channel = new WrapperServerChannel(limits.MaxReceivePdu, server.CreateSession(), _sink);
            // wrapper header: version 0001, source wPort 0010 (public client), destination 0001, length
            _getFrame = Hex.Parse("0001 0010 0001 000D " + Apdus.GetRegisterValue);
            byte[] aarq = Hex.Parse("0001 0010 0001 001F " + Apdus.AarqPublic);
            _channel.Receive(aarq, 0, aarq.Length);
            Hex.Expect("AARQ", "0001 0001 0010", _sink.Last, 0, _sink.LastCount);
            Hex.Expect("AARE", Apdus.AareStart, _sink.Last, 8, _sink.LastCount - 8);
            long frames = _sink.Frames;
            GetRoundTrip();
            if (_sink.Frames != frames + 1)
            {
                throw new InvalidOperationException("no wrapper answer");
            }
            Hex.Expect("GET", "0001 0001 0010 0009 " + Apdus.GetRegisterValueResponse, _sink.Last, 0, _sink.LastCount);
        }

        [Benchmark(Description = "Wrapper GET round trip (frame in -> frame out)")]
        public long GetRoundTrip()
        {
            _channel.Receive(_getFrame, 0, _getFrame.Length);
            return _sink.Bytes;
        }
    }
}
