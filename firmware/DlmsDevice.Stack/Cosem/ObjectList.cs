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
    /// Parallel arrays, not an array of structs (nanoFramework boxes struct array elements).
    /// Access rights of object i are <c>_attributeAccess[i][attributeId - 1]</c> and
    /// <c>_methodAccess[i][methodId - 1]</c>.
    /// </remarks>
    public sealed class ObjectList
    {
        private CosemObject[] _objects;
        private byte[][] _attributeAccess;
        private byte[][] _methodAccess;
        private int _count;

        /// <summary>Creates an empty list with room for <paramref name="capacity"/> objects (it grows at configuration time if needed).</summary>
        public ObjectList(int capacity)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }
            _objects = new CosemObject[capacity];
            _attributeAccess = new byte[capacity][];
            _methodAccess = new byte[capacity][];
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
            byte[] a = _attributeAccess[index];
            for (int i = 1; i < a.Length; i++)
            {
                a[i] = (byte)attributes;
            }
            byte[] m = _methodAccess[index];
            for (int i = 0; i < m.Length; i++)
            {
                m[i] = (byte)methods;
            }
            return index;
        }

        /// <summary>Adds <paramref name="obj"/> with logical_name readable and everything else no-access. Configuration time only.</summary>
        /// <returns>The index of the object in the list.</returns>
        public int Add(CosemObject obj)
        {
            if (obj == null)
            {
                throw new ArgumentNullException();
            }
            if (IndexOf(obj.ClassId, obj.LogicalName) >= 0)
            {
                throw new ArgumentException();
            }
            if (_count == _objects.Length)
            {
                Grow();
            }
            int index = _count;
            _objects[index] = obj;
            _attributeAccess[index] = new byte[obj.AttributeCount];
            _attributeAccess[index][0] = (byte)AttributeAccess.Read;
            _methodAccess[index] = new byte[obj.MethodCount];
            _count++;
            return index;
        }

        /// <summary>Sets the access mode of one attribute of the object at <paramref name="index"/>. Configuration time only.</summary>
        public void SetAttributeAccess(int index, int attributeId, AttributeAccess access)
        {
            _attributeAccess[index][attributeId - 1] = (byte)access;
        }

        /// <summary>Sets the access mode of one method of the object at <paramref name="index"/>. Configuration time only.</summary>
        public void SetMethodAccess(int index, int methodId, MethodAccess access)
        {
            _methodAccess[index][methodId - 1] = (byte)access;
        }

        /// <summary>Access mode of attribute <paramref name="attributeId"/> of the object at <paramref name="index"/>; no-access when the attribute does not exist.</summary>
        public AttributeAccess GetAttributeAccess(int index, int attributeId)
        {
            byte[] a = _attributeAccess[index];
            if (attributeId < 1 || attributeId > a.Length)
            {
                return AttributeAccess.NoAccess;
            }
            return (AttributeAccess)a[attributeId - 1];
        }

        /// <summary>Access mode of method <paramref name="methodId"/> of the object at <paramref name="index"/>; no-access when the method does not exist.</summary>
        public MethodAccess GetMethodAccess(int index, int methodId)
        {
            byte[] m = _methodAccess[index];
            if (methodId < 1 || methodId > m.Length)
            {
                return MethodAccess.NoAccess;
            }
            return (MethodAccess)m[methodId - 1];
        }

        /// <summary>Index of the object with this class id and logical name; -1 when absent.</summary>
        public int IndexOf(ushort classId, ObisCode logicalName)
        {
            for (int i = 0; i < _count; i++)
            {
                CosemObject o = _objects[i];
                if (o.ClassId == classId && o.LogicalName.Equals(logicalName))
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>Index of the object with this class id and the logical name stored at <paramref name="buffer"/>[<paramref name="offset"/>..+6); -1 when absent. No allocation.</summary>
        public int IndexOf(ushort classId, byte[] buffer, int offset)
        {
            for (int i = 0; i < _count; i++)
            {
                CosemObject o = _objects[i];
                if (o.ClassId == classId && o.LogicalName.EqualsBytes(buffer, offset))
                {
                    return i;
                }
            }
            return -1;
        }

        private void Grow()
        {
            int n = _objects.Length * 2;
            CosemObject[] objects = new CosemObject[n];
            byte[][] attributes = new byte[n][];
            byte[][] methods = new byte[n][];
            Array.Copy(_objects, objects, _count);
            Array.Copy(_attributeAccess, attributes, _count);
            Array.Copy(_methodAccess, methods, _count);
            _objects = objects;
            _attributeAccess = attributes;
            _methodAccess = methods;
        }
    }
}
