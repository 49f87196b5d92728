using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Meter
{
    /// <summary>Called after the maximum demand register was reset (value and capture_time already set).</summary>
    public delegate void MaximumDemandResetHandler();

    /// <summary>
    /// The maximum demand register (Extended register, class_id 4): an
    /// <see cref="ExtendedRegister"/> that tells the engine after a reset (method 1, MD reset),
    /// once both the value (0) and capture_time (now) are in place, so the engine saves exactly
    /// what a client then reads.
    /// </summary>
    public sealed class MaximumDemandRegister : ExtendedRegister
    {
        private readonly MaximumDemandResetHandler _afterReset;

        /// <summary>A double-long-unsigned W register; <paramref name="afterReset"/> runs after every reset.</summary>
        public MaximumDemandRegister(ObisCode logicalName, MaximumDemandResetHandler afterReset)
            : base(logicalName, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.Watt, null)
        {
            _afterReset = afterReset;
        }

        /// <summary>Method 1 (reset): value := 0, capture_time := now, then the engine saves it.</summary>
        public override void Reset()
        {
            base.Reset();
            if (_afterReset != null)
            {
                _afterReset();
            }
        }
    }
}
