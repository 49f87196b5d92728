using System;
using System.Collections.Generic;
using DlmsDevice.Hal;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Hdlc;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Hdlc
{
    /// <summary>A sink that keeps a copy of every frame written.</summary>
    internal sealed class RecordingSink : IByteChannel
    {
        public List<byte[]> Frames { get; } = new List<byte[]>();

        public void Write(byte[] buffer, int offset, int count)
        {
            var copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            Frames.Add(copy);
        }


        /// <summary>A sink only: nothing to read.</summary>

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) => 0;


        public void Close() { }

        /// <summary>Returns the frames written since the last call, as hex, and forgets them.</summary>
        public string[] Take()
        {
            var result = new string[Frames.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = Hex.Format(Frames[i]);
            }
            Frames.Clear();
            return result;
        }

        /// <summary>Decodes the only frame written since the last call and forgets it.</summary>
        public DecodedFrame TakeSingle()
        {
            Assert.Single(Frames);
            var bytes = Frames[0];
            Frames.Clear();
            return DecodedFrame.Parse(bytes);
        }

        /// <summary>Decodes all frames written since the last call and forgets them.</summary>
        public List<DecodedFrame> TakeAll()
        {
            var list = new List<DecodedFrame>();
            foreach (var bytes in Frames)
            {
                list.Add(DecodedFrame.Parse(bytes));
            }
            Frames.Clear();
            return list;
        }
    }

    /// <summary>A frame the link sent, decoded and checked (flags, HCS, FCS).</summary>
    internal sealed class DecodedFrame
    {
        public byte[] Bytes { get; private set; } = Array.Empty<byte>();
        public HdlcFrame Header { get; } = new HdlcFrame();
        public byte[] Information { get; private set; } = Array.Empty<byte>();
        public byte Control => Header.Control;
        public HdlcFrameType Type => Header.FrameType;

        public static DecodedFrame Parse(byte[] bytes)
        {
            var result = new DecodedFrame { Bytes = bytes };
            HdlcStatus status = HdlcFrameCodec.Decode(bytes, 0, bytes.Length, HdlcFrameCodec.MaxFrameLength, result.Header, out int wireLength);
            Assert.Equal(HdlcStatus.Ok, status);
            Assert.Equal(bytes.Length, wireLength);
            result.Information = new byte[result.Header.InformationCount];
            Array.Copy(bytes, result.Header.InformationOffset, result.Information, 0, result.Information.Length);
            return result;
        }

        public override string ToString() => Hex.Format(Bytes);
    }

    /// <summary>An application layer stub: records calls, answers with scripted APDUs.</summary>
    internal sealed class RecordingHandler : IApduHandler
    {
        public List<string> Events { get; } = new List<string>();
        public List<byte[]> Requests { get; } = new List<byte[]>();

        /// <summary>Answers queued here are used first, then <see cref="DefaultResponse"/>.</summary>
        public Queue<byte[]> Responses { get; } = new Queue<byte[]>();

        /// <summary>Answer when the queue is empty; null = echo the request.</summary>
        public byte[]? DefaultResponse { get; set; } = Array.Empty<byte>();

        public int LastResponseOffset { get; private set; }
        public int LastResponseMax { get; private set; }

        /// <summary>Writes each answer this many bytes after the offset it is given (as a ciphered response lies behind room for its envelope) and reports that start.</summary>
        public int StartShift { get; set; }

        public bool IsAssociated => false;


        public void LinkOpened(int clientSap, int serverLogicalAddress)
        {
            Events.Add("opened " + clientSap + " " + serverLogicalAddress);
        }

        public int HandleApdu(int clientSap, int serverLogicalAddress, byte[] request, int requestOffset, int requestCount,
            byte[] response, int responseOffset, int responseMax, out int responseStart)
        {
            var copy = new byte[requestCount];
            Array.Copy(request, requestOffset, copy, 0, requestCount);
            Requests.Add(copy);
            Events.Add("apdu " + clientSap + " " + serverLogicalAddress + " " + requestCount);
            LastResponseOffset = responseOffset;
            LastResponseMax = responseMax;
            byte[] answer = Responses.Count > 0 ? Responses.Dequeue() : (DefaultResponse ?? copy);
            responseStart = responseOffset + StartShift;
            Array.Copy(answer, 0, response, responseStart, answer.Length);
            return answer.Length;
        }

        /// <summary>Answers as the application layer does: ExceptionResponse pdu-too-long.</summary>
        public int HandleApduTooLong(int clientSap, int serverLogicalAddress, byte[] response, int responseOffset, int responseMax)
        {
            Events.Add("too-long " + clientSap + " " + serverLogicalAddress);
            return PduTooLong.Write(response, responseOffset);
        }

        public void LinkClosed()
        {
            Events.Add("closed");
        }
    }

    /// <summary>Builds client-to-server frames with the codec (itself checked against the spec vectors).</summary>
    internal static class ClientFrame
    {
        public static readonly byte[] RequestLlc = { 0xE6, 0xE6, 0x00 };

        public static byte[] Build(byte control, byte[]? information = null, bool segmented = false,
            int logical = 1, int physical = 17, int serverSize = 2, int clientSap = 16)
        {
            var frame = new HdlcFrame { Control = control, Segmented = segmented };
            frame.SetAddresses(logical, physical, serverSize, clientSap, HdlcAddress.NoLower, 1);
            information ??= Array.Empty<byte>();
            var buffer = new byte[HdlcFrameCodec.GetWireLength(serverSize, 1, information.Length)];
            Assert.Equal(HdlcStatus.Ok, HdlcFrameCodec.Encode(frame, information, 0, information.Length, buffer, 0, buffer.Length, out int written));
            Assert.Equal(buffer.Length, written);
            return buffer;
        }

        /// <summary>An I-frame carrying LLC + APDU (not segmented).</summary>
        public static byte[] Information(int sendSequence, int receiveSequence, byte[] apdu, int logical = 1, int physical = 17, int serverSize = 2, int clientSap = 16)
        {
            return Build(HdlcControl.Information(sendSequence, receiveSequence, true), Concat(RequestLlc, apdu), false, logical, physical, serverSize, clientSap);
        }

        public static byte[] Concat(params byte[][] parts)
        {
            int length = 0;
            foreach (var part in parts)
            {
                length += part.Length;
            }
            var result = new byte[length];
            int position = 0;
            foreach (var part in parts)
            {
                Array.Copy(part, 0, result, position, part.Length);
                position += part.Length;
            }
            return result;
        }

        public static byte[] Slice(byte[] source, int offset, int count)
        {
            var result = new byte[count];
            Array.Copy(source, offset, result, 0, count);
            return result;
        }

        /// <summary>Deterministic test APDU of the given length.</summary>
        public static byte[] Pattern(int length, int seed)
        {
            var result = new byte[length];
            for (int i = 0; i < length; i++)
            {
                result[i] = (byte)(seed + i * 7);
            }
            return result;
        }
    }

    /// <summary>A link wired to a recording handler and sink, with a test clock.</summary>
    internal sealed class LinkHarness
    {
        public LinkHarness(HdlcSettings? settings = null)
        {
            Settings = settings ?? new HdlcSettings();
            Link = new HdlcServerLink(Settings, Handler, Sink);
        }

        public HdlcSettings Settings { get; }
        public RecordingHandler Handler { get; } = new RecordingHandler();
        public RecordingSink Sink { get; } = new RecordingSink();
        public HdlcServerLink Link { get; }
        public long Now { get; set; } = 1000;

        public void Send(byte[] bytes)
        {
            Link.Receive(bytes, 0, bytes.Length, Now);
        }

        public void Send(string hex)
        {
            Send(Hex.Parse(hex));
        }

        /// <summary>SNRM without parameters (defaults 128/1) from client 16 to logical 1 / physical 17.</summary>
        public void Connect()
        {
            Send(ClientFrame.Build(HdlcControl.SetNormalResponseMode));
            Assert.Equal(HdlcFrameType.UnnumberedAcknowledge, Sink.TakeSingle().Type);
            Assert.True(Link.IsConnected);
        }
    }
}
