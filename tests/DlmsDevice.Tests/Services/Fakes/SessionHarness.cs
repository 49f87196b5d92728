using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Services.Fakes
{
    /// <summary>
    /// A server with one logical device (1) and one association (client 16) over a set of test
    /// objects, a session on it, and helpers to send request hex and get the response hex.
    /// Responses are written behind <see cref="Headroom"/> bytes, as a link layer would.
    /// </summary>
    public sealed class SessionHarness
    {
        public const int Headroom = 8;

        public readonly ObjectList Objects = new ObjectList(16);
        public readonly AssociationDirectory Directory = new AssociationDirectory();
        public readonly FakeAcse Acse = new FakeAcse();
        public readonly AssociationConfig Association;
        public readonly DlmsServer Server;
        public readonly ApplicationSession Session;
        public readonly byte[] Request = new byte[65536];
        public readonly byte[] Response = new byte[65536 + Headroom];
        public int ResponseMax;
        /// <summary>Where the last response starts in <see cref="Response"/> (what the session reported).</summary>
        public int ResponseStart = Headroom;
        /// <summary>The addresses requests arrive from (set by <see cref="Open"/>).</summary>
        public int ClientSap = 16;
        public int LogicalDevice = 1;

        /// <summary>Data 0.0.43.1.0.255 (class 1), attribute 2 = double-long-unsigned 5009, read-write.</summary>
        public readonly TestValueObject Data = new TestValueObject(1, new ObisCode(0, 0, 43, 1, 0, 255));
        /// <summary>Register 1.0.1.8.0.255 (class 3): value 12345, scaler_unit {0, Wh}, read-only.</summary>
        public readonly TestValueObject Register = new TestValueObject(3, new ObisCode(1, 0, 1, 8, 0, 255), 3);
        /// <summary>Clock 0.0.1.0.0.255 (class 8), attribute 2 read-write.</summary>
        public readonly TestValueObject Clock = new TestValueObject(8, new ObisCode(0, 0, 1, 0, 0, 255), 9);
        /// <summary>Association LN 0.0.40.0.0.255 (class 15) with methods (method 1 = reply_to_HLS).</summary>
        public readonly TestMethodObject AssociationLn = new TestMethodObject(15, new ObisCode(0, 0, 40, 0, 0, 255));
        /// <summary>Profile-like 1.0.99.1.0.255 (class 7): 300 elements of 10-byte payload, attribute 2 readable.</summary>
        public readonly TestArrayObject Profile = new TestArrayObject(7, new ObisCode(1, 0, 99, 1, 0, 255), 300, 10);
        /// <summary>Data 0.0.96.1.0.255 (class 1), attribute 2 no-access.</summary>
        public readonly TestValueObject Hidden = new TestValueObject(1, new ObisCode(0, 0, 96, 1, 0, 255));
        /// <summary>Methods on 0.0.10.0.0.255 (class 9): methods 1..3 accessible, 4 accessible too.</summary>
        public readonly TestMethodObject Script = new TestMethodObject(9, new ObisCode(0, 0, 10, 0, 0, 255));

        public SessionHarness(int supportedConformance = Conformance.ServerSupportedLn, int clientMaxPdu = 0xFFFF,
            int blockBufferSize = 2048, int responseMax = 2048, int maxReceivePdu = 1024)
        {
            Data.SetValue(2, "06 00001391");
            Register.SetValue(2, "06 00003039");
            Register.SetValue(3, "02 02 0F 00 16 1E");
            Clock.SetValue(2, "09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00");

            Objects.Add(Data, AttributeAccess.ReadWrite, MethodAccess.NoAccess);
            Objects.Add(Register, AttributeAccess.Read, MethodAccess.NoAccess);
            Objects.Add(Clock, AttributeAccess.ReadWrite, MethodAccess.Access);
            int association = Objects.Add(AssociationLn, AttributeAccess.Read, MethodAccess.Access);
            Objects.SetMethodAccess(association, 2, MethodAccess.NoAccess);
            Objects.Add(Profile, AttributeAccess.Read, MethodAccess.NoAccess);
            Objects.Add(Hidden, AttributeAccess.NoAccess, MethodAccess.NoAccess);
            Objects.Add(Script, AttributeAccess.Read, MethodAccess.Access);

            Association = new AssociationConfig(16, Objects, AssociationLn);
            Association.SupportedConformance = supportedConformance;
            Directory.Add(1, Association);
            Acse.ClientMaxReceivePdu = clientMaxPdu;
            var limits = new ServerLimits { BlockBufferSize = blockBufferSize, MaxReceivePdu = maxReceivePdu };
            Server = new DlmsServer(Directory, limits, Acse);
            Session = Server.CreateSession();
            ResponseMax = responseMax;
            Session.LinkOpened(16, 1);
        }

        public CosemContext Context => Session.Context;

        /// <summary>LinkOpened for these addresses; later requests come from them.</summary>
        public SessionHarness Open(int clientSap, int logicalDevice)
        {
            ClientSap = clientSap;
            LogicalDevice = logicalDevice;
            Session.LinkOpened(clientSap, logicalDevice);
            return this;
        }

        /// <summary>Opens the association (fake AARQ) and checks it was accepted.</summary>
        public SessionHarness Associate()
        {
            string aare = Send("60 00");
            if (aare != "61 00")
            {
                throw new InvalidOperationException("association rejected: " + aare);
            }
            return this;
        }

        /// <summary>Sends request hex, returns response hex ("" when nothing was sent).</summary>
        public string Send(string hex) => Hex.Format(SendBytes(Hex.Parse(hex)));

        public byte[] SendBytes(byte[] request)
        {
            int length = SendRaw(request, request.Length);
            var result = new byte[length];
            Array.Copy(Response, ResponseStart, result, 0, length);
            return result;
        }

        /// <summary>Allocation-free send: the request is copied into <see cref="Request"/>; the response stays in <see cref="Response"/> at <see cref="ResponseStart"/>.</summary>
        public int SendRaw(byte[] request, int count)
        {
            Array.Copy(request, 0, Request, 3, count);
            Response[Headroom - 1] = 0xEE;
            int length = Session.HandleApdu(ClientSap, LogicalDevice, Request, 3, count, Response, Headroom, ResponseMax, out ResponseStart);
            if (Response[Headroom - 1] != 0xEE)
            {
                throw new InvalidOperationException("headroom overwritten");
            }
            return length;
        }
    }
}
