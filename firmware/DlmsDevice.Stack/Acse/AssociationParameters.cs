using System;

namespace DlmsDevice.Stack.Acse
{
    /// <summary>
    /// What one association (one client SAP, one Association LN object) accepts: the inputs of
    /// <see cref="AssociationNegotiation"/>. Allocated once at configuration time.
    /// </summary>
    public sealed class AssociationParameters
    {
        /// <summary>Capacity of <see cref="Secret"/>.</summary>
        public const int MaxSecretLength = 64;

        /// <summary>
        /// Smallest client-max-receive-pdu-size accepted by default. Gurux servers reject below 64
        /// with pdu-size-too-short (the Green Book's AARQ/AARE examples); we do the same, 0 included.
        /// </summary>
        public const int DefaultMinClientMaxReceivePdu = 64;

        /// <summary>Default server-max-receive-pdu-size limit.</summary>
        public const int DefaultServerMaxReceivePdu = 1024;

        /// <summary>The application context this association uses (<see cref="ApplicationContextName"/>); LN (1).</summary>
        public byte ApplicationContextId = ApplicationContextName.LogicalName;

        /// <summary>The authentication mechanism required (<see cref="MechanismName"/>): None (0) or Lls (1); HLS ids are prepared for.</summary>
        public byte MechanismId = MechanismName.None;

        /// <summary>The LLS password. Valid for <see cref="SecretLength"/> bytes; set with <see cref="SetSecret"/>.</summary>
        public readonly byte[] Secret = new byte[MaxSecretLength];

        /// <summary>Length of <see cref="Secret"/>.</summary>
        public int SecretLength;

        /// <summary>The conformance block this association supports (24 bits as on the wire).</summary>
        public int SupportedConformance = Conformance.ServerSupportedLn;

        /// <summary>Our limit for server-max-receive-pdu-size (what our rx buffer holds), at most 65535.</summary>
        public int ServerMaxReceivePdu = DefaultServerMaxReceivePdu;

        /// <summary>Smallest client-max-receive-pdu-size accepted; below it, pdu-size-too-short.</summary>
        public int MinClientMaxReceivePdu = DefaultMinClientMaxReceivePdu;

        /// <summary>Copies the LLS secret. False (nothing changed) when longer than <see cref="MaxSecretLength"/>.</summary>
        public bool SetSecret(byte[] source, int offset, int length)
        {
            if (length < 0 || length > MaxSecretLength)
            {
                return false;
            }

            Array.Copy(source, offset, Secret, 0, length);
            SecretLength = length;
            return true;
        }

        /// <summary>
        /// Compares <paramref name="length"/> bytes with the secret, in time independent of where
        /// they differ (no early exit), so response timing does not reveal the password.
        /// </summary>
        public bool SecretEquals(byte[] value, int offset, int length)
        {
            int difference = length ^ SecretLength;
            int compared = length < SecretLength ? length : SecretLength;
            for (int i = 0; i < compared; i++)
            {
                difference |= value[offset + i] ^ Secret[i];
            }

            return difference == 0;
        }
    }
}
