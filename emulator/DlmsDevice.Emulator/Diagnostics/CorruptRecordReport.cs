using System.Collections.Generic;
using DlmsDevice.Meter;
using DlmsDevice.Meter.Persistence;

namespace DlmsDevice.Emulator.Diagnostics
{
    /// <summary>
    /// The warning at start-up when the state directory held records the meter could not use
    /// (the engine logs event 14 once and goes on with safe defaults): one line saying how many,
    /// then one line per record with what it holds and what is wrong.
    /// </summary>
    public static class CorruptRecordReport
    {
        /// <summary>The lines to log; none when the recovery found nothing wrong.</summary>
        public static string[] Lines(MeterEngine engine, string stateDirectory)
        {
            CorruptRecordList list = engine.Persistence.CorruptRecords;
            if (list.Count == 0)
            {
                return System.Array.Empty<string>();
            }
            List<string> lines = new List<string>
            {
                "Corrupt state in " + stateDirectory + ": " + list.Count + " record(s) could not be used at start (event 14 logged; the meter goes on with what was readable):",
            };
            for (int i = 0; i < list.ListedCount; i++)
            {
                lines.Add("  " + RecordNames.Describe(engine, list.GetRecordId(i)) + ": " + RecordNames.Describe(list.GetDamage(i)));
            }
            if (list.Count > list.ListedCount)
            {
                lines.Add("  ... and " + (list.Count - list.ListedCount) + " more");
            }
            return lines.ToArray();
        }
    }
}
