namespace DlmsDevice.Meter.Persistence
{
    /// <summary>
    /// The records the engine found unusable at start-up (each gives event 14 once, for all of
    /// them): the first <see cref="Capacity"/> record ids with what is wrong, and how many in
    /// all. Filled by the recovery (<see cref="MeterEngine"/>, <see cref="ProfileStore.Restore"/>),
    /// read by the host to tell the operator. Allocated once; adding allocates nothing.
    /// </summary>
    public sealed class CorruptRecordList
    {
        /// <summary>How many records are listed with their id; more are only counted.</summary>
        public const int Capacity = 16;

        private readonly int[] _records = new int[Capacity];
        private readonly RecordDamage[] _damage = new RecordDamage[Capacity];
        private int _count;

        /// <summary>Unusable records found (may exceed <see cref="Capacity"/>).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Records listed with their id: min(<see cref="Count"/>, <see cref="Capacity"/>).</summary>
        public int ListedCount
        {
            get { return _count < Capacity ? _count : Capacity; }
        }

        /// <summary>The record id of listed entry <paramref name="index"/> (0 .. <see cref="ListedCount"/> - 1).</summary>
        public int GetRecordId(int index)
        {
            return _records[index];
        }

        /// <summary>What is wrong with listed entry <paramref name="index"/>.</summary>
        public RecordDamage GetDamage(int index)
        {
            return _damage[index];
        }

        /// <summary>Records one unusable record.</summary>
        public void Add(int recordId, RecordDamage damage)
        {
            if (_count < Capacity)
            {
                _records[_count] = recordId;
                _damage[_count] = damage;
            }
            _count++;
        }

        /// <summary>Forgets every entry (a new recovery).</summary>
        public void Clear()
        {
            _count = 0;
        }
    }
}
