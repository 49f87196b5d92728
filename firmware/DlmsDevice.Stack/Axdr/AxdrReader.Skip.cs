namespace DlmsDevice.Stack.Axdr
{
    /// <summary>Skipping whole values without recursion.</summary>
    public sealed partial class AxdrReader
    {
        // Value size classes for SimpleSize.
        private const int SizeLengthPrefixed = -2;  // octet-string, visible-string, utf8-string
        private const int SizeBitString = -3;       // bit count, then (bits + 7) / 8 bytes
        private const int SizeNotSimple = -1;       // array, structure, compact-array or unknown

        /// <summary>
        /// Moves past one whole Data value of any kind and depth: arrays and structures with all
        /// their elements, compact arrays (type description and contents), strings, numbers.
        /// </summary>
        /// <remarks>
        /// Walks with an explicit stack (no recursion), so hostile nesting cannot exhaust the
        /// call stack: more than <see cref="MaxDepth"/> nested arrays/structures is Invalid.
        /// Compact-array contents are skipped by their length, not parsed.
        /// </remarks>
        /// <returns>Truncated when the value runs past <see cref="End"/>; Invalid for an unknown
        /// tag, a bad length form or too deep nesting. The position is unchanged on failure.</returns>
        public AxdrStatus SkipValue()
        {
            int index = _position;
            int level = 0;
            _stackCount[0] = 1;

            while (true)
            {
                // Climb out of finished containers; done when the top-level value is finished.
                while (_stackCount[level] == 0)
                {
                    if (level == 0)
                    {
                        _position = index;
                        return AxdrStatus.Ok;
                    }

                    level--;
                }

                _stackCount[level]--;
                if (index >= _end)
                {
                    return AxdrStatus.Truncated;
                }

                int tag = _buffer[index];
                int size = SimpleSize(tag);
                AxdrStatus status;
                if (size >= 0)
                {
                    if (_end - index - 1 < size)
                    {
                        return AxdrStatus.Truncated;
                    }

                    index += 1 + size;
                    continue;
                }

                if (size == SizeLengthPrefixed || size == SizeBitString)
                {
                    status = SkipLengthPrefixed(index + 1, size == SizeBitString, _end, out index);
                    if (status != AxdrStatus.Ok)
                    {
                        return status;
                    }

                    continue;
                }

                if (tag == (byte)DataType.Array || tag == (byte)DataType.Structure)
                {
                    int count;
                    status = ParseLength(index + 1, _end, out count, out index);
                    if (status != AxdrStatus.Ok)
                    {
                        return status;
                    }

                    if (count > 0)
                    {
                        if (level >= _maxDepth)
                        {
                            return AxdrStatus.Invalid;
                        }

                        level++;
                        _stackCount[level] = count;
                    }

                    continue;
                }

                if (tag == (byte)DataType.CompactArray)
                {
                    int descriptionEnd;
                    int contentsOffset;
                    int contentsLength;
                    status = ParseCompactArray(index, out descriptionEnd, out contentsOffset, out contentsLength);
                    if (status != AxdrStatus.Ok)
                    {
                        return status;
                    }

                    index = contentsOffset + contentsLength;
                    continue;
                }

                return AxdrStatus.Invalid;
            }
        }

        /// <summary>
        /// Value size in bytes of a tag whose value has a fixed size (null-data 0, boolean 1, ...,
        /// date-time 12), or one of the SizeXxx classes.
        /// </summary>
        private static int SimpleSize(int tag)
        {
            switch ((DataType)tag)
            {
                case DataType.NullData:
                    return 0;
                case DataType.Boolean:
                case DataType.Bcd:
                case DataType.Integer:
                case DataType.Unsigned:
                case DataType.Enum:
                    return 1;
                case DataType.Long:
                case DataType.LongUnsigned:
                    return 2;
                case DataType.DoubleLong:
                case DataType.DoubleLongUnsigned:
                case DataType.Float32:
                case DataType.Time:
                    return 4;
                case DataType.Date:
                    return 5;
                case DataType.Long64:
                case DataType.Long64Unsigned:
                case DataType.Float64:
                    return 8;
                case DataType.DateTime:
                    return 12;
                case DataType.OctetString:
                case DataType.VisibleString:
                case DataType.Utf8String:
                    return SizeLengthPrefixed;
                case DataType.BitString:
                    return SizeBitString;
                default:
                    return SizeNotSimple;
            }
        }

        /// <summary>Skips a length (or bit count) at <paramref name="index"/> and the bytes it announces.</summary>
        private AxdrStatus SkipLengthPrefixed(int index, bool bitString, int limit, out int next)
        {
            int length;
            AxdrStatus status = ParseLength(index, limit, out length, out next);
            if (status != AxdrStatus.Ok)
            {
                next = index;
                return status;
            }

            if (bitString)
            {
                length = BitStringBytes(length);
            }

            if (length > limit - next)
            {
                next = index;
                return AxdrStatus.Truncated;
            }

            next += length;
            return AxdrStatus.Ok;
        }
    }
}
