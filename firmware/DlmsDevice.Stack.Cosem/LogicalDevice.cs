using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// A COSEM logical device (Green Book 4.1.4): its address (server SAP), its name, the
    /// directory of all its objects and its Association LN objects, one per client SAP.
    /// Built at configuration time; lookups on the request path do not allocate.
    /// </summary>
    /// <remarks>
    /// The logical device name (COSEM logical device name, e.g. 3 letters of the manufacturer
    /// id plus up to 13 characters) is the octet-string value of the Data object
    /// 0.0.42.0.0.255, which the constructor creates and puts in the directory; every logical
    /// device must expose it. Association LN objects added with <see cref="Add"/> are also
    /// indexed by client SAP for <see cref="FindAssociation"/>.
    /// </remarks>
    public sealed class LogicalDevice
    {
        /// <summary>Address of the management logical device (Green Book: reserved SAP 1).</summary>
        public const int ManagementLogicalDeviceAddress = 1;

        private readonly int _address;
        private readonly Data _name;
        private readonly ObjectList _objects;
        private AssociationLogicalName[] _associations;
        private int _associationCount;

        /// <summary>
        /// Creates a logical device at <paramref name="address"/> named <paramref name="name"/>
        /// (stored as an octet-string of at most max(16, name length) bytes), with room for
        /// <paramref name="capacity"/> objects (it grows at configuration time if needed).
        /// </summary>
        public LogicalDevice(int address, string name, int capacity)
        {
            if (name == null)
            {
                throw new ArgumentNullException();
            }
            if (address < 0 || address > 0x3FFF)
            {
                throw new ArgumentOutOfRangeException();
            }
            _address = address;
            CosemValue value = new CosemValue(DataType.OctetString, name.Length > 16 ? name.Length : 16);
            if (!value.SetString(name))
            {
                throw new ArgumentException();
            }
            _name = new Data(new ObisCode(0, 0, 42, 0, 0, 255), value);
            _objects = new ObjectList(capacity);
            _objects.Add(_name);
            _associations = new AssociationLogicalName[4];
        }

        /// <summary>The logical device address (server SAP / HDLC upper address / wrapper wPort).</summary>
        public int Address
        {
            get { return _address; }
        }

        /// <summary>The logical device name object 0.0.42.0.0.255 (its value is the name).</summary>
        public Data Name
        {
            get { return _name; }
        }

        /// <summary>Every object of the logical device (a directory keyed by class id + logical name). Its entries carry no access rights and store none: the directory costs one reference per object.</summary>
        public ObjectList Objects
        {
            get { return _objects; }
        }

        /// <summary>Number of Association LN objects (client SAPs served).</summary>
        public int AssociationCount
        {
            get { return _associationCount; }
        }

        /// <summary>The Association LN object at <paramref name="index"/> (0-based, in the order added).</summary>
        public AssociationLogicalName GetAssociation(int index)
        {
            if (index < 0 || index >= _associationCount)
            {
                throw new ArgumentOutOfRangeException();
            }
            return _associations[index];
        }

        /// <summary>
        /// Adds <paramref name="obj"/> to the directory; an <see cref="AssociationLogicalName"/>
        /// is also indexed by its client SAP. Configuration time only.
        /// </summary>
        /// <exception cref="ArgumentException">An object with the same class id and logical name, or an association for the same client SAP, is already there.</exception>
        public void Add(CosemObject obj)
        {
            AssociationLogicalName association = obj as AssociationLogicalName;
            if (association != null && FindAssociation(association.ClientSap) != null)
            {
                throw new ArgumentException();
            }
            _objects.Add(obj);
            if (association != null)
            {
                if (_associationCount == _associations.Length)
                {
                    AssociationLogicalName[] grown = new AssociationLogicalName[_associations.Length * 2];
                    Array.Copy(_associations, grown, _associationCount);
                    _associations = grown;
                }
                _associations[_associationCount++] = association;
            }
        }

        /// <summary>The Association LN object serving <paramref name="clientSap"/>; null when this logical device does not accept that client.</summary>
        public AssociationLogicalName FindAssociation(int clientSap)
        {
            for (int i = 0; i < _associationCount; i++)
            {
                if (_associations[i].ClientSap == clientSap)
                {
                    return _associations[i];
                }
            }
            return null;
        }

        /// <summary>The object with this class id and logical name; null when absent.</summary>
        public CosemObject Find(ushort classId, ObisCode logicalName)
        {
            int index = _objects.IndexOf(classId, logicalName);
            return index < 0 ? null : _objects[index];
        }

        /// <summary>The object with this class id and the logical name at <paramref name="buffer"/>[<paramref name="offset"/>..+6); null when absent. No allocation.</summary>
        public CosemObject Find(ushort classId, byte[] buffer, int offset)
        {
            int index = _objects.IndexOf(classId, buffer, offset);
            return index < 0 ? null : _objects[index];
        }
    }
}
