namespace DlmsDevice.Benchmarks
{
    /// <summary>
    /// The request APDUs the benchmarks send (shapes from the Green Book examples (AARQ/AARE, GET)
    /// and the recorded clients, docs/interop.md) and the start of the answer each must get.
    /// </summary>
    internal static class Apdus
    {
        /// <summary>AARQ of the public client (Gurux-style, no authentication, conformance 00 1E 1D, client PDU FFFF).</summary>
        public const string AarqPublic = "60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";

        /// <summary>AARQ with LLS password "12345678" (management client).</summary>
        public const string AarqLls = "60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0A 80 08 31 32 33 34 35 36 37 38 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF";

        /// <summary>AARE accepted: A2 (result) 03 02 01 00 follows the application context.</summary>
        public const string AareStart = "61";

        public const string Rlrq = "62 03 80 01 00";
        public const string Rlre = "63 03 80 01 00";

        /// <summary>GET-Request-Normal, Register 1.0.1.8.0.255 attribute 2 (value).</summary>
        public const string GetRegisterValue = "C0 01 C1 0003 0100010800FF 02 00";
        public const string GetRegisterValueResponse = "C4 01 C1 00 06";

        /// <summary>GET-Request-Normal, Clock 0.0.1.0.0.255 attribute 2 (time).</summary>
        public const string GetClockTime = "C0 01 C1 0008 0000010000FF 02 00";
        public const string GetClockTimeResponse = "C4 01 C1 00 09 0C";

        /// <summary>GET-Request-With-List: register value, clock time, register scaler_unit.</summary>
        public const string GetWithList = "C0 03 C1 03 0003 0100010800FF 02 00 0008 0000010000FF 02 00 0003 0100010800FF 03 00";
        public const string GetWithListResponse = "C4 03 C1 03 00 06";

        /// <summary>GET of the last object of the object_list, Data 0.128.96.1.80.255 = 280 (the list is searched linearly).</summary>
        public const string GetLastObjectValue = "C0 01 C1 0001 00806001 50FF 02 00";
        public const string GetLastObjectValueResponse = "C4 01 C1 00 12 01 18";

        /// <summary>SET-Request-Normal of the clock time (2021-01-24 14:48:57.80, deviation -60).</summary>
        public const string SetClockTime = "C1 01 C1 0008 0000010000FF 02 00 09 0C 07E5 01 18 FF 0E 30 39 50 FF C4 00";
        public const string SetClockTimeResponse = "C5 01 C1 00";

        /// <summary>ACTION-Request-Normal, Register 1.0.1.8.0.255 method 1 (reset), parameter integer 0.</summary>
        public const string ResetRegister = "C3 01 C1 0003 0100010800FF 01 01 0F 00";
        public const string ResetRegisterResponse = "C7 01 C1 00 00";

        /// <summary>GET-Request-Normal of the object_list (current association 0.0.40.0.0.255 attribute 2).</summary>
        public const string GetObjectList = "C0 01 C1 000F 0000280000FF 02 00";

        /// <summary>GET-Request-Next without the block number (4 bytes, big-endian, appended at offset 3).</summary>
        public const string GetNextPrefix = "C0 02 C1 00000000";

        /// <summary>A datablock: C4 02 iid last-block block-number(4) 00 (raw-data).</summary>
        public const string DataBlockStart = "C4 02 C1";
    }
}
