using DlmsDevice.Stack.Axdr;

namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// What a <see cref="ProfileGeneric"/> needs only while one of its calls runs (a capture, a
    /// read, a range scan): a scratch buffer, a reader, a writer, a context for its own reads,
    /// a cursor and two date-times. The profiles of one meter share one, because they are never
    /// in a call at the same time (requests and the meter's tick take turns on the meter's
    /// lock): on nanoCLR this is about 1.4 KB of heap per profile saved (docs/benchmarks.md).
    /// Profiles that may be called from different threads each need their own (what the
    /// constructors without a workspace make).
    /// </summary>
    public sealed class ProfileWorkspace
    {
        /// <summary>Allocates the workspace (configuration time).</summary>
        public ProfileWorkspace()
        {
            Scratch = new byte[ProfileGeneric.ScratchSize];
            Writer = new AxdrWriter();
            Reader = new AxdrReader();
            Context = new CosemContext();
            Cursor = new ArrayCursor();
            From = new CosemDateTime();
            To = new CosemDateTime();
        }

        /// <summary>Measuring a column, capturing an attribute read with data_index &gt; 0.</summary>
        internal byte[] Scratch { get; private set; }

        /// <summary>Encodes captured values into their slots.</summary>
        internal AxdrWriter Writer { get; private set; }

        /// <summary>Reads slots and the scratch.</summary>
        internal AxdrReader Reader { get; private set; }

        /// <summary>The context of the profiles' own reads (their captures by the meter); also for the meter's other internal calls.</summary>
        public CosemContext Context { get; private set; }

        /// <summary>The rows of a GET served whole (without blocks).</summary>
        internal ArrayCursor Cursor { get; private set; }

        /// <summary>Range selection: from_value, then each row's date-time during the scan.</summary>
        internal CosemDateTime From { get; private set; }

        /// <summary>Range selection: to_value.</summary>
        internal CosemDateTime To { get; private set; }
    }
}
