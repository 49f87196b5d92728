using System;
using DlmsDevice.Client;
using DataAccessResult = DlmsDevice.Stack.Cosem.DataAccessResult;
using SecurityPolicy = DlmsDevice.Stack.Security.SecurityPolicy;
using CosemDateTime = DlmsDevice.Stack.Axdr.CosemDateTime;
using ObisCode = DlmsDevice.Stack.Axdr.ObisCode;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Push
{
    /// <summary>
    /// The DataNotification (Green Book xDLMS Data-Notification, tag 0F) built from a push setup's
    /// objects, plain and protected, against published bytes.
    /// </summary>
    public class DataNotificationBuilderTests
    {
        /// <summary>
        /// The Data-Notification the client's listener test decodes (CliFeatureTests): invoke-id 1,
        /// date-time 2026-11-25 10:15:00, body { logical name 1.0.32.7.0.255, 2356 } as a real
        /// meter pushes its L1 voltage (dlms-cosem <c>test_hdlc.py</c>).
        /// </summary>
        public const string PlainVector = "0F 00000001 0C 07EA0B19 03 0A0F00 00 0000 00 02 02 09 06 0100200700FF 12 0934";

        /// <summary>
        /// EVN Netz, "SmartMeter Kundenschnittstelle" (218_13_SmartMeter_Kundenschnittstelle_2604_web.pdf),
        /// sample telegram: a DataNotification of a deployed meter, general-glo-ciphering with
        /// encryption only (SC 20), system title 4B464D6750000009 ("KFMgP" ...), IC 0x23, key
        /// 36C66639E48A8CA4D6BC8B282A793BBB. The plaintext and the ciphertext (the M-Bus framing
        /// taken off) as published.
        /// </summary>
        public const string EvnPlaintext = "0F8006870E0C07E5091B01092F0F00FF88800223090C07E5091B01092F0F00FF888009060100010800FF060000328902020F00161E09060100020800FF060000000002020F00161E09060100010700FF060000000002020F00161B09060100020700FF060000000002020F00161B09060100200700FF12092102020FFF162309060100340700FF12000002020FFF162309060100480700FF12000002020FFF1623090601001F0700FF12000002020FFE162109060100330700FF12000002020FFE162109060100470700FF12000002020FFE1621090601000D0700FF1203E802020FFD16FF090C313831323230303030303039";

        public const string EvnCiphertext = "88D5AB4F97515AAFC6B88D2F85DAA7A0E3C0C40D004535C397C9D037AB7DBDA329107615444894A1A0DD7E85F02D496CECD3FF46AF5FB3C9229CFE8F3EE4606AB2E1F409F36AAD2E50900A4396FC6C2E083F373233A69616950758BFC7D63A9E9B6E99E21B2CBC2B934772CA51FD4D69830711CAB1F8CFF25F0A329337CBA51904F0CAED88D61968743C8454BA922EB00038182C22FE316D16F2A9F544D6F75D51A4E92A1C4EF8AB19A2B7FEAA32D0726C0ED80229AE6C0F7621A4209251ACE2B2BC66FF0327A653BB686C756BE033C7A281F1D2A7E1FA31C3983E15F8FD16CC5787E6F5419A3CFDA44BE438C96F0E38BF83D9";

        [Fact]
        public void Write_LogicalNameAndValue_IsThePublishedShapeByteForByte()
        {
            var kit = new PushTestKit();
            kit.Push.AddObject(kit.Voltage, Register.Attributes.LogicalName, 0);
            kit.Push.AddObject(kit.Voltage, Register.Attributes.Value, 0);
            var builder = new DataNotificationBuilder(256);
            byte[] buffer = new byte[256];

            PushStatus status = builder.Write(kit.Push, kit.Clock, kit.Push.NextInvokeId(), buffer, 10, 200, out int length);

            Assert.Equal(PushStatus.Ok, status);
            Assert.Equal(Hex.Format(Hex.Parse(PlainVector)), Hex.Format(buffer, 10, length));
            // The project's client (an independent decoder) reads the same.
            DataNotification decoded = DataNotification.Decode(buffer.AsSpan(10, length));
            Assert.Equal(1u, decoded.InvokeId);
            Assert.Equal("2026-11-25T10:15:00Z", decoded.DateTime!.ToString());
        }

        [Fact]
        public void Write_WithoutClock_DateTimeAbsent()
        {
            var kit = new PushTestKit();
            kit.Push.AddObject(kit.Voltage, Register.Attributes.Value, 0);
            byte[] buffer = new byte[64];

            new DataNotificationBuilder(64).Write(kit.Push, null!, 0x1DB, buffer, 0, 64, out int length);

            // dlms-cosem test_data_notification.py: 0F 000001DB 00 <body> (date-time absent).
            Assert.Equal("0F 00 00 01 DB 00 02 01 12 09 34", Hex.Format(buffer, 0, length));
        }

        [Fact]
        public void Write_DataIndex_PicksTheElementOrNull()
        {
            var kit = new PushTestKit();
            kit.Push.AddObject(kit.Voltage, Register.Attributes.ScalerUnit, 2); // unit of { scaler -1, unit 35 V }
            kit.Push.AddObject(kit.Voltage, Register.Attributes.ScalerUnit, 1); // scaler
            kit.Push.AddObject(kit.Voltage, Register.Attributes.ScalerUnit, 3); // no such element
            kit.Push.AddObject(kit.Voltage, Register.Attributes.Value, 1);      // not an array or structure
            byte[] buffer = new byte[64];

            new DataNotificationBuilder(64).Write(kit.Push, null!, 1, buffer, 0, 64, out int length);

            Assert.Equal("0F 00 00 00 01 00 02 04 16 23 0F FF 00 00", Hex.Format(buffer, 0, length));
        }

        [Fact]
        public void Write_ValueThatCannotBeRead_NullDataKeepsOneElementPerEntry()
        {
            var kit = new PushTestKit();
            var failing = new FailingObject();
            kit.Device.Add(failing);
            kit.Push.AddObject(failing, 2, 0);
            kit.Push.AddObject(kit.Voltage, Register.Attributes.Value, 0);
            byte[] buffer = new byte[64];

            new DataNotificationBuilder(64).Write(kit.Push, null!, 1, buffer, 0, 64, out int length);

            Assert.Equal("0F 00 00 00 01 00 02 02 00 12 09 34", Hex.Format(buffer, 0, length));
        }

        [Fact]
        public void Write_DoesNotFit_TooLong()
        {
            var kit = new PushTestKit();
            kit.Push.AddObject(kit.Voltage, Register.Attributes.LogicalName, 0);
            byte[] buffer = new byte[64];

            Assert.Equal(PushStatus.TooLong, new DataNotificationBuilder(64).Write(kit.Push, kit.Clock, 1, buffer, 0, 20, out int length));
            Assert.Equal(0, length);
        }

        /// <summary>The EVN telegram, enciphered here from its plaintext: every byte of the published envelope and ciphertext.</summary>
        [Fact]
        public void Protect_EvnPublishedTelegram_SameEnvelopeAndCiphertext()
        {
            var profile = new SecurityProfile();
            profile.SecurityPolicy = SecurityPolicy.AllMessagesEncrypted;
            profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, Convert.FromHexString("36C66639E48A8CA4D6BC8B282A793BBB"), 0);
            profile.SetKey(SecurityProfile.AuthenticationKeyId, new byte[16], 0);
            profile.SetServerSystemTitle(Convert.FromHexString("4B464D6750000009"), 0);
            for (int i = 0; i < 0x23; i++)
            {
                Assert.True(profile.Counters.TryNextTransmit(out _));
            }
            byte[] plain = Hex.Parse(EvnPlaintext);
            byte[] buffer = new byte[DataNotificationBuilder.ProtectionHeadroom + plain.Length + DataNotificationBuilder.ProtectionTailroom];
            Array.Copy(plain, 0, buffer, DataNotificationBuilder.ProtectionHeadroom, plain.Length);

            PushStatus status = DataNotificationBuilder.Protect(profile, buffer, DataNotificationBuilder.ProtectionHeadroom, plain.Length, out int start, out int length, out uint ic);

            Assert.Equal(PushStatus.Ok, status);
            Assert.Equal(0x23u, ic);
            Assert.Equal(Hex.Format(Hex.Parse("DB 08 4B464D6750000009 81 F8 20 00000023 " + EvnCiphertext)), Hex.Format(buffer, start, length));
        }

        /// <summary>The client (an independent decoder) reads the published EVN telegram as a head-end would.</summary>
        [Fact]
        public void ClientDecodes_EvnPublishedTelegram()
        {
            byte[] apdu = Hex.Parse("DB 08 4B464D6750000009 81 F8 20 00000023 " + EvnCiphertext);

            DataNotification n = DataNotification.Decode(apdu, Convert.FromHexString("36C66639E48A8CA4D6BC8B282A793BBB"), new byte[16]);

            Assert.Equal(0x8006870Eu, n.LongInvokeIdAndPriority);
            Assert.Equal((byte)0x20, n.SecurityControl);
            Assert.Equal(0x23u, n.InvocationCounter);
            Assert.Equal(35, n.Body.Items.Count);
            Assert.Equal("0100010800FF", Convert.ToHexString(n.Body.Items[1].Bytes)); // +A, then its value 12937 Wh
            Assert.Equal(12937, n.Body.Items[2].ToInt64());
        }

        [Fact]
        public void Protect_PolicyThree_AuthenticatedEncryptionTheClientDeciphers()
        {
            var profile = GreenBookProfile();
            byte[] buffer = new byte[128];
            byte[] plain = Hex.Parse(PlainVector);
            Array.Copy(plain, 0, buffer, 20, plain.Length);

            DataNotificationBuilder.Protect(profile, buffer, 20, plain.Length, out int start, out int length, out uint first);
            DataNotification decoded = DataNotification.Decode(buffer.AsSpan(start, length), DlmsSecurityOptions.TestBlockCipherKey.ToArray(), DlmsSecurityOptions.TestAuthenticationKey.ToArray());

            Assert.Equal((byte)0x30, decoded.SecurityControl);
            Assert.Equal(first, decoded.InvocationCounter);
            Assert.Equal("4D4D4D0000BC614E", Convert.ToHexString(decoded.SystemTitle!));
            Assert.Equal(1u, decoded.InvokeId);
            Assert.Equal("{0100200700FF, 2356}", PeopleText.Format(decoded.Body));
        }

        [Fact]
        public void Protect_CountersNotLoaded_CounterUnavailableAndNothingChanged()
        {
            var profile = new SecurityProfile(new InvocationCounterStore(5, 16)); // never attached to a store
            profile.SecurityPolicy = SecurityPolicy.AllMessagesAuthenticatedAndEncrypted;
            profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, new byte[16], 0);
            profile.SetKey(SecurityProfile.AuthenticationKeyId, new byte[16], 0);
            byte[] buffer = new byte[128];
            byte[] plain = Hex.Parse(PlainVector);
            Array.Copy(plain, 0, buffer, 20, plain.Length);

            Assert.Equal(PushStatus.CounterUnavailable, DataNotificationBuilder.Protect(profile, buffer, 20, plain.Length, out int start, out int length, out _));
            Assert.Equal(PlainVector.Replace(" ", ""), Convert.ToHexString(buffer, start, length));
        }

        [Fact]
        public void Protect_NoKeys_SecurityUnavailable()
        {
            var profile = new SecurityProfile();
            profile.SecurityPolicy = SecurityPolicy.AllMessagesAuthenticatedAndEncrypted;

            Assert.Equal(PushStatus.SecurityUnavailable, DataNotificationBuilder.Protect(profile, new byte[128], 20, 10, out _, out _, out _));
        }

        internal static SecurityProfile GreenBookProfile()
        {
            var profile = new SecurityProfile();
            profile.SecurityPolicy = SecurityPolicy.AllMessagesAuthenticatedAndEncrypted;
            profile.SetKey(SecurityProfile.GlobalUnicastEncryptionKey, DlmsSecurityOptions.TestBlockCipherKey.ToArray(), 0);
            profile.SetKey(SecurityProfile.AuthenticationKeyId, DlmsSecurityOptions.TestAuthenticationKey.ToArray(), 0);
            profile.SetServerSystemTitle(Convert.FromHexString("4D4D4D0000BC614E"), 0);
            return profile;
        }

        private sealed class FailingObject : CosemObject
        {
            public FailingObject()
                : base(CosemClassId.Data, 0, new ObisCode(0, 0, 96, 99, 0, 255))
            {
            }

            public override int AttributeCount => 2;

            protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
            {
                writer.WriteStructure(1); // half a value, then failure: the builder must take it back
                return DataAccessResult.TemporaryFailure;
            }
        }
    }
}
