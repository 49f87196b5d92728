using System;
using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <content>A-XDR encoding and decoding of the held value.</content>
    public sealed partial class CosemValue
    {
        /// <summary>
        /// Refreshes from the <see cref="Source"/> and writes the value as one tagged A-XDR Data.
        /// </summary>
        /// <returns>False when it did not fit (the writer's Overflow flag is set; the caller rewinds).</returns>
        public bool Encode(AxdrWriter writer)
        {
            Refresh();
            return EncodeContent(writer);
        }

        /// <summary>Writes the value as it is now, without asking the source.</summary>
        /// <returns>False when it did not fit.</returns>
        public bool EncodeContent(AxdrWriter writer)
        {
            switch (_type)
            {
                case DataType.NullData:
                    return writer.WriteNull();
                case DataType.Boolean:
                    return writer.WriteBoolean(_integer != 0);
                case DataType.BitString:
                    return writer.WriteBitString(_bytes, 0, _length);
                case DataType.DoubleLong:
                    return writer.WriteDoubleLong((int)_integer);
                case DataType.DoubleLongUnsigned:
                    return writer.WriteDoubleLongUnsigned((uint)_integer);
                case DataType.OctetString:
                    return writer.WriteOctetString(_bytes, 0, _length);
                case DataType.VisibleString:
                    return writer.WriteVisibleString(_bytes, 0, _length);
                case DataType.Utf8String:
                    return writer.WriteUtf8String(_bytes, 0, _length);
                case DataType.Bcd:
                    return writer.WriteBcd((byte)_integer);
                case DataType.Integer:
                    return writer.WriteInteger((sbyte)_integer);
                case DataType.Long:
                    return writer.WriteLong((short)_integer);
                case DataType.Unsigned:
                    return writer.WriteUnsigned((byte)_integer);
                case DataType.LongUnsigned:
                    return writer.WriteLongUnsigned((ushort)_integer);
                case DataType.Long64:
                    return writer.WriteLong64(_integer);
                case DataType.Long64Unsigned:
                    return writer.WriteLong64Unsigned((ulong)_integer);
                case DataType.Enum:
                    return writer.WriteEnum((byte)_integer);
                case DataType.Float32:
                    return writer.WriteFloat32((float)_float);
                case DataType.Float64:
                    return writer.WriteFloat64(_float);
                default:
                    // Tagged date-time (25), date (26), time (27): tag then the raw bytes.
                    if (!writer.WriteByte((byte)_type))
                    {
                        return false;
                    }
                    return writer.WriteBytes(_bytes, 0, _length);
            }
        }

        /// <summary>
        /// Takes a new value from one A-XDR Data at the reader (a client SET) and, on success,
        /// tells the <see cref="Source"/>. On failure the value and the reader are unchanged.
        /// </summary>
        /// <returns>success; type-unmatched (wrong tag, truncated or malformed); scope-of-access-violated (longer than <see cref="MaxLength"/>).</returns>
        public DataAccessResult Decode(AxdrReader reader)
        {
            if (reader == null)
            {
                return DataAccessResult.TypeUnmatched;
            }
            int start = reader.Position;
            DataType tag;
            if (reader.PeekTag(out tag) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            DataAccessResult result = DecodeContent(reader, tag);
            if (result != DataAccessResult.Success)
            {
                reader.Position = start;
                return result;
            }
            NotifyWritten();
            return DataAccessResult.Success;
        }

        private DataAccessResult DecodeContent(AxdrReader reader, DataType tag)
        {
            if (_type == DataType.DateTime || _type == DataType.Date || _type == DataType.Time)
            {
                return DecodeFixed(reader, tag);
            }
            if (tag != _type)
            {
                return DataAccessResult.TypeUnmatched;
            }
            AxdrStatus status;
            switch (_type)
            {
                case DataType.NullData:
                    status = reader.ReadNull();
                    break;
                case DataType.Boolean:
                    {
                        bool v;
                        status = reader.ReadBoolean(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v ? 1 : 0;
                        }
                        break;
                    }
                case DataType.DoubleLong:
                    {
                        int v;
                        status = reader.ReadDoubleLong(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.DoubleLongUnsigned:
                    {
                        uint v;
                        status = reader.ReadDoubleLongUnsigned(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.Bcd:
                    {
                        byte v;
                        status = reader.ReadBcd(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.Integer:
                    {
                        sbyte v;
                        status = reader.ReadInteger(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.Long:
                    {
                        short v;
                        status = reader.ReadLong(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.Unsigned:
                    {
                        byte v;
                        status = reader.ReadUnsigned(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.LongUnsigned:
                    {
                        ushort v;
                        status = reader.ReadLongUnsigned(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.Long64:
                    {
                        long v;
                        status = reader.ReadLong64(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.Long64Unsigned:
                    {
                        ulong v;
                        status = reader.ReadLong64Unsigned(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = (long)v;
                        }
                        break;
                    }
                case DataType.Enum:
                    {
                        byte v;
                        status = reader.ReadEnum(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _integer = v;
                        }
                        break;
                    }
                case DataType.Float32:
                    {
                        float v;
                        status = reader.ReadFloat32(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _float = v;
                        }
                        break;
                    }
                case DataType.Float64:
                    {
                        double v;
                        status = reader.ReadFloat64(out v);
                        if (status == AxdrStatus.Ok)
                        {
                            _float = v;
                        }
                        break;
                    }
                case DataType.BitString:
                    return DecodeBits(reader);
                default:
                    return DecodeString(reader);
            }
            return status == AxdrStatus.Ok ? DataAccessResult.Success : DataAccessResult.TypeUnmatched;
        }

        private DataAccessResult DecodeString(AxdrReader reader)
        {
            int offset;
            int length;
            AxdrStatus status;
            if (_type == DataType.OctetString)
            {
                status = reader.ReadOctetString(out offset, out length);
            }
            else if (_type == DataType.VisibleString)
            {
                status = reader.ReadVisibleString(out offset, out length);
            }
            else
            {
                status = reader.ReadUtf8String(out offset, out length);
            }
            if (status != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (length > _capacity)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            Array.Copy(reader.Buffer, offset, _bytes, 0, length);
            _length = length;
            return DataAccessResult.Success;
        }

        private DataAccessResult DecodeBits(AxdrReader reader)
        {
            int bitCount;
            int offset;
            if (reader.ReadBitString(out bitCount, out offset) != AxdrStatus.Ok)
            {
                return DataAccessResult.TypeUnmatched;
            }
            if (bitCount > _capacity)
            {
                return DataAccessResult.ScopeOfAccessViolated;
            }
            Array.Copy(reader.Buffer, offset, _bytes, 0, (bitCount + 7) / 8);
            _length = bitCount;
            return DataAccessResult.Success;
        }

        // Date-time (25), date (26), time (27): accepted with their own tag or as an octet-string
        // of exactly their size, the form DLMS clients actually send (Blue Book 4.1.6.1).
        private DataAccessResult DecodeFixed(AxdrReader reader, DataType tag)
        {
            int size = _capacity;
            int offset;
            if (tag == _type)
            {
                if (reader.Remaining < 1 + size)
                {
                    return DataAccessResult.TypeUnmatched;
                }
                offset = reader.Position + 1;
                reader.Skip(1 + size);
            }
            else if (tag == DataType.OctetString)
            {
                int length;
                if (reader.ReadOctetString(out offset, out length) != AxdrStatus.Ok || length != size)
                {
                    return DataAccessResult.TypeUnmatched;
                }
            }
            else
            {
                return DataAccessResult.TypeUnmatched;
            }
            Array.Copy(reader.Buffer, offset, _bytes, 0, size);
            _length = size;
            return DataAccessResult.Success;
        }
    }
}
