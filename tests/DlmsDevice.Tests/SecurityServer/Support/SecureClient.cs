using System;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer.Support
{
    /// <summary>How a request is wrapped.</summary>
    public enum Envelope
    {
        Plain,
        Glo,
        Ded,
        GeneralGlo,
        GeneralDed,
    }

    /// <summary>
    /// A test client that builds the bytes a ciphering client sends (AARQ with glo-initiate,
    /// reply_to_HLS_authentication, protected GET/SET/ACTION, ciphered RLRQ) in the shapes the
    /// traced clients use, and checks the server's answers, with <see cref="SuiteZero"/>
    /// (System.Security.Cryptography) as its only cryptography.
    /// </summary>
    internal sealed class SecureClient
    {
        public byte[] Ek = SuiteZero.TestEk;
        public byte[] Ak = SuiteZero.TestAk;
        public byte[] Kek = SuiteZero.TestKek;
        public byte[] ClientTitle = SuiteZero.GuruxClientTitle;
        public byte[]? ServerTitle;
        public byte[] CtoS = Hex.Parse("571A4D0E1966084F5420046F53137944");
        public byte[]? StoC;
        public byte[]? DedicatedKey;
        public byte[]? Secret;
        public uint NextIc;
        public uint NextDedicatedIc;
        public byte SecurityControl = 0x30;
        public byte Context = 3;
        public byte Mechanism = 5;
        public uint ProposedConformance = 0x401E1D;
        public ushort ClientMaxReceivePdu = 0xFFFF;
        public uint LastServerIc;
        public byte LastResponseTag;
        public byte HlsInvokeId = 0xC1;

        /// <summary>ACTION-Request-Normal, invoke-id (filled in), class 15, 0.0.40.0.0.255, method 1, parameters present, octet-string.</summary>
        public const string HlsReplyPrefix = "C3 01 {0} 000F 0000280000FF 01 01 09";

        /// <summary>01 [dedicated-key] 00 00 06 5F1F 04 00 ccc pdu.</summary>
        public byte[] InitiateRequest()
        {
            byte[] key = DedicatedKey == null ? new byte[] { 0x00 } : SuiteZero.Concat(new byte[] { 0x01, (byte)DedicatedKey.Length }, DedicatedKey);
            return SuiteZero.Concat(new byte[] { 0x01 }, key, new byte[] { 0x00, 0x00, 0x06, 0x5F, 0x1F, 0x04, 0x00,
                (byte)(ProposedConformance >> 16), (byte)(ProposedConformance >> 8), (byte)ProposedConformance,
                (byte)(ClientMaxReceivePdu >> 8), (byte)ClientMaxReceivePdu });
        }

        /// <summary>glo-initiate-request (21) around <see cref="InitiateRequest"/>, taking the next IC.</summary>
        public byte[] GloInitiateRequest()
        {
            return SuiteZero.Envelope(0x21, SuiteZero.Protect(SecurityControl, NextIc++, Ek, Ak, ClientTitle, InitiateRequest()), null);
        }

        /// <summary>The AARQ: context, calling-AP-title, mechanism with CtoS (or LLS password), user-information.</summary>
        public byte[] Aarq(bool cipheredInitiate = true, byte[]? userInformation = null, bool callingApTitle = true)
        {
            byte[] ui = userInformation ?? (cipheredInitiate ? GloInitiateRequest() : InitiateRequest());
            byte[] body = SuiteZero.Concat(Hex.Parse("A1 09 06 07 60 85 74 05 08 01"), new[] { Context });
            if (callingApTitle)
            {
                body = SuiteZero.Concat(body, Element(0xA6, Element(0x04, ClientTitle)));
            }
            if (Mechanism != 0)
            {
                byte[] value = Mechanism == 1 ? (Secret ?? Array.Empty<byte>()) : CtoS;
                body = SuiteZero.Concat(body, Hex.Parse("8A 02 07 80 8B 07 60 85 74 05 08 02"), new[] { Mechanism },
                    Element(0xAC, Element(0x80, value)));
            }
            body = SuiteZero.Concat(body, Element(0xBE, Element(0x04, ui)));
            return Element(0x60, body);
        }

        /// <summary>A BER element: tag, definite length (short or 81/82 form), value.</summary>
        public static byte[] Element(byte tag, byte[] value)
        {
            return SuiteZero.Concat(new[] { tag }, SuiteZero.Length(value.Length), value);
        }

        /// <summary>
        /// Reads an AARE: keeps the server title and StoC; when the user-information is ciphered,
        /// returns it deciphered in <paramref name="initiate"/> (checking the envelope), else as sent.
        /// </summary>
        public AareView ReadAare(byte[] aare, out byte[]? initiate)
        {
            AareView view = AareView.Parse(aare);
            Assert.Equal(0x61, view.Tag);
            if (view.RespondingApTitle != null) ServerTitle = view.RespondingApTitle;
            if (view.RespondingAuthenticationValue != null) StoC = view.RespondingAuthenticationValue;
            initiate = view.UserInformation;
            if (initiate != null && (initiate[0] == 0x28 || initiate[0] == 0x2E || initiate[0] == 0xDB))
            {
                initiate = Open(initiate);
            }
            return view;
        }

        /// <summary>
        /// reply_to_HLS_authentication: ACTION on 0.0.40.0.0.255 method 1 with f(StoC). Gurux
        /// shape (default): f(StoC) takes one IC, the envelope the next. dlms-cosem shape
        /// (<paramref name="sameIc"/>): both the same IC.
        /// </summary>
        public byte[] HlsReply(Envelope envelope = Envelope.Glo, bool sameIc = false, byte[]? reply = null)
        {
            Assert.NotNull(StoC);
            byte[] f;
            if (Mechanism == 6)
            {
                f = reply ?? SuiteZero.Sha256(Secret!, ClientTitle, ServerTitle!, StoC!, CtoS);
            }
            else
            {
                uint fIc = sameIc ? NextIc : NextIc++;
                f = reply ?? SuiteZero.Gmac(Ek, Ak, ClientTitle, fIc, StoC!);
            }
            byte[] action = SuiteZero.Concat(Hex.Parse(string.Format(HlsReplyPrefix, HlsInvokeId.ToString("X2"))), new[] { (byte)f.Length }, f);
            return Protect(action, envelope);
        }

        /// <summary>Checks the server's f(CtoS) in the plaintext ACTION-Response and returns it.</summary>
        public void CheckServerHls(byte[] actionResponse)
        {
            Assert.Equal("C7 01 " + HlsInvokeId.ToString("X2") + " 00 01 00 09", Hex.Format(actionResponse, 0, 7));
            byte[] f = actionResponse.AsSpan(8).ToArray();
            Assert.Equal(actionResponse[7], f.Length);
            if (Mechanism == 6)
            {
                Assert.Equal(Hex.Format(SuiteZero.Sha256(Secret!, ServerTitle!, ClientTitle, CtoS, StoC!)), Hex.Format(f));
                return;
            }
            uint ic = (uint)(f[1] << 24 | f[2] << 16 | f[3] << 8 | f[4]);
            Assert.Equal(Hex.Format(SuiteZero.Gmac(Ek, Ak, ServerTitle!, ic, CtoS)), Hex.Format(f));
        }

        /// <summary>Wraps a plaintext xDLMS request, taking the next IC of the key it uses.</summary>
        public byte[] Protect(byte[] plain, Envelope envelope, byte? securityControl = null, uint? ic = null)
        {
            byte sc = securityControl ?? SecurityControl;
            switch (envelope)
            {
                case Envelope.Plain:
                    return plain;
                case Envelope.Glo:
                    return SuiteZero.Envelope((byte)(plain[0] + 0x08), SuiteZero.Protect(sc, ic ?? NextIc++, Ek, Ak, ClientTitle, plain), null);
                case Envelope.GeneralGlo:
                    return SuiteZero.Envelope(0xDB, SuiteZero.Protect(sc, ic ?? NextIc++, Ek, Ak, ClientTitle, plain), ClientTitle);
                case Envelope.Ded:
                    return SuiteZero.Envelope((byte)(plain[0] + 0x10), SuiteZero.Protect(sc, ic ?? NextDedicatedIc++, DedicatedKey!, Ak, ClientTitle, plain), null);
                default:
                    return SuiteZero.Envelope(0xDC, SuiteZero.Protect(sc, ic ?? NextDedicatedIc++, DedicatedKey!, Ak, ClientTitle, plain), ClientTitle);
            }
        }

        /// <summary>Removes the protection of a server response (verifying the tag), or returns a plain one as it is.</summary>
        public byte[] Open(byte[] response)
        {
            LastResponseTag = response[0];
            bool ciphered = (response[0] >= 0xC8 && response[0] <= 0xD7) || response[0] == 0xDB || response[0] == 0xDC
                || response[0] == 0x28 || response[0] == 0x2E;
            if (!ciphered)
            {
                return response;
            }
            byte[] content = SuiteZero.OpenEnvelope(response, out byte tag, out byte[]? title);
            if (title != null)
            {
                Assert.Equal(Hex.Format(ServerTitle!), Hex.Format(title));
            }
            bool dedicated = (tag >= 0xD0 && tag <= 0xD7) || tag == 0xDC;
            byte[] plain = SuiteZero.Unprotect(content, dedicated ? DedicatedKey! : Ek, Ak, ServerTitle!, out byte sc, out uint ic);
            LastServerIc = ic;
            return plain;
        }

        /// <summary>RLRQ, with a glo-initiate-request as the traced clients send when ciphering.</summary>
        public byte[] Rlrq(bool ciphered = true)
        {
            if (!ciphered)
            {
                return Hex.Parse("62 03 80 01 00");
            }
            byte[] ui = GloInitiateRequest();
            return Element(0x62, SuiteZero.Concat(Hex.Parse("80 01 00"), Element(0xBE, Element(0x04, ui))));
        }
    }
}
