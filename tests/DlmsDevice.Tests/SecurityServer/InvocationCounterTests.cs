using System;
using DlmsDevice.Hal;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// Invocation counters: the client's (greater than the last accepted, last + 1 kept, per key)
    /// and ours (reserved ahead in blocks in the non-volatile store, never reused across a
    /// restart, nothing sent when the reservation cannot be written).
    /// </summary>
    public sealed class InvocationCounterTests
    {
        private static (MemoryStorageMedium Medium, SlottedRecordStore Store) NewStore()
        {
            MemoryStorageMedium medium = new MemoryStorageMedium(2, RecordSlotFormat.HeaderLength + InvocationCounterStore.RecordLength);
            return (medium, new SlottedRecordStore(medium, 2, InvocationCounterStore.RecordLength));
        }

        [Theory]
        [InlineData(0u, true)]
        [InlineData(4u, true)]
        [InlineData(5u, true)]
        public void Received_NothingAcceptedYet_EveryValueAcceptable(uint ic, bool acceptable)
        {
            Assert.Equal(acceptable, new ReceiveInvocationCounter().IsAcceptable(ic));
        }

        [Fact]
        public void Received_AfterAccepting_OnlyGreaterValues()
        {
            ReceiveInvocationCounter counter = new ReceiveInvocationCounter();
            counter.Accept(7);

            Assert.False(counter.IsAcceptable(6));
            Assert.False(counter.IsAcceptable(7));
            Assert.True(counter.IsAcceptable(8));
            Assert.Equal(7u, counter.LastAccepted);
            Assert.Equal(8u, counter.Expected);
            Assert.Equal(8L, counter.Minimum);
            counter.Accept(3);  // never backwards
            Assert.Equal(7u, counter.LastAccepted);
        }

        [Fact]
        public void Received_AcceptingTheLastValue_WearsTheKeyOut()
        {
            ReceiveInvocationCounter counter = new ReceiveInvocationCounter();
            counter.Accept(0xFFFFFFFF);

            Assert.False(counter.IsAcceptable(0xFFFFFFFF));
            Assert.Equal(ReceiveInvocationCounter.Exhausted, counter.Minimum);
            Assert.Equal(0xFFFFFFFFu, counter.Expected);
            counter.Reset();
            Assert.True(counter.IsAcceptable(0));
        }

        [Fact]
        public void Transmit_InRam_CountsFromZero()
        {
            InvocationCounterStore counters = new InvocationCounterStore();
            for (uint expected = 0; expected < 5; expected++)
            {
                Assert.True(counters.TryNextTransmit(out uint ic));
                Assert.Equal(expected, ic);
            }
        }

        [Fact]
        public void Transmit_Persisted_ReservedAheadAndNeverReusedAfterARestart()
        {
            (MemoryStorageMedium medium, SlottedRecordStore store) = NewStore();
            InvocationCounterStore first = new InvocationCounterStore(store, 1, 4);
            Assert.Equal(StoreStatus.Ok, first.Load());
            Assert.Equal(0, medium.WriteCount);

            Assert.True(first.TryNextTransmit(out uint ic0));
            Assert.Equal(1, medium.WriteCount);   // the block 0..3 was reserved before 0 was used
            Assert.Equal(4L, first.ReservedUntil);
            Assert.True(first.TryNextTransmit(out _));
            Assert.True(first.TryNextTransmit(out uint ic2));
            Assert.Equal(1, medium.WriteCount);
            Assert.Equal(0u, ic0);
            Assert.Equal(2u, ic2);

            // Power loss after 0..2 were used: counting resumes after the whole reserved block.
            InvocationCounterStore second = new InvocationCounterStore(new SlottedRecordStore(medium, 2, InvocationCounterStore.RecordLength), 1, 4);
            Assert.Equal(StoreStatus.Ok, second.Load());
            Assert.True(second.TryNextTransmit(out uint resumed));
            Assert.Equal(4u, resumed);
            Assert.Equal(8L, second.ReservedUntil);
        }

        [Fact]
        public void Transmit_ReservationNotWritten_NothingSentAndRetriedLater()
        {
            (MemoryStorageMedium medium, SlottedRecordStore store) = NewStore();
            InvocationCounterStore counters = new InvocationCounterStore(store, 0, 2);
            Assert.Equal(StoreStatus.Ok, counters.Load());
            Assert.True(counters.TryNextTransmit(out _));
            Assert.True(counters.TryNextTransmit(out _));

            medium.FailNextWrite();
            Assert.False(counters.TryNextTransmit(out _));
            Assert.True(counters.TryNextTransmit(out uint ic));
            Assert.Equal(2u, ic);
        }

        [Fact]
        public void Load_UnreadableRecord_CountersUnavailable()
        {
            (MemoryStorageMedium medium, SlottedRecordStore store) = NewStore();
            Assert.Equal(StoreStatus.Ok, store.Write(0, new byte[] { 9, 9, 9 }, 0, 3));
            InvocationCounterStore counters = new InvocationCounterStore(store, 0, 16);

            Assert.Equal(StoreStatus.InvalidRecord, counters.Load());
            Assert.False(counters.IsAvailable);
            Assert.False(counters.TryNextTransmit(out _));
        }

        [Fact]
        public void Transmit_LastValueUsed_NoMore()
        {
            (MemoryStorageMedium medium, SlottedRecordStore store) = NewStore();
            byte[] record = Hex.Parse("01 00000000FFFFFFFF 0000000000000000");
            Assert.Equal(StoreStatus.Ok, store.Write(0, record, 0, record.Length));
            InvocationCounterStore counters = new InvocationCounterStore(store, 0, 16);
            Assert.Equal(StoreStatus.Ok, counters.Load());

            Assert.True(counters.TryNextTransmit(out uint last));
            Assert.Equal(0xFFFFFFFFu, last);
            Assert.False(counters.TryNextTransmit(out _));
        }

        [Fact]
        public void Received_SavedAndRestored()
        {
            (MemoryStorageMedium medium, SlottedRecordStore store) = NewStore();
            InvocationCounterStore counters = new InvocationCounterStore(store, 0, 16);
            Assert.Equal(StoreStatus.Ok, counters.Load());
            counters.Received.Accept(41);
            Assert.Equal(StoreStatus.Ok, counters.SaveReceived());
            int writes = medium.WriteCount;
            Assert.Equal(StoreStatus.Ok, counters.SaveReceived());   // unchanged: nothing written
            Assert.Equal(writes, medium.WriteCount);

            InvocationCounterStore restarted = new InvocationCounterStore(new SlottedRecordStore(medium, 2, InvocationCounterStore.RecordLength), 0, 16);
            Assert.Equal(StoreStatus.Ok, restarted.Load());
            Assert.Equal(41u, restarted.Received.LastAccepted);
            Assert.False(restarted.Received.IsAcceptable(41));
        }

        [Fact]
        public void Server_Restart_OurCounterNeverRepeatsAndTheClientCannotReplay()
        {
            (MemoryStorageMedium medium, SlottedRecordStore store) = NewStore();
            InvocationCounterStore counters = new InvocationCounterStore(store, 0, 8);
            Assert.Equal(StoreStatus.Ok, counters.Load());
            SecureTestMeter meter = new SecureTestMeter(counters: counters);
            SessionDriver driver = meter.Open();
            SecureClient client = new SecureClient();
            byte[] recordedAarq = client.Aarq();
            client.ReadAare(driver.Exchange(recordedAarq), out _);
            client.CheckServerHls(client.Open(driver.Exchange(client.HlsReply())));
            SecureSteps.Request(driver, client, SecureTestMeter.EnergyGet);
            uint lastServerIc = client.LastServerIc;
            // The power goes: no release.

            InvocationCounterStore reloaded = new InvocationCounterStore(new SlottedRecordStore(medium, 2, InvocationCounterStore.RecordLength), 0, 8);
            Assert.Equal(StoreStatus.Ok, reloaded.Load());
            SecureTestMeter restarted = new SecureTestMeter(counters: reloaded, entropySeed: 2);
            SessionDriver again = restarted.Open();

            // The AARQ recorded before the restart is still a replay (the counter was saved with it).
            Assert.Equal(1, AareView.Parse(again.Exchange(recordedAarq)).Result);
            // A fresh one is accepted, and our first protected APDU uses a counter above every one used before.
            SecureClient next = new SecureClient { NextIc = client.NextIc };
            next.ReadAare(again.Exchange(next.Aarq()), out _);
            Assert.True(next.LastServerIc > lastServerIc, next.LastServerIc + " <= " + lastServerIc);
            Assert.Equal(8u, next.LastServerIc);
        }
    }
}
