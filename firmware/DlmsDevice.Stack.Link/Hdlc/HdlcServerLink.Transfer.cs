using System;

namespace DlmsDevice.Stack.Hdlc
{
    // Data transfer in NRM: I-frames, RR/RNR, segmentation, windows, FRMR and push (UI).
    public sealed partial class HdlcServerLink
    {
        /// <summary>
        /// Sends an APDU in one UI frame (push, IEC 62056-46 §6.4.4.4.3.7), independent of the
        /// link state. The APDU is framed in place: the caller's buffer must have
        /// <see cref="ResponseHeadroom"/> bytes in front of it (for the LLC header <c>E6 E7 00</c>
        /// and the frame header) and <see cref="ResponseTailroom"/> bytes after it.
        /// </summary>
        /// <param name="clientSap">Destination client SAP (0..127).</param>
        /// <param name="serverLogicalAddress">Our logical device, the source address.</param>
        /// <param name="serverAddressSize">Source address form: 1, 2 or 4 bytes (with our physical address).</param>
        /// <param name="buffer">Buffer holding the APDU.</param>
        /// <param name="apduOffset">First APDU byte.</param>
        /// <param name="apduCount">APDU length; with the LLC header it must fit one frame of our
        /// transmit limit (the negotiated one while connected).</param>
        /// <returns>Ok; TooLong when the APDU needs more than one frame; BufferTooSmall without
        /// the headroom or tailroom; BadAddress when an address does not fit the form.</returns>
        public HdlcStatus SendUnnumberedInformation(int clientSap, int serverLogicalAddress, int serverAddressSize,
            byte[] buffer, int apduOffset, int apduCount)
        {
            int limit = IsConnected ? _negotiated.MaxInfoTransmit : _ownMaxInfoTransmit;
            if (apduCount < 0 || apduCount + HdlcLlc.Length > limit)
            {
                return HdlcStatus.TooLong;
            }
            if (apduOffset < ResponseHeadroom || apduOffset + apduCount + ResponseTailroom > buffer.Length)
            {
                return HdlcStatus.BufferTooSmall;
            }
            if (!HdlcAddress.IsValid(clientSap, 0, 1)
                || !HdlcAddress.IsValid(serverLogicalAddress, _physicalAddress, serverAddressSize))
            {
                return HdlcStatus.BadAddress;
            }
            _pushFrame.SetAddresses(clientSap, HdlcAddress.NoLower, 1, serverLogicalAddress, _physicalAddress, serverAddressSize);
            _pushFrame.Control = HdlcControl.UnnumberedInformation;
            _pushFrame.Segmented = false;
            int infoOffset = apduOffset - HdlcLlc.Length;
            HdlcLlc.WriteResponse(buffer, infoOffset);
            int frameOffset;
            int frameCount;
            HdlcStatus status = HdlcFrameCodec.EncodeInPlace(_pushFrame, buffer, infoOffset, apduCount + HdlcLlc.Length,
                out frameOffset, out frameCount);
            if (status == HdlcStatus.Ok)
            {
                _channel.Write(buffer, frameOffset, frameCount);
            }
            return status;
        }

        private void OnInformation(HdlcFrame frame, byte[] buffer)
        {
            if (frame.InformationCount > _negotiated.MaxInfoReceive)
            {
                Reject(frame, HdlcFrameRejectReason.InformationTooLong);
                return;
            }
            byte control = frame.Control;
            if (!Acknowledge(HdlcControl.GetReceiveSequence(control)))
            {
                Reject(frame, HdlcFrameRejectReason.InvalidReceiveSequence);
                return;
            }
            bool poll = frame.PollFinal;
            if (HdlcControl.GetSendSequence(control) != _receiveState)
            {
                // A repeat of the last accepted frame (the client lost our answer) or a gap: it
                // is not processed again. A poll gets our unacknowledged frames again or RR(V(R)).
                if (poll)
                {
                    Answer();
                }
                return;
            }
            _receiveState = (_receiveState + 1) & 0x07;

            // A new I-frame: the client has taken all it wants of our previous answer.
            DropTransmit();

            int infoOffset = frame.InformationOffset;
            int infoCount = frame.InformationCount;
            if (!_rxInProgress)
            {
                // First (or only) segment: it must start with the request LLC header.
                _rxInProgress = true;
                _rxCount = 0;
                _rxTooLong = false;
                _rxDiscard = HdlcLlc.CheckRequest(buffer, infoOffset, infoCount) != HdlcStatus.Ok;
                infoOffset += HdlcLlc.Length;
                infoCount -= HdlcLlc.Length;
            }
            byte[] request = _rxApdu;
            int requestOffset = 0;
            if (!_rxDiscard)
            {
                if (_rxCount + infoCount > _maxApduSize)
                {
                    _rxDiscard = true;
                    _rxTooLong = true;
                }
                else if (!frame.Segmented && _rxCount == 0)
                {
                    // The whole APDU is in this frame: hand it up from the receive buffer.
                    request = buffer;
                    requestOffset = infoOffset;
                    _rxCount = infoCount;
                }
                else
                {
                    Array.Copy(buffer, infoOffset, _rxApdu, _rxCount, infoCount);
                    _rxCount += infoCount;
                }
            }
            if (frame.Segmented)
            {
                // More segments follow: acknowledge this one when polled.
                if (poll)
                {
                    SendReceiveReady();
                }
                return;
            }
            _rxInProgress = false;
            if (!_rxDiscard)
            {
                int start;
                int length = _handler.HandleApdu(_clientSap, _logicalDevice, request, requestOffset, _rxCount,
                    _txBuffer, ResponseHeadroom, _maxApduSize, out start);
                QueueResponse(start, length);
            }
            else if (_rxTooLong)
            {
                // A DLMS request longer than our APDU buffer: its bytes are gone, and the
                // application layer gives the answer (ExceptionResponse pdu-too-long).
                QueueResponse(ResponseHeadroom, _handler.HandleApduTooLong(_clientSap, _logicalDevice, _txBuffer, ResponseHeadroom, _maxApduSize));
            }
            _rxCount = 0;
            _rxDiscard = false;
            _rxTooLong = false;
            if (poll)
            {
                Answer();
            }
        }

        // Takes the response APDU where the handler wrote it in _txBuffer (start, at or after
        // ResponseHeadroom), puts the response LLC in front of it and cuts the whole into
        // segments of the negotiated length; the next poll sends them. The frame header of the
        // first segment goes into the headroom in front of the LLC.
        private void QueueResponse(int start, int length)
        {
            if (length <= 0 || start < ResponseHeadroom || start + length > ResponseHeadroom + _maxApduSize)
            {
                return;
            }
            _txStart = start - HdlcLlc.Length;
            HdlcLlc.WriteResponse(_txBuffer, _txStart);
            _txEnd = start + length;
            int segmentLength = _negotiated.MaxInfoTransmit;
            _txCount = (_txEnd - _txStart + segmentLength - 1) / segmentLength;
        }

        private void OnSupervisory(HdlcFrame frame, HdlcFrameType type)
        {
            if (frame.HasInformation)
            {
                Reject(frame, HdlcFrameRejectReason.InvalidControl | HdlcFrameRejectReason.InformationNotPermitted);
                return;
            }
            if (!Acknowledge(HdlcControl.GetReceiveSequence(frame.Control)))
            {
                Reject(frame, HdlcFrameRejectReason.InvalidReceiveSequence);
                return;
            }
            if (!frame.PollFinal)
            {
                return;
            }
            if (type == HdlcFrameType.ReceiveNotReady)
            {
                // The client is busy: answer the poll without new I-frames.
                SendReceiveReady();
                return;
            }
            Answer();
        }

        // Takes N(R) as the acknowledgement of every segment before it. False when N(R) is not
        // between V(A) and the highest N(S) sent + 1 (ISO/IEC 13239 "invalid N(R)").
        private bool Acknowledge(int receiveSequence)
        {
            int acknowledged = (receiveSequence - _ackBase) & 0x07;
            if (acknowledged > _txSent - _txUnacked)
            {
                return false;
            }
            _txUnacked += acknowledged;
            _ackBase = receiveSequence;
            return true;
        }

        // The answer to a poll: everything the poll's N(R) left unacknowledged is sent again
        // (go-back-N), then the next segments up to the window; RR when there is nothing to send.
        private void Answer()
        {
            _txNext = _txUnacked;
            if (_txNext >= _txCount)
            {
                SendReceiveReady();
                return;
            }
            int limit = _txUnacked + _negotiated.WindowTransmit;
            if (limit > _txCount)
            {
                limit = _txCount;
            }
            while (_txNext < limit)
            {
                SendSegment(_txNext, _txNext + 1 == limit);
                _txNext++;
            }
            if (_txNext > _txSent)
            {
                _txSent = _txNext;
            }
        }

        // Frames segment i in place. The header overwrites the tail of the previous segment and
        // the FCS/flag the head of the next one, so those bytes are saved and put back: a later
        // retransmission needs them.
        private void SendSegment(int index, bool final)
        {
            int segmentLength = _negotiated.MaxInfoTransmit;
            int start = _txStart + index * segmentLength;
            int count = _txEnd - start;
            if (count > segmentLength)
            {
                count = segmentLength;
            }
            _txFrame.Control = HdlcControl.Information(_ackBase + index - _txUnacked, _receiveState, final);
            _txFrame.Segmented = index + 1 < _txCount;
            int headerSize = HdlcFrameCodec.GetHeaderSize(_txFrame.DestinationSize, _txFrame.SourceSize);
            int before = start - headerSize;
            int after = start + count;
            Array.Copy(_txBuffer, before, _saved, 0, headerSize);
            Array.Copy(_txBuffer, after, _saved, headerSize, HdlcFrameCodec.TrailerSize);
            int frameOffset;
            int frameCount;
            if (HdlcFrameCodec.EncodeInPlace(_txFrame, _txBuffer, start, count, out frameOffset, out frameCount) == HdlcStatus.Ok)
            {
                _channel.Write(_txBuffer, frameOffset, frameCount);
            }
            Array.Copy(_saved, 0, _txBuffer, before, headerSize);
            Array.Copy(_saved, headerSize, _txBuffer, after, HdlcFrameCodec.TrailerSize);
        }

        private void DropTransmit()
        {
            _txCount = 0;
            _txUnacked = 0;
            _txSent = 0;
            _txNext = 0;
        }

        // V(S): N(S) of the next I-frame we would send.
        private int SendState
        {
            get { return (_ackBase + _txNext - _txUnacked) & 0x07; }
        }

        private void SendReceiveReady()
        {
            SendControl(HdlcControl.ReceiveReady(_receiveState, true), 0);
        }

        // Enters the frame-reject condition (ISO/IEC 13239 §5.5.3.4.2). The information field:
        // the rejected control byte; V(R) in bits 8-6, C/R (0: the rejected frame was a command)
        // in bit 5, V(S) in bits 4-2; then the W/X/Y/Z reason bits.
        private void Reject(HdlcFrame frame, int reason)
        {
            _frmrControl = frame.Control;
            _frmrState = (byte)((_receiveState << 5) | (SendState << 1));
            _frmrReason = (byte)reason;
            _state = HdlcLinkState.FrameReject;
            _rxInProgress = false;
            DropTransmit();
            if (frame.PollFinal)
            {
                SendFrameReject();
            }
        }

        private void SendFrameReject()
        {
            _controlBuffer[ControlInfoOffset] = _frmrControl;
            _controlBuffer[ControlInfoOffset + 1] = _frmrState;
            _controlBuffer[ControlInfoOffset + 2] = _frmrReason;
            SendControl(HdlcControl.FrameReject, 3);
        }

        // Sends a frame without segmentation whose information field (if any) is already at
        // ControlInfoOffset in _controlBuffer, to the addresses of the frame being answered.
        private void SendControl(byte control, int informationCount)
        {
            _txFrame.Control = control;
            _txFrame.Segmented = false;
            int frameOffset;
            int frameCount;
            if (HdlcFrameCodec.EncodeInPlace(_txFrame, _controlBuffer, ControlInfoOffset, informationCount,
                out frameOffset, out frameCount) == HdlcStatus.Ok)
            {
                _channel.Write(_controlBuffer, frameOffset, frameCount);
            }
        }
    }
}
