using System;
using System.Collections.Generic;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>The kind of bytes given to <see cref="TraceSession.Annotate(byte[], TraceInput)"/>.</summary>
    public enum TraceInput
    {
        /// <summary>Decide from the first bytes: 7E = HDLC frame, 00 01 = wrapper, else an APDU.</summary>
        Auto,
        /// <summary>A whole HDLC frame, flags included.</summary>
        Hdlc,
        /// <summary>A wrapper frame: 8-byte header and the APDU.</summary>
        Wrapper,
        /// <summary>An APDU alone.</summary>
        Apdu,
    }

    /// <summary>
    /// Annotates the frames of one connection, layer by layer (HDLC or wrapper, LLC, ACSE or
    /// xDLMS APDU, security header and deciphered APDU, A-XDR data), remembering what a later frame
    /// needs: the system titles from the AARQ/AARE, the dedicated key from the deciphered
    /// InitiateRequest, HDLC segments until the last one, and GET data blocks until the last block.
    /// </summary>
    /// <remarks>
    /// Used by <c>dlms translate</c> and by the emulator's <c>--trace</c> (one session per
    /// connection, created only when the trace is on). Best effort: a frame that does not decode
    /// is annotated as far as it goes, with error nodes; nothing throws.
    /// </remarks>
    public sealed class TraceSession
    {
        private readonly List<byte> _clientSegments = new();
        private readonly List<byte> _serverSegments = new();
        private int _clientSegmentCount;
        private int _serverSegmentCount;
        private byte? _clientHdlcAddress;
        private ushort? _clientWPort;
        private readonly List<byte> _getBlocks = new();
        private uint _getBlocksNext = 1;

        /// <summary>Global unicast encryption key EK (16 bytes), or null: ciphered APDUs are then shown without plaintext.</summary>
        public byte[]? BlockCipherKey { get; set; }

        /// <summary>Authentication key AK (16 bytes), or null.</summary>
        public byte[]? AuthenticationKey { get; set; }

        /// <summary>The dedicated key; learnt from a deciphered InitiateRequest, or given.</summary>
        public byte[]? DedicatedKey { get; set; }

        /// <summary>The client's system title; learnt from the AARQ's calling-AP-title, or given.</summary>
        public byte[]? ClientSystemTitle { get; set; }

        /// <summary>The server's system title; learnt from the AARE's responding-AP-title, or given.</summary>
        public byte[]? ServerSystemTitle { get; set; }

        /// <summary>True when the last GET-Request was GET-Request-With-List (its blocks hold a result list).</summary>
        internal bool LastGetWasList { get; set; }

        /// <summary>Annotates one frame or APDU.</summary>
        public Annotation Annotate(byte[] bytes, TraceInput input = TraceInput.Auto)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            if (input == TraceInput.Auto)
            {
                input = bytes.Length > 0 && bytes[0] == HdlcFrame.Flag ? TraceInput.Hdlc
                    : bytes.Length >= 8 && bytes[0] == 0x00 && bytes[1] == 0x01 ? TraceInput.Wrapper
                    : TraceInput.Apdu;
            }
            try
            {
                return input switch
                {
                    TraceInput.Hdlc => FrameAnnotator.Hdlc(bytes, this),
                    TraceInput.Wrapper => FrameAnnotator.Wrapper(bytes, this),
                    _ => AnnotateApdu(bytes, null),
                };
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException or FormatException)
            {
                // A decoding path this annotator did not foresee: still show the bytes.
                var node = new Annotation("bytes", bytes, "could not be annotated");
                node.AddError(e.Message);
                return node;
            }
        }

        /// <summary>Annotates an APDU (ACSE or xDLMS); <paramref name="fromClient"/> null = decide from its tag.</summary>
        public Annotation AnnotateApdu(byte[] apdu, bool? fromClient) => ApduAnnotator.Annotate(apdu, fromClient, this);

        /// <summary>The keys of the Green Book examples (EK 00..0F, AK D0..DF), as the emulator's client 48 uses without its own.</summary>
        public void UseTestKeys()
        {
            BlockCipherKey = DlmsSecurityOptions.TestBlockCipherKey.ToArray();
            AuthenticationKey = DlmsSecurityOptions.TestAuthenticationKey.ToArray();
        }

        // Which way an HDLC frame goes. SNRM and DISC are commands (client), UA/DM/FRMR/UI
        // responses (server); an I-frame tells by its LLC header; else the addresses do.
        internal bool IsFromClient(byte[] destination, byte[] source, byte control, ByteCursor rest)
        {
            byte kind = (byte)(control & ~HdlcFrame.PollFinal);
            bool? decided = kind switch
            {
                0x83 or 0x43 => true,
                0x63 or 0x0F or 0x87 or 0x03 => false,
                _ => null,
            };
            if (decided is null && (control & 0x01) == 0 && rest.Remaining >= 4 && rest.Peek(2) == 0xE6)
            {
                byte second = rest.Peek(3);
                decided = second == 0xE6 ? true : second == 0xE7 ? false : null;
            }
            if (decided is null && _clientHdlcAddress is byte known)
            {
                decided = source.Length == 1 && source[0] == known ? true : destination.Length == 1 && destination[0] == known ? false : null;
            }
            decided ??= source.Length > 1 ? false : destination.Length > 1 || _clientSegments.Count > 0 || _serverSegments.Count == 0;
            if (decided.Value && source.Length == 1)
            {
                _clientHdlcAddress = source[0];
            }
            else if (!decided.Value && destination.Length == 1)
            {
                _clientHdlcAddress = destination[0];
            }
            return decided.Value;
        }

        internal bool IsWrapperFromClient(ushort source, ushort destination, ByteCursor rest)
        {
            bool? decided = null;
            if (!rest.AtEnd)
            {
                decided = ApduAnnotator.IsRequestTag(rest.Peek());
            }
            if (decided is null && _clientWPort is ushort known)
            {
                decided = source == known ? true : destination == known ? false : null;
            }
            decided ??= source > destination;
            _clientWPort = decided.Value ? source : destination;
            return decided.Value;
        }

        internal bool HasPendingSegments(bool fromClient) => (fromClient ? _clientSegments : _serverSegments).Count > 0;

        // HDLC segmentation (IEC 62056-46 6.4.4.4.3.4): S=1 segments are kept until the last one.
        internal byte[]? Reassemble(bool fromClient, bool segmented, byte[] info, Annotation node)
        {
            List<byte> pending = fromClient ? _clientSegments : _serverSegments;
            if (segmented)
            {
                pending.AddRange(info);
                int count = fromClient ? ++_clientSegmentCount : ++_serverSegmentCount;
                node.Add("segment " + count.ToString(CultureInfo.InvariantCulture), info,
                    "the APDU continues in the next frame (" + pending.Count.ToString(CultureInfo.InvariantCulture) + " bytes so far)");
                return null;
            }
            if (pending.Count == 0)
            {
                return info;
            }
            pending.AddRange(info);
            int segments = (fromClient ? _clientSegmentCount : _serverSegmentCount) + 1;
            node.Add("last segment", info, "reassembled with the " + (segments - 1).ToString(CultureInfo.InvariantCulture)
                + " before it: " + pending.Count.ToString(CultureInfo.InvariantCulture) + " bytes");
            byte[] whole = pending.ToArray();
            pending.Clear();
            if (fromClient)
            {
                _clientSegmentCount = 0;
            }
            else
            {
                _serverSegmentCount = 0;
            }
            return whole;
        }

        // GET-Response-With-Datablock: raw-data pieces until last-block, then the whole value.
        internal byte[]? CollectGetBlock(uint blockNumber, bool lastBlock, byte[] rawData, Annotation node)
        {
            if (blockNumber == 1)
            {
                _getBlocks.Clear();
                _getBlocksNext = 1;
            }
            if (blockNumber != _getBlocksNext)
            {
                node.Add("note", "block " + blockNumber.ToString(CultureInfo.InvariantCulture) + " is not the one expected ("
                    + _getBlocksNext.ToString(CultureInfo.InvariantCulture) + "): the value cannot be reassembled here");
                _getBlocks.Clear();
                _getBlocksNext = 0;
                return null;
            }
            _getBlocks.AddRange(rawData);
            _getBlocksNext++;
            if (!lastBlock)
            {
                node.Add("note", "raw-data is a piece of the encoded value: " + _getBlocks.Count.ToString(CultureInfo.InvariantCulture)
                    + " bytes so far; it is decoded when the last block has arrived");
                return null;
            }
            byte[] whole = _getBlocks.ToArray();
            _getBlocks.Clear();
            _getBlocksNext = 1;
            return whole;
        }

        internal byte[]? KeyFor(bool dedicated) => dedicated ? DedicatedKey : BlockCipherKey;
    }
}
