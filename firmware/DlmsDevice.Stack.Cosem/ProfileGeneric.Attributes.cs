using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>GET/SET of attributes 2..8 and the methods reset and capture.</content>
    public sealed partial class ProfileGeneric
    {
        /// <inheritdoc />
        public override int AttributeCount
        {
            get { return 8; }
        }

        /// <inheritdoc />
        public override int MethodCount
        {
            get { return 2; }
        }

        /// <inheritdoc />
        /// <remarks>buffer (2) offers selectors 1 (range_descriptor) and 2 (entry_descriptor).</remarks>
        public override int GetAccessSelectors(int attributeId)
        {
            return attributeId == Attributes.Buffer ? (1 << 1) | (1 << 2) : 0;
        }

        /// <inheritdoc />
        /// <remarks>
        /// The buffer is written whole here (the selection applied); when it does not fit the
        /// writer overflows and the caller reads it element by element through
        /// <see cref="BeginArray"/> instead.
        /// </remarks>
        protected override DataAccessResult OnGetAttribute(int attributeId, int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            if (attributeId == Attributes.Buffer)
            {
                return WriteBuffer(selector, parameters, writer, context);
            }
            if (selector != 0)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            switch (attributeId)
            {
                case Attributes.CaptureObjects:
                    writer.WriteArray(_columnCount);
                    for (int c = 0; c < _columnCount; c++)
                    {
                        CosemObject obj = _objects[c];
                        WriteCaptureObjectDefinition(writer, obj.ClassId, obj.LogicalName.Value, (sbyte)_attributes[c], (ushort)_dataIndexes[c]);
                    }
                    break;
                case Attributes.CapturePeriod:
                    writer.WriteDoubleLongUnsigned(_capturePeriod);
                    break;
                case Attributes.SortMethod:
                    writer.WriteEnum(SortMethodFifo);
                    break;
                case Attributes.SortObject:
                    WriteCaptureObjectDefinition(writer, _sortClassId, _sortName, _sortAttribute, _sortDataIndex);
                    break;
                case Attributes.EntriesInUse:
                    writer.WriteDoubleLongUnsigned((uint)EntriesInUse);
                    break;
                case Attributes.ProfileEntries:
                    writer.WriteDoubleLongUnsigned((uint)_capacity);
                    break;
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
            return DataAccessResult.Success;
        }

        private DataAccessResult WriteBuffer(int selector, AxdrReader parameters, AxdrWriter writer, CosemContext context)
        {
            DataAccessResult result;
            BeginArray(2, selector, parameters, _workspace.Cursor, context, out result);
            if (result != DataAccessResult.Success)
            {
                return result;
            }
            writer.WriteArray(_workspace.Cursor.Count);
            for (int i = 0; i < _workspace.Cursor.Count && !writer.Overflow; i++)
            {
                _workspace.Cursor.Index = i;
                result = WriteArrayElement(2, _workspace.Cursor, writer, context);
                if (result != DataAccessResult.Success)
                {
                    return result;
                }
            }
            return DataAccessResult.Success;
        }

        /// <summary>
        /// capture_object_definition (Blue Book 4.3.6): <c>02 04 12 class_id 09 06 logical_name
        /// 0F attribute_index 12 data_index</c>.
        /// </summary>
        private static void WriteCaptureObjectDefinition(AxdrWriter writer, ushort classId, long logicalName, sbyte attributeId, ushort dataIndex)
        {
            writer.WriteStructure(4);
            writer.WriteLongUnsigned(classId);
            writer.WriteObis(logicalName);
            writer.WriteInteger(attributeId);
            writer.WriteLongUnsigned(dataIndex);
        }

        /// <summary>
        /// Reads a capture_object_definition, the logical name as its packed value (no ObisCode
        /// created); on failure the reader is where it was.
        /// </summary>
        private static bool ReadCaptureObjectDefinition(AxdrReader reader, out ushort classId, out long logicalName, out sbyte attributeId, out ushort dataIndex)
        {
            classId = 0;
            logicalName = 0;
            attributeId = 0;
            dataIndex = 0;
            int start = reader.Position;
            int count;
            if (reader.ReadStructure(out count) != AxdrStatus.Ok || count != 4
                || reader.ReadLongUnsigned(out classId) != AxdrStatus.Ok
                || reader.ReadObis(out logicalName) != AxdrStatus.Ok
                || reader.ReadInteger(out attributeId) != AxdrStatus.Ok
                || reader.ReadLongUnsigned(out dataIndex) != AxdrStatus.Ok)
            {
                reader.Position = start;
                return false;
            }
            return true;
        }

        /// <summary>The column (0-based) captured with this definition, or -1.</summary>
        private int FindColumn(ushort classId, long logicalName, sbyte attributeId, ushort dataIndex)
        {
            for (int c = 0; c < _columnCount; c++)
            {
                CosemObject obj = _objects[c];
                if (obj.ClassId == classId && _attributes[c] == attributeId && _dataIndexes[c] == dataIndex
                    && obj.LogicalName.Value == logicalName)
                {
                    return c;
                }
            }
            return -1;
        }

        /// <inheritdoc />
        /// <remarks>
        /// Writable: capture_objects (3; objects are looked up in the association's object list,
        /// widths by the width rules; the buffer is cleared), capture_period (4), sort_method (5;
        /// only fifo, others scope-of-access-violated), sort_object (6; zeros or one of the capture
        /// objects), profile_entries (8; 1..<see cref="MaxProfileEntries"/>; a change clears the
        /// buffer). buffer (2) and entries_in_use (7) are read-only.
        /// </remarks>
        protected override DataAccessResult OnSetAttribute(int attributeId, AxdrReader value, CosemContext context)
        {
            int start = value.Position;
            DataAccessResult result = SetAttributeValue(attributeId, value, context);
            if (result != DataAccessResult.Success)
            {
                value.Position = start;
            }
            return result;
        }

        private DataAccessResult SetAttributeValue(int attributeId, AxdrReader value, CosemContext context)
        {
            switch (attributeId)
            {
                case Attributes.CaptureObjects:
                    return SetCaptureObjects(value, context);
                case Attributes.CapturePeriod:
                    {
                        uint period;
                        if (value.ReadDoubleLongUnsigned(out period) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        _capturePeriod = period;
                        return DataAccessResult.Success;
                    }
                case Attributes.SortMethod:
                    {
                        byte method;
                        if (value.ReadEnum(out method) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        return method == SortMethodFifo ? DataAccessResult.Success : DataAccessResult.ScopeOfAccessViolated;
                    }
                case Attributes.SortObject:
                    {
                        ushort classId;
                        long name;
                        sbyte attribute;
                        ushort dataIndex;
                        if (!ReadCaptureObjectDefinition(value, out classId, out name, out attribute, out dataIndex))
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        bool none = classId == 0 && attribute == 0 && dataIndex == 0 && name == 0;
                        if (!none && FindColumn(classId, name, attribute, dataIndex) < 0)
                        {
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        SetSortObject(classId, name, attribute, dataIndex);
                        return DataAccessResult.Success;
                    }
                case Attributes.ProfileEntries:
                    {
                        uint entries;
                        if (value.ReadDoubleLongUnsigned(out entries) != AxdrStatus.Ok)
                        {
                            return DataAccessResult.TypeUnmatched;
                        }
                        if (entries < 1 || entries > (uint)MaxProfileEntries)
                        {
                            return DataAccessResult.ScopeOfAccessViolated;
                        }
                        if ((int)entries != _capacity)
                        {
                            _requestedEntries = (int)entries;
                            Relayout();
                        }
                        return DataAccessResult.Success;
                    }
                default:
                    return DataAccessResult.ReadWriteDenied;
            }
        }

        /// <summary>
        /// SET capture_objects: decodes every definition into the pending arrays, resolves the
        /// objects in the association's object list and sizes the columns; only when all of it is
        /// valid are the columns replaced and the buffer cleared.
        /// </summary>
        private DataAccessResult SetCaptureObjects(AxdrReader value, CosemContext context)
        {
            int count;
            if (value.ReadArray(out count) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (count > _maxColumns)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            ObjectList objects = context == null ? null : context.Objects;
            DataAccessResult result = DataAccessResult.Success;
            int rowWidth = 0;
            for (int i = 0; i < count; i++)
            {
                ushort classId;
                long name;
                sbyte attribute;
                ushort dataIndex;
                if (!ReadCaptureObjectDefinition(value, out classId, out name, out attribute, out dataIndex))
                {
                    result = DataAccessResult.TypeUnmatched;
                    break;
                }
                if (result != DataAccessResult.Success)
                {
                    continue;
                }
                // Keep decoding after a lookup failure so that a malformed later element still
                // reports type-unmatched, but remember the first scope error.
                int index = objects == null ? -1 : objects.IndexOf(classId, name);
                CosemObject obj = index < 0 ? null : objects[index];
                int width = obj == null || !IsCapturable(obj, attribute, dataIndex) ? 0 : DefaultWidth(obj, attribute, dataIndex);
                rowWidth += width;
                if (width <= 0 || _rows.MaxRows(rowWidth) < 1)
                {
                    result = DataAccessResult.ScopeOfAccessViolated;
                    continue;
                }
                _pendingObjects[i] = obj;
                _pendingAttributes[i] = attribute;
                _pendingDataIndexes[i] = dataIndex;
                _pendingWidths[i] = width;
            }
            if (result == DataAccessResult.Success)
            {
                for (int c = 0; c < _columnCount; c++)
                {
                    _objects[c] = null;
                }
                _rowWidth = 0;
                for (int c = 0; c < count; c++)
                {
                    _objects[c] = _pendingObjects[c];
                    _attributes[c] = _pendingAttributes[c];
                    _dataIndexes[c] = _pendingDataIndexes[c];
                    _widths[c] = _pendingWidths[c];
                    _offsets[c] = _rowWidth;
                    _rowWidth += _pendingWidths[c];
                }
                _columnCount = count;
                Relayout();
            }
            for (int c = 0; c < count; c++)
            {
                _pendingObjects[c] = null;
            }
            return result;
        }

        /// <inheritdoc />
        /// <remarks>1 reset: empties the buffer. 2 capture: takes one row now. Both take integer(0) (any integer or none).</remarks>
        protected override ActionResult OnInvoke(int methodId, AxdrReader parameters, AxdrWriter returnParameters, CosemContext context)
        {
            int start = parameters == null ? 0 : parameters.Position;
            if (!AttributeCodec.ReadIgnoredParameter(parameters))
            {
                if (parameters != null)
                {
                    parameters.Position = start;
                }
                return ActionResult.TypeUnmatched;
            }
            if (methodId == Methods.Reset)
            {
                Reset();
                return ActionResult.Success;
            }
            if (!Capture(context))
            {
                // Nothing to capture (no columns): refused, the request untouched.
                if (parameters != null)
                {
                    parameters.Position = start;
                }
                return ActionResult.TemporaryFailure;
            }
            return ActionResult.Success;
        }
    }
}
