using System;
using System.Collections.Generic;
using DlmsDevice.Hal;
using DlmsDevice.Stack;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Wrapper
{
    /// <summary>Records every call as text ("open 16 1", "apdu 16 1 C0 01 ...", "close") and answers with <see cref="Response"/>.</summary>
    internal sealed class RecordingApduHandler : IApduHandler
    {
        public List<string> Events { get; } = new List<string>();

        /// <summary>The response APDU written for every request (empty: no response).</summary>
        public byte[] Response { get; set; } = Array.Empty<byte>();

        /// <summary>Overrides the returned length (to test contract violations).</summary>
        public int? ReturnedLength { get; set; }

        public byte[]? LastResponseBuffer { get; private set; }
        public int LastResponseOffset { get; private set; }
        public int LastResponseMax { get; private set; }

        /// <summary>Writes the response this many bytes after the offset it is given (as a ciphered response lies behind room for its envelope) and reports that start.</summary>
        public int StartShift { get; set; }

        /// <summary>Overrides the reported start (to test contract violations).</summary>
        public int? ReportedStart { get; set; }

        public bool IsAssociated => false;


        public void LinkOpened(int clientSap, int serverLogicalAddress) => Events.Add("open " + clientSap + " " + serverLogicalAddress);

        public int HandleApdu(int clientSap, int serverLogicalAddress, byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax, out int responseStart)
        {
            Events.Add("apdu " + clientSap + " " + serverLogicalAddress + " " + Hex.Format(request, requestOffset, requestCount));
            LastResponseBuffer = response;
            LastResponseOffset = responseOffset;
            LastResponseMax = responseMax;
            int start = responseOffset + StartShift;
            Array.Copy(Response, 0, response, start, Math.Min(Response.Length, responseMax - StartShift));
            responseStart = ReportedStart ?? start;
            return ReturnedLength ?? Response.Length;
        }

        /// <summary>Answers as the application layer does: ExceptionResponse pdu-too-long.</summary>
        public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
        {
            Events.Add("too-long " + clientSap + " " + serverLogicalAddress);
            return PduTooLong.Write(response, responseOffset);
        }

        public void LinkClosed() => Events.Add("close");
    }

    /// <summary>Keeps a copy of every written frame and the buffer/offset it came from.</summary>
    internal sealed class RecordingSink : IByteChannel
    {
        public List<string> Frames { get; } = new List<string>();
        public byte[]? LastBuffer { get; private set; }
        public int LastOffset { get; private set; }

        public void Write(byte[] buffer, int offset, int count)
        {
            Frames.Add(Hex.Format(buffer, offset, count));
            LastBuffer = buffer;
            LastOffset = offset;
        }


        /// <summary>A sink only: nothing to read.</summary>

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;


        public void Close() { }
    }

    /// <summary>Answers every APDU with a fixed response, allocating nothing.</summary>
    internal sealed class FixedApduHandler : IApduHandler
    {
        private readonly byte[] _response;

        public FixedApduHandler(byte[] response) => _response = response;

        public int Requests { get; private set; }

        public bool IsAssociated => false;


        public void LinkOpened(int clientSap, int serverLogicalAddress) { }

        public int HandleApdu(int clientSap, int serverLogicalAddress, byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax, out int responseStart)
        {
            Requests++;
            responseStart = responseOffset;
            Array.Copy(_response, 0, response, responseOffset, _response.Length);
            return _response.Length;
        }

        public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
            => PduTooLong.Write(response, responseOffset);

        public void LinkClosed() { }
    }

    /// <summary>Counts frames and bytes, allocating nothing.</summary>
    internal sealed class CountingSink : IByteChannel
    {
        public int Frames { get; private set; }
        public long Bytes { get; private set; }

        public void Write(byte[] buffer, int offset, int count)
        {
            Frames++;
            Bytes += count;
        }


        /// <summary>A sink only: nothing to read.</summary>

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;


        public void Close() { }
    }
}
