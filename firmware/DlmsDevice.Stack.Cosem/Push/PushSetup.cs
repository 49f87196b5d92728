using System;
using System.Threading;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Security;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// Push setup (Blue Book 4.4.8, class_id 40, <b>version 0</b>), e.g. 0.0.25.9.0.255: what the
    /// meter pushes (push_object_list), where and how (send_destination_and_method), when
    /// (communication_window, randomisation_start_interval) and how hard it tries
    /// (number_of_retries, repetition_delay). Method 1 push(data) asks for a push; the device
    /// runtime's push sender (DlmsDevice.Runtime.PushSender) does the sending, so the object
    /// never blocks a request.
    /// </summary>
    /// <remarks>
    /// <para>Attributes (version 0): 1 logical_name; 2 push_object_list, array of
    /// <c>structure { class_id long-unsigned, logical_name octet-string(6), attribute_index integer,
    /// data_index long-unsigned }</c>; 3 send_destination_and_method, <c>structure { transport_service
    /// enum, destination octet-string, message enum }</c>; 4 communication_window, array of
    /// <c>structure { start octet-string(12), end octet-string(12) }</c> (date-times, wildcards
    /// allowed); 5 randomisation_start_interval long-unsigned (s); 6 number_of_retries unsigned;
    /// 7 repetition_delay long-unsigned (s). All writable where the access rights allow.</para>
    /// <para>A SET is all or nothing: the value is checked whole before anything is kept.
    /// Malformed values are type-unmatched; values this meter cannot act on (too many entries, an
    /// attribute index out of range, a transport it cannot send on, a message type other than
    /// A-XDR, a destination longer than <see cref="MaxDestinationLength"/>) scope-of-access-violated;
    /// an object that is not in the logical device object-undefined (a push must always be buildable).</para>
    /// <para>Ciphering is not an attribute of version 0: the push is protected as the Security
    /// setup given to <see cref="Security"/> says (its policy and keys, general-glo-ciphering,
    /// docs/push.md). Allocation-free after construction.</para>
    /// </remarks>
    public sealed class PushSetup : CosemObject
    {
        /// <summary>The class version implemented.</summary>
        public const byte ClassVersion = 0;

        /// <summary>Attribute indexes of Push setup (Blue Book IC 40, version 0).</summary>
        public static class Attributes
        {
            /// <summary>logical_name.</summary>
            public const int LogicalName = 1;

            /// <summary>push_object_list.</summary>
            public const int PushObjectList = 2;

            /// <summary>send_destination_and_method.</summary>
            public const int SendDestinationAndMethod = 3;

            /// <summary>communication_window.</summary>
            public const int CommunicationWindow = 4;

            /// <summary>randomisation_start_interval (seconds).</summary>
            public const int RandomisationStartInterval = 5;

            /// <summary>number_of_retries.</summary>
            public const int NumberOfRetries = 6;

            /// <summary>repetition_delay (seconds).</summary>
            public const int RepetitionDelay = 7;
        }

        /// <summary>Method indexes of Push setup (Blue Book IC 40, version 0).</summary>
        public static class Methods
        {
            /// <summary>push (data integer(0)): activates the push.</summary>
            public const int Push = 1;
        }

        /// <summary>transport_service values of send_destination_and_method (Blue Book IC 40).</summary>
        public static class TransportService
        {
            /// <summary>TCP: the destination is "address:port"; the APDU goes in a wrapper frame (IEC 62056-47).</summary>
            public const byte Tcp = 0;

            /// <summary>UDP: as TCP, one datagram per APDU.</summary>
            public const byte Udp = 1;

            /// <summary>HDLC: a UI frame on the meter's serial line (IEC 62056-46); the destination is not used.</summary>
            public const byte Hdlc = 5;

            /// <summary>True for a transport service this meter can send on.</summary>
            public static bool IsSupported(int service)
            {
                return service == Tcp || service == Udp || service == Hdlc;
            }
        }

        /// <summary>message values of send_destination_and_method: 0 = A-XDR encoded xDLMS APDU, the only one served.</summary>
        public const byte MessageAxdrApdu = 0;

        /// <summary>Longest destination octet-string kept ("255.255.255.255:65535" is 21 bytes; room for a host name).</summary>
        public const int MaxDestinationLength = 64;

        /// <summary>Most communication windows kept.</summary>
        public const int MaxWindows = 4;

        /// <summary>The wPort of the push client unless configured otherwise (see <see cref="DestinationWPort"/>).</summary>
        public const int DefaultDestinationWPort = 1;

        private const int WindowSize = 2 * CosemDateTime.DateTimeSize;
        private const long InvokeIdMask = 0x00FFFFFF;

        private readonly LogicalDevice _device;
        private readonly int _capacity;
        private readonly ushort[] _classIds;
        private readonly long[] _logicalNames;
        private readonly sbyte[] _attributeIndexes;
        private readonly ushort[] _dataIndexes;
        private readonly CosemObject[] _objects;
        private readonly byte[] _destination = new byte[MaxDestinationLength];
        private readonly byte[] _windows = new byte[MaxWindows * WindowSize];
        private int _count;
        private int _destinationLength;
        private byte _transport;
        private int _windowCount;
        private int _pending;
        private long _invokeId;

        /// <summary>
        /// Creates the push setup <paramref name="logicalName"/> whose push_object_list refers to
        /// objects of <paramref name="device"/> and holds at most <paramref name="capacity"/> entries.
        /// Defaults: empty list, TCP to an empty destination, no window (push at any time), no
        /// randomisation, no retries, no delay.
        /// </summary>
        /// <exception cref="ArgumentNullException">device is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">capacity is not 1..64.</exception>
        public PushSetup(ObisCode logicalName, LogicalDevice device, int capacity)
            : base(CosemClassId.PushSetup, ClassVersion, logicalName)
        {
            if (device == null)
            {
                throw new ArgumentNullException();
            }
            if (capacity < 1 || capacity > 64)
            {
                throw new ArgumentOutOfRangeException();
            }
            _device = device;
            _capacity = capacity;
            _classIds = new ushort[capacity];
            _logicalNames = new long[capacity];
            _attributeIndexes = new sbyte[capacity];
            _dataIndexes = new ushort[capacity];
            _objects = new CosemObject[capacity];
            DestinationWPort = DefaultDestinationWPort;
        }

        /// <summary>The logical device the push_object_list refers to.</summary>
        public LogicalDevice Device
        {
            get { return _device; }
        }

        /// <summary>Most entries of push_object_list.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>Entries of push_object_list.</summary>
        public int ObjectCount
        {
            get { return _count; }
        }

        /// <summary>transport_service of send_destination_and_method (<see cref="TransportService"/>).</summary>
        public byte Transport
        {
            get { return _transport; }
        }

        /// <summary>The destination octet-string's bytes (valid up to <see cref="DestinationLength"/>).</summary>
        public byte[] Destination
        {
            get { return _destination; }
        }

        /// <summary>Bytes of <see cref="Destination"/> in use.</summary>
        public int DestinationLength
        {
            get { return _destinationLength; }
        }

        /// <summary>communication_window entries.</summary>
        public int WindowCount
        {
            get { return _windowCount; }
        }

        /// <summary>randomisation_start_interval (attribute 5), seconds.</summary>
        public ushort RandomisationStartInterval { get; set; }

        /// <summary>number_of_retries (attribute 6): attempts after the first one fails.</summary>
        public byte NumberOfRetries { get; set; }

        /// <summary>repetition_delay (attribute 7), seconds between attempts.</summary>
        public ushort RepetitionDelay { get; set; }

        /// <summary>
        /// The Security setup whose policy and global keys protect the pushes (general-glo-ciphering
        /// with its system title and transmit invocation counter); null or policy 0 = pushed in
        /// clear. Version 0 has no attribute for it: configuration time.
        /// </summary>
        public SecurityProfile Security { get; set; }

        /// <summary>
        /// The destination wPort of a wrapper push and the client address of an HDLC UI push: the
        /// push client's SAP. Version 0 has no attribute for it (version 1 adds push_client_SAP);
        /// default <see cref="DefaultDestinationWPort"/>. Configuration time.
        /// </summary>
        public int DestinationWPort { get; set; }

        /// <summary>The class_id of push_object_list entry <paramref name="index"/>.</summary>
        public ushort GetClassId(int index)
        {
            return _classIds[Check(index)];
        }

        /// <summary>The logical name (packed) of entry <paramref name="index"/>.</summary>
        public long GetLogicalName(int index)
        {
            return _logicalNames[Check(index)];
        }

        /// <summary>The attribute_index of entry <paramref name="index"/>.</summary>
        public int GetAttributeIndex(int index)
        {
            return _attributeIndexes[Check(index)];
        }

        /// <summary>The data_index of entry <paramref name="index"/> (0 = the whole attribute).</summary>
        public int GetDataIndex(int index)
        {
            return _dataIndexes[Check(index)];
        }

        /// <summary>The object of entry <paramref name="index"/> (resolved when the list was set).</summary>
        public CosemObject GetObject(int index)
        {
            return _objects[Check(index)];
        }

        /// <summary>
        /// Appends an entry to push_object_list (configuration time). <paramref name="obj"/> must
        /// be in the logical device.
        /// </summary>
        /// <exception cref="ArgumentException">The list is full, the object is not in the device, or the attribute index does not exist.</exception>
        public void AddObject(CosemObject obj, int attributeIndex, int dataIndex)
        {
            if (obj == null)
            {
                throw new ArgumentNullException();
            }
            if (_count == _capacity || Find(obj.ClassId, obj.LogicalName.Value) != obj
                || attributeIndex < 1 || attributeIndex > obj.AttributeCount || dataIndex < 0 || dataIndex > 0xFFFF)
            {
                throw new ArgumentException();
            }
            Store(_count, obj.ClassId, obj.LogicalName.Value, (sbyte)attributeIndex, (ushort)dataIndex, obj);
            _count++;
        }

        /// <summary>Empties push_object_list (configuration time).</summary>
        public void ClearObjects()
        {
            for (int i = 0; i < _count; i++)
            {
                _objects[i] = null;
            }
            _count = 0;
        }

        /// <summary>
        /// Sets send_destination_and_method (configuration time) with an ASCII destination, e.g.
        /// "127.0.0.1:4070".
        /// </summary>
        /// <exception cref="ArgumentException">Unsupported transport, or a destination that is not 0..64 ASCII characters.</exception>
        public void SetDestination(byte transportService, string destination)
        {
            if (destination == null)
            {
                throw new ArgumentNullException();
            }
            if (!TransportService.IsSupported(transportService) || destination.Length > MaxDestinationLength)
            {
                throw new ArgumentException();
            }
            for (int i = 0; i < destination.Length; i++)
            {
                char c = destination[i];
                if (c < ' ' || c > '~')
                {
                    throw new ArgumentException();
                }
                _destination[i] = (byte)c;
            }
            _destinationLength = destination.Length;
            _transport = transportService;
        }

        /// <summary>Appends a communication window (configuration time); date-times may hold wildcards.</summary>
        /// <exception cref="ArgumentException">Already <see cref="MaxWindows"/> windows.</exception>
        public void AddWindow(CosemDateTime start, CosemDateTime end)
        {
            if (start == null || end == null)
            {
                throw new ArgumentNullException();
            }
            if (_windowCount == MaxWindows)
            {
                throw new ArgumentException();
            }
            start.WriteTo(_windows, _windowCount * WindowSize);
            end.WriteTo(_windows, _windowCount * WindowSize + CosemDateTime.DateTimeSize);
            _windowCount++;
        }

        /// <summary>Removes every communication window: pushes may go at any time.</summary>
        public void ClearWindows()
        {
            _windowCount = 0;
        }

        /// <summary>
        /// True when a push may start at the meter's local time <paramref name="now"/>: no window is
        /// set, or <paramref name="now"/> lies in one of them (<see cref="PushWindow"/>).
        /// </summary>
        public bool IsInWindow(CosemDateTime now)
        {
            if (_windowCount == 0)
            {
                return true;
            }
            for (int i = 0; i < _windowCount; i++)
            {
                if (PushWindow.Contains(_windows, i * WindowSize, now))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Asks for a push: the one entry point of the push method, schedules and alarms. Requests
        /// that arrive while one waits are merged into it. Safe from any thread; never blocks.
        /// </summary>
        public void RequestPush()
        {
            Interlocked.Exchange(ref _pending, 1);
        }

        /// <summary>True when a push was requested and not yet taken by the sender.</summary>
        public bool IsPushRequested
        {
            get { return Interlocked.CompareExchange(ref _pending, 0, 0) != 0; }
        }

        /// <summary>Takes the pending request (the push sender): true once per <see cref="RequestPush"/> run.</summary>
        public bool TakeRequest()
        {
            return Interlocked.Exchange(ref _pending, 0) != 0;
        }

        /// <summary>The long-invoke-id of the next DataNotification: 1, 2, ... in 24 bits, 0 skipped.</summary>
        public uint NextInvokeId()
        {
            _invokeId = (_invokeId + 1) & InvokeIdMask;
            if (_invokeId == 0)
            {
                _invokeId = 1;
            }
            return (uint)_invokeId;
        }

        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 7; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 1; }
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
                case Attributes.PushObjectList:
                    writer.WriteArray(_count);
                    for (int i = 0; i < _count; i++)
                    {
                        writer.WriteStructure(4);
                        writer.WriteLongUnsigned(_classIds[i]);
                        writer.WriteObis(_logicalNames[i]);
                        writer.WriteInteger(_attributeIndexes[i]);
                        writer.WriteLongUnsigned(_dataIndexes[i]);
                    }
                    break;
                case Attributes.SendDestinationAndMethod:
                    writer.WriteStructure(3);
                    writer.WriteEnum(_transport);
                    writer.WriteOctetString(_destination, 0, _destinationLength);
                    writer.WriteEnum(MessageAxdrApdu);
                    break;
                case Attributes.CommunicationWindow:
                    writer.WriteArray(_windowCount);
                    for (int i = 0; i < _windowCount; i++)
                    {
                        writer.WriteStructure(2);
                        writer.WriteOctetString(_windows, i * WindowSize, CosemDateTime.DateTimeSize);
                        writer.WriteOctetString(_windows, i * WindowSize + CosemDateTime.DateTimeSize, CosemDateTime.DateTimeSize);
                    }
                    break;
                case Attributes.RandomisationStartInterval:
                    writer.WriteLongUnsigned(RandomisationStartInterval);
                    break;
                case Attributes.NumberOfRetries:
                    writer.WriteUnsigned(NumberOfRetries);
                    break;
                case Attributes.RepetitionDelay:
                    writer.WriteLongUnsigned(RepetitionDelay);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
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
                case Attributes.PushObjectList:
                    result = SetArray(value, true);
                    break;
                case Attributes.SendDestinationAndMethod:
                    result = SetDestination(value);
                    break;
                case Attributes.CommunicationWindow:
                    result = SetArray(value, false);
                    break;
                case Attributes.NumberOfRetries:
                    {
                        byte retries;
                        result = value.ReadUnsigned(out retries) == AxdrStatus.Ok ? DataAccessResult.Success : DataAccessResult.TypeUnmatched;
                        if (result == DataAccessResult.Success)
                        {
                            NumberOfRetries = retries;
                        }
                        break;
                    }
                default:
                    {
                        // randomisation_start_interval, repetition_delay: long-unsigned seconds.
                        ushort seconds;
                        result = value.ReadLongUnsigned(out seconds) == AxdrStatus.Ok ? DataAccessResult.Success : DataAccessResult.TypeUnmatched;
                        if (result == DataAccessResult.Success)
                        {
                            if (attributeId == Attributes.RandomisationStartInterval)
                            {
                                RandomisationStartInterval = seconds;
                            }
                            else
                            {
                                RepetitionDelay = seconds;
                            }
                        }
                        break;
                    }
            }
            if (result != DataAccessResult.Success)
            {
                value.Position = start;
            }
            return result;
        }

        /// <inheritdoc />
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            // push (data): "data ::= integer (0)" (Blue Book IC 40).
            if (!AttributeCodec.ReadIgnoredParameter(parameters))
            {
                return ActionResult.TypeUnmatched;
            }
            RequestPush();
            return ActionResult.Success;
        }

        // Two passes over an array value (push_object_list or communication_window): check every
        // element, then keep them, so a bad element changes nothing.
        private DataAccessResult SetArray(AxdrReader value, bool objectList)
        {
            int start = value.Position;
            int count;
            if (value.ReadArray(out count) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            DataAccessResult result = count > (objectList ? _capacity : MaxWindows) ? DataAccessResult.ScopeOfAccessViolated : DataAccessResult.Success;
            for (int i = 0; i < count && result == DataAccessResult.Success; i++)
            {
                result = objectList ? ReadEntry(value, -1) : ReadWindow(value, -1);
            }
            if (result != DataAccessResult.Success)
            {
                return result;
            }
            int end = value.Position;
            value.Position = start;
            value.ReadArray(out count);
            if (objectList)
            {
                ClearObjects();
            }
            for (int i = 0; i < count; i++)
            {
                if (objectList)
                {
                    ReadEntry(value, i);
                }
                else
                {
                    ReadWindow(value, i);
                }
            }
            if (objectList)
            {
                _count = count;
            }
            else
            {
                _windowCount = count;
            }
            value.Position = end;
            return DataAccessResult.Success;
        }

        // structure { class_id long-unsigned, logical_name octet-string, attribute_index integer, data_index long-unsigned };
        // stores it at index when index >= 0.
        private DataAccessResult ReadEntry(AxdrReader value, int index)
        {
            int fields;
            ushort classId;
            long logicalName;
            sbyte attribute;
            ushort dataIndex;
            if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 4
                || value.ReadLongUnsigned(out classId) != AxdrStatus.Ok
                || value.ReadObis(out logicalName) != AxdrStatus.Ok
                || value.ReadInteger(out attribute) != AxdrStatus.Ok
                || value.ReadLongUnsigned(out dataIndex) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            CosemObject obj = Find(classId, logicalName);
            if (obj == null)
            {
                return DataAccessResult.ObjectUndefined;
            }
            if (attribute < 1 || attribute > obj.AttributeCount)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            if (index >= 0)
            {
                Store(index, classId, logicalName, attribute, dataIndex, obj);
            }
            return DataAccessResult.Success;
        }

        private void Store(int index, ushort classId, long logicalName, sbyte attribute, ushort dataIndex, CosemObject obj)
        {
            _classIds[index] = classId;
            _logicalNames[index] = logicalName;
            _attributeIndexes[index] = attribute;
            _dataIndexes[index] = dataIndex;
            _objects[index] = obj;
        }

        private DataAccessResult SetDestination(AxdrReader value)
        {
            int fields;
            byte transport;
            int offset;
            int length;
            byte message;
            if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 3
                || value.ReadEnum(out transport) != AxdrStatus.Ok
                || value.ReadOctetString(out offset, out length) != AxdrStatus.Ok
                || value.ReadEnum(out message) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (!TransportService.IsSupported(transport) || message != MessageAxdrApdu || length > MaxDestinationLength)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            Array.Copy(value.Buffer, offset, _destination, 0, length);
            _destinationLength = length;
            _transport = transport;
            return DataAccessResult.Success;
        }

        // structure { start octet-string(12), end octet-string(12) }; stored at index when index >= 0.
        private DataAccessResult ReadWindow(AxdrReader value, int index)
        {
            int fields;
            int startOffset;
            int startLength;
            int endOffset;
            int endLength;
            if (value.ReadStructure(out fields) != AxdrStatus.Ok || fields != 2
                || value.ReadOctetString(out startOffset, out startLength) != AxdrStatus.Ok
                || value.ReadOctetString(out endOffset, out endLength) != AxdrStatus.Ok
                || startLength != CosemDateTime.DateTimeSize || endLength != CosemDateTime.DateTimeSize)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (index >= 0)
            {
                Array.Copy(value.Buffer, startOffset, _windows, index * WindowSize, CosemDateTime.DateTimeSize);
                Array.Copy(value.Buffer, endOffset, _windows, index * WindowSize + CosemDateTime.DateTimeSize, CosemDateTime.DateTimeSize);
            }
            return DataAccessResult.Success;
        }

        private CosemObject Find(ushort classId, long logicalName)
        {
            int index = _device.Objects.IndexOf(classId, logicalName);
            return index < 0 ? null : _device.Objects[index];
        }

        private int Check(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException();
            }
            return index;
        }
    }
}
