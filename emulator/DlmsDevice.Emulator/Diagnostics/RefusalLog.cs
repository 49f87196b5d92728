using System;
using DlmsDevice.Stack.Acse;
using DlmsDevice.Stack.Server;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Emulator.Diagnostics
{
    /// <summary>
    /// Logs every refused association with its reason (a warning line): the server's
    /// <see cref="IAssociationObserver"/>. The server calls it only on a refusal, so the
    /// allocation of a log line never touches the request path of an accepted association.
    /// </summary>
    public sealed class RefusalLog : IAssociationObserver
    {
        private readonly ILogger _logger;
        private readonly Func<ApplicationSession, string> _describeChannel;
        private readonly IAcseHandler? _acse;

        /// <summary>
        /// Logs to <paramref name="logger"/>; <paramref name="describeChannel"/> names the
        /// connection a session serves (e.g. "Connection 3 (wrapper 127.0.0.1:50312)");
        /// <paramref name="acse"/>, when it is the server's <see cref="AcseHandler"/>, adds the
        /// AARE's diagnostic to the line.
        /// </summary>
        public RefusalLog(ILogger logger, Func<ApplicationSession, string> describeChannel, IAcseHandler? acse)
        {
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            _describeChannel = describeChannel ?? throw new ArgumentNullException(nameof(describeChannel));
            _acse = acse;
        }

        /// <summary>Refusals logged so far.</summary>
        public int Count { get; private set; }

        /// <inheritdoc />
        public void AssociationRefused(ApplicationSession session, AssociationRefusal reason, long detail, long expected)
        {
            Count++;
            try
            {
                _logger.LogWarning("{Channel}: association refused for client {Client}: {Reason}; answered {Answer}",
                    _describeChannel(session), session.Context.ClientSap, RefusalText.Describe(reason, detail, expected), Answer(reason));
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidOperationException)
            {
                // A log line must never break the meter.
            }
        }

        // What the client was told: the AARE's result and diagnostic, or the HLS action's result.
        private string Answer(AssociationRefusal reason)
        {
            if (reason == AssociationRefusal.HlsAuthenticationFailed)
            {
                return "read-write-denied, association dropped";
            }
            AcseHandler? acse = _acse as AcseHandler;
            if (acse == null)
            {
                return "a rejecting AARE";
            }
            AareResponse aare = acse.LastResponse;
            string source = aare.DiagnosticSource == DiagnosticSource.AcseServiceProvider ? "acse-service-provider" : "acse-service-user";
            return "AARE rejected-permanent, " + source + " diagnostic " + aare.Diagnostic;
        }
    }
}
