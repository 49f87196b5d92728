namespace DlmsDevice.Meter.Persistence
{
    /// <summary>What a record id of <see cref="MeterPersistence"/> holds (<see cref="MeterPersistence.DescribeRecord"/>).</summary>
    public enum MeterRecordKind : byte
    {
        /// <summary>Not one of the meter's record ids.</summary>
        None = 0,

        /// <summary>The checkpoint (energy, maximum demand, schedules, clock).</summary>
        Checkpoint = 1,

        /// <summary>The settings (disconnect state and mode, time zone, daylight saving).</summary>
        Settings = 2,

        /// <summary>The invocation counters of the management association's keys.</summary>
        SecurityCounters = 3,

        /// <summary>A chunk of rows of a profile (load profile, daily profile, event log, billing profile).</summary>
        ProfileChunk = 4,

        /// <summary>The tamper state (alarm register, cumulative tamper count, the detections in force).</summary>
        TamperState = 5,

        /// <summary>The configuration of an object that acts on its own (a script table, a schedule, a calendar; docs/billing-and-tariffs.md).</summary>
        Configuration = 6,
    }
}
