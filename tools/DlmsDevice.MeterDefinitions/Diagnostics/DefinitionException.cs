using System;
using System.Collections.Generic;
using System.Linq;

namespace DlmsDevice.MeterDefinitions
{
    /// <summary>A meter definition that cannot be used: every error found, all at once (schema and meaning), in file order.</summary>
    public sealed class DefinitionException : Exception
    {
        /// <summary>Wraps <paramref name="errors"/> (at least one).</summary>
        public DefinitionException(IReadOnlyList<DefinitionError> errors)
            : base(Describe(errors))
        {
            Errors = errors;
        }

        /// <summary>The errors, in file order.</summary>
        public IReadOnlyList<DefinitionError> Errors { get; }

        private static string Describe(IReadOnlyList<DefinitionError> errors)
        {
            return errors.Count + " error" + (errors.Count == 1 ? "" : "s") + " in the meter definition:" + Environment.NewLine
                + string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
        }
    }
}
