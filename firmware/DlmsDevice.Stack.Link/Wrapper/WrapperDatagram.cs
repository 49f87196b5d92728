using System;

namespace DlmsDevice.Stack.Wrapper
{
    /// <summary>
    /// The wrapper over UDP (IEC 62056-47): one datagram carries exactly one wrapper frame, so
    /// there is nothing to reassemble and one call handles one datagram.
    /// </summary>
    /// <remarks>
    /// UDP has no connection, so this helper never calls <see cref="IApduHandler.LinkOpened"/> or
    /// <see cref="IApduHandler.LinkClosed"/>: the owner decides when an association starts and
    /// ends (e.g. per client address, with an idle time-out) and can read the wPorts with
    /// <see cref="WrapperHeader.TryRead"/>. A bad datagram is reported and dropped; unlike TCP,
    /// the next datagram is independent of it.
    /// </remarks>
    public static class WrapperDatagram
    {
        /// <summary>
        /// Handles one received datagram: validates the header, passes the APDU (in place) to
        /// <paramref name="handler"/>, and builds the reply datagram in <paramref name="response"/>.
        /// </summary>
        /// <param name="handler">Handles the APDU.</param>
        /// <param name="maxApduSize">The largest APDU accepted and sent.</param>
        /// <param name="datagram">The received datagram (header + APDU).</param>
        /// <param name="offset">Where it starts.</param>
        /// <param name="count">Its size in bytes.</param>
        /// <param name="response">Buffer for the reply datagram.</param>
        /// <param name="responseOffset">Where the room for the reply starts: the handler's APDU goes 8 bytes later or, ciphered, a little later still.</param>
        /// <param name="replyOffset">Where the reply datagram starts (its header, 8 bytes in front of the APDU where the handler put it).</param>
        /// <param name="responseCount">Size of the reply datagram; 0 when there is nothing to send.</param>
        /// <returns><see cref="WrapperStatus.Ok"/> (also for an ignored zero-length APDU),
        /// <see cref="WrapperStatus.NeedMore"/> (shorter than a header),
        /// <see cref="WrapperStatus.BadVersion"/>, <see cref="WrapperStatus.ApduTooLong"/> (the
        /// handler is not called; <paramref name="responseCount"/> bytes of ExceptionResponse
        /// pdu-too-long <c>D8 01 04</c> are ready to send, as on TCP),
        /// <see cref="WrapperStatus.LengthMismatch"/> (size is not header + length field) or
        /// <see cref="WrapperStatus.BufferTooSmall"/> (no room in <paramref name="response"/> for
        /// a header).</returns>
        /// <exception cref="InvalidOperationException">The handler returned a length outside 0..its limit.</exception>
        public static WrapperStatus Handle(IApduHandler handler, int maxApduSize,
            byte[] datagram, int offset, int count,
            byte[] response, int responseOffset, out int replyOffset, out int responseCount)
        {
            replyOffset = responseOffset;
            responseCount = 0;
            WrapperStatus status = WrapperHeader.TryRead(datagram, offset, count,
                out int sourceWPort, out int destinationWPort, out int apduLength);
            if (status != WrapperStatus.Ok)
            {
                return status;
            }
            if (count != WrapperHeader.Size + apduLength)
            {
                return WrapperStatus.LengthMismatch;
            }
            if (apduLength > maxApduSize)
            {
                // A whole datagram with a valid header: answer pdu-too-long, as on TCP, and let
                // the caller send it (the status still says the request was refused).
                int max = response.Length - responseOffset - WrapperHeader.Size;
                int length = responseOffset < 0 || max < LinkLimits.MinimumResponseRoom ? 0
                    : handler.HandleApduTooLong(sourceWPort, destinationWPort, response, responseOffset + WrapperHeader.Size, max);
                if (length > 0)
                {
                    WrapperHeader.Write(response, responseOffset, destinationWPort, sourceWPort, length);
                    responseCount = WrapperHeader.Size + length;
                }
                return WrapperStatus.ApduTooLong;
            }
            if (apduLength == 0)
            {
                return WrapperStatus.Ok; // no APDU, no reply (as on TCP)
            }
            int room = response.Length - responseOffset - WrapperHeader.Size;
            if (responseOffset < 0 || room < 1)
            {
                return WrapperStatus.BufferTooSmall;
            }
            int responseMax = room < maxApduSize ? room : maxApduSize;
            int apduOffset = responseOffset + WrapperHeader.Size;
            int start;
            int responseLength = handler.HandleApdu(sourceWPort, destinationWPort,
                datagram, offset + WrapperHeader.Size, apduLength,
                response, apduOffset, responseMax, out start);
            if (responseLength < 0 || (responseLength > 0 && (start < apduOffset || start + responseLength > apduOffset + responseMax)))
            {
                throw new InvalidOperationException(); // the handler broke its contract
            }
            if (responseLength > 0)
            {
                // The header goes in front of the APDU, where the handler put it.
                replyOffset = start - WrapperHeader.Size;
                WrapperHeader.Write(response, replyOffset, destinationWPort, sourceWPort, responseLength);
                responseCount = WrapperHeader.Size + responseLength;
            }
            return WrapperStatus.Ok;
        }
    }
}
