namespace DlmsDevice.Stack.Cosem
{
    /// <summary>clock_base of the Clock object (Blue Book IC 8, attribute 9).</summary>
    public enum ClockBase : byte
    {
        /// <summary>not defined (0).</summary>
        NotDefined = 0,
        /// <summary>internal crystal (1).</summary>
        InternalCrystal = 1,
        /// <summary>mains frequency 50 Hz (2).</summary>
        Mains50Hz = 2,
        /// <summary>mains frequency 60 Hz (3).</summary>
        Mains60Hz = 3,
        /// <summary>GPS (4).</summary>
        Gps = 4,
        /// <summary>radio controlled (5).</summary>
        RadioControlled = 5,
    }
}
