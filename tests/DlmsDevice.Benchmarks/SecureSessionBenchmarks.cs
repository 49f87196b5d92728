using System;
using BenchmarkDotNet.Attributes;
using DlmsDevice.Hal;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Stack.Security;
using DlmsDevice.Stack.Server;

namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// Ciphered requests through <see cref="ApplicationSession.HandleApdu"/>: an association of
    /// client 48 with HLS-GMAC, LN with ciphering and security policy 3 (authenticated and
    /// encrypted, suite 0), as the emulator's management client. One operation = the ciphered
    /// request copied into the link's receive buffer (it is deciphered in place there), then
    /// decipher + tag check + replay check, the GET, the response enciphered in place.
    /// </summary>
    /// <remarks>
    /// A real client sends a new invocation counter with every request; to send the same bytes
    /// over and over, the server's memory of the client's counter is set back before each call
    /// (one field write). Requests are built in set-up with the stack's own ApduCipher/HlsGmac,
    /// and every answer is deciphered and checked once there.
    /// </remarks>
    [MemoryDiagnoser]
    public class SecureSessionBenchmarks
    {
        public const int ClientSap = 48;
        private const int Headroom = HdlcServerLink.ResponseHeadroom;
        private const int ResponseMax = 1024;
        private const uint RequestIc = 100;

        private static readonly byte[] s_ek = Hex.Parse("000102030405060708090A0B0C0D0E0F");
        private static readonly byte[] s_ak = Hex.Parse("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
        private static readonly byte[] s_clientTitle = Hex.Parse("4775727578313233");
        private static readonly byte[] s_serverTitle = Hex.Parse("444C440000000001");
        private static readonly byte[] s_ctos = Hex.Parse("571A4D0E1966084F5420046F53137944");

        private readonly byte[] _response = new byte[Headroom + ResponseMax + HdlcServerLink.ResponseTailroom];
        // Where the last response starts (a ciphered one lies behind room for its envelope).
        private int _start = Headroom;
        private readonly byte[] _request = new byte[ResponseMax];
        private SecurityProfile _profile = null!;
        private ApplicationSession _session = null!;
        private ApplicationSession _associating = null!;
        private byte[] _gloGet = null!;
        private byte[] _generalGloGet = null!;
        private byte[] _aarq = null!;
        private byte[] _hlsReply = null!;
        private byte[] _rlrq = null!;

        [GlobalSetup]
        public void Setup()
        {
            LogicalDevice device = new LogicalDevice(1, "DLD0000000000001", 8);
            _profile = new SecurityProfile();
            _profile.SecurityPolicy = SecurityPolicy.AllMessagesAuthenticatedAndEncrypted;
            _profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, s_ek, 0);
            _profile.SetKey(SecurityProfile.AuthenticationKeyId, s_ak, 0);
            _profile.SetServerSystemTitle(s_serverTitle, 0);
            SecuritySetup setup = new SecuritySetup(new ObisCode(0, 0, 43, 0, 3, 255), _profile);
            Register energy = new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
            energy.Value.SetInteger(123456789);
            CurrentAssociation current = new CurrentAssociation();
            AssociationLogicalName association = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 3, 255), new ObjectList(8), ClientSap, 1, MechanismName.HlsGmac, 16);
            association.ApplicationContext = AssociationLogicalName.ContextLogicalNameWithCiphering;
            association.Conformance = Conformance.ServerSupportedLn | Conformance.GeneralProtection;
            association.SecuritySetup = setup;
            association.HlsAuthentication = new HlsAuthentication();
            device.Add(current);
            device.Add(association);
            device.Add(setup);
            device.Add(energy);
            int index = association.Objects.Add(current, AttributeAccess.Read, MethodAccess.NoAccess);
            association.Objects.SetMethodAccess(index, 1, MethodAccess.Access);
            association.Objects.Add(energy, AttributeAccess.Read, MethodAccess.NoAccess);
            LogicalDeviceDirectory directory = new LogicalDeviceDirectory();
            directory.Add(device);
            DlmsServer server = new DlmsServer(directory, new ServerLimits()) { Entropy = new FixedEntropy() };
            _session = server.CreateSession();
            _associating = server.CreateSession();

            // AARQ (glo-initiate IC 1), HLS reply (f IC 2, glo-action IC 3), GETs IC 100, RLRQ IC 101.
            _aarq = Aarq(Protect(0x21, 1, Hex.Parse("01 00 00 00 06 5F1F04 00 401E1D FFFF")));
            byte[] stoc = new byte[SecurityContext.GeneratedChallengeLength];
            new FixedEntropy().GetBytes(stoc, 0, stoc.Length);
            Gcm128 gcm = new Gcm128();
            gcm.SetKey(s_ek, 0);
            byte[] f = new byte[HlsGmac.ResponseLength];
            HlsGmac.Compute(gcm, s_ak, 0, s_clientTitle, 0, 2, stoc, 0, stoc.Length, f, 0);
            _hlsReply = Protect(0xCB, 3, Concat(Hex.Parse("C3 01 C1 000F 0000280000FF 01 01 09 11"), f));
            _gloGet = Protect(0xC8, RequestIc, Hex.Parse(Apdus.GetRegisterValue));
            _generalGloGet = Protect(0xDB, RequestIc, Hex.Parse(Apdus.GetRegisterValue));
            byte[] ui = Protect(0x21, RequestIc + 1, Hex.Parse("01 00 00 00 06 5F1F04 00 401E1D FFFF"));
            _rlrq = Concat(new byte[] { 0x62, (byte)(ui.Length + 7), 0x80, 0x01, 0x00, 0xBE, (byte)(ui.Length + 2), 0x04, (byte)ui.Length }, ui);

            _session.LinkOpened(ClientSap, 1);
            Associate(_session);
            // Every benchmark once, its answer deciphered and checked (also the warm-up).
            Expect("glo-get", 0xCC, "C4 01 C1 00 06 07 5B CD 15", CipheredGetRegister());
            Expect("general-glo get", 0xDB, "C4 01 C1 00 06 07 5B CD 15", GeneralGloGetRegister());
            _associating.LinkOpened(ClientSap, 1);
            AssociateHlsGmacAndRelease();
            if (_associating.Context.Status != AssociationStatus.NonAssociated || _associating.Security.LastStatus != ProtectionStatus.Ok)
            {
                throw new InvalidOperationException("HLS association + release did not run through: " + _associating.Security.LastStatus);
            }
        }

        [Benchmark(Description = "ciphered GET register value (glo-get, SC 0x30)")]
        public int CipheredGetRegister()
        {
            return Send(_session, _gloGet, RequestIc);
        }

        [Benchmark(Description = "ciphered GET register value (general-glo, SC 0x30)")]
        public int GeneralGloGetRegister()
        {
            return Send(_session, _generalGloGet, RequestIc);
        }

        [Benchmark(Description = "AARQ (glo-initiate) + HLS-GMAC reply + ciphered RLRQ")]
        public int AssociateHlsGmacAndRelease()
        {
            int length = Send(_associating, _aarq, 1);
            length += Send(_associating, _hlsReply, 2);
            return length + Send(_associating, _rlrq, RequestIc + 1);
        }

        private int Send(ApplicationSession session, byte[] request, uint invocationCounter)
        {
            // The client's next counter must be this request's: forget what was accepted since.
            _profile.Counters.Received.Minimum = invocationCounter;
            Array.Copy(request, _request, request.Length);
            return session.HandleApdu(ClientSap, 1, _request, 0, request.Length, _response, Headroom, ResponseMax, out _start);
        }

        private void Associate(ApplicationSession session)
        {
            Send(session, _aarq, 1);
            if (session.Context.Status != AssociationStatus.AssociationPending)
            {
                throw new InvalidOperationException("AARQ refused: " + Hex.Format(_response, _start, 20));
            }
            Send(session, _hlsReply, 2);
            if (session.Context.Status != AssociationStatus.Associated)
            {
                throw new InvalidOperationException("HLS reply refused");
            }
        }

        private void Expect(string what, byte tag, string plainHex, int length)
        {
            CipheredApdu apdu = new CipheredApdu();
            if (length <= 0 || _response[_start] != tag || apdu.Read(_response, _start, length) != SecurityStatus.Ok)
            {
                throw new InvalidOperationException(what + ": unexpected answer " + Hex.Format(_response, _start, Math.Max(length, 0)));
            }
            Gcm128 gcm = new Gcm128();
            gcm.SetKey(s_ek, 0);
            if (ApduCipher.Decipher(_response, apdu, gcm, s_ak, 0, s_serverTitle, 0, out int offset, out int count) != SecurityStatus.Ok)
            {
                throw new InvalidOperationException(what + ": the answer does not decipher");
            }
            Hex.Expect(what, plainHex, _response, offset, count);
        }

        private static byte[] Protect(byte tag, uint invocationCounter, byte[] plain)
        {
            byte[] buffer = new byte[CipheredApdu.MaxHeaderLength + plain.Length + ApduCipher.TagLength];
            Array.Copy(plain, 0, buffer, CipheredApdu.MaxHeaderLength, plain.Length);
            Gcm128 gcm = new Gcm128();
            gcm.SetKey(s_ek, 0);
            ApduCipher.Encipher(buffer, CipheredApdu.MaxHeaderLength, plain.Length, tag, 0x30, invocationCounter,
                gcm, s_ak, 0, s_clientTitle, 0, out int start, out int length);
            return buffer.AsSpan(start, length).ToArray();
        }

        private static byte[] Aarq(byte[] userInformation)
        {
            byte[] body = Concat(
                Hex.Parse("A1 09 06 07 60 85 74 05 08 01 03 A6 0A 04 08"), s_clientTitle,
                Hex.Parse("8A 02 07 80 8B 07 60 85 74 05 08 02 05 AC 12 80 10"), s_ctos,
                new byte[] { 0xBE, (byte)(userInformation.Length + 2), 0x04, (byte)userInformation.Length }, userInformation);
            return Concat(new byte[] { 0x60, (byte)body.Length }, body);
        }

        private static byte[] Concat(params byte[][] parts)
        {
            int n = 0;
            foreach (byte[] p in parts) n += p.Length;
            byte[] all = new byte[n];
            int at = 0;
            foreach (byte[] p in parts)
            {
                Array.Copy(p, 0, all, at, p.Length);
                at += p.Length;
            }
            return all;
        }

        /// <summary>The same "random" StoC every time, so the HLS reply can be built in advance. Benchmarks only.</summary>
        private sealed class FixedEntropy : IEntropySource
        {
            public void GetBytes(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = (byte)(0x5A ^ i);
                }
            }
        }
    }
}
