using System;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>Direction of a traced frame.</summary>
    public enum FrameDirection
    {
        /// <summary>Client to server.</summary>
        Sent,
        /// <summary>Server to client.</summary>
        Received,
    }

    /// <summary>
    /// Carries whole APDUs between client and server: the TCP wrapper (IEC 62056-47) or the HDLC link
    /// (IEC 62056-46) with its LLC header, segmentation and sequence numbers.
    /// </summary>
    public interface IApduTransport : IAsyncDisposable
    {
        /// <summary>Opens the data link (HDLC: SNRM/UA; wrapper: nothing to do).</summary>
        Task OpenAsync(CancellationToken cancellationToken);

        /// <summary>Sends one request APDU and returns the server's reply APDU.</summary>
        /// <exception cref="DlmsTimeoutException">No complete reply in time.</exception>
        Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken);

        /// <summary>Closes the data link (HDLC: DISC, then UA or DM) and the byte link.</summary>
        Task CloseAsync(CancellationToken cancellationToken);
    }

    /// <summary>Runs one wait with the reply timeout and turns expiry into <see cref="DlmsTimeoutException"/>.</summary>
    internal static class Deadline
    {
        public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, TimeSpan timeout, CancellationToken cancellationToken, Func<string> describe)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            try
            {
                return await operation(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DlmsTimeoutException("Timed out after " + timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s " + describe() + ".");
            }
        }
    }
}
