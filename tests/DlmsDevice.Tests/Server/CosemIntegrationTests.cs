using System;
using System.Collections.Generic;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;
using DlmsDevice.Tests.Services;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Server
{
    /// <summary>
    /// The pipeline over the real COSEM classes: a logical device whose public association
    /// exposes a few hundred objects; its object_list is read through GET-with-block.
    /// </summary>
    public class CosemIntegrationTests
    {
        private const string TraceAAarq = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";

        private sealed class Meter
        {
            public readonly AssociationLogicalName Public;
            public readonly AssociationLogicalName Reader;
            public readonly LogicalDeviceDirectory Directory = new LogicalDeviceDirectory();
            public readonly DlmsServer Server;
            public readonly ApplicationSession Session;
            public readonly byte[] Response = new byte[70000];
            public int ResponseMax = 2048;
            public int ClientSap = 16;

            public Meter(int dataObjects)
            {
                var device = new LogicalDevice(1, "DLMSDEV00000001", 8);
                var publicList = new ObjectList(dataObjects + 8);
                publicList.Add(device.Name, AttributeAccess.Read, MethodAccess.NoAccess);
                publicList.Add(new CurrentAssociation(), AttributeAccess.Read, MethodAccess.NoAccess);
                var energy = new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);
                energy.Value.SetInteger(12345);
                publicList.Add(energy, AttributeAccess.Read, MethodAccess.NoAccess);
                for (int i = 0; i < dataObjects; i++)
                {
                    var value = new CosemValue(DataType.LongUnsigned);
                    value.SetInteger(i);
                    publicList.Add(new Data(new ObisCode(0, 0, 96, (byte)(i / 200), (byte)(i % 200), 255), value), AttributeAccess.Read, MethodAccess.NoAccess);
                }
                Public = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), publicList, 16, 1, 0, 16);
                publicList.Add(Public, AttributeAccess.Read, MethodAccess.NoAccess);
                var readerList = new ObjectList(4);
                readerList.Add(energy, AttributeAccess.ReadWrite, MethodAccess.Access);
                Reader = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 2, 255), readerList, 32, 1, 1, 16);
                Reader.SetSecret("12345678");
                readerList.Add(Reader, AttributeAccess.Read, MethodAccess.NoAccess);
                device.Add(Public);
                device.Add(Reader);
                Directory.Add(device);
                Server = new DlmsServer(Directory, new ServerLimits { MaxReceivePdu = 1224 });
                Session = Server.CreateSession();
                Session.LinkOpened(16, 1);
            }

            public byte[] Send(string hex)
            {
                byte[] request = Hex.Parse(hex);
                int length = Session.HandleApdu(ClientSap, 1, request, 0, request.Length, Response, 8, ResponseMax, out int start);
                var result = new byte[length];
                Array.Copy(Response, start, result, 0, length);
                return result;
            }
        }

        [Theory]
        [InlineData(64)]
        [InlineData(256)]
        [InlineData(1224)]
        public void GetObjectList_HundredsOfObjects_BlocksReassembleToPlainEncoding(int pdu)
        {
            var meter = new Meter(300);
            Assert.Equal("61", Hex.Format(meter.Send(TraceAAarq), 0, 1));
            Assert.Equal(AssociationStatus.Associated, meter.Session.Context.Status);
            meter.ResponseMax = pdu;

            var raw = new List<byte>();
            byte[] response = meter.Send("C0 01 C1 000F 0000280000FF 02 00");
            uint block = 0;
            while (true)
            {
                Assert.True(response.Length <= pdu);
                Assert.Equal("C4 02 C1", Hex.Format(response, 0, 3));
                block++;
                Assert.Equal(block.ToString("X8"), Hex.Format(response, 4, 4).Replace(" ", ""));
                int position = 9;
                int length = GetServiceTests.ReadLength(response, ref position);
                for (int i = 0; i < length; i++)
                {
                    raw.Add(response[position + i]);
                }
                if (response[3] == 1)
                {
                    break;
                }
                response = meter.Send("C0 02 C1 " + block.ToString("X8"));
            }

            var plain = new byte[65536];
            var writer = new AxdrWriter();
            writer.Reset(plain, 0, plain.Length);
            Assert.Equal(DataAccessResult.Success, meter.Public.GetAttribute(2, 0, null!, writer, meter.Session.Context));
            Assert.Equal(304, meter.Public.Objects.Count);
            Assert.True(writer.Length > 10000);
            Assert.Equal(Hex.Format(plain, 0, writer.Length), Hex.Format(raw.ToArray()));
        }

        [Fact]
        public void PublicAssociation_ReadOnlyObjects_ReadServedWriteDenied()
        {
            var meter = new Meter(10);
            meter.Send(TraceAAarq);
            Assert.Equal("C4 01 C1 00 06 00 00 30 39", Hex.Format(meter.Send("C0 01 C1 0003 0100010800FF 02 00")));
            Assert.Equal("C4 01 C1 00 02 02 0F 00 16 1E", Hex.Format(meter.Send("C0 01 C1 0003 0100010800FF 03 00")));
            Assert.Equal("C5 01 C1 03", Hex.Format(meter.Send("C1 01 C1 0003 0100010800FF 02 00 06 00000001")));
            Assert.Equal("C7 01 C1 03 00", Hex.Format(meter.Send("C3 01 C1 0003 0100010800FF 01 01 0F 00")));
            // association_status through the current association: associated (2)
            Assert.Equal("C4 01 C1 00 16 02", Hex.Format(meter.Send("C0 01 C1 000F 0000280000FF 08 00")));
        }

        // The ACSE reads the live Association LN: the meter reader needs LLS "12345678", and a
        // secret changed on the object applies to the next AARQ.
        [Fact]
        public void MeterReader_LlsSecretFromAssociationObject_AppliedLive()
        {
            var meter = new Meter(1);
            meter.ClientSap = 32;
            meter.Session.LinkOpened(32, 1);
            string aarq = "60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0A 80 08 31 32 33 34 35 36 37 38 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";
            meter.Send(aarq);
            Assert.Equal(AssociationStatus.Associated, meter.Session.Context.Status);
            Assert.Same(meter.Reader, meter.Session.Context.Association);
            Assert.Equal("C5 01 C1 00", Hex.Format(meter.Send("C1 01 C1 0003 0100010800FF 02 00 06 00000007")));
            meter.Send("62 03 80 01 00");
            meter.Reader.SetSecret("87654321");
            byte[] aare = meter.Send(aarq);
            Assert.Equal(AssociationStatus.NonAssociated, meter.Session.Context.Status);
            Assert.Equal("A3 05 A1 03 02 01 0D", Hex.Format(aare, 18, 7));
        }
    }
}
