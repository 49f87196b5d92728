using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Builds the DataNotification of a push setup into a caller's buffer, from the objects'
    /// values, and protects it in place (Green Book, xDLMS <c>Data-Notification</c> and
    /// "cryptographic protection of xDLMS APDUs"):
    /// <code>
    /// 0F                         data-notification [15]
    /// xx xx xx xx                long-invoke-id-and-priority (invoke id in bits 0-23)
    /// 0C &lt;12 bytes&gt; | 00        date-time OCTET STRING: the meter's local time, or empty
    /// 02 n &lt;Data&gt;...            notification-body: structure of the push_object_list values
    /// </code>
    /// Protected (the push setup's Security setup with a policy above 0): general-glo-ciphering
    /// <c>DB 08 &lt;server system title&gt; &lt;len&gt; SC IC &lt;ciphertext&gt; [tag]</c> with the Security
    /// setup's global keys and its transmit invocation counter. The xDLMS APDU list has no
    /// glo- tag for data-notification (the glo-/ded- service tags cover get/set/action and
    /// event-notification), so general-glo-ciphering is the form, as the published pushes of
    /// deployed meters show (docs/push.md).
    /// </summary>
    /// <remarks>
    /// <para>Values are read with the object's own <see cref="CosemObject.GetAttribute"/> (no
    /// access check: the push_object_list was set by a client with the right to do so). A value
    /// that cannot be read is sent as null-data, so the body keeps one element per entry. A
    /// data_index above 0 picks that element (1-based) of an array or structure attribute;
    /// null-data when there is no such element.</para>
    /// <para>One instance per sender: it holds a scratch buffer for data_index selection.
    /// Allocation-free after construction; not thread-safe (the runtime builds under the meter's
    /// lock, as a request is served).</para>
    /// </remarks>
    public sealed class DataNotificationBuilder
    {
        /// <summary>The data-notification APDU tag [15].</summary>
        public const byte Tag = 0x0F;

        /// <summary>Bytes in front of the APDU that <see cref="Protect"/> needs (the general-glo header).</summary>
        public const int ProtectionHeadroom = CipheredApdu.MaxHeaderLength;

        /// <summary>Bytes after the APDU that <see cref="Protect"/> needs (the authentication tag).</summary>
        public const int ProtectionTailroom = ApduCipher.TagLength;

        private readonly AxdrWriter _writer = new AxdrWriter();
        private readonly AxdrWriter _scratchWriter = new AxdrWriter();
        private readonly AxdrReader _reader = new AxdrReader();
        private readonly byte[] _scratch;
        private readonly CosemDateTime _now = new CosemDateTime();
        private readonly CosemContext _context = new CosemContext();

        /// <summary>A builder whose data_index selection reads attributes of up to <paramref name="scratchSize"/> bytes.</summary>
        /// <exception cref="ArgumentOutOfRangeException">scratchSize is below 16.</exception>
        public DataNotificationBuilder(int scratchSize)
        {
            if (scratchSize < 16)
            {
                throw new ArgumentOutOfRangeException();
            }
            _scratch = new byte[scratchSize];
        }

        /// <summary>
        /// Writes the plaintext DataNotification of <paramref name="setup"/> at
        /// <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="count"/>).
        /// </summary>
        /// <param name="setup">The push setup (its push_object_list).</param>
        /// <param name="clock">The meter's clock for the date-time (its local time); null = date-time absent.</param>
        /// <param name="longInvokeIdAndPriority">long-invoke-id-and-priority (<see cref="PushSetup.NextInvokeId"/>; priority normal, unconfirmed).</param>
        /// <param name="buffer">Destination buffer.</param>
        /// <param name="offset">Where the APDU starts.</param>
        /// <param name="count">Room for the APDU.</param>
        /// <param name="length">The APDU's length.</param>
        /// <returns>Ok, or TooLong when it does not fit (nothing usable written).</returns>
        public PushStatus Write(PushSetup setup, Clock clock, uint longInvokeIdAndPriority, byte[] buffer, int offset, int count, out int length)
        {
            if (setup == null)
            {
                throw new ArgumentNullException();
            }
            length = 0;
            AxdrWriter w = _writer;
            w.Reset(buffer, offset, count);
            w.WriteByte(Tag);
            w.WriteUInt32(longInvokeIdAndPriority);
            if (clock != null)
            {
                clock.GetLocalTime(_now);
                w.WriteByte(CosemDateTime.DateTimeSize);
                w.WriteRawDateTime(_now);
            }
            else
            {
                w.WriteByte(0);
            }
            int entries = setup.ObjectCount;
            w.WriteStructure(entries);
            for (int i = 0; i < entries && !w.Overflow; i++)
            {
                WriteValue(setup, i, w);
            }
            if (w.Overflow)
            {
                return PushStatus.TooLong;
            }
            length = w.Length;
            return PushStatus.Ok;
        }

        /// <summary>
        /// Protects the plaintext APDU at <paramref name="buffer"/>[<paramref name="apduOffset"/>..+<paramref name="apduCount"/>]
        /// in place as general-glo-ciphering with <paramref name="security"/>: its policy's
        /// protection (suite 0), its global keys, its server system title and the next value of its
        /// transmit invocation counter (persisted ahead, so a power loss never repeats one). Needs
        /// <see cref="ProtectionHeadroom"/> bytes in front and <see cref="ProtectionTailroom"/> after.
        /// </summary>
        /// <param name="security">The Security setup's state; with policy 0 nothing is done.</param>
        /// <param name="buffer">The buffer holding the APDU.</param>
        /// <param name="apduOffset">First byte of the plaintext.</param>
        /// <param name="apduCount">Plaintext length.</param>
        /// <param name="start">Where the protected APDU starts (the plaintext offset when not protected).</param>
        /// <param name="length">Its length.</param>
        /// <param name="invocationCounter">The counter used (0 when not protected).</param>
        /// <returns>Ok; CounterUnavailable (nothing to send); SecurityUnavailable without keys; TooLong without the room.</returns>
        public static PushStatus Protect(SecurityProfile security, byte[] buffer, int apduOffset, int apduCount, out int start, out int length, out uint invocationCounter)
        {
            start = apduOffset;
            length = apduCount;
            invocationCounter = 0;
            if (security == null)
            {
                throw new ArgumentNullException();
            }
            byte protection = SecurityPolicy.RequiredProtection(security.SecurityPolicy);
            if (protection == 0)
            {
                return PushStatus.Ok;
            }
            if (!security.HasKeys)
            {
                return PushStatus.SecurityUnavailable;
            }
            if (apduOffset < ProtectionHeadroom || buffer.Length - apduOffset - apduCount < ProtectionTailroom)
            {
                return PushStatus.TooLong;
            }
            // Suite 0 in the low bits; a counter is taken only when everything else is in place.
            byte securityControl = (byte)(protection | security.SecuritySuite);
            if (!security.Counters.TryNextTransmit(out invocationCounter))
            {
                return PushStatus.CounterUnavailable;
            }
            SecurityStatus status = ApduCipher.Encipher(buffer, apduOffset, apduCount, CipheredTag.GeneralGloCiphering, securityControl, invocationCounter,
                security.EncryptionKey, security.AuthenticationKey, 0, security.ServerSystemTitle, 0, out start, out length);
            if (status != SecurityStatus.Ok)
            {
                start = apduOffset;
                length = apduCount;
                return status == SecurityStatus.BufferTooSmall ? PushStatus.TooLong : PushStatus.SecurityUnavailable;
            }
            return PushStatus.Ok;
        }

        private void WriteValue(PushSetup setup, int index, AxdrWriter w)
        {
            CosemObject obj = setup.GetObject(index);
            int attribute = setup.GetAttributeIndex(index);
            int dataIndex = setup.GetDataIndex(index);
            int mark = w.Position;
            if (dataIndex == 0)
            {
                if (obj.GetAttribute(attribute, 0, null, w, _context) != DataAccessResult.Success && !w.Overflow)
                {
                    w.Rewind(mark);
                    w.WriteNull();
                }
                return;
            }
            _scratchWriter.Reset(_scratch, 0, _scratch.Length);
            if (obj.GetAttribute(attribute, 0, null, _scratchWriter, _context) != DataAccessResult.Success || _scratchWriter.Overflow)
            {
                w.WriteNull();
                return;
            }
            int elementOffset;
            int elementLength;
            if (!FindElement(_scratchWriter.Length, dataIndex, out elementOffset, out elementLength))
            {
                w.WriteNull();
                return;
            }
            w.WriteBytes(_scratch, elementOffset, elementLength);
        }

        // Element dataIndex (1-based) of the array or structure in the scratch buffer.
        private bool FindElement(int count, int dataIndex, out int offset, out int length)
        {
            offset = 0;
            length = 0;
            AxdrReader r = _reader;
            r.Reset(_scratch, 0, count);
            DataType tag;
            int elements = 0;
            if (r.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return false;
            }
            AxdrStatus status = tag == DataType.Array ? r.ReadArray(out elements)
                : tag == DataType.Structure ? r.ReadStructure(out elements) : AxdrStatus.TypeMismatch;
            if (status != AxdrStatus.Ok || dataIndex > elements)
            {
                return false;
            }
            for (int i = 1; i < dataIndex; i++)
            {
                if (r.SkipValue() != AxdrStatus.Ok)
                {
                    return false;
                }
            }
            offset = r.Position;
            if (r.SkipValue() != AxdrStatus.Ok)
            {
                return false;
            }
            length = r.Position - offset;
            return true;
        }
    }
}
