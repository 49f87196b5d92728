using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DlmsDevice.Client.Cli
{
    /// <summary>Profile tables as text (aligned columns), CSV (RFC 4180) or JSON, and JSON values.</summary>
    internal static class TableOutput
    {
        public static void Write(ProfileTable table, string format, TextWriter output)
        {
            switch (format)
            {
                case "csv":
                    output.Write(Csv(table));
                    break;
                case "json":
                    output.Write(Json(table));
                    output.Write('\n');
                    break;
                default:
                    output.Write(Text(table));
                    break;
            }
        }

        public static string Text(ProfileTable table)
        {
            string[] headers = table.Columns.Select(c => c.Header).ToArray();
            List<IReadOnlyList<string>> rows = table.TextRows().ToList();
            int columns = Math.Max(headers.Length, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
            var widths = new int[columns];
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.Max(i < headers.Length ? headers[i].Length : 0, rows.Count == 0 ? 0 : rows.Max(r => i < r.Count ? r[i].Length : 0));
            }
            var sb = new StringBuilder();
            AppendRow(sb, headers, widths);
            foreach (IReadOnlyList<string> row in rows)
            {
                AppendRow(sb, row, widths);
            }
            sb.Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(rows.Count == 1 ? " row\n" : " rows\n");
            return sb.ToString();
        }

        private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
        {
            var line = new StringBuilder();
            for (int i = 0; i < cells.Count; i++)
            {
                if (i > 0)
                {
                    line.Append("  ");
                }
                line.Append(i < widths.Length ? cells[i].PadRight(widths[i]) : cells[i]);
            }
            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }

        public static string Csv(ProfileTable table)
        {
            var sb = new StringBuilder();
            sb.Append(string.Join(',', table.Columns.Select(c => CsvField(c.Header)))).Append('\n');
            foreach (IReadOnlyList<DlmsValue> row in table.Rows)
            {
                sb.Append(string.Join(',', row.Select((cell, i) => CsvField(CsvCell(cell, i < table.Columns.Count ? table.Columns[i] : null))))).Append('\n');
            }
            return sb.ToString();
        }

        // A number goes out scaled and without its unit (the unit is in the header).
        private static string CsvCell(DlmsValue cell, ProfileColumn? column)
        {
            if (column?.ScalerUnit is ScalerUnit su && IsNumber(cell))
            {
                return su.Apply(cell).ToString(CultureInfo.InvariantCulture);
            }
            return PeopleText.Format(cell, column?.ValueSource);
        }

        public static string CsvField(string text) =>
            text.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        public static string Json(ProfileTable table)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                WriteJson(writer, table);
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        public static void WriteJson(Utf8JsonWriter writer, ProfileTable table)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("columns");
            foreach (ProfileColumn column in table.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("logical_name", column.Source.Attribute.LogicalName.ToString());
                writer.WriteNumber("class_id", column.Source.Attribute.ClassId);
                writer.WriteNumber("attribute_id", column.Source.Attribute.AttributeId);
                writer.WriteNumber("data_index", column.Source.DataIndex);
                writer.WriteString("header", column.Header);
                if (column.ScalerUnit is ScalerUnit su)
                {
                    writer.WriteString("unit", su.UnitSymbol);
                    writer.WriteNumber("scaler", su.Scaler);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("rows");
            foreach (IReadOnlyList<DlmsValue> row in table.Rows)
            {
                writer.WriteStartArray();
                for (int i = 0; i < row.Count; i++)
                {
                    WriteValue(writer, row[i], i < table.Columns.Count ? table.Columns[i].ValueSource : null);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        /// <summary>A value as JSON: numbers scaled, booleans, text for people, arrays for arrays and structures.</summary>
        public static void WriteValue(Utf8JsonWriter writer, DlmsValue value, ValueSource? source)
        {
            if (IsNumber(value) && value.Type is not DataType.Float32 and not DataType.Float64)
            {
                decimal number = source?.ScalerUnit is ScalerUnit su ? su.Apply(value) : value.ToDecimal();
                string? name = source is null ? null : PeopleText.Format(value, source with { ScalerUnit = null });
                if (name is not null && name != value.ToDecimal().ToString(CultureInfo.InvariantCulture) && source!.ScalerUnit is null)
                {
                    writer.WriteStringValue(name);
                    return;
                }
                writer.WriteNumberValue(number);
                return;
            }
            switch (value.Type)
            {
                case DataType.Null:
                    writer.WriteNullValue();
                    return;
                case DataType.Boolean:
                    writer.WriteBooleanValue((bool)value.Value!);
                    return;
                case DataType.Float32:
                case DataType.Float64:
                    writer.WriteNumberValue(source?.ScalerUnit is ScalerUnit fsu ? value.ToDouble() * Math.Pow(10, fsu.Scaler) : value.ToDouble());
                    return;
                case DataType.Array:
                case DataType.Structure:
                case DataType.CompactArray:
                    writer.WriteStartArray();
                    foreach (DlmsValue item in value.Items)
                    {
                        WriteValue(writer, item, null);
                    }
                    writer.WriteEndArray();
                    return;
                default:
                    writer.WriteStringValue(PeopleText.Format(value, source));
                    return;
            }
        }

        public static bool IsNumber(DlmsValue value) => value.Type is DataType.Integer or DataType.Long or DataType.DoubleLong or DataType.Long64
            or DataType.Unsigned or DataType.LongUnsigned or DataType.DoubleLongUnsigned or DataType.Long64Unsigned or DataType.Enum
            or DataType.Float32 or DataType.Float64 or DataType.DeltaInteger or DataType.DeltaLong or DataType.DeltaDoubleLong
            or DataType.DeltaUnsigned or DataType.DeltaLongUnsigned or DataType.DeltaDoubleLongUnsigned;
    }
}
