namespace DlmsDevice.Meter
{
    /// <summary>Direction of the energy a pulse input counts (OBIS C = 1 import +A, C = 2 export -A).</summary>
    public enum EnergyDirection : byte
    {
        /// <summary>Active energy import (+A, from the grid): 1.0.1.8.0.255.</summary>
        Import = 0,

        /// <summary>Active energy export (-A, to the grid): 1.0.2.8.0.255.</summary>
        Export = 1,
    }
}
