namespace DlmsDevice.Tests.Support
{
    /// <summary>
    /// What a link's test double answers for an over-long request, as the application layer
    /// does: ExceptionResponse <c>D8 01 04</c> (service-not-allowed, pdu-too-long).
    /// </summary>
    internal static class PduTooLong
    {
        public static int Write(byte[] response, int offset)
        {
            response[offset] = 0xD8;
            response[offset + 1] = 0x01;
            response[offset + 2] = 0x04;
            return 3;
        }
    }
}
