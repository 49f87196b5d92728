using System.Collections.Generic;
using System.Linq;
using DlmsDevice.MeterDefinitions.Json;

namespace DlmsDevice.MeterDefinitions
{
    /// <summary>Collects the errors and warnings of one definition file, placing each by its JSON path through the file's <see cref="SourceMap"/>.</summary>
    internal sealed class Findings
    {
        private readonly List<DefinitionError> _items = new List<DefinitionError>();
        private readonly HashSet<string> _seen = new HashSet<string>();

        public Findings(string file, SourceMap map)
        {
            File = file;
            Map = map;
        }

        public string File { get; }

        public SourceMap Map { get; }

        public bool HasErrors => _items.Any(e => !e.IsWarning);

        public void Error(string path, string message) => Add(path, message, false);

        public void Warning(string path, string message) => Add(path, message, true);

        /// <summary>Errors and warnings in file order (line, column), errors first on the same spot.</summary>
        public IReadOnlyList<DefinitionError> Sorted(bool warnings)
        {
            return _items.Where(e => warnings == e.IsWarning)
                .OrderBy(e => e.Line == 0 ? int.MaxValue : e.Line).ThenBy(e => e.Column).ThenBy(e => e.Path, System.StringComparer.Ordinal)
                .ToList();
        }

        // One error per value: a second reason for the same value (the schema's and the
        // reader's, a rule wrong for two classes) joins the first.
        private void Add(string path, string message, bool warning)
        {
            if (!_seen.Add(path + "\n" + message))
            {
                return;
            }
            int existing = _items.FindIndex(e => e.Path == path && e.IsWarning == warning);
            if (existing >= 0)
            {
                _items[existing] = _items[existing] with { Message = _items[existing].Message + "; " + message };
                return;
            }
            (int line, int column) = Map.Locate(path);
            _items.Add(new DefinitionError(File, path, line, column, message, warning));
        }
    }
}
