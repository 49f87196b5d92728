namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// compact-array [19] (Blue Book 4.1.5): <c>13 &lt;type-description&gt; &lt;contents length&gt;
    /// &lt;contents&gt;</c>: its type description and walking its elements (the field reads are in
    /// AxdrReader.Raw.cs).
    /// </summary>
    /// <remarks>
    /// <para>TypeDescription ::= a simple type tag (one byte), or <c>01 &lt;number-of-elements
    /// uint16&gt; &lt;TypeDescription&gt;</c> (array), or <c>02 &lt;count&gt; &lt;TypeDescription&gt;...</c>
    /// (structure). The contents are the elements one after another, each encoded by the
    /// description without any tag (strings keep their length, bit-strings their bit count).</para>
    /// <para>Walking the elements:</para>
    /// <code>
    /// reader.ReadCompactArray(out td, out tdLength, out contents, out contentsLength);
    /// elements.Reset(reader.Buffer, contents, contentsLength);
    /// while (elements.Remaining &gt; 0)
    /// {
    ///     // either read the fields with the untagged reads (ReadRawInteger, ReadRawOctetString, ...)
    ///     // guided by GetTypeDescription, or skip the element:
    ///     if (elements.SkipUntaggedValue(td) != AxdrStatus.Ok) { /* malformed */ }
    /// }
    /// </code>
    /// <para>Type descriptions are looked up by absolute offset in <see cref="Buffer"/> (bounded by
    /// the buffer, not by <see cref="End"/>), so a reader reset to the contents alone can still
    /// follow the description that precedes them.</para>
    /// <para>Descriptions of zero-size elements (null-data, an empty structure, an array of 0
    /// elements) are Invalid: such elements could not be counted, and a few description bytes
    /// would stand for billions of elements.</para>
    /// </remarks>
    public sealed partial class AxdrReader
    {
        /// <summary>
        /// Reads a whole compact-array. The type description and the contents stay in
        /// <see cref="Buffer"/>; the cursor moves past the contents. The description is validated
        /// (known types, nesting within <see cref="MaxDepth"/>); the contents are not parsed
        /// (<see cref="CountCompactArrayElements"/> does that).
        /// </summary>
        public AxdrStatus ReadCompactArray(out int typeDescriptionOffset, out int typeDescriptionLength,
                                           out int contentsOffset, out int contentsLength)
        {
            typeDescriptionOffset = 0;
            typeDescriptionLength = 0;
            contentsOffset = 0;
            contentsLength = 0;
            if (_position >= _end)
            {
                return AxdrStatus.Truncated;
            }

            if (_buffer[_position] != (byte)DataType.CompactArray)
            {
                return AxdrStatus.TypeMismatch;
            }

            int descriptionEnd;
            int offset;
            int length;
            AxdrStatus status = ParseCompactArray(_position, out descriptionEnd, out offset, out length);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            typeDescriptionOffset = _position + 1;
            typeDescriptionLength = descriptionEnd - typeDescriptionOffset;
            contentsOffset = offset;
            contentsLength = length;
            _position = offset + length;
            return AxdrStatus.Ok;
        }

        /// <summary>
        /// Looks at one node of a type description at <paramref name="offset"/> (absolute, in
        /// <see cref="Buffer"/>) without moving the cursor.
        /// </summary>
        /// <param name="offset">Where the node starts.</param>
        /// <param name="type">The node's type tag.</param>
        /// <param name="count">Array: number of elements; structure: number of member descriptions; otherwise 0.</param>
        /// <param name="childOffset">Array: the element description; structure: the first member description (each
        /// next member starts at the previous member's <paramref name="endOffset"/>); otherwise = <paramref name="endOffset"/>.</param>
        /// <param name="endOffset">Just past the whole node (its nested descriptions included).</param>
        public AxdrStatus GetTypeDescription(int offset, out DataType type, out int count, out int childOffset, out int endOffset)
        {
            type = DataType.NullData;
            count = 0;
            childOffset = 0;
            endOffset = 0;
            if (offset < 0)
            {
                return AxdrStatus.Invalid;
            }

            int end;
            AxdrStatus status = ParseTypeDescription(offset, _buffer.Length, out end);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            type = (DataType)_buffer[offset];
            if (type == DataType.Array)
            {
                count = GetUInt16(_buffer, offset + 1);
                childOffset = offset + 3;
            }
            else if (type == DataType.Structure)
            {
                ParseLength(offset + 1, _buffer.Length, out count, out childOffset);
            }
            else
            {
                childOffset = end;
            }

            endOffset = end;
            return AxdrStatus.Ok;
        }

        /// <summary>
        /// Moves past one untagged value (a compact-array element) of the type described at
        /// <paramref name="typeDescriptionOffset"/> (absolute, in <see cref="Buffer"/>). No recursion.
        /// </summary>
        /// <returns>Truncated when the value runs past <see cref="End"/>; Invalid for a bad description.</returns>
        public AxdrStatus SkipUntaggedValue(int typeDescriptionOffset)
        {
            if (typeDescriptionOffset < 0)
            {
                return AxdrStatus.Invalid;
            }

            int descriptionLimit = _buffer.Length;
            int descriptionEnd;
            AxdrStatus status = ParseTypeDescription(typeDescriptionOffset, descriptionLimit, out descriptionEnd);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            // The description is valid from here on: every node is well formed, non-empty and
            // within the nesting limit, so the walk below only checks the data.
            int index = _position;
            int node = typeDescriptionOffset;
            int level = 0;
            int lastEnd;
            while (true)
            {
                int tag = _buffer[node];
                if (tag == (byte)DataType.Array)
                {
                    _stackIsArray[level] = true;
                    _stackCount[level] = GetUInt16(_buffer, node + 1);
                    _stackOffset[level] = node + 3;
                    level++;
                    node += 3;
                    continue;
                }

                if (tag == (byte)DataType.Structure)
                {
                    int members;
                    int first;
                    ParseLength(node + 1, descriptionLimit, out members, out first);
                    _stackIsArray[level] = false;
                    _stackCount[level] = members;
                    level++;
                    node = first;
                    continue;
                }

                int size = SimpleSize(tag);
                if (size >= 0)
                {
                    if (_end - index < size)
                    {
                        return AxdrStatus.Truncated;
                    }

                    index += size;
                }
                else
                {
                    status = SkipLengthPrefixed(index, size == SizeBitString, _end, out index);
                    if (status != AxdrStatus.Ok)
                    {
                        return status;
                    }
                }

                // Climb: the next sibling (structure), the next element (array), or done.
                lastEnd = node + 1;
                while (true)
                {
                    if (level == 0)
                    {
                        _position = index;
                        return AxdrStatus.Ok;
                    }

                    int top = level - 1;
                    _stackCount[top]--;
                    if (_stackCount[top] > 0)
                    {
                        // A structure's next member description starts where the previous ended;
                        // an array repeats its one element description.
                        node = _stackIsArray[top] ? _stackOffset[top] : lastEnd;
                        break;
                    }

                    // Container finished; its description ends where its last child's ended.
                    level--;
                }
            }
        }

        /// <summary>
        /// Counts the elements in compact-array contents by walking them, and checks that they
        /// fill the contents exactly. The cursor does not move.
        /// </summary>
        /// <returns>Invalid when an element runs past the contents or the description is bad;
        /// Truncated when the contents range runs past <see cref="End"/>.</returns>
        public AxdrStatus CountCompactArrayElements(int typeDescriptionOffset, int contentsOffset, int contentsLength,
                                                    out int count)
        {
            count = 0;
            if (contentsOffset < _start || contentsLength < 0 || contentsOffset > _end)
            {
                return AxdrStatus.Invalid;
            }

            if (contentsLength > _end - contentsOffset)
            {
                return AxdrStatus.Truncated;
            }

            int savedPosition = _position;
            int savedEnd = _end;
            _position = contentsOffset;
            _end = contentsOffset + contentsLength;
            int elements = 0;
            AxdrStatus status = AxdrStatus.Ok;
            while (_position < _end)
            {
                status = SkipUntaggedValue(typeDescriptionOffset);
                if (status != AxdrStatus.Ok)
                {
                    // Inside verified contents, running out of bytes means the element
                    // does not fit the contents: malformed, not truncated.
                    if (status == AxdrStatus.Truncated)
                    {
                        status = AxdrStatus.Invalid;
                    }

                    break;
                }

                elements++;
            }

            _position = savedPosition;
            _end = savedEnd;
            if (status == AxdrStatus.Ok)
            {
                count = elements;
            }

            return status;
        }

        /// <summary>
        /// Checks the compact-array at <paramref name="index"/> (tag already known to be 0x13):
        /// description valid and within <see cref="End"/>, contents length form, contents present.
        /// </summary>
        private AxdrStatus ParseCompactArray(int index, out int descriptionEnd, out int contentsOffset, out int contentsLength)
        {
            contentsOffset = 0;
            contentsLength = 0;
            AxdrStatus status = ParseTypeDescription(index + 1, _end, out descriptionEnd);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            int length;
            int next;
            status = ParseLength(descriptionEnd, _end, out length, out next);
            if (status != AxdrStatus.Ok)
            {
                return status;
            }

            if (length > _end - next)
            {
                return AxdrStatus.Truncated;
            }

            contentsOffset = next;
            contentsLength = length;
            return AxdrStatus.Ok;
        }

        /// <summary>
        /// Validates the type description at <paramref name="index"/> (bytes up to
        /// <paramref name="limit"/>) and finds its end, with an explicit stack.
        /// </summary>
        private AxdrStatus ParseTypeDescription(int index, int limit, out int end)
        {
            end = index;
            int level = 0;
            _descStack[0] = 1;
            while (true)
            {
                while (_descStack[level] == 0)
                {
                    if (level == 0)
                    {
                        end = index;
                        return AxdrStatus.Ok;
                    }

                    level--;
                }

                _descStack[level]--;
                if (index >= limit)
                {
                    return AxdrStatus.Truncated;
                }

                int tag = _buffer[index];
                if (tag == (byte)DataType.Array || tag == (byte)DataType.Structure)
                {
                    int children;
                    if (tag == (byte)DataType.Array)
                    {
                        // number-of-elements is a fixed uint16 here, not a length form.
                        if (limit - index < 3)
                        {
                            return AxdrStatus.Truncated;
                        }

                        if (GetUInt16(_buffer, index + 1) == 0)
                        {
                            return AxdrStatus.Invalid;
                        }

                        children = 1;
                        index += 3;
                    }
                    else
                    {
                        AxdrStatus status = ParseLength(index + 1, limit, out children, out index);
                        if (status != AxdrStatus.Ok)
                        {
                            return status;
                        }

                        if (children == 0)
                        {
                            return AxdrStatus.Invalid;
                        }
                    }

                    if (level >= _maxDepth)
                    {
                        return AxdrStatus.Invalid;
                    }

                    level++;
                    _descStack[level] = children;
                    continue;
                }

                // Simple types only; null-data has no size (see the remarks above).
                if (tag == (byte)DataType.NullData || SimpleSize(tag) == SizeNotSimple)
                {
                    return AxdrStatus.Invalid;
                }

                index++;
            }
        }
    }
}
