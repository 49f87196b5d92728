using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>The result of a run: the server's profile and every check's result.</summary>
    public sealed record ConformanceReport(ConformanceOptions Options, ServerProfile? Server, string? DiscoveryProblem, IReadOnlyList<CheckResult> Results, TimeSpan Duration)
    {
        /// <summary>Checks that passed.</summary>
        public int Passed => Results.Count(r => r.Outcome == CheckOutcome.Pass);

        /// <summary>Checks that failed.</summary>
        public int Failed => Results.Count(r => r.Outcome == CheckOutcome.Fail);

        /// <summary>Checks that did not apply.</summary>
        public int NotApplicable => Results.Count(r => r.Outcome == CheckOutcome.NotApplicable);
    }

    /// <summary>
    /// Runs the battery: first a public association to learn the server's conformance block and
    /// object list, then every check with its own connections, a time limit, and nothing it does
    /// able to stop the run: a check that throws, hangs or loses its connection is a failure.
    /// </summary>
    public static class ConformanceRunner
    {
        /// <summary>Every check, in running order.</summary>
        public static IReadOnlyList<ConformanceCheck> All { get; } = HdlcChecks.All
            .Concat(WrapperChecks.All)
            .Concat(AcseChecks.All)
            .Concat(GetChecks.All)
            .Concat(SelectiveAccessChecks.All)
            .Concat(SetActionChecks.All)
            .Concat(SecurityChecks.All)
            .ToArray();

        /// <summary>Runs the checks <paramref name="filter"/> selects (all when null).</summary>
        public static async Task<ConformanceReport> RunAsync(ConformanceOptions options, Func<ConformanceCheck, bool>? filter = null,
            Action<CheckResult>? progress = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(options);
            Stopwatch clock = Stopwatch.StartNew();
            (ServerProfile? server, string? problem) = await DiscoverAsync(options, cancellationToken).ConfigureAwait(false);
            var results = new List<CheckResult>();
            foreach (ConformanceCheck check in All.Where(c => filter is null || filter(c)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                CheckResult result = await RunCheckAsync(check, options, server, problem, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                progress?.Invoke(result);
            }
            return new ConformanceReport(options, server, problem, results, clock.Elapsed);
        }

        /// <summary>Selects checks by id: exact ids, or prefixes ending in '*' ("hdlc.*"), comma separated.</summary>
        public static Func<ConformanceCheck, bool> Filter(string patterns)
        {
            string[] parts = patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return check => parts.Any(p => p.EndsWith('*') ? check.Id.StartsWith(p.TrimEnd('*'), StringComparison.Ordinal) : check.Id == p);
        }

        private static async Task<(ServerProfile?, string?)> DiscoverAsync(ConformanceOptions options, CancellationToken cancellationToken)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(options.CheckTimeLimit);
            await using var context = new CheckContext(options, null, null, cts.Token);
            try
            {
                DlmsClient client = await context.AssociateAsync(context.ClientOptions(options.PublicClient)).WaitAsync(cts.Token).ConfigureAwait(false);
                IReadOnlyList<ObjectListEntry> objects = await client.GetObjectListAsync(cts.Token).WaitAsync(cts.Token).ConfigureAwait(false);
                AssociationResponse aare = client.Association!;
                await client.ReleaseAsync(cts.Token).ConfigureAwait(false);
                return (new ServerProfile(aare.NegotiatedConformance, aare.ServerMaxReceivePduSize, objects), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return (null, e is OperationCanceledException ? "timed out" : e.Message);
            }
        }

        private static async Task<CheckResult> RunCheckAsync(ConformanceCheck check, ConformanceOptions options, ServerProfile? server, string? problem, CancellationToken cancellationToken)
        {
            Stopwatch clock = Stopwatch.StartNew();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(options.CheckTimeLimit);
            var context = new CheckContext(options, server, problem, cts.Token);
            CheckOutcome outcome;
            string message;
            try
            {
                // The check runs on the thread pool; WaitAsync bounds it even if it ignores the token.
                await Task.Run(() => check.Run(context), cts.Token).WaitAsync(options.CheckTimeLimit + TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                outcome = CheckOutcome.Pass;
                message = "";
            }
            catch (CheckFailedException e)
            {
                outcome = CheckOutcome.Fail;
                message = e.Message;
            }
            catch (NotApplicableException e)
            {
                outcome = CheckOutcome.NotApplicable;
                message = e.Message;
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                outcome = CheckOutcome.Fail;
                message = "did not finish within " + options.CheckTimeLimit.TotalSeconds + " s";
            }
            catch (DlmsTimeoutException e)
            {
                outcome = CheckOutcome.Fail;
                message = "no answer: " + e.Message;
            }
            catch (DlmsException e)
            {
                // The client library refused what the server sent (or the server refused it).
                outcome = CheckOutcome.Fail;
                message = e.Message;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                outcome = CheckOutcome.Fail;
                message = "the check could not complete: " + e.Message;
            }
            finally
            {
                cts.Cancel();
                await context.DisposeAsync().ConfigureAwait(false);
            }
            return new CheckResult(check, outcome, message, context.Exchanges, clock.Elapsed);
        }
    }
}
