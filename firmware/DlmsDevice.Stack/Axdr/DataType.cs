namespace DlmsDevice.Stack.Axdr
{
    /// <summary>
    /// A-XDR data type tags: the alternatives of the COSEM <c>Data</c> CHOICE (Blue Book
    /// IEC 62056-6-2 4.1.5, Green Book "Data"). The tag byte precedes every tagged value.
    /// </summary>
    /// <remarks>
    /// Tags 7, 8, 11 and 14 are not used. The delta types (28..33) appear only inside
    /// compact-array contents of newer editions and are not supported yet.
    /// </remarks>
    public enum DataType : byte
    {
        /// <summary>null-data [0]: no value bytes.</summary>
        NullData = 0,

        /// <summary>array [1]: element count (length form) then the elements, all of one type.</summary>
        Array = 1,

        /// <summary>structure [2]: member count (length form) then the members.</summary>
        Structure = 2,

        /// <summary>boolean [3]: one byte, 0 = FALSE, anything else TRUE.</summary>
        Boolean = 3,

        /// <summary>bit-string [4]: number of bits (length form) then the bits, first bit in the most significant bit.</summary>
        BitString = 4,

        /// <summary>double-long [5]: int32 big-endian.</summary>
        DoubleLong = 5,

        /// <summary>double-long-unsigned [6]: uint32 big-endian.</summary>
        DoubleLongUnsigned = 6,

        /// <summary>octet-string [9]: length (length form) then the bytes.</summary>
        OctetString = 9,

        /// <summary>visible-string [10]: length then ISO 646 (ASCII) characters.</summary>
        VisibleString = 10,

        /// <summary>utf8-string [12]: length then UTF-8 bytes.</summary>
        Utf8String = 12,

        /// <summary>bcd [13]: one byte.</summary>
        Bcd = 13,

        /// <summary>integer [15]: int8.</summary>
        Integer = 15,

        /// <summary>long [16]: int16 big-endian.</summary>
        Long = 16,

        /// <summary>unsigned [17]: uint8.</summary>
        Unsigned = 17,

        /// <summary>long-unsigned [18]: uint16 big-endian.</summary>
        LongUnsigned = 18,

        /// <summary>compact-array [19]: type-description, then contents length and the untagged contents.</summary>
        CompactArray = 19,

        /// <summary>long64 [20]: int64 big-endian.</summary>
        Long64 = 20,

        /// <summary>long64-unsigned [21]: uint64 big-endian.</summary>
        Long64Unsigned = 21,

        /// <summary>enum [22]: one byte.</summary>
        Enum = 22,

        /// <summary>float32 [23]: IEEE 754 single, big-endian.</summary>
        Float32 = 23,

        /// <summary>float64 [24]: IEEE 754 double, big-endian.</summary>
        Float64 = 24,

        /// <summary>date-time [25]: 12 bytes (see <see cref="CosemDateTime"/>); usually sent as octet-string instead.</summary>
        DateTime = 25,

        /// <summary>date [26]: 5 bytes.</summary>
        Date = 26,

        /// <summary>time [27]: 4 bytes.</summary>
        Time = 27,
    }
}
