namespace DlmsDevice.Client
{
    /// <summary>
    /// A-XDR data type tags of the COSEM <c>Data</c> CHOICE (IEC 62056-6-2, DLMS Blue Book 4.1.5).
    /// </summary>
    public enum DataType : byte
    {
        /// <summary>null-data [0].</summary>
        Null = 0,
        /// <summary>array [1]: SEQUENCE OF Data, all elements of one type.</summary>
        Array = 1,
        /// <summary>structure [2]: SEQUENCE OF Data.</summary>
        Structure = 2,
        /// <summary>boolean [3].</summary>
        Boolean = 3,
        /// <summary>bit-string [4]: count of bits, then the bits MSB first.</summary>
        BitString = 4,
        /// <summary>double-long [5]: Integer32.</summary>
        DoubleLong = 5,
        /// <summary>double-long-unsigned [6]: Unsigned32.</summary>
        DoubleLongUnsigned = 6,
        /// <summary>octet-string [9].</summary>
        OctetString = 9,
        /// <summary>visible-string [10] (ASCII).</summary>
        VisibleString = 10,
        /// <summary>utf8-string [12].</summary>
        Utf8String = 12,
        /// <summary>bcd [13]: one byte.</summary>
        Bcd = 13,
        /// <summary>integer [15]: Integer8.</summary>
        Integer = 15,
        /// <summary>long [16]: Integer16.</summary>
        Long = 16,
        /// <summary>unsigned [17]: Unsigned8.</summary>
        Unsigned = 17,
        /// <summary>long-unsigned [18]: Unsigned16.</summary>
        LongUnsigned = 18,
        /// <summary>compact-array [19]: a type description followed by untagged contents.</summary>
        CompactArray = 19,
        /// <summary>long64 [20]: Integer64.</summary>
        Long64 = 20,
        /// <summary>long64-unsigned [21]: Unsigned64.</summary>
        Long64Unsigned = 21,
        /// <summary>enum [22]: one byte.</summary>
        Enum = 22,
        /// <summary>float32 [23]: IEEE 754 single precision.</summary>
        Float32 = 23,
        /// <summary>float64 [24]: IEEE 754 double precision.</summary>
        Float64 = 24,
        /// <summary>date-time [25]: 12 bytes.</summary>
        DateTime = 25,
        /// <summary>date [26]: 5 bytes.</summary>
        Date = 26,
        /// <summary>time [27]: 4 bytes.</summary>
        Time = 27,
        /// <summary>delta-integer [28] (Blue Book ed. 14+).</summary>
        DeltaInteger = 28,
        /// <summary>delta-long [29].</summary>
        DeltaLong = 29,
        /// <summary>delta-double-long [30].</summary>
        DeltaDoubleLong = 30,
        /// <summary>delta-unsigned [31].</summary>
        DeltaUnsigned = 31,
        /// <summary>delta-long-unsigned [32].</summary>
        DeltaLongUnsigned = 32,
        /// <summary>delta-double-long-unsigned [33].</summary>
        DeltaDoubleLongUnsigned = 33,
    }
}
