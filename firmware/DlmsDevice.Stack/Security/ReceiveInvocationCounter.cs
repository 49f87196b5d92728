namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// Replay protection for the APDUs one key receives (Green Book, "invocation counter"): an
    /// invocation counter is accepted only when it is greater than the last one accepted with that
    /// key. The counter keeps last + 1, the smallest acceptable value, so "nothing accepted yet"
    /// (every value acceptable, 0 included) needs no extra flag.
    /// </summary>
    /// <remarks>
    /// A 64-bit field holds last + 1, so after 0xFFFFFFFF has been accepted nothing is (the key is
    /// worn out and must be changed). Allocation-free; not thread-safe.
    /// </remarks>
    public sealed class ReceiveInvocationCounter
    {
        /// <summary>One more than the largest value an invocation counter can take.</summary>
        public const long Exhausted = 0x100000000L;

        private long _minimum;
        private bool _changed;

        /// <summary>
        /// The smallest acceptable invocation counter: the last accepted + 1, 0 before any was
        /// accepted, <see cref="Exhausted"/> after 0xFFFFFFFF. Set it only to restore a persisted
        /// value (values outside 0..<see cref="Exhausted"/> are clamped).
        /// </summary>
        public long Minimum
        {
            get { return _minimum; }
            set
            {
                _minimum = value < 0 ? 0 : (value > Exhausted ? Exhausted : value);
                _changed = false;
            }
        }

        /// <summary>
        /// The last invocation counter accepted, 0 before any (what Data 0.0.43.1.e.255 shows; a
        /// client resynchronises by using this value + 1).
        /// </summary>
        public uint LastAccepted
        {
            get { return _minimum == 0 ? 0u : (uint)(_minimum - 1); }
        }

        /// <summary>
        /// The value an invocation-counter-error reports: the smallest acceptable counter, clamped
        /// to 0xFFFFFFFF when the key is worn out.
        /// </summary>
        public uint Expected
        {
            get { return _minimum >= Exhausted ? 0xFFFFFFFFu : (uint)_minimum; }
        }

        /// <summary>True when <see cref="Accept"/> moved the counter since it was last restored or <see cref="MarkSaved"/> was called.</summary>
        public bool Changed
        {
            get { return _changed; }
        }

        /// <summary>True when <paramref name="invocationCounter"/> is greater than the last accepted one.</summary>
        public bool IsAcceptable(uint invocationCounter)
        {
            return invocationCounter >= _minimum;
        }

        /// <summary>
        /// Records <paramref name="invocationCounter"/> as accepted (call only after the APDU was
        /// authenticated, or deciphered for the encryption-only policy). Never moves backwards.
        /// </summary>
        public void Accept(uint invocationCounter)
        {
            long next = (long)invocationCounter + 1;
            if (next > _minimum)
            {
                _minimum = next;
                _changed = true;
            }
        }

        /// <summary>Forgets every accepted value (a new key): everything is acceptable again.</summary>
        public void Reset()
        {
            if (_minimum != 0)
            {
                _changed = true;
            }

            _minimum = 0;
        }

        /// <summary>Clears <see cref="Changed"/> after the value was persisted.</summary>
        public void MarkSaved()
        {
            _changed = false;
        }
    }
}
