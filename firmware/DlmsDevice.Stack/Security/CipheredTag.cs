namespace DlmsDevice.Stack.Security
{
    /// <summary>
    /// xDLMS APDU tags of ciphered APDUs (Green Book, xDLMS APDU list) and their plaintext
    /// counterparts. Service-specific glo- (global key) and ded- (dedicated key) ciphering wrap
    /// one service APDU: <c>&lt;tag&gt; &lt;len&gt; SC IC ciphertext tag</c>. General ciphering
    /// carries the sender's system title: <c>DB|DC 08 &lt;ST&gt; &lt;len&gt; SC IC ...</c>.
    /// </summary>
    public static class CipheredTag
    {
        /// <summary>glo-initiate-request [33], the ciphered InitiateRequest in an AARQ (or RLRQ).</summary>
        public const byte GloInitiateRequest = 0x21;

        /// <summary>glo-initiate-response [40], the ciphered InitiateResponse in an AARE (or RLRE).</summary>
        public const byte GloInitiateResponse = 0x28;

        /// <summary>glo-confirmed-service-error [46].</summary>
        public const byte GloConfirmedServiceError = 0x2E;

        /// <summary>glo-get-request [200].</summary>
        public const byte GloGetRequest = 0xC8;

        /// <summary>glo-set-request [201].</summary>
        public const byte GloSetRequest = 0xC9;

        /// <summary>glo-event-notification-request [202].</summary>
        public const byte GloEventNotificationRequest = 0xCA;

        /// <summary>glo-action-request [203].</summary>
        public const byte GloActionRequest = 0xCB;

        /// <summary>glo-get-response [204].</summary>
        public const byte GloGetResponse = 0xCC;

        /// <summary>glo-set-response [205].</summary>
        public const byte GloSetResponse = 0xCD;

        /// <summary>glo-action-response [207].</summary>
        public const byte GloActionResponse = 0xCF;

        /// <summary>ded-get-request [208].</summary>
        public const byte DedGetRequest = 0xD0;

        /// <summary>ded-set-request [209].</summary>
        public const byte DedSetRequest = 0xD1;

        /// <summary>ded-event-notification-request [210].</summary>
        public const byte DedEventNotificationRequest = 0xD2;

        /// <summary>ded-action-request [211].</summary>
        public const byte DedActionRequest = 0xD3;

        /// <summary>ded-get-response [212].</summary>
        public const byte DedGetResponse = 0xD4;

        /// <summary>ded-set-response [213].</summary>
        public const byte DedSetResponse = 0xD5;

        /// <summary>ded-action-response [215].</summary>
        public const byte DedActionResponse = 0xD7;

        /// <summary>general-glo-ciphering [219]: global key, sender system title in the APDU.</summary>
        public const byte GeneralGloCiphering = 0xDB;

        /// <summary>general-ded-ciphering [220]: dedicated key, sender system title in the APDU.</summary>
        public const byte GeneralDedCiphering = 0xDC;

        /// <summary>general-ciphering [221]: key agreement/transport fields; not handled by suite-0 code here.</summary>
        public const byte GeneralCiphering = 0xDD;

        /// <summary>True for a service-specific glo- or ded- ciphered tag (no system title in the APDU).</summary>
        public static bool IsServiceSpecific(byte tag)
        {
            return ToPlain(tag) != 0;
        }

        /// <summary>True for general-glo-ciphering or general-ded-ciphering (system title in the APDU).</summary>
        public static bool IsGeneral(byte tag)
        {
            return tag == GeneralGloCiphering || tag == GeneralDedCiphering;
        }

        /// <summary>True when the tag says the dedicated key is used (ded-* and general-ded-ciphering).</summary>
        public static bool UsesDedicatedKey(byte tag)
        {
            return (tag >= DedGetRequest && tag <= DedActionResponse && ToPlain(tag) != 0) || tag == GeneralDedCiphering;
        }

        /// <summary>
        /// The plaintext APDU tag a service-specific ciphered tag stands for (C8 -&gt; C0 get-request,
        /// D4 -&gt; C4 get-response, 21 -&gt; 01 initiate-request, ...); 0 for any other tag.
        /// </summary>
        public static byte ToPlain(byte cipheredTag)
        {
            switch (cipheredTag)
            {
                case GloInitiateRequest:
                case GloInitiateResponse:
                case GloConfirmedServiceError:
                    return (byte)(cipheredTag - 0x20);
                case GloGetRequest:
                case GloSetRequest:
                case GloEventNotificationRequest:
                case GloActionRequest:
                case GloGetResponse:
                case GloSetResponse:
                case GloActionResponse:
                    return (byte)(cipheredTag - 0x08);
                case DedGetRequest:
                case DedSetRequest:
                case DedEventNotificationRequest:
                case DedActionRequest:
                case DedGetResponse:
                case DedSetResponse:
                case DedActionResponse:
                    return (byte)(cipheredTag - 0x10);
                default:
                    return 0;
            }
        }

        /// <summary>
        /// The glo- tag for a plaintext APDU tag (C0 -&gt; C8, C4 -&gt; CC, 01 -&gt; 21, 08 -&gt; 28,
        /// 0E -&gt; 2E, ...); 0 when the APDU has no glo- form.
        /// </summary>
        public static byte ToGlo(byte plainTag)
        {
            byte candidate;
            if (plainTag >= 0xC0 && plainTag <= 0xC7)
            {
                candidate = (byte)(plainTag + 0x08);
            }
            else if (plainTag < 0x20)
            {
                candidate = (byte)(plainTag + 0x20);
            }
            else
            {
                return 0;
            }

            return ToPlain(candidate) == plainTag ? candidate : (byte)0;
        }

        /// <summary>
        /// The ded- tag for a plaintext get/set/action/event-notification tag (C0 -&gt; D0,
        /// C7 -&gt; D7, ...); 0 when the APDU has no ded- form.
        /// </summary>
        public static byte ToDed(byte plainTag)
        {
            if (plainTag < 0xC0 || plainTag > 0xC7)
            {
                return 0;
            }

            byte candidate = (byte)(plainTag + 0x10);
            return ToPlain(candidate) == plainTag ? candidate : (byte)0;
        }
    }
}
