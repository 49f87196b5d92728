using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Profile generic (Blue Book 4.3.6, class_id 7, version 1): a buffer of rows, each the values
    /// of the capture objects taken at one capture, e.g. the load profile 1.0.99.1.0.255.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 buffer (array of structures, one per row, in
    /// capture_objects order), 3 capture_objects (array of <c>02 04 12 class 09 06 LN 0F attr
    /// 12 data_index</c>), 4 capture_period (double-long-unsigned seconds; 0 = no automatic
    /// capture), 5 sort_method (enum; only 1 fifo), 6 sort_object (a capture object definition;
    /// all zeros = unsorted), 7 entries_in_use, 8 profile_entries (double-long-unsigned). Methods:
    /// 1 reset (clears the buffer), 2 capture (takes one row now); both take
    /// <c>data ::= integer(0)</c>.</para>
    /// <para><b>Storage.</b> The rows live in a ring (FIFO: when full, a capture overwrites the
    /// oldest row) kept by an <see cref="IProfileRowStorage"/>: one byte array in RAM
    /// (<see cref="RamRowStorage"/>, what the buffer-size constructor makes) or chunk records in
    /// non-volatile storage behind a RAM cache of a chunk or two (the meter's store-backed ring).
    /// Each column has a fixed-width slot holding the column's A-XDR Data encoding exactly as the
    /// capture object wrote it, so a read copies bytes and a capture encodes straight into the
    /// slot: no row objects, no allocation. The slot width is chosen at configuration
    /// (see <see cref="AddCaptureObject(CosemObject, int, int)"/>); a value that does not fit its
    /// slot at capture time, or an attribute whose read fails, is stored as null-data (<c>00</c>).
    /// The number of rows the ring holds is <see cref="ProfileEntries"/>, at most
    /// <see cref="MaxProfileEntries"/> (what the storage can hold of this row width). A row the
    /// storage cannot read (a failing store) is answered with hardware-fault.</para>
    /// <para><b>Capture.</b> The metering engine calls <see cref="Capture(CosemContext)"/> at
    /// every <see cref="CapturePeriod"/> boundary (or on events); this object keeps no timer.</para>
    /// <para><b>Rows are numbered by capture.</b> Every captured row gets the next sequence
    /// number; the ring holds sequences <c>oldest .. next-1</c>. Selections for a block read are
    /// kept as sequence numbers in the <see cref="ArrayCursor"/>, so rows captured while a long
    /// read is in progress are not part of it, and a row that is overwritten (or cleared by
    /// reset or reconfiguration) before it was sent makes <see cref="WriteArrayElement"/>
    /// answer temporary-failure, which aborts the read rather than send a wrong row. Sequence
    /// numbers are int: 2^31 captures (68 years at one per second) before they wrap.</para>
    /// <para><b>Changes that clear the buffer</b> (Blue Book: the buffer no longer matches):
    /// capture_objects and profile_entries, by SET or by the configuration API.</para>
    /// <para>Selective access (selectors 1 range and 2 entry) is described in
    /// ProfileGeneric.Selection.cs and ProfileGeneric.Range.cs; design notes in ProfileGeneric.md.
    /// Not synchronised: capture and read from the thread that serves requests.</para>
    /// </remarks>
    public sealed partial class ProfileGeneric : CosemObject
    {
        /// <summary>Attribute indexes of Profile generic (Blue Book IC 7, version 1).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>buffer (array of rows; selective access by range or entry).</summary>
            public const int Buffer = 2;

            /// <summary>capture_objects (array of capture_object_definition).</summary>
            public const int CaptureObjects = 3;

            /// <summary>capture_period (double-long-unsigned, seconds; 0 = no automatic capture).</summary>
            public const int CapturePeriod = 4;

            /// <summary>sort_method (enum).</summary>
            public const int SortMethod = 5;

            /// <summary>sort_object (capture_object_definition).</summary>
            public const int SortObject = 6;

            /// <summary>entries_in_use (double-long-unsigned).</summary>
            public const int EntriesInUse = 7;

            /// <summary>profile_entries (double-long-unsigned).</summary>
            public const int ProfileEntries = 8;
        }

        /// <summary>Method indexes of Profile generic (Blue Book IC 7, version 1).</summary>
        public static class Methods
        {
            /// <summary>reset.</summary>
            public const int Reset = 1;

            /// <summary>capture.</summary>
            public const int Capture = 2;
        }

        /// <summary>sort_method fifo (1), the only one supported.</summary>
        public const byte SortMethodFifo = 1;

        /// <summary>Most capture objects (columns) a profile can have: column selections are a 32-bit mask.</summary>
        public const int MaxColumns = 32;

        /// <summary>
        /// Bytes of the scratch buffer used to measure a column's width (when it is neither given
        /// nor known from the value holder) and to capture attributes read with data_index &gt; 0:
        /// such attributes must encode in this many bytes.
        /// </summary>
        public const int ScratchSize = 256;

        private IProfileRowStorage _rows;
        private readonly int _maxColumns;

        // Columns (capture objects), parallel arrays.
        private readonly CosemObject[] _objects;
        private readonly int[] _attributes;
        private readonly int[] _dataIndexes;
        private readonly int[] _widths;
        private readonly int[] _offsets;
        private int _columnCount;
        private int _rowWidth;

        // A SET of capture_objects is decoded here first and committed only when all of it is valid.
        private readonly CosemObject[] _pendingObjects;
        private readonly int[] _pendingAttributes;
        private readonly int[] _pendingDataIndexes;
        private readonly int[] _pendingWidths;

        // Ring: sequence numbers _oldestSeq.._nextSeq-1 are held; where their bytes are is the row storage's business.
        private int _requestedEntries;
        private int _capacity;
        private int _nextSeq;
        private int _oldestSeq;

        private uint _capturePeriod;
        private bool _captureOnRead;
        private ushort _sortClassId;
        private long _sortName;       // packed (ObisCode.Value), so that a SET stores it without allocating
        private sbyte _sortAttribute;
        private ushort _sortDataIndex;
        private Clock _clock;

        // Scratch, reader, writer, own context, cursor and the range selection's date-times:
        // shared by the profiles of one meter (ProfileWorkspace).
        private readonly ProfileWorkspace _workspace;

        /// <summary>
        /// Creates an empty profile (no capture objects, capture_period 0, fifo) whose rows share
        /// <paramref name="bufferBytes"/> bytes of RAM (a <see cref="RamRowStorage"/>), allocated now.
        /// </summary>
        /// <param name="logicalName">E.g. 1.0.99.1.0.255 (load profile).</param>
        /// <param name="maxCaptureObjects">Most columns (1..<see cref="MaxColumns"/>), also the limit for a SET of capture_objects.</param>
        /// <param name="bufferBytes">Bytes for all rows: entries × row width (see <see cref="RowWidth"/>).</param>
        /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
        public ProfileGeneric(ObisCode logicalName, int maxCaptureObjects, int bufferBytes)
            : this(logicalName, maxCaptureObjects, new RamRowStorage(bufferBytes))
        {
        }

        /// <summary>
        /// Creates an empty profile (no capture objects, capture_period 0, fifo) whose rows are
        /// kept by <paramref name="rows"/> (e.g. a ring of chunk records in non-volatile storage).
        /// </summary>
        /// <param name="logicalName">E.g. 1.0.99.1.0.255 (load profile).</param>
        /// <param name="maxCaptureObjects">Most columns (1..<see cref="MaxColumns"/>), also the limit for a SET of capture_objects.</param>
        /// <param name="rows">Where the rows are kept; used by this profile only.</param>
        /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
        public ProfileGeneric(ObisCode logicalName, int maxCaptureObjects, IProfileRowStorage rows)
            : this(logicalName, maxCaptureObjects, rows, null)
        {
        }

        /// <summary>
        /// Creates an empty profile whose rows are kept by <paramref name="rows"/>, sharing
        /// <paramref name="workspace"/> with the other profiles of the meter (null = one of its
        /// own): they must never be called at the same time (one meter's lock).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
        public ProfileGeneric(ObisCode logicalName, int maxCaptureObjects, IProfileRowStorage rows, ProfileWorkspace workspace)
            : base(CosemClassId.ProfileGeneric, 1, logicalName)
        {
            if (maxCaptureObjects < 1 || maxCaptureObjects > MaxColumns)
            {
                throw new ArgumentOutOfRangeException();
            }
            if (rows == null)
            {
                throw new ArgumentNullException();
            }
            _maxColumns = maxCaptureObjects;
            _rows = rows;
            _objects = new CosemObject[maxCaptureObjects];
            _attributes = new int[maxCaptureObjects];
            _dataIndexes = new int[maxCaptureObjects];
            _widths = new int[maxCaptureObjects];
            _offsets = new int[maxCaptureObjects];
            _pendingObjects = new CosemObject[maxCaptureObjects];
            _pendingAttributes = new int[maxCaptureObjects];
            _pendingDataIndexes = new int[maxCaptureObjects];
            _pendingWidths = new int[maxCaptureObjects];
            _workspace = workspace != null ? workspace : new ProfileWorkspace();
        }

        // ----------------------------------------------------------------------------------
        // Configuration.
        // ----------------------------------------------------------------------------------

        /// <summary>Number of capture objects (columns).</summary>
        public int CaptureObjectCount
        {
            get { return _columnCount; }
        }

        /// <summary>The object captured in column <paramref name="column"/> (0-based).</summary>
        public CosemObject GetCaptureObject(int column)
        {
            CheckColumn(column);
            return _objects[column];
        }

        /// <summary>The attribute captured in column <paramref name="column"/>.</summary>
        public int GetCaptureAttribute(int column)
        {
            CheckColumn(column);
            return _attributes[column];
        }

        /// <summary>The data_index of column <paramref name="column"/> (0 = the whole attribute).</summary>
        public int GetCaptureDataIndex(int column)
        {
            CheckColumn(column);
            return _dataIndexes[column];
        }

        /// <summary>The slot width of column <paramref name="column"/>: the most bytes its encoded value may take.</summary>
        public int GetColumnWidth(int column)
        {
            CheckColumn(column);
            return _widths[column];
        }

        /// <summary>Bytes per row: the sum of the column widths.</summary>
        public int RowWidth
        {
            get { return _rowWidth; }
        }

        /// <summary>Most rows the buffer can hold with the current columns (0 without columns): what the row storage holds of <see cref="RowWidth"/>.</summary>
        public int MaxProfileEntries
        {
            get { return _rowWidth == 0 ? 0 : _rows.MaxRows(_rowWidth); }
        }

        /// <summary>Where the rows are kept.</summary>
        public IProfileRowStorage RowStorage
        {
            get { return _rows; }
        }

        /// <summary>
        /// Keeps the rows in <paramref name="rows"/> from now on (configuration time: e.g. the
        /// meter chooses RAM or its store at start-up) and clears the buffer. profile_entries
        /// stays as set, but never more than the new storage holds.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
        public void UseRowStorage(IProfileRowStorage rows)
        {
            if (rows == null)
            {
                throw new ArgumentNullException();
            }
            _rows = rows;
            Relayout();
        }

        /// <summary>
        /// profile_entries (attribute 8): the rows the ring keeps. Until set it is
        /// <see cref="MaxProfileEntries"/>; once set it is kept, but never more than
        /// <see cref="MaxProfileEntries"/> (adding columns can lower it). Setting it clears the buffer.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">Below 1, or above <see cref="MaxProfileEntries"/> once columns exist.</exception>
        public int ProfileEntries
        {
            get { return _capacity; }
            set
            {
                if (value < 1 || (_columnCount > 0 && value > MaxProfileEntries))
                {
                    throw new ArgumentOutOfRangeException();
                }
                _requestedEntries = value;
                Relayout();
            }
        }

        /// <summary>entries_in_use (attribute 7): rows in the buffer now.</summary>
        public int EntriesInUse
        {
            get { return _nextSeq - _oldestSeq; }
        }

        /// <summary>Rows captured since construction (the next row's sequence number); resets and overwrites do not lower it.</summary>
        public int CaptureCount
        {
            get { return _nextSeq; }
        }

        /// <summary>
        /// True: every read of the buffer (attribute 2, any selector) first captures one row, so a
        /// client reads the capture objects' present values (a snapshot profile: capture_period 0,
        /// profile_entries 1, as the instantaneous and scaler profiles of IS 15959 meters are read).
        /// The capture happens once per GET, not for each block of a long read.
        /// </summary>
        public bool CaptureOnRead
        {
            get { return _captureOnRead; }
            set { _captureOnRead = value; }
        }

        /// <summary>capture_period (attribute 4) in seconds; 0 = captures only on demand. The engine acts on it.</summary>
        public uint CapturePeriod
        {
            get { return _capturePeriod; }
            set { _capturePeriod = value; }
        }

        /// <summary>sort_method (attribute 5): always <see cref="SortMethodFifo"/>.</summary>
        public byte SortMethod
        {
            get { return SortMethodFifo; }
        }

        /// <summary>
        /// The clock used to read date-times without a deviation (0x8000) as local time when the
        /// column they are compared with is not itself a <see cref="Stack.Cosem.Clock"/>. Null = such
        /// date-times are taken as UTC.
        /// </summary>
        public Clock Clock
        {
            get { return _clock; }
            set { _clock = value; }
        }

        /// <summary>
        /// Adds a column capturing <paramref name="attributeId"/> of <paramref name="obj"/>, with
        /// the slot width from the width rules, and clears the buffer.
        /// </summary>
        /// <remarks>
        /// Width rules (bytes of the tagged encoding): the value attributes of Data (2), Register
        /// and Extended register (2; status 4) and Demand register (2, 3, 4) take their
        /// <see cref="CosemValue"/>'s largest encoding (<see cref="EncodedSize(CosemValue)"/>:
        /// e.g. double-long-unsigned 5, long-unsigned 3, float32 5, octet-string of at most n
        /// bytes 1 + length size + n); Clock time (2) takes 14 (<c>09 0C</c> + 12). Anything
        /// else is read once now and takes the length it had (so it must be fixed-size, and fit
        /// <see cref="ScratchSize"/>); use the overload with a width for variable-length values.
        /// data_index &gt; 0 picks element n of a structure or array attribute.
        /// </remarks>
        /// <exception cref="ArgumentException">No width can be found (read failed or too long), the attribute does not exist, the object is this profile, or the columns are full.</exception>
        public void AddCaptureObject(CosemObject obj, int attributeId, int dataIndex)
        {
            CheckNewColumn(obj, attributeId, dataIndex);
            int width = DefaultWidth(obj, attributeId, dataIndex);
            if (width <= 0)
            {
                throw new ArgumentException();
            }
            AppendColumn(obj, attributeId, dataIndex, width);
        }

        /// <summary>
        /// Adds a column with an explicit slot width: the most bytes the tagged encoding of the
        /// value may take (values that turn out longer are stored as null-data).
        /// </summary>
        /// <exception cref="ArgumentException">Bad arguments, the object is this profile, or the columns are full.</exception>
        public void AddCaptureObject(CosemObject obj, int attributeId, int dataIndex, int width)
        {
            CheckNewColumn(obj, attributeId, dataIndex);
            if (width < 1 || _rows.MaxRows(width) < 1)
            {
                throw new ArgumentOutOfRangeException();
            }
            AppendColumn(obj, attributeId, dataIndex, width);
        }

        /// <summary>Removes every column and clears the buffer.</summary>
        public void ClearCaptureObjects()
        {
            for (int i = 0; i < _columnCount; i++)
            {
                _objects[i] = null;
            }
            _columnCount = 0;
            _rowWidth = 0;
            Relayout();
        }

        /// <summary>Sets sort_object (attribute 6); has no effect on a fifo buffer. All zeros = none.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="logicalName"/> is null.</exception>
        public void SetSortObject(ushort classId, ObisCode logicalName, sbyte attributeId, ushort dataIndex)
        {
            if (logicalName == null)
            {
                throw new ArgumentNullException();
            }
            SetSortObject(classId, logicalName.Value, attributeId, dataIndex);
        }

        // The same with the packed logical name, as a SET of sort_object reads it.
        private void SetSortObject(ushort classId, long logicalName, sbyte attributeId, ushort dataIndex)
        {
            _sortClassId = classId;
            _sortName = logicalName;
            _sortAttribute = attributeId;
            _sortDataIndex = dataIndex;
        }

        private void CheckColumn(int column)
        {
            if (column < 0 || column >= _columnCount)
            {
                throw new ArgumentOutOfRangeException();
            }
        }

        private void CheckNewColumn(CosemObject obj, int attributeId, int dataIndex)
        {
            if (obj == null)
            {
                throw new ArgumentNullException();
            }
            if (_columnCount >= _maxColumns || !IsCapturable(obj, attributeId, dataIndex))
            {
                throw new ArgumentException();
            }
        }

        private bool IsCapturable(CosemObject obj, int attributeId, int dataIndex)
        {
            // Capturing our own buffer would recurse.
            return obj != this && attributeId >= 1 && attributeId <= obj.AttributeCount
                && dataIndex >= 0 && dataIndex <= 0xFFFF;
        }

        private void AppendColumn(CosemObject obj, int attributeId, int dataIndex, int width)
        {
            if (_rows.MaxRows(_rowWidth + width) < 1)
            {
                throw new ArgumentException();
            }
            _objects[_columnCount] = obj;
            _attributes[_columnCount] = attributeId;
            _dataIndexes[_columnCount] = dataIndex;
            _widths[_columnCount] = width;
            _offsets[_columnCount] = _rowWidth;
            _rowWidth += width;
            _columnCount++;
            Relayout();
        }

        /// <summary>Recomputes the capacity and clears the buffer (the storage starts again at the next sequence number).</summary>
        private void Relayout()
        {
            int max = MaxProfileEntries;
            _capacity = _requestedEntries == 0 || _requestedEntries > max ? max : _requestedEntries;
            _oldestSeq = _nextSeq;
            _rows.Clear(_rowWidth, _capacity, _nextSeq);
        }
    }
}
