using System;
using DlmsDevice.Stack.Hdlc;

namespace DlmsDevice.Benchmarks
{
    /// <summary>Client-to-server HDLC frames built with the stack's own codec (set-up only).</summary>
    internal static class ClientFrames
    {
        /// <summary>Server physical address (HdlcSettings default) and client SAP of the benchmarks.</summary>
        public const int PhysicalAddress = 17;

        private static readonly byte[] s_requestLlc = { HdlcLlc.DestinationLsap, HdlcLlc.RequestSourceLsap, HdlcLlc.Quality };

        /// <summary>A frame from <paramref name="clientSap"/> to logical device 1 / physical 17 (2-byte server address).</summary>
        public static byte[] Build(byte control, byte[]? information, int clientSap)
        {
            var frame = new HdlcFrame { Control = control };
            frame.SetAddresses(MeterModel.LogicalDeviceAddress, PhysicalAddress, 2, clientSap, HdlcAddress.NoLower, 1);
            int count = information == null ? 0 : information.Length;
            var buffer = new byte[HdlcFrameCodec.GetWireLength(2, 1, count)];
            HdlcStatus status = HdlcFrameCodec.Encode(frame, information ?? Array.Empty<byte>(), 0, count, buffer, 0, buffer.Length, out int written);
            if (status != HdlcStatus.Ok || written != buffer.Length)
            {
                throw new InvalidOperationException("cannot encode frame: " + status);
            }
            return buffer;
        }

        /// <summary>An I-frame with P=1 carrying LLC <c>E6 E6 00</c> + <paramref name="apdu"/>.</summary>
        public static byte[] Information(int sendSequence, int receiveSequence, byte[] apdu, int clientSap)
        {
            var information = new byte[s_requestLlc.Length + apdu.Length];
            Array.Copy(s_requestLlc, information, s_requestLlc.Length);
            Array.Copy(apdu, 0, information, s_requestLlc.Length, apdu.Length);
            return Build(HdlcControl.Information(sendSequence, receiveSequence, true), information, clientSap);
        }
    }
}
