using System;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Desktop;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Meter;
using DlmsDevice.Runtime;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// Push (IC 40, docs/push.md) on the default meter built by <see cref="MeterDevice"/> with
    /// <see cref="PushModel"/>'s push setup (push setup name, serial number, clock time, energy):
    /// one operation = a request, then the sender's steps until the frame is out on a simulated
    /// network (no socket): the values read, the DataNotification built, protected when asked,
    /// framed and handed to the transport.
    /// </summary>
    [MemoryDiagnoser]
    public class PushBenchmarks
    {
        private MeterDevice _plain = null!;
        private MeterDevice _ciphered = null!;

        [GlobalSetup]
        public void Setup()
        {
            _plain = Build(false);
            _ciphered = Build(true);
            BuildAndSendPlain();
            BuildAndSendCiphered();
        }

        [Benchmark(Description = "Push build + send, plain (simulated network)")]
        public int BuildAndSendPlain()
        {
            return Push(_plain);
        }

        [Benchmark(Description = "Push build + send, general-glo SC 0x30 (simulated network)")]
        public int BuildAndSendCiphered()
        {
            return Push(_ciphered);
        }

        private static MeterDevice Build(bool ciphered)
        {
            var clock = new SystemClock();
            var settings = new MeterDeviceSettings
            {
                LinkClock = clock,
                Push = new PushModelSettings { Destination = "127.0.0.1:4070", Ciphered = ciphered },
                PushTransport = new SimulatedOutboundTransport(4, 1024),
            };
            return new MeterDevice(settings, new MeterConfiguration(clock), null, null);
        }

        private static int Push(MeterDevice device)
        {
            PushSender sender = device.GetPushSender(0);
            int before = sender.Delivered;
            device.PushSetup.RequestPush();
            device.ServicePushes();
            if (sender.Delivered != before + 1)
            {
                throw new InvalidOperationException("the push was not delivered: " + sender.LastBuildStatus);
            }
            return sender.ApduLength;
        }
    }

    /// <summary>
    /// The push round trip over the loopback interface, as a head-end sees it: from the request
    /// (the push method) to the head-end holding the whole wrapper frame. TCP: the meter's
    /// non-blocking connect and send (<see cref="SocketOutboundTransport"/>), the head-end's accept
    /// and read; UDP: one datagram received. Sockets are created per push (desktop code), so these
    /// are not in the <c>--alloc</c> check.
    /// </summary>
    [MemoryDiagnoser]
    [DesktopSockets]
    public class PushSocketBenchmarks
    {
        private readonly byte[] _frame = new byte[1024];
        private TcpListener _tcp = null!;
        private Socket _udp = null!;
        private MeterDevice _overTcp = null!;
        private MeterDevice _overUdp = null!;

        [GlobalSetup]
        public void Setup()
        {
            _tcp = new TcpListener(IPAddress.Loopback, 0);
            _tcp.Start(16);
            _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _overTcp = Build("127.0.0.1:" + ((IPEndPoint)_tcp.LocalEndpoint).Port, PushSetup.TransportService.Tcp);
            _overUdp = Build("127.0.0.1:" + ((IPEndPoint)_udp.LocalEndPoint!).Port, PushSetup.TransportService.Udp);
            if (TcpRoundTrip() < 20 || UdpRoundTrip() < 20)
            {
                throw new InvalidOperationException("no push arrived");
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _tcp.Stop();
            _udp.Dispose();
        }

        [Benchmark(Description = "Push round trip, TCP wrapper over loopback (request -> head-end has the frame)")]
        public int TcpRoundTrip()
        {
            Push(_overTcp);
            using Socket connection = _tcp.AcceptSocket();
            int length = 0;
            int expected = 8;
            while (length < expected)
            {
                int n = connection.Receive(_frame, length, _frame.Length - length, SocketFlags.None);
                if (n <= 0)
                {
                    break;
                }
                length += n;
                if (length >= 8)
                {
                    expected = 8 + ((_frame[6] << 8) | _frame[7]);
                }
            }
            return length;
        }

        [Benchmark(Description = "Push round trip, UDP wrapper over loopback (request -> head-end has the datagram)")]
        public int UdpRoundTrip()
        {
            Push(_overUdp);
            return _udp.Receive(_frame);
        }

        private static MeterDevice Build(string destination, byte transport)
        {
            var clock = new SystemClock();
            var settings = new MeterDeviceSettings
            {
                LinkClock = clock,
                Push = new PushModelSettings { Destination = destination, Transport = transport, NumberOfRetries = 0 },
                PushTransport = new SocketOutboundTransport(),
            };
            return new MeterDevice(settings, new MeterConfiguration(clock), null, null);
        }

        private static void Push(MeterDevice device)
        {
            PushSender sender = device.GetPushSender(0);
            int before = sender.Delivered;
            int givenUp = sender.GivenUp;
            device.PushSetup.RequestPush();
            while (sender.Delivered == before)
            {
                if (sender.GivenUp != givenUp)
                {
                    throw new InvalidOperationException("push given up");
                }
                device.ServicePushes();
            }
        }
    }

    /// <summary>Marks a benchmark class that uses real sockets: <c>--alloc</c> leaves it out.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class DesktopSocketsAttribute : Attribute
    {
    }
}
