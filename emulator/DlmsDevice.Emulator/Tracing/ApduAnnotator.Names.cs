namespace DlmsDevice.Emulator.Tracing
{
    // The names the trace prints for enumerated values (Green Book / Blue Book names).
    public static partial class ApduAnnotator
    {
        private static string ContextName(byte id)
        {
            return id switch
            {
                1 => "LN",
                2 => "SN",
                3 => "LN-ciphered",
                4 => "SN-ciphered",
                _ => "unknown(" + id + ")",
            };
        }

        private static string MechanismName(byte id)
        {
            return id switch
            {
                0 => "none",
                1 => "LLS",
                2 => "HLS",
                3 => "HLS-MD5",
                4 => "HLS-SHA1",
                5 => "HLS-GMAC",
                6 => "HLS-SHA256",
                7 => "HLS-ECDSA",
                _ => "unknown(" + id + ")",
            };
        }

        private static string UserDiagnostic(byte value, bool user)
        {
            if (!user)
            {
                return value switch { 0 => "null", 1 => "no-reason-given", 2 => "no-common-acse-version", _ => value.ToString() };
            }
            return value switch
            {
                0 => "null",
                1 => "no-reason-given",
                2 => "application-context-name-not-supported",
                11 => "authentication-mechanism-name-not-recognised",
                12 => "authentication-mechanism-name-required",
                13 => "authentication-failure",
                14 => "authentication-required",
                _ => value.ToString(),
            };
        }

        private static string StateError(byte value)
        {
            return value switch { 1 => "service-not-allowed", 2 => "service-unknown", _ => value.ToString() };
        }

        private static string ServiceError(byte value)
        {
            return value switch
            {
                1 => "operation-not-possible",
                2 => "service-not-supported",
                3 => "other-reason",
                4 => "pdu-too-long",
                5 => "deciphering-error",
                6 => "invocation-counter-error",
                _ => value.ToString(),
            };
        }

        private static string DataAccessResultName(byte value)
        {
            return value switch
            {
                0 => "success",
                1 => "hardware-fault",
                2 => "temporary-failure",
                3 => "read-write-denied",
                4 => "object-undefined",
                9 => "object-class-inconsistent",
                11 => "object-unavailable",
                12 => "type-unmatched",
                13 => "scope-of-access-violated",
                14 => "data-block-unavailable",
                15 => "long-get-aborted",
                16 => "no-long-get-in-progress",
                17 => "long-set-aborted",
                18 => "no-long-set-in-progress",
                19 => "data-block-number-invalid",
                250 => "other-reason",
                _ => value.ToString(),
            };
        }

        private static string ActionResultName(byte value)
        {
            return value switch
            {
                0 => "success",
                3 => "read-write-denied",
                4 => "object-undefined",
                9 => "object-class-inconsistent",
                11 => "object-unavailable",
                12 => "type-unmatched",
                13 => "scope-of-access-violated",
                250 => "other-reason",
                _ => value.ToString(),
            };
        }

        private static string DataTypeName(byte tag)
        {
            return tag switch
            {
                0 => "null-data",
                1 => "array",
                2 => "structure",
                3 => "boolean",
                4 => "bit-string",
                5 => "double-long",
                6 => "double-long-unsigned",
                9 => "octet-string",
                10 => "visible-string",
                12 => "utf8-string",
                13 => "bcd",
                15 => "integer",
                16 => "long",
                17 => "unsigned",
                18 => "long-unsigned",
                19 => "compact-array",
                20 => "long64",
                21 => "long64-unsigned",
                22 => "enum",
                23 => "float32",
                24 => "float64",
                25 => "date-time",
                26 => "date",
                27 => "time",
                _ => "tag " + tag,
            };
        }
    }
}
