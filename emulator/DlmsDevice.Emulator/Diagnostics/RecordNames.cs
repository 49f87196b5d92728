using DlmsDevice.Meter;
using DlmsDevice.Meter.Persistence;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Emulator.Diagnostics
{
    /// <summary>What a record of the state directory holds, in words: "record 57 (load profile 1.0.99.1.0.255, chunk 54)".</summary>
    public static class RecordNames
    {
        /// <summary>Names record <paramref name="recordId"/> of <paramref name="engine"/>'s persistence.</summary>
        public static string Describe(MeterEngine engine, int recordId)
        {
            MeterRecordKind kind = engine.Persistence.DescribeRecord(recordId, out int profile, out int chunk);
            string what = kind switch
            {
                MeterRecordKind.Checkpoint => "checkpoint: energy, maximum demand, schedules, clock",
                MeterRecordKind.Settings => "settings: disconnect state, time zone, daylight saving",
                MeterRecordKind.SecurityCounters => "invocation counters of client 48",
                MeterRecordKind.ProfileChunk => Profile(engine, profile) + ", chunk " + chunk,
                MeterRecordKind.TamperState => "tamper state: alarm register, tamper count, detections in force",
                MeterRecordKind.Configuration => "configuration of a script table, schedule, monitor, limiter or calendar",
                _ => "not a record of this meter",
            };
            return "record " + recordId + " (" + what + ")";
        }

        /// <summary>What is wrong, in words.</summary>
        public static string Describe(RecordDamage damage)
        {
            return damage switch
            {
                RecordDamage.Unreadable => "the medium failed while it was read",
                RecordDamage.Undecodable => "valid bytes that are not a record of this format or layout (another version or row width): not used",
                RecordDamage.InvalidRow => "holds a row that is not one of the current columns: that row and the older ones were dropped",
                RecordDamage.Missing => "missing while other records exist: energy and maximum demand start again from 0",
                _ => damage.ToString(),
            };
        }

        private static string Profile(MeterEngine engine, int index)
        {
            ProfileGeneric profile = engine.Persistence.GetProfile(index);
            string what = profile == engine.LoadProfile ? "load profile"
                : profile == engine.DailyProfile ? "daily profile"
                : profile == engine.BillingProfile ? "billing profile"
                : "event log";
            return what + " " + Dotted(profile.LogicalName);
        }

        // 1.0.99.1.0.255, as the README and the client write OBIS codes.
        private static string Dotted(ObisCode code)
        {
            return code.A + "." + code.B + "." + code.C + "." + code.D + "." + code.E + "." + code.F;
        }
    }
}
