using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// The objects one association exposes, with per-attribute and per-method access rights
    /// (the content of Association LN attribute 2, object_list). Built at configuration time;
    /// lookups on the request path do not allocate.
    /// </summary>
    /// <remarks>
    /// <para>Parallel arrays, not an array of structs (nanoFramework boxes struct array
    /// elements). The access rights of all entries share one byte array: entry i's rights start
    /// at <c>_rightsOffset[i]</c> with its attribute count and method count, then one access
    /// byte per attribute and one per method. Two small arrays per entry would cost more in
    /// array headers than the rights themselves (docs/benchmarks.md).</para>
    /// <para>An entry added with <see cref="Add(CosemObject)"/> and never given rights stores
    /// none: it has the default rights (logical_name readable, nothing else), and a list whose
    /// entries all have the defaults (the logical device's directory) allocates no rights
    /// storage at all.</para>
    /// <para>Lookups: the entry indexes are also kept sorted by (class id, logical name), so
    /// <see cref="IndexOf(ushort, byte[], int)"/> (once per request) and the duplicate check in
    /// <see cref="Add(CosemObject)"/> are binary searches, O(log n) instead of a walk through the
    /// list; the index costs 2 bytes per entry of capacity. The list order (object_list order,
    /// the indexes <see cref="Add(CosemObject)"/> returns) stays the order of addition.</para>
    /// </remarks>
    public sealed class ObjectList
    {
        // Entry rights stored: attribute count, method count, then the access bytes.
        private const int RightsHeader = 2;
        // First rights buffer: room for this many bytes per entry of capacity (a Register
        // takes 2 + 3 + 1), so a list of ordinary objects never grows it.
        private const int RightsBytesPerEntry = 6;
        private const int NoRights = -1;

        // The most entries a list holds: _sorted stores indexes as ushort.
        private const int MaxCount = 0xFFFF;

        private CosemObject[] _objects;
        // Entry indexes ordered by class id, then logical name bytes A..F.
        private ushort[] _sorted;
        private int[] _rightsOffset;   // null while every entry has the default rights
        private byte[] _rights;
        private int _rightsLength;
        private int _count;

        /// <summary>Creates an empty list with room for <paramref name="capacity"/> objects (it grows at configuration time if needed).</summary>
        public ObjectList(int capacity)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }
            if (capacity > MaxCount)
            {
                capacity = MaxCount;
            }
            _objects = new CosemObject[capacity];
            _sorted = new ushort[capacity];
        }

        /// <summary>Number of objects in the list.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The object at <paramref name="index"/>.</summary>
        public CosemObject this[int index]
        {
            get { return _objects[index]; }
        }

        /// <summary>
        /// Adds <paramref name="obj"/> with the same access mode for every attribute except
        /// logical_name (always read) and the same access for every method. Configuration time only.
        /// </summary>
        /// <returns>The index of the object in the list.</returns>
        public int Add(CosemObject obj, AttributeAccess attributes, MethodAccess methods)
        {
            int index = Add(obj);
            int offset = StoreRights(index);
            int attributeCount = _rights[offset];
            int methodCount = _rights[offset + 1];
            int first = offset + RightsHeader;
            for (int i = 1; i < attributeCount; i++)
            {
                _rights[first + i] = (byte)attributes;
            }
            for (int i = 0; i < methodCount; i++)
            {
                _rights[first + attributeCount + i] = (byte)methods;
            }
            return index;
        }

        /// <summary>Adds <paramref name="obj"/> with logical_name readable and everything else no-access. Configuration time only.</summary>
        /// <returns>The index of the object in the list.</returns>
        /// <exception cref="ArgumentException">The list holds an object with the same class id and logical name, or the object has no attribute or more than 255 attributes or methods.</exception>
        /// <exception cref="InvalidOperationException">The list already holds 65535 objects.</exception>
        public int Add(CosemObject obj)
        {
            if (obj == null)
            {
                throw new ArgumentNullException();
            }
            int position;
            if (obj.AttributeCount < 1 || obj.AttributeCount > 255 || obj.MethodCount < 0 || obj.MethodCount > 255
                || Search(obj.ClassId, obj.LogicalName.Value, out position))
            {
                throw new ArgumentException();
            }
            if (_count == MaxCount)
            {
                throw new InvalidOperationException();
            }
            if (_count == _objects.Length)
            {
                Grow();
            }
            int index = _count;
            _objects[index] = obj;
            Array.Copy(_sorted, position, _sorted, position + 1, _count - position);
            _sorted[position] = (ushort)index;
            if (_rightsOffset != null)
            {
                _rightsOffset[index] = NoRights;
            }
            _count++;
            return index;
        }

        /// <summary>Sets the access mode of one attribute of the object at <paramref name="index"/>. Configuration time only.</summary>
        /// <exception cref="ArgumentOutOfRangeException">No such entry or attribute.</exception>
        public void SetAttributeAccess(int index, int attributeId, AttributeAccess access)
        {
            CheckIndex(index);
            int offset = StoreRights(index);
            if (attributeId < 1 || attributeId > _rights[offset])
            {
                throw new ArgumentOutOfRangeException();
            }
            _rights[offset + RightsHeader + attributeId - 1] = (byte)access;
        }

        /// <summary>Sets the access mode of one method of the object at <paramref name="index"/>. Configuration time only.</summary>
        /// <exception cref="ArgumentOutOfRangeException">No such entry or method.</exception>
        public void SetMethodAccess(int index, int methodId, MethodAccess access)
        {
            CheckIndex(index);
            int offset = StoreRights(index);
            if (methodId < 1 || methodId > _rights[offset + 1])
            {
                throw new ArgumentOutOfRangeException();
            }
            _rights[offset + RightsHeader + _rights[offset] + methodId - 1] = (byte)access;
        }

        /// <summary>Access mode of attribute <paramref name="attributeId"/> of the object at <paramref name="index"/>; no-access when the attribute does not exist.</summary>
        public AttributeAccess GetAttributeAccess(int index, int attributeId)
        {
            int offset = RightsOf(index);
            if (offset == NoRights)
            {
                return attributeId == CosemObject.LogicalNameAttribute ? AttributeAccess.Read : AttributeAccess.NoAccess;
            }
            if (attributeId < 1 || attributeId > _rights[offset])
            {
                return AttributeAccess.NoAccess;
            }
            return (AttributeAccess)_rights[offset + RightsHeader + attributeId - 1];
        }

        /// <summary>Access mode of method <paramref name="methodId"/> of the object at <paramref name="index"/>; no-access when the method does not exist.</summary>
        public MethodAccess GetMethodAccess(int index, int methodId)
        {
            int offset = RightsOf(index);
            if (offset == NoRights || methodId < 1 || methodId > _rights[offset + 1])
            {
                return MethodAccess.NoAccess;
            }
            return (MethodAccess)_rights[offset + RightsHeader + _rights[offset] + methodId - 1];
        }

        /// <summary>Index of the object with this class id and logical name; -1 when absent (or <paramref name="logicalName"/> is null).</summary>
        public int IndexOf(ushort classId, ObisCode logicalName)
        {
            return logicalName == null ? -1 : IndexOf(classId, logicalName.Value);
        }

        /// <summary>Index of the object with this class id and packed logical name (<see cref="ObisCode.Value"/>); -1 when absent. No allocation.</summary>
        public int IndexOf(ushort classId, long logicalName)
        {
            int position;
            if (Search(classId, logicalName, out position))
            {
                return _sorted[position];
            }
            return -1;
        }

        /// <summary>Index of the object with this class id and the logical name stored at <paramref name="buffer"/>[<paramref name="offset"/>..+6); -1 when absent. No allocation.</summary>
        public int IndexOf(ushort classId, byte[] buffer, int offset)
        {
            return IndexOf(classId, ObisCode.Pack(buffer, offset));
        }

        // Binary search of _sorted. True with the position of the entry when it is there; false
        // with the position where it would be inserted.
        private bool Search(ushort classId, long logicalName, out int position)
        {
            int low = 0;
            int high = _count - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                int order = Compare(_objects[_sorted[middle]], classId, logicalName);
                if (order == 0)
                {
                    position = middle;
                    return true;
                }
                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            position = low;
            return false;
        }

        // Order of the object against the key: class id first, then logical name bytes A..F,
        // which is the order of the packed values (A in the highest byte): one long compare, no
        // ObisCode copied or created.
        private static int Compare(CosemObject obj, ushort classId, long logicalName)
        {
            if (obj.ClassId != classId)
            {
                return obj.ClassId < classId ? -1 : 1;
            }
            long name = obj.LogicalName.Value;
            if (name == logicalName)
            {
                return 0;
            }
            return name < logicalName ? -1 : 1;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException();
            }
        }

        private int RightsOf(int index)
        {
            return _rightsOffset == null ? NoRights : _rightsOffset[index];
        }

        // The offset of entry index's stored rights; stores the defaults first if it has none.
        private int StoreRights(int index)
        {
            if (_rightsOffset == null)
            {
                _rightsOffset = new int[_objects.Length];
                for (int i = 0; i < _rightsOffset.Length; i++)
                {
                    _rightsOffset[i] = NoRights;
                }
                _rights = new byte[_objects.Length * RightsBytesPerEntry];
            }
            int offset = _rightsOffset[index];
            if (offset != NoRights)
            {
                return offset;
            }
            CosemObject obj = _objects[index];
            int attributeCount = obj.AttributeCount;
            int methodCount = obj.MethodCount;
            int size = RightsHeader + attributeCount + methodCount;
            if (_rightsLength + size > _rights.Length)
            {
                // Room for this entry and half as much again as the first sizing gave the entries
                // of capacity after it: doubling left most of a large list's buffer unused.
                int rest = (_objects.Length - index - 1) * RightsBytesPerEntry;
                byte[] rights = new byte[_rightsLength + size + rest + rest / 2];
                Array.Copy(_rights, rights, _rightsLength);
                _rights = rights;
            }
            offset = _rightsLength;
            _rights[offset] = (byte)attributeCount;
            _rights[offset + 1] = (byte)methodCount;
            // Defaults: logical_name read, every other attribute and every method no-access (0).
            _rights[offset + RightsHeader] = (byte)AttributeAccess.Read;
            _rightsLength += size;
            _rightsOffset[index] = offset;
            return offset;
        }

        private void Grow()
        {
            int n = _objects.Length * 2;
            if (n > MaxCount)
            {
                n = MaxCount;
            }
            CosemObject[] objects = new CosemObject[n];
            Array.Copy(_objects, objects, _count);
            _objects = objects;
            ushort[] sorted = new ushort[n];
            Array.Copy(_sorted, sorted, _count);
            _sorted = sorted;
            if (_rightsOffset != null)
            {
                int[] offsets = new int[n];
                Array.Copy(_rightsOffset, offsets, _count);
                _rightsOffset = offsets;
            }
        }
    }
}
