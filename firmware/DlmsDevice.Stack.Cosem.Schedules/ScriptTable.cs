using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Script table (Blue Book, class_id 9, version 0): numbered scripts, each a list of
    /// actions (write an attribute, invoke a method) on the meter's objects, e.g. the tariffication
    /// script table 0.0.10.0.100.255 or the end-of-billing script table 0.0.10.0.1.255.
    /// </summary>
    /// <remarks>
    /// <para>Attributes: 1 logical_name, 2 scripts: <c>array of structure { script_identifier
    /// long-unsigned, actions array of structure { service_id enum (1 write_attribute,
    /// 2 execute_specific_method), class_id long-unsigned, logical_name octet-string, index
    /// integer, parameter (any Data) } }</c>. Method 1 execute (data long-unsigned: the
    /// script_identifier).</para>
    /// <para>Storage: one byte array of fixed capacity holding the scripts compactly (script:
    /// id u16, action count u8; action: service u8, class id u16, logical name 6, index u8,
    /// parameter length u16, the parameter's A-XDR bytes as received). A SET is checked whole
    /// before anything is stored: a malformed value is type-unmatched, one that does not fit the
    /// capacity, uses a service other than 1 and 2, or the reserved identifier 0, is
    /// scope-of-access-violated, and the table keeps its scripts.</para>
    /// <para>Execution (<see cref="Execute"/>): identifier 0 is the null script (Blue Book:
    /// nothing to do); an identifier the table does not hold is scope-of-access-violated. Each
    /// action runs through the <see cref="ScriptRunner"/> on whatever object it names; an action
    /// that fails (no such object, a refused value) is counted there and the script goes on.</para>
    /// </remarks>
    public sealed class ScriptTable : CosemObject, IPersistentObject
    {
        /// <summary>Attribute indexes of Script table (Blue Book IC 9).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>scripts.</summary>
            public const int Scripts = 2;
        }

        /// <summary>Method indexes of Script table (Blue Book IC 9).</summary>
        public static class Methods
        {
            /// <summary>execute.</summary>
            public const int Execute = 1;
        }

        private const int ScriptHeader = 3;
        private const int ActionHeader = 12;
        private const byte PersistFormat = 1;

        private readonly ScriptRunner _runner;
        private readonly byte[] _data;
        private int _length;
        private int _version;

        /// <summary>
        /// An empty table that holds up to <paramref name="capacity"/> bytes of scripts (about
        /// 3 per script plus 12 and the parameter's A-XDR per action) and runs them through
        /// <paramref name="runner"/>.
        /// </summary>
        public ScriptTable(ObisCode logicalName, int capacity, ScriptRunner runner)
            : base(CosemClassId.ScriptTable, 0, logicalName)
        {
            if (capacity < 1 || capacity > 65535 || runner == null)
            {
                throw new ArgumentException();
            }
            _data = new byte[capacity];
            _runner = runner;
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 2; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 1; }
        }

        /// <summary>Bytes of scripts held.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>The number of scripts.</summary>
        public int ScriptCount
        {
            get
            {
                int count = 0;
                for (int p = 0; p < _length; p = Next(p))
                {
                    count++;
                }
                return count;
            }
        }

        /// <summary>
        /// Configuration: appends an action to script <paramref name="scriptId"/> (a new script
        /// at the end if the last script has another identifier). <paramref name="parameter"/> is
        /// one A-XDR Data value (e.g. <c>0F 00</c>, integer 0).
        /// </summary>
        /// <exception cref="ArgumentException">Identifier 0, a service other than 1 or 2, a parameter that is not one A-XDR value, or no room left.</exception>
        public void AddAction(int scriptId, byte service, ushort classId, ObisCode logicalName, int index, byte[] parameter)
        {
            if (scriptId < 1 || scriptId > 65535 || (service != ScriptRunner.WriteAttribute && service != ScriptRunner.ExecuteMethod)
                || logicalName == null || parameter == null || !IsOneValue(_runner.Reader, parameter))
            {
                throw new ArgumentException();
            }
            int last = -1;
            for (int p = 0; p < _length; p = Next(p))
            {
                last = p;
            }
            bool newScript = last < 0 || Packed.ReadUInt16(_data, last) != scriptId;
            int need = (newScript ? ScriptHeader : 0) + ActionHeader + parameter.Length;
            if (_length + need > _data.Length || (!newScript && _data[last + 2] == 255))
            {
                throw new ArgumentException();
            }
            if (newScript)
            {
                last = _length;
                Packed.WriteUInt16(_data, last, scriptId);
                _data[last + 2] = 0;
                _length += ScriptHeader;
            }
            int a = _length;
            _data[a] = service;
            Packed.WriteUInt16(_data, a + 1, classId);
            logicalName.CopyTo(_data, a + 3);
            _data[a + 9] = (byte)index;
            Packed.WriteUInt16(_data, a + 10, parameter.Length);
            Array.Copy(parameter, 0, _data, a + ActionHeader, parameter.Length);
            _length += need - (newScript ? ScriptHeader : 0);
            _data[last + 2]++;
            _version++;
        }

        /// <summary>
        /// Executes script <paramref name="scriptId"/> (method 1, also for the meter): every action
        /// in order through the runner.
        /// </summary>
        /// <returns>success (also for the null script 0); scope-of-access-violated when there is no such script; other-reason when scripts are nested deeper than <see cref="ScriptRunner.MaxDepth"/>.</returns>
        public ActionResult Execute(int scriptId)
        {
            if (scriptId == 0)
            {
                return ActionResult.Success;
            }
            int script = Find(scriptId);
            if (script < 0)
            {
                return ActionResult.ScopeOfAccessViolated;
            }
            if (!_runner.Enter())
            {
                return ActionResult.OtherReason;
            }
            int count = _data[script + 2];
            int p = script + ScriptHeader;
            // Bounds are checked at every step: an action may rewrite this very table.
            for (int i = 0; i < count && p + ActionHeader <= _length; i++)
            {
                int parameterLength = Packed.ReadUInt16(_data, p + 10);
                if (p + ActionHeader + parameterLength > _length)
                {
                    break;
                }
                _runner.RunAction(_data[p], (ushort)Packed.ReadUInt16(_data, p + 1), ObisCode.Pack(_data, p + 3),
                    (sbyte)_data[p + 9], _data, p + ActionHeader, parameterLength);
                p += ActionHeader + parameterLength;
            }
            _runner.Leave();
            return ActionResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            writer.WriteArray(ScriptCount);
            for (int p = 0; p < _length; p = Next(p))
            {
                int count = _data[p + 2];
                writer.WriteStructure(2);
                writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(_data, p));
                writer.WriteArray(count);
                int a = p + ScriptHeader;
                for (int i = 0; i < count; i++)
                {
                    int parameterLength = Packed.ReadUInt16(_data, a + 10);
                    writer.WriteStructure(5);
                    writer.WriteEnum(_data[a]);
                    writer.WriteLongUnsigned((ushort)Packed.ReadUInt16(_data, a + 1));
                    writer.WriteOctetString(_data, a + 3, ObisCode.Size);
                    writer.WriteInteger((sbyte)_data[a + 9]);
                    writer.WriteBytes(_data, a + ActionHeader, parameterLength);
                    a += ActionHeader + parameterLength;
                }
            }
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            int size;
            DataAccessResult result = Measure(value, out size);
            if (result != DataAccessResult.Success)
            {
                value.Position = start;
                return result;
            }
            if (size > _data.Length)
            {
                value.Position = start;
                return DataAccessResult.ScopeOfAccessViolated;
            }
            // Checked whole: decode again, this time into the table.
            value.Position = start;
            Store(value);
            _version++;
            return DataAccessResult.Success;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            if (parameters == null)
            {
                return ActionResult.TypeUnmatched;
            }
            int start = parameters.Position;
            long id;
            if (parameters.ReadInt64Any(out id) != AxdrStatus.Ok || id < 0 || id > 65535)
            {
                parameters.Position = start;
                return ActionResult.TypeUnmatched;
            }
            ActionResult result = Execute((int)id);
            if (result != ActionResult.Success)
            {
                // A refused invocation leaves the parameters where they were (peek, validate, advance).
                parameters.Position = start;
            }
            return result;
        }

        /// <inheritdoc />
        public int ConfigurationVersion
        {
            get { return _version; }
        }

        /// <inheritdoc />
        public int PersistedLength
        {
            get { return 3 + _data.Length; }
        }

        /// <inheritdoc />
        public int Save(byte[] buffer, int offset)
        {
            buffer[offset] = PersistFormat;
            Packed.WriteUInt16(buffer, offset + 1, _length);
            Array.Copy(_data, 0, buffer, offset + 3, _length);
            return 3 + _length;
        }

        /// <inheritdoc />
        public bool Restore(byte[] buffer, int offset, int length)
        {
            if (length < 3 || buffer[offset] != PersistFormat)
            {
                return false;
            }
            int n = Packed.ReadUInt16(buffer, offset + 1);
            if (n > _data.Length || n != length - 3 || !IsWellFormed(buffer, offset + 3, n))
            {
                return false;
            }
            Array.Copy(buffer, offset + 3, _data, 0, n);
            _length = n;
            _version++;
            return true;
        }

        // Offset of the script after the one at p.
        private int Next(int p)
        {
            int count = _data[p + 2];
            int a = p + ScriptHeader;
            for (int i = 0; i < count && a + ActionHeader <= _length; i++)
            {
                a += ActionHeader + Packed.ReadUInt16(_data, a + 10);
            }
            return a;
        }

        private int Find(int scriptId)
        {
            for (int p = 0; p < _length; p = Next(p))
            {
                if (Packed.ReadUInt16(_data, p) == scriptId)
                {
                    return p;
                }
            }
            return -1;
        }

        // Compact bytes a script walk accepts: every script and action whole inside n bytes.
        private static bool IsWellFormed(byte[] data, int offset, int n)
        {
            int p = 0;
            while (p < n)
            {
                if (p + ScriptHeader > n)
                {
                    return false;
                }
                int count = data[offset + p + 2];
                p += ScriptHeader;
                for (int i = 0; i < count; i++)
                {
                    if (p + ActionHeader > n)
                    {
                        return false;
                    }
                    p += ActionHeader + Packed.ReadUInt16(data, offset + p + 10);
                }
            }
            return p == n;
        }

        // First pass of a SET: checks the shape and works out the compact size. Leaves the reader anywhere.
        private static DataAccessResult Measure(AxdrReader value, out int size)
        {
            size = 0;
            int scripts;
            if (value.ReadArray(out scripts) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            for (int s = 0; s < scripts; s++)
            {
                int fields;
                ushort id;
                int actions;
                if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 2
                    || value.ReadLongUnsigned(out id) != AxdrStatus.Ok
                    || value.ReadArray(out actions) != AxdrStatus.Ok)
                {
                    return DataAccessResult.TypeUnmatched;
                }
                if (id == 0 || actions > 255)
                {
                    return DataAccessResult.ScopeOfAccessViolated;
                }
                size += ScriptHeader;
                for (int a = 0; a < actions; a++)
                {
                    byte service;
                    ushort classId;
                    long name;
                    sbyte index;
                    if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 5
                        || value.ReadEnum(out service) != AxdrStatus.Ok
                        || value.ReadLongUnsigned(out classId) != AxdrStatus.Ok
                        || value.ReadObis(out name) != AxdrStatus.Ok
                        || value.ReadInteger(out index) != AxdrStatus.Ok)
                    {
                        return DataAccessResult.TypeUnmatched;
                    }
                    int parameter = value.Position;
                    if (value.SkipValue() != AxdrStatus.Ok)
                    {
                        return DataAccessResult.TypeUnmatched;
                    }
                    if (service != ScriptRunner.WriteAttribute && service != ScriptRunner.ExecuteMethod)
                    {
                        return DataAccessResult.ScopeOfAccessViolated;
                    }
                    size += ActionHeader + value.Position - parameter;
                }
            }
            return DataAccessResult.Success;
        }

        // Second pass: the value was measured and fits.
        private void Store(AxdrReader value)
        {
            int scripts;
            value.ReadArray(out scripts);
            int p = 0;
            for (int s = 0; s < scripts; s++)
            {
                int fields;
                ushort id;
                int actions;
                value.ReadStructure(out fields);
                value.ReadLongUnsigned(out id);
                value.ReadArray(out actions);
                Packed.WriteUInt16(_data, p, id);
                _data[p + 2] = (byte)actions;
                p += ScriptHeader;
                for (int a = 0; a < actions; a++)
                {
                    byte service;
                    ushort classId;
                    long name;
                    sbyte index;
                    value.ReadStructure(out fields);
                    value.ReadEnum(out service);
                    value.ReadLongUnsigned(out classId);
                    value.ReadObis(out name);
                    value.ReadInteger(out index);
                    int parameter = value.Position;
                    value.SkipValue();
                    int length = value.Position - parameter;
                    _data[p] = service;
                    Packed.WriteUInt16(_data, p + 1, classId);
                    ObisCode.Unpack(name, _data, p + 3);
                    _data[p + 9] = (byte)index;
                    Packed.WriteUInt16(_data, p + 10, length);
                    Array.Copy(value.Buffer, parameter, _data, p + ActionHeader, length);
                    p += ActionHeader + length;
                }
            }
            _length = p;
        }

        // Configuration check of a parameter: exactly one A-XDR value.
        private static bool IsOneValue(AxdrReader reader, byte[] parameter)
        {
            reader.Reset(parameter, 0, parameter.Length);
            return reader.SkipValue() == AxdrStatus.Ok && reader.Remaining == 0;
        }
    }
}
