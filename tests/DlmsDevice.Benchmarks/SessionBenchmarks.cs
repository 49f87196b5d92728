using System;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// <see cref="ApplicationSession.HandleApdu"/>: one request APDU in, the response APDU written
    /// into the link's buffer behind its headroom, exactly as the HDLC link and the wrapper call it.
    /// Two associated sessions over the meter model: public (reads) and management (SET, ACTION).
    /// </summary>
    [MemoryDiagnoser]
    public class SessionBenchmarks
    {
        /// <summary>Blocks of 1024 bytes the object_list of 300 entries takes (checked in set-up).</summary>
        public const int ObjectListBlocks = 11;

        private const int Headroom = HdlcServerLink.ResponseHeadroom;
        private const int ResponseMax = 1024;

        private readonly byte[] _response = new byte[Headroom + ResponseMax + HdlcServerLink.ResponseTailroom];
        private MeterModel _model = null!;
        private DlmsServer _server = null!;
        private ApplicationSession _public = null!;
        private ApplicationSession _management = null!;
        private ApplicationSession _associating = null!;
        private byte[] _aarqPublic = null!;
        private byte[] _aarqLls = null!;
        private byte[] _rlrq = null!;
        private byte[] _getRegister = null!;
        private byte[] _getClock = null!;
        private byte[] _getWithList = null!;
        private byte[] _getLast = null!;
        private byte[] _setClock = null!;
        private byte[] _reset = null!;
        private byte[] _getObjectList = null!;
        private byte[] _getNext = null!;

        [GlobalSetup]
        public void Setup()
        {
            _model = MeterModel.Build();
            _server = new DlmsServer(_model.CreateDirectory(), new ServerLimits());
            _public = _server.CreateSession();
            _management = _server.CreateSession();
            _associating = _server.CreateSession();
            _aarqPublic = Hex.Parse(Apdus.AarqPublic);
            _aarqLls = Hex.Parse(Apdus.AarqLls);
            _rlrq = Hex.Parse(Apdus.Rlrq);
            _getRegister = Hex.Parse(Apdus.GetRegisterValue);
            _getClock = Hex.Parse(Apdus.GetClockTime);
            _getWithList = Hex.Parse(Apdus.GetWithList);
            _getLast = Hex.Parse(Apdus.GetLastObjectValue);
            _setClock = Hex.Parse(Apdus.SetClockTime);
            _reset = Hex.Parse(Apdus.ResetRegister);
            _getObjectList = Hex.Parse(Apdus.GetObjectList);
            _getNext = Hex.Parse(Apdus.GetNextPrefix);

            _public.LinkOpened(MeterModel.PublicClientSap, MeterModel.LogicalDeviceAddress);
            Expect("AARQ public", Apdus.AareStart, Send(_public, MeterModel.PublicClientSap, _aarqPublic));
            _management.LinkOpened(MeterModel.ManagementClientSap, MeterModel.LogicalDeviceAddress);
            Expect("AARQ LLS", Apdus.AareStart, Send(_management, MeterModel.ManagementClientSap, _aarqLls));
            if (_public.Context.Status != Stack.Cosem.AssociationStatus.Associated
                || _management.Context.Status != Stack.Cosem.AssociationStatus.Associated)
            {
                throw new InvalidOperationException("association refused");
            }

            // Every benchmark once: the answer is the one expected (and this is the warm-up).
            Expect("GET register", Apdus.GetRegisterValueResponse, GetRegisterValue());
            Expect("GET clock", Apdus.GetClockTimeResponse, GetClockTime());
            Expect("GET with list", Apdus.GetWithListResponse, GetWithList3());
            Expect("GET last object", Apdus.GetLastObjectValueResponse, GetLastObjectInList());
            Expect("SET clock", Apdus.SetClockTimeResponse, SetClockTime());
            Expect("ACTION reset", Apdus.ResetRegisterResponse, ActionRegisterReset());
            ExpectAssociateAndRelease("public", MeterModel.PublicClientSap, _aarqPublic);
            ExpectAssociateAndRelease("LLS", MeterModel.ManagementClientSap, _aarqLls);
            AssociatePublicAndRelease();
            AssociateLlsAndRelease();
            int blocks = ReadObjectList(out int total);
            if (blocks != ObjectListBlocks || _response[Headroom + 3] != 1)
            {
                throw new InvalidOperationException("object_list took " + blocks + " blocks (" + total + " bytes), expected " + ObjectListBlocks);
            }
        }

        [Benchmark(Description = "GET register value")]
        public int GetRegisterValue()
        {
            return Send(_public, MeterModel.PublicClientSap, _getRegister);
        }

        [Benchmark(Description = "GET clock time")]
        public int GetClockTime()
        {
            return Send(_public, MeterModel.PublicClientSap, _getClock);
        }

        [Benchmark(Description = "GET-with-list, 3 attributes")]
        public int GetWithList3()
        {
            return Send(_public, MeterModel.PublicClientSap, _getWithList);
        }

        [Benchmark(Description = "GET value of object #300 (last in list)")]
        public int GetLastObjectInList()
        {
            return Send(_public, MeterModel.PublicClientSap, _getLast);
        }

        [Benchmark(Description = "SET clock time")]
        public int SetClockTime()
        {
            return Send(_management, MeterModel.ManagementClientSap, _setClock);
        }

        [Benchmark(Description = "ACTION register reset")]
        public int ActionRegisterReset()
        {
            return Send(_management, MeterModel.ManagementClientSap, _reset);
        }

        [Benchmark(Description = "object_list block (GET + GET-Next, per block)", OperationsPerInvoke = ObjectListBlocks)]
        public int ObjectListBlock()
        {
            return ReadObjectList(out _);
        }

        [Benchmark(Description = "AARQ->AARE + RLRQ->RLRE (public)")]
        public int AssociatePublicAndRelease()
        {
            int aare = Send(_associating, MeterModel.PublicClientSap, _aarqPublic);
            return aare + Send(_associating, MeterModel.PublicClientSap, _rlrq);
        }

        [Benchmark(Description = "AARQ->AARE + RLRQ->RLRE (LLS)")]
        public int AssociateLlsAndRelease()
        {
            int aare = Send(_associating, MeterModel.ManagementClientSap, _aarqLls);
            return aare + Send(_associating, MeterModel.ManagementClientSap, _rlrq);
        }

        // The whole object_list: GET-Request-Normal, then GET-Request-Next for every block
        // until the last. Returns the number of blocks.
        private int ReadObjectList(out int total)
        {
            total = Send(_public, MeterModel.PublicClientSap, _getObjectList);
            int blocks = 1;
            while (_response[Headroom + 3] == 0 && blocks < 1000)
            {
                // GET-Request-Next acknowledges the block received (bytes 4..7 of the datablock).
                Array.Copy(_response, Headroom + 4, _getNext, 3, 4);
                total += Send(_public, MeterModel.PublicClientSap, _getNext);
                blocks++;
            }
            return blocks;
        }

        private int Send(ApplicationSession session, int clientSap, byte[] request)
        {
            return session.HandleApdu(clientSap, MeterModel.LogicalDeviceAddress, request, 0, request.Length,
                _response, Headroom, ResponseMax, out _);
        }

        private void ExpectAssociateAndRelease(string what, int clientSap, byte[] aarq)
        {
            Expect("AARQ " + what, Apdus.AareStart, Send(_associating, clientSap, aarq));
            if (_associating.Context.Status != Stack.Cosem.AssociationStatus.Associated)
            {
                throw new InvalidOperationException("AARQ " + what + " refused");
            }
            Expect("RLRQ " + what, Apdus.Rlre, Send(_associating, clientSap, _rlrq));
        }

        private void Expect(string what, string expectedHex, int length)
        {
            Hex.Expect(what, expectedHex, _response, Headroom, length);
        }
    }
}
