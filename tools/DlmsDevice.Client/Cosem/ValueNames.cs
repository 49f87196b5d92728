using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// Names of enumerated attribute values (Blue Book) and of event codes, so values read for people
    /// say "connected" rather than <c>enum:1</c> and "remote disconnection" rather than <c>u8:62</c>.
    /// </summary>
    public static class ValueNames
    {
        /// <summary>The name of an enum value of a class attribute, or null when unknown.</summary>
        public static string? EnumName(ushort classId, int attributeId, long value) => (classId, attributeId, value) switch
        {
            (70, 3, 0) => "disconnected",
            (70, 3, 1) => "connected",
            (70, 3, 2) => "ready_for_reconnection",
            (70, 4, long mode) when mode is >= 0 and <= 6 => "mode " + mode.ToString(CultureInfo.InvariantCulture),
            (8, 9, 0) => "not defined",
            (8, 9, 1) => "internal crystal",
            (8, 9, 2) => "mains frequency 50 Hz",
            (8, 9, 3) => "mains frequency 60 Hz",
            (8, 9, 4) => "GPS",
            (8, 9, 5) => "radio controlled",
            (15, 8, 0) => "non-associated",
            (15, 8, 1) => "association-pending",
            (15, 8, 2) => "associated",
            (7, 5, 1) => "fifo",
            (7, 5, 2) => "lifo",
            (7, 5, 3) => "largest",
            (7, 5, 4) => "smallest",
            (7, 5, 5) => "nearest_to_zero",
            (7, 5, 6) => "farthest_from_zero",
            (23, 2, long speed) when speed is >= 0 and <= 9 => s_baud[speed].ToString(CultureInfo.InvariantCulture) + " Bd",
            (64, 3, 0) => "AES-GCM-128",
            (64, 3, 1) => "ECDH-ECDSA-AES-GCM-128-SHA-256",
            (64, 3, 2) => "ECDH-ECDSA-AES-GCM-256-SHA-384",
            _ => null,
        };

        private static readonly int[] s_baud = { 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200 };

        /// <summary>True for an event code object (Data 0.0.96.11.e.255), whose value names the last event.</summary>
        public static bool IsEventCodeObject(ObisCode obis) => obis.A == 0 && obis.B == 0 && obis.C == 96 && obis.D == 11 && obis.F == 255;

        /// <summary>
        /// The name of an event code of the standard event log, as the default meter logs them
        /// (the IDIS numbers, docs/metering.md "Events"; the tariff and limiter events,
        /// docs/billing-and-tariffs.md; the theft detections' 230..235, docs/tamper.md; the register
        /// monitors' 240..245, docs/billing-and-tariffs.md), or null for a code it does not use.
        /// </summary>
        public static string? EventName(long code) => code switch
        {
            1 => "power down",
            2 => "power up",
            4 => "clock adjusted (old time)",
            5 => "clock adjusted (new time)",
            9 => "tariff activated",
            14 => "non-volatile memory error",
            19 => "passive tariff updated",
            40 => "terminal cover removed",
            41 => "terminal cover closed",
            42 => "strong DC field detected",
            43 => "no strong DC field anymore",
            59 => "disconnector ready for manual reconnection",
            60 => "manual disconnection",
            61 => "manual connection",
            62 => "remote disconnection",
            63 => "remote connection",
            64 => "local disconnection",
            65 => "limiter threshold exceeded",
            66 => "limiter threshold ok",
            67 => "limiter threshold changed",
            69 => "local reconnection",
            76 => "under voltage L1",
            79 => "over voltage L1",
            82 => "missing voltage L1",
            85 => "voltage L1 normal",
            230 => "reverse current flow",
            231 => "reverse current flow ended",
            232 => "phase/neutral current mismatch",
            233 => "phase/neutral current mismatch ended",
            234 => "current without voltage",
            235 => "current without voltage ended",
            240 => "over current L1 (register monitor)",
            241 => "over current L1 ended (register monitor)",
            242 => "over power import (register monitor)",
            243 => "over power import ended (register monitor)",
            244 => "voltage swell L1 (register monitor)",
            245 => "voltage swell L1 ended (register monitor)",
            _ => null,
        };
    }
}
