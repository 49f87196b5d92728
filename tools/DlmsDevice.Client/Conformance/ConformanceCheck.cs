using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace DlmsDevice.Client
{
    /// <summary>How a conformance check ended.</summary>
    public enum CheckOutcome
    {
        /// <summary>The server did what the clause prescribes.</summary>
        Pass,
        /// <summary>It did not (or did not answer, or broke the connection).</summary>
        Fail,
        /// <summary>The check does not apply to this server (its object list or negotiated conformance lacks what it needs).</summary>
        NotApplicable,
    }

    /// <summary>One check of the battery: what it checks, the clause it checks against, and the test itself.</summary>
    /// <param name="Id">Stable identifier, e.g. <c>hdlc.bad-fcs-dropped</c>.</param>
    /// <param name="Title">What is checked, in a sentence.</param>
    /// <param name="Clause">Where the behaviour is prescribed (IEC 62056-46/-47, Green Book, Blue Book).</param>
    /// <param name="Run">The check; it fails with <see cref="CheckFailedException"/> and is skipped with <see cref="NotApplicableException"/>.</param>
    public sealed record ConformanceCheck(string Id, string Title, string Clause, Func<CheckContext, Task> Run)
    {
        /// <summary>The group: the part of the id before the first dot.</summary>
        public string Group => Id.Split('.')[0];
    }

    /// <summary>One frame or note in a check's log.</summary>
    /// <param name="Elapsed">Time since the check started.</param>
    /// <param name="Direction">"->" sent, "&lt;-" received, "--" a note.</param>
    /// <param name="Bytes">The bytes (empty for a note).</param>
    /// <param name="Note">What the bytes are, or the note.</param>
    public sealed record CheckExchange(TimeSpan Elapsed, string Direction, byte[] Bytes, string? Note);

    /// <summary>The result of one check.</summary>
    public sealed record CheckResult(ConformanceCheck Check, CheckOutcome Outcome, string Message, IReadOnlyList<CheckExchange> Exchanges, TimeSpan Duration);

    /// <summary>Thrown by a check when the server did not conform.</summary>
    public sealed class CheckFailedException : Exception
    {
        /// <summary>Creates the exception with what went wrong.</summary>
        public CheckFailedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>Thrown by a check that does not apply to the server.</summary>
    public sealed class NotApplicableException : Exception
    {
        /// <summary>Creates the exception with the reason.</summary>
        public NotApplicableException(string reason)
            : base(reason)
        {
        }
    }
}
