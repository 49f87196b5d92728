using System;
using System.Collections.Generic;
using DlmsDevice.Hal.Simulated;
using DlmsDevice.Hal.Simulated.Storage;
using DlmsDevice.Hal.Storage;
using DlmsDevice.Stack.Security;
using DlmsDevice.Tests.SecurityServer.Support;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.SecurityServer
{
    /// <summary>
    /// Whole ciphered sessions through ApplicationSession after one warm-up session: AARQ with a
    /// glo-initiate-request and a dedicated key, the HLS-GMAC reply, glo-, general-glo- and
    /// ded-ciphered GET, GET-with-list, GET with blocks, SET, ACTION, a rejected replay and a
    /// forged request, the ciphered RLRQ, with the transmit counter reserved in a non-volatile
    /// store along the way: 0 bytes allocated. The StoC challenges are predicted with a twin of
    /// the server's seeded entropy source, so every request is built before measuring.
    /// </summary>
    public sealed class SecurityAllocationTests
    {
        private const int Sessions = 6;

        [Fact]
        public void CipheredSessions_AfterWarmUp_AllocateZeroBytes()
        {
            MemoryStorageMedium medium = new MemoryStorageMedium(1, RecordSlotFormat.HeaderLength + InvocationCounterStore.RecordLength);
            InvocationCounterStore counters = new InvocationCounterStore(new SlottedRecordStore(medium, 1, InvocationCounterStore.RecordLength), 0, 8);
            Assert.Equal(DlmsDevice.Hal.StoreStatus.Ok, counters.Load());
            SecureTestMeter meter = new SecureTestMeter(counters: counters, entropySeed: 7);
            SimulatedEntropy twin = new SimulatedEntropy(7);
            SessionDriver driver = meter.Open(responseMax: 256);
            SecureClient client = new SecureClient { ClientMaxReceivePdu = 256, DedicatedKey = Hex.Parse("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF") };

            List<byte[][]> sessions = new List<byte[][]>();
            for (int s = 0; s < Sessions; s++)
            {
                sessions.Add(BuildSession(client, twin));
            }

            // Warm-up: the first session, every answer opened and checked.
            byte[][] first = sessions[0];
            string[] expected = new string[first.Length];
            for (int i = 0; i < first.Length; i++)
            {
                byte[] response = driver.Exchange((byte[])first[i].Clone());
                Assert.True(response.Length > 0, "no answer to request " + i);
                expected[i] = response[0].ToString("X2");
            }
            Assert.Equal(new[] { "61", "CF", "CC", "DB", "D4", "CC", "CC", "CC", "CC", "CD", "CF", "D8", "D8", "63" }, expected);

            int[] lengths = new int[first.Length];
            byte[] tags = new byte[first.Length];
            long writesBefore = medium.WriteCount;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int s = 1; s < Sessions; s++)
            {
                byte[][] script = sessions[s];
                for (int i = 0; i < script.Length; i++)
                {
                    lengths[i] = driver.Send(script[i]);
                    tags[i] = driver.Response[driver.ResponseStart];
                }
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            for (int i = 0; i < tags.Length; i++)
            {
                Assert.True(lengths[i] > 0);
                Assert.Equal(expected[i], tags[i].ToString("X2"));
            }
            Assert.True(medium.WriteCount > writesBefore, "no counter reservation was written while measuring");
        }

        private static byte[][] BuildSession(SecureClient client, SimulatedEntropy twin)
        {
            List<byte[]> script = new List<byte[]>();
            script.Add(client.Aarq());
            byte[] stoc = new byte[SecurityContext.GeneratedChallengeLength];
            twin.GetBytes(stoc, 0, stoc.Length);
            client.StoC = stoc;
            client.NextDedicatedIc = 0;
            script.Add(client.HlsReply(Envelope.Glo));
            script.Add(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo));
            script.Add(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.GeneralGlo));
            script.Add(client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Ded));
            script.Add(client.Protect(Hex.Parse("C0 03 C1 02 0003 0100010800FF 02 00 0001 0000600100FF 02 00"), Envelope.Glo));
            script.Add(client.Protect(Hex.Parse(SecureTestMeter.LargeGet), Envelope.Glo));
            script.Add(client.Protect(Hex.Parse("C0 02 C1 00000001"), Envelope.Glo));
            script.Add(client.Protect(Hex.Parse("C0 02 C1 00000002"), Envelope.Glo));
            script.Add(client.Protect(Hex.Parse("C1 01 C1 0001 0000600100FF 02 00 09 02 AB CD"), Envelope.Glo));
            script.Add(client.Protect(Hex.Parse("C3 01 C1 0003 0100010800FF 01 01 0F 00"), Envelope.Glo));
            byte[] replay = client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo, ic: 1);
            script.Add(replay);
            byte[] forged = client.Protect(Hex.Parse(SecureTestMeter.EnergyGet), Envelope.Glo);
            forged[^1] ^= 0x40;
            script.Add(forged);
            script.Add(client.Rlrq());
            return script.ToArray();
        }
    }
}
