namespace DlmsDevice.Tests.Wrapper
{
    /// <summary>Wrapper byte vectors shared by the wrapper tests.</summary>
    internal static class WrapperVectors
    {
        // Trace D (docs/interop.md), "Same GET over the TCP wrapper": request and the reply for value 12345.
        public const string GetRequest = "00 01 00 10 00 01 00 0D C0 01 C1 00 03 01 00 01 08 00 FF 02 00";
        public const string GetApdu = "C0 01 C1 00 03 01 00 01 08 00 FF 02 00";
        public const string GetResponseApdu = "C4 01 C1 00 06 00 00 30 39";
        public const string GetReply = "00 01 00 01 00 10 00 09 C4 01 C1 00 06 00 00 30 39";

        // JD WrapperHeaderTest.decode1: header + 34-byte AARQ.
        public const string JdAarq = "00 01 00 10 00 11 00 22 602080020780a109060760857405080102be0f040d01000000065f0400181a200000";
    }
}
