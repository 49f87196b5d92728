using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Tests.SecurityServer.Support
{
    /// <summary>
    /// A small in-process server for the security tests: logical device 1 with the public client
    /// (16, no security) and one secured association (48 by default) whose context, mechanism
    /// and policy the test chooses, over a Security setup 0.0.43.0.3.255 with the Green Book test
    /// keys and server title 4D4D4D0000BC614E.
    /// </summary>
    internal sealed class SecureTestMeter
    {
        public const int PublicSap = 16;
        public const int SecureSap = 48;
        public static readonly byte[] ServerTitle = { 0x4D, 0x4D, 0x4D, 0x00, 0x00, 0xBC, 0x61, 0x4E };
        public const string EnergyGet = "C0 01 C1 0003 0100010800FF 02 00";
        public const string SerialGet = "C0 01 C1 0001 0000600100FF 02 00";
        public const string SecretGet = "C0 01 C1 0001 0000600101FF 02 00";
        public const string LargeGet = "C0 01 C1 0001 0000600102FF 02 00";
        public const int LargeLength = 700;
        public const long EnergyValue = 123456;

        public LogicalDevice Device { get; }
        public SecurityProfile Profile { get; }
        public SecuritySetup Setup { get; }
        public AssociationLogicalName Secure { get; }
        public AssociationLogicalName Public { get; }
        public Register Energy { get; }
        public Data Serial { get; }
        public Data Secret { get; }
        public Data Large { get; }
        public DlmsServer Server { get; }
        public SimulatedEntropy Entropy { get; }

        /// <param name="policy">Security policy of the Security setup.</param>
        /// <param name="mechanism">Authentication mechanism of the secured association.</param>
        /// <param name="context">Application context of the secured association (3 = LN with ciphering).</param>
        /// <param name="counters">Its invocation counters; null = in RAM.</param>
        /// <param name="maxPdu">server-max-receive-pdu-size.</param>
        /// <param name="entropySeed">Seed of the StoC source (a twin with the same seed predicts the challenges).</param>
        public SecureTestMeter(byte policy = 3, byte mechanism = MechanismName.HlsGmac, byte context = 3,
            InvocationCounterStore? counters = null, int maxPdu = 1024, ulong entropySeed = 1)
        {
            Device = new LogicalDevice(1, "DLD0000000000001", 16);
            Profile = new SecurityProfile(counters ?? new InvocationCounterStore());
            Profile.SecurityPolicy = policy;
            Profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, SuiteZero.TestEk, 0);
            Profile.SetKey(SecurityProfile.AuthenticationKeyId, SuiteZero.TestAk, 0);
            Profile.SetKey(SecurityProfile.MasterKey, SuiteZero.TestKek, 0);
            Profile.SetServerSystemTitle(ServerTitle, 0);
            Setup = new SecuritySetup(new ObisCode(0, 0, 43, 0, 3, 255), Profile);
            InvocationCounterData counter = new InvocationCounterData(new ObisCode(0, 0, 43, 1, 3, 255), Profile.Counters);

            Energy = new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
            Energy.Value.SetInteger(EnergyValue);
            Serial = new Data(new ObisCode(0, 0, 96, 1, 0, 255), new CosemValue(DataType.OctetString, 32));
            Serial.Value.SetBytes(new byte[] { 0x31, 0x32, 0x33 }, 0, 3);
            Secret = new Data(new ObisCode(0, 0, 96, 1, 1, 255), new CosemValue(DataType.OctetString, 16));
            Secret.Value.SetBytes(new byte[] { 0xAB }, 0, 1);
            Large = new Data(new ObisCode(0, 0, 96, 1, 2, 255), new CosemValue(DataType.OctetString, LargeLength));
            byte[] large = new byte[LargeLength];
            for (int i = 0; i < large.Length; i++) large[i] = (byte)i;
            Large.Value.SetBytes(large, 0, large.Length);
            CurrentAssociation current = new CurrentAssociation();

            Public = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), new ObjectList(8), PublicSap, 1, MechanismName.None, 0);
            Secure = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 3, 255), new ObjectList(16), SecureSap, 1, mechanism, 64);
            Secure.ApplicationContext = context;
            Secure.Conformance = Conformance.ServerSupportedLn | Conformance.GeneralProtection;
            Secure.MaxReceivePduSize = maxPdu;
            Secure.SecuritySetup = Setup;
            Secure.HlsAuthentication = new HlsAuthentication();
            Secure.SetSecret("HLS-SHA256-secret");
            Public.MaxReceivePduSize = maxPdu;

            Device.Add(current);
            Device.Add(Public);
            Device.Add(Secure);
            Device.Add(Setup);
            Device.Add(counter);
            Device.Add(Energy);
            Device.Add(Serial);
            Device.Add(Secret);
            Device.Add(Large);

            ObjectList p = Public.Objects;
            p.Add(current, AttributeAccess.Read, MethodAccess.NoAccess);
            p.Add(counter, AttributeAccess.Read, MethodAccess.NoAccess);
            p.Add(Energy, AttributeAccess.Read, MethodAccess.NoAccess);
            p.Add(Serial, AttributeAccess.Read, MethodAccess.NoAccess);

            const MethodAccess SecuredMethod = MethodAccess.Access | MethodAccess.AuthenticatedEncryptedRequest;
            ObjectList s = Secure.Objects;
            int ca = s.Add(current, AttributeAccess.Read, MethodAccess.NoAccess);
            s.SetMethodAccess(ca, 1, MethodAccess.Access);
            s.SetMethodAccess(ca, 2, SecuredMethod);
            s.SetAttributeAccess(ca, 7, AttributeAccess.Write | AttributeAccess.AuthenticatedEncryptedRequest);
            int own = s.Add(Secure, AttributeAccess.Read, MethodAccess.NoAccess);
            s.SetMethodAccess(own, 1, MethodAccess.Access);
            s.SetAttributeAccess(own, 7, AttributeAccess.NoAccess);
            s.Add(Setup, AttributeAccess.Read, SecuredMethod);
            s.Add(counter, AttributeAccess.Read, MethodAccess.NoAccess);
            int energy = s.Add(Energy, AttributeAccess.Read, MethodAccess.NoAccess);
            s.SetMethodAccess(energy, 1, SecuredMethod);
            // Written only by an authenticated request; read by anyone of this association.
            int serial = s.Add(Serial, AttributeAccess.Read, MethodAccess.NoAccess);
            s.SetAttributeAccess(serial, 2, AttributeAccess.ReadWrite | AttributeAccess.AuthenticatedRequest);
            // Readable only by an encrypted request.
            int secret = s.Add(Secret, AttributeAccess.Read, MethodAccess.NoAccess);
            s.SetAttributeAccess(secret, 2, AttributeAccess.Read | AttributeAccess.EncryptedRequest);
            s.Add(Large, AttributeAccess.Read, MethodAccess.NoAccess);

            LogicalDeviceDirectory directory = new LogicalDeviceDirectory();
            directory.Add(Device);
            ServerLimits limits = new ServerLimits { MaxReceivePdu = maxPdu, BlockBufferSize = 2048 };
            Entropy = new SimulatedEntropy(entropySeed);
            Server = new DlmsServer(directory, limits) { Entropy = Entropy };
        }

        /// <summary>A channel (session) with a link to <paramref name="clientSap"/> opened.</summary>
        public SessionDriver Open(int clientSap = SecureSap, int responseMax = 1024)
        {
            return new SessionDriver(Server.CreateSession(), clientSap, responseMax);
        }
    }

    /// <summary>Drives one <see cref="ApplicationSession"/> like a link layer: request buffer in, response with headroom out.</summary>
    internal sealed class SessionDriver
    {
        public const int Headroom = 8;
        private readonly byte[] _request = new byte[4096];
        private readonly byte[] _response;
        private readonly int _responseMax;

        public SessionDriver(ApplicationSession session, int clientSap, int responseMax)
        {
            Session = session;
            ClientSap = clientSap;
            _responseMax = responseMax;
            _response = new byte[Headroom + responseMax + 16];
            session.LinkOpened(clientSap, 1);
        }

        public ApplicationSession Session { get; }
        public int ClientSap { get; }

        /// <summary>Sends <paramref name="apdu"/> and returns a copy of the response APDU (empty when none).</summary>
        public byte[] Exchange(byte[] apdu)
        {
            int n = Send(apdu);
            return _response.AsSpan(ResponseStart, n).ToArray();
        }

        /// <summary>Sends <paramref name="apdu"/> (copied into the request buffer) and returns the response length; allocates nothing.</summary>
        public int Send(byte[] apdu)
        {
            Array.Copy(apdu, _request, apdu.Length);
            int length = Session.HandleApdu(ClientSap, 1, _request, 0, apdu.Length, _response, Headroom, _responseMax, out int start);
            ResponseStart = start;
            return length;
        }

        /// <summary>The response buffer (the APDU starts at <see cref="ResponseStart"/>).</summary>
        public byte[] Response => _response;

        /// <summary>Where the last response starts in <see cref="Response"/>: <see cref="Headroom"/>, or later for a ciphered one (its envelope was added in place in front of the plaintext).</summary>
        public int ResponseStart { get; private set; } = Headroom;
    }
}
