using System;
using System.Collections.Generic;
using System.Linq;
using DlmsDevice.Client;
using DlmsDevice.Meter;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Meter.MeterEngineProfileTests;
using AttributeAccess = DlmsDevice.Stack.Cosem.AttributeAccess;
using MethodAccess = DlmsDevice.Stack.Cosem.MethodAccess;
using ObjectList = DlmsDevice.Stack.Cosem.ObjectList;

namespace DlmsDevice.Tests.Meter
{
    /// <summary>The default object model through a real server session: object lists, rights, selective access byte for byte, a 10,000-row block read.</summary>
    public class DefaultMeterModelTests
    {
        private static int IndexOf(ObjectList list, ushort classId, string obis)
        {
            byte[] b = obis.Split('.').Select(byte.Parse).ToArray();
            return list.IndexOf(classId, new DlmsDevice.Stack.Axdr.ObisCode(b[0], b[1], b[2], b[3], b[4], b[5]));
        }

        [Fact]
        public void ObjectLists_PublicReadOnly_MeterReaderResetsMaximumDemandAndSwitchesTheRelay()
        {
            MeterRig rig = new MeterRig(model: true);
            DefaultMeterModel model = rig.Model!;
            ObjectList pub = model.PublicAssociation.Objects;
            ObjectList reader = model.MeterReaderAssociation.Objects;

            // meters/default.json: the alarm
            // register, filter and descriptor and the tamper count (this rig has no neutral
            // current or frequency channel); billing, tariffs, monitors and the
            // limiter are off in the portable defaults.
            Assert.Equal(34, model.Device.Objects.Count);
            Assert.Equal(31, pub.Count);
            Assert.Equal(32, reader.Count);
            Assert.Equal(34, model.ManagementAssociation.Objects.Count);
            for (int i = 0; i < pub.Count; i++)
            {
                for (int m = 1; m <= pub[i].MethodCount; m++)
                {
                    Assert.Equal(MethodAccess.NoAccess, pub.GetMethodAccess(i, m));
                }
                for (int a = 1; a <= pub[i].AttributeCount; a++)
                {
                    Assert.True(pub.GetAttributeAccess(i, a) <= AttributeAccess.Read, pub[i].LogicalName + " attribute " + a);
                }
            }
            int maximum = IndexOf(reader, 4, "1.0.1.6.0.255");
            int disconnect = IndexOf(reader, 70, "0.0.96.3.10.255");
            int energy = IndexOf(reader, 3, "1.0.1.8.0.255");
            int profile = IndexOf(reader, 7, "1.0.99.1.0.255");
            Assert.Equal(MethodAccess.Access, reader.GetMethodAccess(maximum, 1));
            Assert.Equal(MethodAccess.Access, reader.GetMethodAccess(disconnect, 1));
            Assert.Equal(MethodAccess.Access, reader.GetMethodAccess(disconnect, 2));
            Assert.Equal(AttributeAccess.Read, reader.GetAttributeAccess(disconnect, 4));
            Assert.Equal(MethodAccess.NoAccess, reader.GetMethodAccess(energy, 1));
            Assert.Equal(MethodAccess.NoAccess, reader.GetMethodAccess(profile, 1));
            Assert.Equal(MethodAccess.NoAccess, reader.GetMethodAccess(profile, 2));
            Assert.Equal(AttributeAccess.ReadWrite, reader.GetAttributeAccess(IndexOf(reader, 8, "0.0.1.0.0.255"), 2));
            Assert.Equal(-1, IndexOf(pub, 15, "0.0.40.0.2.255"));
        }

        [Fact]
        public void Session_MeterReader_DisconnectsAndReconnectsThroughActions()
        {
            MeterRig rig = new MeterRig(model: true).Begin();
            ModelSession session = new ModelSession(rig.Model!).Associate(32);

            byte[] disconnect = session.Send(Hex.Parse("C3 01 C1 0046 00006003 0AFF 01 01 0F 00"));
            bool relayAfterDisconnect = rig.Relay.Level;
            byte[] reconnect = session.Send(Hex.Parse("C3 01 C2 0046 00006003 0AFF 02 01 0F 00"));

            Assert.Equal("C7 01 C1 00 00", Hex.Format(disconnect));
            Assert.False(relayAfterDisconnect);
            Assert.Equal("C7 01 C2 00 00", Hex.Format(reconnect));
            Assert.True(rig.Relay.Level);
        }

        [Fact]
        public void Session_PublicClient_CannotDisconnect()
        {
            MeterRig rig = new MeterRig(model: true).Begin();
            ModelSession session = new ModelSession(rig.Model!).Associate(16);

            byte[] reply = session.Send(Hex.Parse("C3 01 C1 0046 00006003 0AFF 01 01 0F 00"));

            Assert.Equal("C7 01 C1 03 00", Hex.Format(reply));
            Assert.True(rig.Relay.Level);
        }

        /// <summary>Three load profile rows with known values: 10:15 (100/0 Wh), 10:30 (150/7 Wh), 10:45 (175/7 Wh).</summary>
        private static ModelSession ThreeRows(out MeterRig rig)
        {
            rig = new MeterRig(model: true).Begin();
            rig.Engine.Tick();
            rig.Pulse(100);
            RunTo(rig, 10, 15);
            rig.Pulse(50);
            rig.PulseExport(7);
            RunTo(rig, 10, 30);
            rig.Pulse(25);
            RunTo(rig, 10, 45);
            return new ModelSession(rig.Model!).Associate(16);
        }

        private const string At1030 = "09 0C 07EA 03 02 01 0A 1E 00 00 0000 00";
        private const string At1045 = "09 0C 07EA 03 02 01 0A 2D 00 00 0000 00";
        private const string ClockColumn = "02 04 12 0008 09 06 0000010000FF 0F 02 12 0000";
        private const string ExportColumn = "02 04 12 0003 09 06 0100020800FF 0F 02 12 0000";

        [Fact]
        public void LoadProfile_EntryDescriptorWithColumns_ByteForByte()
        {
            ModelSession session = ThreeRows(out _);
            // entry_descriptor: entries 2..3, columns 1..2 (clock, +A).
            byte[] request = Hex.Parse("C0 01 C1 0007 0100630100FF 02 01 02 02 04 06 00000002 06 00000003 12 0001 12 0002");

            byte[] reply = session.Send(request);

            Assert.Equal(N("C4 01 C1 00 01 02 02 02 " + At1030 + " 06 00000096 02 02 " + At1045 + " 06 000000AF"), Hex.Format(reply));
        }

        [Fact]
        public void LoadProfile_RangeDescriptorWithSelectedValues_ByteForByte()
        {
            ModelSession session = ThreeRows(out _);
            // range_descriptor on the clock column from 10:20 to 10:50, selected values clock and -A.
            byte[] request = Hex.Parse("C0 01 C1 0007 0100630100FF 02 01 01 02 04 " + ClockColumn
                + " 09 0C 07EA 03 02 01 0A 14 00 00 0000 00 09 0C 07EA 03 02 01 0A 32 00 00 0000 00"
                + " 01 02 " + ClockColumn + " " + ExportColumn);

            byte[] reply = session.Send(request);

            Assert.Equal(N("C4 01 C1 00 01 02 02 02 " + At1030 + " 06 00000007 02 02 " + At1045 + " 06 00000007"), Hex.Format(reply));
        }

        [Fact]
        public void LoadProfile_10000Rows_ReadInBlocks_AllRowsInOrder_AndTheSecondReadAllocatesNothing()
        {
            MeterRig rig = new MeterRig(c =>
            {
                c.LoadProfileEntries = 10_000;
                c.LoadProfilePeriodSeconds = 60;
            }, persistent: true, model: true).Begin();
            rig.Engine.Tick();
            for (int i = 0; i < 10_050; i++)
            {
                rig.Pulse(2);
                rig.Run(60, 60_000);
            }
            ModelSession session = new ModelSession(rig.Model!).Associate(16);
            CosemAttribute buffer = CosemAttribute.Parse("1.0.99.1.0.255:7:2");

            int nextRequests;
            byte[] data = session.GetAll(buffer, null, out nextRequests);
            IReadOnlyList<DlmsValue> rows = AxdrDecoder.Decode(data).Items;

            Assert.Equal(10_000, rows.Count);
            Assert.True(nextRequests > 50, nextRequests + " blocks");
            DateTime previous = DateTime.MinValue;
            long energy = -1;
            foreach (DlmsValue row in rows)
            {
                DlmsDevice.Client.CosemDateTime t = DlmsDevice.Client.CosemDateTime.FromBytes(row.Items[0].Bytes);
                DateTime time = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc);
                Assert.Equal(previous == DateTime.MinValue ? time : previous.AddMinutes(1), time);
                Assert.True(row.Items[1].ToInt64() >= energy);
                previous = time;
                energy = row.Items[1].ToInt64();
            }

            // The same read again, APDU by APDU, measured: the request path allocates nothing.
            byte[] first = GetRequest.Normal(0xC1, buffer);
            byte[][] nexts = Enumerable.Range(1, nextRequests).Select(b => GetRequest.Next(0xC1, (uint)b)).ToArray();
            ReadAll(session, first, nexts);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int blocks = ReadAll(session, first, nexts);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(nextRequests + 1, blocks);
            Assert.Equal(0, allocated);
        }

        // Sends the first GET and the GET-Next requests; checks each answer is a data block; returns the blocks.
        private static int ReadAll(ModelSession session, byte[] first, byte[][] nexts)
        {
            int blocks = 0;
            int length = session.SendRaw(first);
            while (true)
            {
                byte[] r = session.Response;
                int h = session.ResponseStart;
                if (length < 8 || r[h] != 0xC4 || r[h + 1] != 0x02)
                {
                    throw new InvalidOperationException("not a data block");
                }
                blocks++;
                if (r[h + 3] != 0)
                {
                    return blocks;
                }
                length = session.SendRaw(nexts[blocks - 1]);
            }
        }
    }
}
