using System;
using DlmsDevice.Stack.Wrapper;
using DlmsDevice.Tests.Support;
using static DlmsDevice.Tests.Wrapper.WrapperVectors;

namespace DlmsDevice.Tests.Wrapper
{
    /// <summary>After warm-up, framing and answering allocate nothing (docs/design.md, zero allocation).</summary>
    public class WrapperAllocationTests
    {
        private const int Iterations = 2000;

        [Fact]
        public void Receive_WholeSplitAndBatchedFrames_AllocatesZeroBytes()
        {
            var handler = new FixedApduHandler(Hex.Parse(GetResponseApdu));
            var sink = new CountingSink();
            var channel = new WrapperServerChannel(512, handler, sink);
            byte[] one = Hex.Parse(GetRequest);
            byte[] three = Hex.Parse(GetRequest + "0001001000010007C002C100000001 00010010000100056203800100");

            void Round()
            {
                channel.Receive(one, 0, one.Length);                 // whole frame
                for (int i = 0; i < one.Length; i++)
                {
                    channel.Receive(one, i, 1);                      // byte by byte
                }
                channel.Receive(three, 0, three.Length);             // several in one read
                channel.Close();                                     // connection ends, channel reused
            }

            Round(); // warm-up
            int before = handler.Requests;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < Iterations; n++)
            {
                Round();
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

            Assert.Equal(5 * Iterations, handler.Requests - before); // the loop really did the work
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void DatagramHandle_AllocatesZeroBytes()
        {
            var handler = new FixedApduHandler(Hex.Parse(GetResponseApdu));
            byte[] datagram = Hex.Parse(GetRequest);
            byte[] response = new byte[520];
            int total = 0;

            WrapperDatagram.Handle(handler, 512, datagram, 0, datagram.Length, response, 0, out _, out _); // warm-up
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < Iterations; n++)
            {
                WrapperDatagram.Handle(handler, 512, datagram, 0, datagram.Length, response, 0, out _, out int count);
                total += count;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

            Assert.Equal(17 * Iterations, total);
            Assert.Equal(0, allocated);
        }
    }
}
