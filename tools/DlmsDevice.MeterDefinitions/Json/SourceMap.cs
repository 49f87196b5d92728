using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace DlmsDevice.MeterDefinitions.Json
{
    /// <summary>
    /// Where each value of a JSON document starts (line and column, 1-based), by JSON pointer:
    /// the schema library and the reader report paths, people want lines. Built in one pass of
    /// <see cref="Utf8JsonReader"/> over the bytes of the file.
    /// </summary>
    internal sealed class SourceMap
    {
        private readonly Dictionary<string, int> _offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly byte[] _utf8;
        private readonly List<int> _lineStarts = new List<int> { 0 };

        private SourceMap(byte[] utf8)
        {
            _utf8 = utf8;
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        /// <summary>Maps <paramref name="utf8"/>; a document that is not JSON maps only as far as it reads (<see cref="Build"/> reports the error).</summary>
        public static SourceMap Build(byte[] utf8, out JsonException? error)
        {
            var map = new SourceMap(utf8);
            error = null;
            try
            {
                map.Walk();
            }
            catch (JsonException ex)
            {
                error = ex;
            }
            return map;
        }

        /// <summary>Line and column (1-based) of the value at <paramref name="pointer"/>; the nearest enclosing value that is known when it is not (0, 0 for none).</summary>
        public (int Line, int Column) Locate(string pointer)
        {
            string p = pointer;
            while (true)
            {
                if (_offsets.TryGetValue(p, out int offset))
                {
                    return Position(offset);
                }
                if (p.Length == 0)
                {
                    return (0, 0);
                }
                int slash = p.LastIndexOf('/');
                p = slash <= 0 ? "" : p.Substring(0, slash);
            }
        }

        /// <summary>Line and column (1-based) of byte <paramref name="offset"/>.</summary>
        public (int Line, int Column) Position(long offset)
        {
            int line = _lineStarts.BinarySearch((int)offset);
            if (line < 0)
            {
                line = ~line - 1;
            }
            int start = _lineStarts[line];
            int column = Encoding.UTF8.GetCharCount(_utf8, start, (int)offset - start) + 1;
            return (line + 1, column);
        }

        /// <summary>Escapes one reference token of a JSON pointer (RFC 6901: ~ as ~0, / as ~1).</summary>
        public static string Escape(string token)
        {
            return token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        }

        private void Walk()
        {
            var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            // One frame per open container: its pointer, whether it is an array, the next index.
            var paths = new Stack<string>();
            var isArray = new Stack<bool>();
            var index = new Stack<int>();
            string? property = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        paths.Pop();
                        isArray.Pop();
                        index.Pop();
                        continue;
                }
                string path;
                if (paths.Count == 0)
                {
                    path = "";
                }
                else if (isArray.Peek())
                {
                    int i = index.Pop();
                    index.Push(i + 1);
                    path = paths.Peek() + "/" + i;
                }
                else
                {
                    path = paths.Peek() + "/" + Escape(property ?? "");
                }
                _offsets[path] = (int)reader.TokenStartIndex;
                if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
                {
                    paths.Push(path);
                    isArray.Push(reader.TokenType == JsonTokenType.StartArray);
                    index.Push(0);
                }
            }
        }
    }
}
