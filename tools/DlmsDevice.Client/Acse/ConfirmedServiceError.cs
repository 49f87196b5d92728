using System;
using System.Globalization;

namespace DlmsDevice.Client
{
    /// <summary>
    /// xDLMS ConfirmedServiceError (Green Book 9.5, tag 0x0E): which service failed (e.g. 1 =
    /// initiateError), the ServiceError CHOICE (e.g. 6 = initiate) and its value (e.g. 1 =
    /// dlms-version-too-low).
    /// </summary>
    public readonly record struct ConfirmedServiceError(byte Service, byte ErrorKind, byte Value)
    {
        /// <summary>Decodes <c>0E service kind value</c>.</summary>
        /// <exception cref="DlmsProtocolException">Not a ConfirmedServiceError.</exception>
        public static ConfirmedServiceError Decode(ReadOnlySpan<byte> apdu)
        {
            if (apdu.Length < 4 || apdu[0] != 0x0E)
            {
                throw new DlmsProtocolException("Malformed confirmed-service-error: " + Convert.ToHexString(apdu));
            }
            return new ConfirmedServiceError(apdu[1], apdu[2], apdu[3]);
        }

        /// <summary>True for InitiateError (service 1).</summary>
        public bool IsInitiateError => Service == 1;

        /// <summary>"initiateError / initiate: dlms-version-too-low (1)".</summary>
        public override string ToString() =>
            ServiceName(Service) + " / " + KindName(ErrorKind) + ": " + ValueName(ErrorKind, Value) + " (" + Value.ToString(CultureInfo.InvariantCulture) + ")";

        private static string ServiceName(byte s) => s switch
        {
            1 => "initiateError",
            2 => "getStatus",
            3 => "getNameList",
            4 => "getVariableAttribute",
            5 => "read",
            6 => "write",
            _ => "service-" + s.ToString(CultureInfo.InvariantCulture),
        };

        private static string KindName(byte k) => k switch
        {
            0 => "application-reference",
            1 => "hardware-resource",
            2 => "vde-state-error",
            3 => "service",
            4 => "definition",
            5 => "access",
            6 => "initiate",
            7 => "load-data-set",
            8 => "change-scope",
            9 => "task",
            10 => "other",
            _ => "kind-" + k.ToString(CultureInfo.InvariantCulture),
        };

        private static string ValueName(byte kind, byte v) => (kind, v) switch
        {
            (6, 0) => "other",
            (6, 1) => "dlms-version-too-low",
            (6, 2) => "incompatible-conformance",
            (6, 3) => "pdu-size-too-short",
            (6, 4) => "refused-by-the-VDE-Handler",
            (5, 0) => "other",
            (5, 1) => "scope-of-access-violated",
            (5, 2) => "object-access-violated",
            (5, 3) => "hardware-fault",
            (5, 4) => "object-unavailable",
            (3, 0) => "other",
            (3, 1) => "pdu-size",
            (3, 2) => "service-unsupported",
            _ => "value",
        };
    }
}
