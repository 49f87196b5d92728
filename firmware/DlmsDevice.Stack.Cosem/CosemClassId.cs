namespace DlmsDevice.Stack.Cosem
{
    /// <summary>
    /// The class_id of every COSEM interface class the stack implements or refers to (Blue Book,
    /// DLMS UA 1000-1, chapter 4). One list, so that a class id is written by its name everywhere:
    /// the constructors of the classes, the services, the meter model, the tests.
    /// </summary>
    /// <remarks>
    /// The attribute and method indexes of each class are nested in the class itself
    /// (<c>Clock.Attributes.Time</c>, <c>Clock.Methods.AdjustToQuarter</c>).
    /// </remarks>
    public static class CosemClassId
    {
        /// <summary>Data (Blue Book 4.3.1), class_id 1: <see cref="Cosem.Data"/>, <see cref="InvocationCounterData"/>.</summary>
        public const ushort Data = 1;

        /// <summary>Register (Blue Book 4.3.2), class_id 3: <see cref="Cosem.Register"/>.</summary>
        public const ushort Register = 3;

        /// <summary>Extended register (Blue Book 4.3.4), class_id 4: <see cref="Cosem.ExtendedRegister"/>.</summary>
        public const ushort ExtendedRegister = 4;

        /// <summary>Demand register (Blue Book 4.3.5), class_id 5: <see cref="Cosem.DemandRegister"/>.</summary>
        public const ushort DemandRegister = 5;

        /// <summary>Profile generic (Blue Book 4.3.6), class_id 7: <see cref="Cosem.ProfileGeneric"/>.</summary>
        public const ushort ProfileGeneric = 7;

        /// <summary>Clock (Blue Book 4.5.1), class_id 8: <see cref="Cosem.Clock"/>.</summary>
        public const ushort Clock = 8;

        /// <summary>Association LN (Blue Book 4.4.4), class_id 15: <see cref="Cosem.AssociationLogicalName"/>, <see cref="CurrentAssociation"/>.</summary>
        public const ushort AssociationLogicalName = 15;

        /// <summary>SAP assignment (Blue Book 4.4.6), class_id 17: <see cref="Cosem.SapAssignment"/>.</summary>
        public const ushort SapAssignment = 17;

        /// <summary>IEC HDLC setup (Blue Book 4.7.7), class_id 23: <see cref="Cosem.IecHdlcSetup"/>.</summary>
        public const ushort IecHdlcSetup = 23;

        /// <summary>Push setup (Blue Book 4.4.8), class_id 40: <see cref="Cosem.PushSetup"/>.</summary>
        public const ushort PushSetup = 40;

        /// <summary>TCP-UDP setup (Blue Book 4.7.10), class_id 41: <see cref="Cosem.TcpUdpSetup"/>.</summary>
        public const ushort TcpUdpSetup = 41;

        /// <summary>Security setup (Blue Book 4.4.7), class_id 64: <see cref="Cosem.SecuritySetup"/>.</summary>
        public const ushort SecuritySetup = 64;

        /// <summary>Disconnect control (Blue Book 4.5.8), class_id 70: <see cref="Cosem.DisconnectControl"/>.</summary>
        public const ushort DisconnectControl = 70;
    }
}
