using DlmsDevice.Stack.Hdlc;

namespace DlmsDevice.Tests.Hdlc
{
    public class HdlcControlTests
    {
        [Theory]
        // IEC 62056-46 (HDLC frame format) control table (with P/F) and EPRI's values without P/F.
        [InlineData(0x93, HdlcFrameType.SetNormalResponseMode, true)]
        [InlineData(0x83, HdlcFrameType.SetNormalResponseMode, false)]
        [InlineData(0x73, HdlcFrameType.UnnumberedAcknowledge, true)]
        [InlineData(0x63, HdlcFrameType.UnnumberedAcknowledge, false)]
        [InlineData(0x53, HdlcFrameType.Disconnect, true)]
        [InlineData(0x43, HdlcFrameType.Disconnect, false)]
        [InlineData(0x1F, HdlcFrameType.DisconnectedMode, true)]
        [InlineData(0x0F, HdlcFrameType.DisconnectedMode, false)]
        [InlineData(0x97, HdlcFrameType.FrameReject, true)]
        [InlineData(0x87, HdlcFrameType.FrameReject, false)]
        [InlineData(0x13, HdlcFrameType.UnnumberedInformation, true)]
        [InlineData(0x03, HdlcFrameType.UnnumberedInformation, false)]
        [InlineData(0x10, HdlcFrameType.Information, true)]
        [InlineData(0x30, HdlcFrameType.Information, true)]
        [InlineData(0xFE, HdlcFrameType.Information, true)]
        [InlineData(0x51, HdlcFrameType.ReceiveReady, true)]
        [InlineData(0x01, HdlcFrameType.ReceiveReady, false)]
        [InlineData(0x15, HdlcFrameType.ReceiveNotReady, true)]
        [InlineData(0x05, HdlcFrameType.ReceiveNotReady, false)]
        [InlineData(0x09, HdlcFrameType.Unknown, false)]   // REJ: not used by DLMS
        [InlineData(0x0D, HdlcFrameType.Unknown, false)]   // SREJ
        [InlineData(0xBF, HdlcFrameType.Unknown, true)]    // XID
        [InlineData(0x23, HdlcFrameType.Unknown, false)]
        public void GetFrameType_ControlByte_ReturnsType(int control, HdlcFrameType expected, bool pollFinal)
        {
            Assert.Equal(expected, HdlcControl.GetFrameType((byte)control));
            Assert.Equal(pollFinal, HdlcControl.IsPollFinal((byte)control));
        }

        [Theory]
        // Trace A/D: AARQ I(0,0) = 0x10, AARE I(0,1) = 0x30, GET I(1,1) = 0x32, response I(1,2) = 0x52,
        // next request I(2,2) = 0x54, response I(2,3) = 0x74; Trace B clock: 0x76, 0x96.
        [InlineData(0, 0, 0x10)]
        [InlineData(0, 1, 0x30)]
        [InlineData(1, 1, 0x32)]
        [InlineData(1, 2, 0x52)]
        [InlineData(2, 2, 0x54)]
        [InlineData(2, 3, 0x74)]
        [InlineData(3, 3, 0x76)]
        [InlineData(3, 4, 0x96)]
        [InlineData(7, 7, 0xFE)]
        [InlineData(8, 9, 0x30)]  // modulo 8
        public void Information_Sequences_EncodeAndDecode(int sendSequence, int receiveSequence, int expected)
        {
            byte control = HdlcControl.Information(sendSequence, receiveSequence, true);
            Assert.Equal(expected, control);
            Assert.Equal(sendSequence & 7, HdlcControl.GetSendSequence(control));
            Assert.Equal(receiveSequence & 7, HdlcControl.GetReceiveSequence(control));
            Assert.Equal(expected & ~0x10, HdlcControl.Information(sendSequence, receiveSequence, false));
        }

        [Theory]
        // The RR polls dlms-cosem sends after each segment (traces/dlms-cosem-client.txt C>S lines):
        // 7EA00703215111E47E = RR N(R)=2 ... 7EA00703213117877E = RR N(R)=1.
        [InlineData(2, 0x51)]
        [InlineData(3, 0x71)]
        [InlineData(4, 0x91)]
        [InlineData(5, 0xB1)]
        [InlineData(6, 0xD1)]
        [InlineData(7, 0xF1)]
        [InlineData(0, 0x11)]
        [InlineData(1, 0x31)]
        public void ReceiveReady_Sequence_MatchesClientTrace(int receiveSequence, int expected)
        {
            byte control = HdlcControl.ReceiveReady(receiveSequence, true);
            Assert.Equal(expected, control);
            Assert.Equal(receiveSequence, HdlcControl.GetReceiveSequence(control));
            Assert.Equal(HdlcFrameType.ReceiveReady, HdlcControl.GetFrameType(control));
        }

        [Fact]
        public void ReceiveNotReady_Sequence_Encodes()
        {
            Assert.Equal(0x55, HdlcControl.ReceiveNotReady(2, true));
            Assert.Equal(0x45, HdlcControl.ReceiveNotReady(2, false));
        }

        [Fact]
        public void WithPollFinal_SetsAndClears()
        {
            Assert.Equal(0x83, HdlcControl.WithPollFinal(HdlcControl.SetNormalResponseMode, false));
            Assert.Equal(0x93, HdlcControl.WithPollFinal(0x83, true));
        }
    }
}
