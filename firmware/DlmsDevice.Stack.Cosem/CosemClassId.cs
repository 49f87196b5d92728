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

        /// <summary>Register activation (Blue Book, IC 6), class_id 6: <c>RegisterActivation</c> (DlmsDevice.Stack.Cosem.Schedules).</summary>
        public const ushort RegisterActivation = 6;

        /// <summary>Profile generic (Blue Book 4.3.6), class_id 7: <see cref="Cosem.ProfileGeneric"/>.</summary>
        public const ushort ProfileGeneric = 7;

        /// <summary>Clock (Blue Book 4.5.1), class_id 8: <see cref="Cosem.Clock"/>.</summary>
        public const ushort Clock = 8;

        /// <summary>Script table (Blue Book, IC 9), class_id 9: <c>ScriptTable</c> (DlmsDevice.Stack.Cosem.Schedules).</summary>
        public const ushort ScriptTable = 9;

        /// <summary>Special days table (Blue Book, IC 11), class_id 11: <c>SpecialDaysTable</c> (DlmsDevice.Stack.Cosem.Schedules).</summary>
        public const ushort SpecialDaysTable = 11;

        /// <summary>Association LN (Blue Book 4.4.4), class_id 15: <see cref="Cosem.AssociationLogicalName"/>, <see cref="CurrentAssociation"/>.</summary>
        public const ushort AssociationLogicalName = 15;

        /// <summary>SAP assignment (Blue Book 4.4.6), class_id 17: <see cref="Cosem.SapAssignment"/>.</summary>
        public const ushort SapAssignment = 17;

        /// <summary>Activity calendar (Blue Book, IC 20), class_id 20: <c>ActivityCalendar</c> (DlmsDevice.Stack.Cosem.Schedules).</summary>
        public const ushort ActivityCalendar = 20;

        /// <summary>Register monitor (Blue Book, IC 21), class_id 21: <c>RegisterMonitor</c> (DlmsDevice.Stack.Cosem.Schedules).</summary>
        public const ushort RegisterMonitor = 21;

        /// <summary>Single action schedule (Blue Book, IC 22), class_id 22: <c>SingleActionSchedule</c> (DlmsDevice.Stack.Cosem.Schedules).</summary>
        public const ushort SingleActionSchedule = 22;

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

        /// <summary>Limiter (Blue Book, IC 71), class_id 71: <c>Limiter</c> (DlmsDevice.Stack.Cosem.Schedules).</summary>
        public const ushort Limiter = 71;
    }
}
