namespace DlmsDevice.Client
{
    /// <summary>A register value together with its scaler_unit.</summary>
    public sealed record ScaledValue(DlmsValue Value, ScalerUnit ScalerUnit)
    {
        /// <summary>value × 10^scaler.</summary>
        public decimal Scaled => ScalerUnit.Apply(Value);

        /// <summary>"12345 Wh", "235.6 V".</summary>
        public override string ToString() => ScalerUnit.Format(Value);

        /// <summary>
        /// The attribute holding the scaler_unit that applies to a value attribute: Register (3) and
        /// Extended register (4) attr 2 → attr 3; Demand register (5) attr 2/3 → attr 4; else null.
        /// </summary>
        public static sbyte? ScalerAttributeFor(ushort classId, sbyte attributeId) => (classId, attributeId) switch
        {
            (3, 2) or (4, 2) => 3,
            (5, 2) or (5, 3) => 4,
            _ => null,
        };
    }
}
