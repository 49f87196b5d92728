using System;

namespace DlmsDevice.Emulator.Diagnostics
{
    /// <summary>A snapshot of whether the meter's state can be written (<see cref="MonitoredStorageMedium.GetHealth"/>).</summary>
    public sealed class StateHealth
    {
        /// <summary>Creates the snapshot.</summary>
        public StateHealth(int[] failingRecords, long failedWrites, long failedReads, DateTime sinceUtc)
        {
            FailingRecords = failingRecords;
            FailedWrites = failedWrites;
            FailedReads = failedReads;
            SinceUtc = sinceUtc;
        }

        /// <summary>True while the last write of some record failed: state cannot be saved.</summary>
        public bool IsFailing => FailingRecords.Length > 0;

        /// <summary>The records whose last write failed, in id order.</summary>
        public int[] FailingRecords { get; }

        /// <summary>Slot writes that failed since the start.</summary>
        public long FailedWrites { get; }

        /// <summary>Slot reads that failed since the start.</summary>
        public long FailedReads { get; }

        /// <summary>When the current state (failing or not) began.</summary>
        public DateTime SinceUtc { get; }
    }
}
