using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Register activation (Blue Book, class_id 6, version 0), normally 0.0.14.0.0.255: which of
    /// the registers it controls count now. The tariffication scripts switch its active mask
    /// (e.g. to "T1"), and the meter adds energy only to the registers of that mask.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 register_assignment (<c>array of structure {
    /// class_id long-unsigned, logical_name octet-string }</c>), 3 mask_list (<c>array of
    /// structure { mask_name octet-string, index_list array of unsigned }</c>; index i is the
    /// i-th register of register_assignment, from 1), 4 active_mask (octet-string: a mask_name).
    /// Methods: 1 add_register (an object definition), 2 add_mask (a mask; one with the same
    /// name is replaced), 3 delete_mask (a mask_name).</para>
    /// <para><see cref="IsActive"/>: a register the assignment does not list is always active
    /// (this object does not control it); a listed one is active when the active mask's index
    /// list holds its position. active_mask must name a mask in mask_list (a SET of another
    /// name is scope-of-access-violated), so energy never silently stops counting.</para>
    /// <para>Limits: <see cref="MaxRegisters"/> registers, <see cref="MaxMasks"/> masks, names of
    /// at most <see cref="MaxNameLength"/> bytes, <see cref="MaxIndexes"/> indexes per mask;
    /// more is scope-of-access-violated. A malformed value is type-unmatched.</para>
    /// </remarks>
    public sealed class RegisterActivation : CosemObject, IPersistentObject
    {
        /// <summary>Attribute indexes of Register activation (Blue Book IC 6).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>register_assignment.</summary>
            public const int RegisterAssignment = 2;

            /// <summary>mask_list.</summary>
            public const int MaskList = 3;

            /// <summary>active_mask.</summary>
            public const int ActiveMask = 4;
        }

        /// <summary>Method indexes of Register activation (Blue Book IC 6).</summary>
        public static class Methods
        {
            /// <summary>add_register.</summary>
            public const int AddRegister = 1;

            /// <summary>add_mask.</summary>
            public const int AddMask = 2;

            /// <summary>delete_mask.</summary>
            public const int DeleteMask = 3;
        }

        /// <summary>Most registers in register_assignment.</summary>
        public const int MaxRegisters = 12;

        /// <summary>Most masks in mask_list.</summary>
        public const int MaxMasks = 4;

        /// <summary>Longest mask_name.</summary>
        public const int MaxNameLength = 6;

        /// <summary>Most indexes in a mask's index_list.</summary>
        public const int MaxIndexes = 8;

        private const int RegisterCountOffset = 0;
        private const int MaskCountOffset = 1;
        private const int ActiveOffset = 2;       // length, then the name
        private const int RegistersOffset = ActiveOffset + 1 + MaxNameLength;
        private const int RegisterSize = 8;       // class id, logical name
        private const int MasksOffset = RegistersOffset + MaxRegisters * RegisterSize;
        private const int MaskSize = 2 + MaxNameLength + MaxIndexes;   // name length, name, index count, indexes
        private const int Length = MasksOffset + MaxMasks * MaskSize;
        private const byte PersistFormat = 1;

        private readonly byte[] _data = new byte[Length];
        private int _version;

        /// <summary>An empty register activation.</summary>
        public RegisterActivation(ObisCode logicalName)
            : base(CosemClassId.RegisterActivation, 0, logicalName)
        {
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 4; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 3; }
        }

        /// <summary>Changes whenever an assignment, a mask or the active mask changes (the meter then asks <see cref="IsActive"/> again).</summary>
        public int ConfigurationVersion
        {
            get { return _version; }
        }

        /// <summary>Configuration: appends a register to register_assignment.</summary>
        /// <exception cref="ArgumentException">No room.</exception>
        public void AddRegister(ushort classId, ObisCode logicalName)
        {
            if (logicalName == null || !PutRegister(classId, logicalName.Value))
            {
                throw new ArgumentException();
            }
            _version++;
        }

        /// <summary>Configuration: adds (or replaces) the mask <paramref name="name"/> (ASCII) with 1-based <paramref name="indexes"/>.</summary>
        /// <exception cref="ArgumentException">No room, a name too long, too many indexes.</exception>
        public void AddMask(string name, byte[] indexes)
        {
            byte[] bytes = Ascii(name);
            if (indexes == null || indexes.Length > MaxIndexes || !PutMask(bytes, 0, bytes.Length, indexes, 0, indexes.Length))
            {
                throw new ArgumentException();
            }
            _version++;
        }

        /// <summary>Configuration: makes <paramref name="name"/> the active mask.</summary>
        /// <exception cref="ArgumentException">No such mask.</exception>
        public void SetActiveMask(string name)
        {
            byte[] bytes = Ascii(name);
            if (FindMask(bytes, 0, bytes.Length) < 0)
            {
                throw new ArgumentException();
            }
            SetActive(bytes, 0, bytes.Length);
        }

        /// <summary>
        /// Whether the register (class, packed logical name) counts now: true when it is not in
        /// register_assignment; otherwise when the active mask lists its position.
        /// </summary>
        public bool IsActive(ushort classId, long logicalName)
        {
            int position = 0;
            int registers = _data[RegisterCountOffset];
            for (int i = 0; i < registers && position == 0; i++)
            {
                int r = RegistersOffset + i * RegisterSize;
                if (Packed.ReadUInt16(_data, r) == classId && ObisCode.Pack(_data, r + 2) == logicalName)
                {
                    position = i + 1;
                }
            }
            if (position == 0)
            {
                return true;
            }
            int mask = FindMask(_data, ActiveOffset + 1, _data[ActiveOffset]);
            if (mask < 0)
            {
                return false;
            }
            int count = _data[mask + 1 + MaxNameLength];
            for (int i = 0; i < count; i++)
            {
                if (_data[mask + 2 + MaxNameLength + i] == position)
                {
                    return true;
                }
            }
            return false;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            switch (attributeId)
            {
                case Attributes.RegisterAssignment:
                    int registers = _data[RegisterCountOffset];
                    writer.WriteArray(registers);
                    for (int i = 0; i < registers; i++)
                    {
                        int r = RegistersOffset + i * RegisterSize;
                        writer.WriteStructure(2);
                        writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(_data, r));
                        writer.WriteOctetString(_data, r + 2, ObisCode.Size);
                    }
                    break;
                case Attributes.MaskList:
                    int masks = _data[MaskCountOffset];
                    writer.WriteArray(masks);
                    for (int i = 0; i < masks; i++)
                    {
                        int m = MasksOffset + i * MaskSize;
                        int count = _data[m + 1 + MaxNameLength];
                        writer.WriteStructure(2);
                        writer.WriteOctetString(_data, m + 1, _data[m]);
                        writer.WriteArray(count);
                        for (int k = 0; k < count; k++)
                        {
                            writer.WriteUnsigned(_data[m + 2 + MaxNameLength + k]);
                        }
                    }
                    break;
                default:
                    writer.WriteOctetString(_data, ActiveOffset + 1, _data[ActiveOffset]);
                    break;
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            DataAccessResult result;
            switch (attributeId)
            {
                case Attributes.RegisterAssignment:
                    result = SetRegisters(value);
                    break;
                case Attributes.MaskList:
                    result = SetMasks(value);
                    break;
                default:
                    {
                        int name;
                        int length;
                        if (value.ReadOctetString(out name, out length) != AxdrStatus.Ok)
                        {
                            result = DataAccessResult.TypeUnmatched;
                        }
                        else if (FindMask(value.Buffer, name, length) < 0)
                        {
                            result = DataAccessResult.ScopeOfAccessViolated;
                        }
                        else
                        {
                            SetActive(value.Buffer, name, length);
                            return DataAccessResult.Success;
                        }
                        break;
                    }
            }
            if (result == DataAccessResult.Success)
            {
                _version++;
            }
            else
            {
                value.Position = start;
            }
            return result;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (parameters == null)
            {
                return ActionResult.TypeUnmatched;
            }
            int start = parameters.Position;
            ActionResult result;
            switch (methodId)
            {
                case Methods.AddRegister:
                    {
                        ushort classId;
                        long name;
                        if (!ReadRegister(parameters, out classId, out name))
                        {
                            result = ActionResult.TypeUnmatched;
                        }
                        else
                        {
                            result = PutRegister(classId, name) ? ActionResult.Success : ActionResult.ScopeOfAccessViolated;
                        }
                        break;
                    }
                case Methods.AddMask:
                    {
                        int name;
                        int nameLength;
                        int indexes;
                        int count;
                        if (!ReadMask(parameters, out name, out nameLength, out indexes, out count))
                        {
                            result = ActionResult.TypeUnmatched;
                        }
                        else
                        {
                            result = CopyMask(parameters, name, nameLength, indexes, count) ? ActionResult.Success : ActionResult.ScopeOfAccessViolated;
                        }
                        break;
                    }
                default:
                    {
                        int name;
                        int length;
                        if (parameters.ReadOctetString(out name, out length) != AxdrStatus.Ok)
                        {
                            result = ActionResult.TypeUnmatched;
                            break;
                        }
                        int mask = FindMask(parameters.Buffer, name, length);
                        if (mask >= 0)
                        {
                            int last = MasksOffset + (_data[MaskCountOffset] - 1) * MaskSize;
                            Packed.Move(_data, mask + MaskSize, mask, last - mask);
                            _data[MaskCountOffset]--;
                        }
                        result = ActionResult.Success;
                        break;
                    }
            }
            if (result == ActionResult.Success)
            {
                _version++;
            }
            else
            {
                parameters.Position = start;
            }
            return result;
        }

        private DataAccessResult SetRegisters(AxdrReader value)
        {
            int start = value.Position;
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            for (int i = 0; i < n; i++)
            {
                ushort classId;
                long name;
                if (!ReadRegister(value, out classId, out name))
                {
                    return DataAccessResult.TypeUnmatched;
                }
            }
            if (n > MaxRegisters)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            value.Position = start;
            value.ReadArray(out n);
            _data[RegisterCountOffset] = 0;
            for (int i = 0; i < n; i++)
            {
                ushort classId;
                long name;
                ReadRegister(value, out classId, out name);
                PutRegister(classId, name);
            }
            return DataAccessResult.Success;
        }

        private DataAccessResult SetMasks(AxdrReader value)
        {
            int start = value.Position;
            int n;
            if (value.ReadArray(out n) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            bool allowed = n <= MaxMasks;
            for (int i = 0; i < n; i++)
            {
                int name;
                int nameLength;
                int indexes;
                int count;
                if (!ReadMask(value, out name, out nameLength, out indexes, out count))
                {
                    return DataAccessResult.TypeUnmatched;
                }
                allowed &= nameLength <= MaxNameLength && count <= MaxIndexes;
            }
            if (!allowed)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            value.Position = start;
            value.ReadArray(out n);
            _data[MaskCountOffset] = 0;
            for (int i = 0; i < n; i++)
            {
                int name;
                int nameLength;
                int indexes;
                int count;
                ReadMask(value, out name, out nameLength, out indexes, out count);
                CopyMask(value, name, nameLength, indexes, count);
            }
            return DataAccessResult.Success;
        }

        private static bool ReadRegister(AxdrReader value, out ushort classId, out long name)
        {
            classId = 0;
            name = 0;
            int fields;
            return value.ReadStructure(out fields) == AxdrStatus.Ok && fields == 2
                && value.ReadLongUnsigned(out classId) == AxdrStatus.Ok && value.ReadObis(out name) == AxdrStatus.Ok;
        }

        // A mask: where its name is, and where its index list starts (the reader is left after the mask).
        private static bool ReadMask(AxdrReader value, out int name, out int nameLength, out int indexes, out int count)
        {
            name = 0;
            nameLength = 0;
            indexes = 0;
            count = 0;
            int fields;
            if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 2
                || value.ReadOctetString(out name, out nameLength) != AxdrStatus.Ok
                || value.ReadArray(out count) != AxdrStatus.Ok)
            {
                return false;
            }
            indexes = value.Position;
            for (int k = 0; k < count; k++)
            {
                byte index;
                if (value.ReadUnsigned(out index) != AxdrStatus.Ok)
                {
                    return false;
                }
            }
            return true;
        }

        // Stores a mask read by ReadMask (its indexes are "11 nn" pairs in the reader's buffer).
        private bool CopyMask(AxdrReader value, int name, int nameLength, int indexes, int count)
        {
            byte[] scratch = value.Buffer;
            int mask = MaskSlot(scratch, name, nameLength, count);
            if (mask < 0)
            {
                return false;
            }
            for (int k = 0; k < count; k++)
            {
                _data[mask + 2 + MaxNameLength + k] = scratch[indexes + 2 * k + 1];
            }
            return true;
        }

        private bool PutMask(byte[] name, int nameOffset, int nameLength, byte[] indexes, int indexOffset, int count)
        {
            int mask = MaskSlot(name, nameOffset, nameLength, count);
            if (mask < 0)
            {
                return false;
            }
            Array.Copy(indexes, indexOffset, _data, mask + 2 + MaxNameLength, count);
            return true;
        }

        // The slot of the mask called 'name' (a new one when there is none yet) with its name and
        // index count written; -1 when the name or the count is too long or the list is full.
        private int MaskSlot(byte[] name, int nameOffset, int nameLength, int count)
        {
            if (nameLength > MaxNameLength || count > MaxIndexes)
            {
                return -1;
            }
            int mask = FindMask(name, nameOffset, nameLength);
            if (mask < 0)
            {
                if (_data[MaskCountOffset] == MaxMasks)
                {
                    return -1;
                }
                mask = MasksOffset + _data[MaskCountOffset] * MaskSize;
                _data[MaskCountOffset]++;
            }
            _data[mask] = (byte)nameLength;
            Array.Copy(name, nameOffset, _data, mask + 1, nameLength);
            _data[mask + 1 + MaxNameLength] = (byte)count;
            return mask;
        }

        private bool PutRegister(ushort classId, long name)
        {
            int n = _data[RegisterCountOffset];
            if (n == MaxRegisters)
            {
                return false;
            }
            int r = RegistersOffset + n * RegisterSize;
            Packed.WriteUInt16(_data, r, classId);
            ObisCode.Unpack(name, _data, r + 2);
            _data[RegisterCountOffset] = (byte)(n + 1);
            return true;
        }

        // Offset of the mask named by the bytes, -1 when absent.
        private int FindMask(byte[] name, int offset, int length)
        {
            if (length > MaxNameLength)
            {
                return -1;
            }
            int masks = _data[MaskCountOffset];
            for (int i = 0; i < masks; i++)
            {
                int m = MasksOffset + i * MaskSize;
                if (_data[m] == length && Packed.Equal(_data, m + 1, name, offset, length))
                {
                    return m;
                }
            }
            return -1;
        }

        private void SetActive(byte[] name, int offset, int length)
        {
            _data[ActiveOffset] = (byte)length;
            Array.Copy(name, offset, _data, ActiveOffset + 1, length);
            _version++;
        }

        private static byte[] Ascii(string name)
        {
            if (name == null || name.Length > MaxNameLength)
            {
                throw new ArgumentException();
            }
            byte[] bytes = new byte[name.Length];
            for (int i = 0; i < name.Length; i++)
            {
                bytes[i] = (byte)name[i];
            }
            return bytes;
        }

        /// <inheritdoc />
        public int PersistedLength
        {
            get { return 1 + Length; }
        }

        /// <inheritdoc />
        public int Save(byte[] buffer, int offset)
        {
            return Packed.SaveRecord(PersistFormat, _data, Length, buffer, offset);
        }

        /// <inheritdoc />
        public bool Restore(byte[] buffer, int offset, int length)
        {
            if (!Packed.IsRecord(PersistFormat, Length, buffer, offset, length) || buffer[offset + 1 + RegisterCountOffset] > MaxRegisters
                || buffer[offset + 1 + MaskCountOffset] > MaxMasks || buffer[offset + 1 + ActiveOffset] > MaxNameLength)
            {
                return false;
            }
            Array.Copy(buffer, offset + 1, _data, 0, Length);
            _version++;
            return true;
        }
    }
}
