using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace DlmsDevice.Client.Cli
{
    /// <summary><c>list</c> (the object list) and <c>dump</c> (every readable attribute, JSON or CSV).</summary>
    internal static class DumpCommand
    {
        public static Command CreateList(TextWriter stdout, TextWriter stderr)
        {
            var list = new Command("list", "Read the object list of the current association (0.0.40.0.0.255 attr 2).");
            list.SetAction((p, ct) => CliSession.RunAsync(p, stdout, stderr, ct, async (client, token) =>
            {
                var entries = await client.GetObjectListAsync(token).ConfigureAwait(false);
                await stdout.WriteAsync(CliFormat.ObjectList(entries)).ConfigureAwait(false);
            }));
            return list;
        }

        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
            format.AcceptOnlyFromAmong("json", "csv");
            var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
            var dump = new Command("dump", "Read every object and attribute this association may read: JSON or CSV, registers scaled, profiles as tables with headers from capture_objects.");
            dump.Options.Add(format);
            dump.Options.Add(output);
            dump.SetAction((p, ct) => CliSession.RunAsync(p, stdout, stderr, ct, async (client, token) =>
            {
                IReadOnlyList<DumpedObject> objects = await AssociationDump.ReadAsync(client, null, token).ConfigureAwait(false);
                string text = p.GetValue(format) == "csv" ? Csv(objects) : Json(objects);
                string? file = p.GetValue(output);
                if (file is null)
                {
                    await stdout.WriteAsync(text).ConfigureAwait(false);
                }
                else
                {
                    await File.WriteAllTextAsync(file, text, token).ConfigureAwait(false);
                    await stdout.WriteLineAsync(objects.Count.ToString(CultureInfo.InvariantCulture) + " objects written to " + file).ConfigureAwait(false);
                }
            }));
            return dump;
        }

        /// <summary>
        /// The dump as JSON: <c>{"objects": [{"class_id", "class", "version", "logical_name",
        /// "attributes": [{"id", "name", "value", "text", "unit"} | {"id", "name", "columns", "rows"} | {"id", "name", "error"}]}]}</c>.
        /// </summary>
        public static string Json(IReadOnlyList<DumpedObject> objects)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteStartArray("objects");
                foreach (DumpedObject o in objects)
                {
                    w.WriteStartObject();
                    w.WriteNumber("class_id", o.Entry.ClassId);
                    w.WriteString("class", CosemNames.ClassName(o.Entry.ClassId));
                    w.WriteNumber("version", o.Entry.Version);
                    w.WriteString("logical_name", o.Entry.LogicalName.ToString());
                    w.WriteStartArray("attributes");
                    foreach (DumpedAttribute a in o.Attributes)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", a.Id);
                        w.WriteString("name", a.Name);
                        if (a.Error is DataAccessResult e)
                        {
                            w.WriteString("error", DataAccessResults.Name(e));
                        }
                        else if (a.Table is ProfileTable table)
                        {
                            w.WritePropertyName("table");
                            TableOutput.WriteJson(w, table);
                        }
                        else if (a.Value is DlmsValue v)
                        {
                            w.WritePropertyName("value");
                            TableOutput.WriteValue(w, v, a.Source);
                            w.WriteString("text", a.Text);
                            if (a.Source.ScalerUnit is ScalerUnit su && su.UnitSymbol.Length > 0)
                            {
                                w.WriteString("unit", su.UnitSymbol);
                            }
                            w.WriteString("raw", DlmsValueText.Format(v));
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        /// <summary>
        /// The dump as one CSV table, one line per value: <c>logical_name,class_id,class,attribute_id,attribute,row,column,value,unit</c>.
        /// A profile buffer has a line per cell, its column named from capture_objects.
        /// </summary>
        public static string Csv(IReadOnlyList<DumpedObject> objects)
        {
            var sb = new StringBuilder("logical_name,class_id,class,attribute_id,attribute,row,column,value,unit\n");
            foreach (DumpedObject o in objects)
            {
                string prefix = o.Entry.LogicalName + "," + o.Entry.ClassId.ToString(CultureInfo.InvariantCulture) + "," + TableOutput.CsvField(CosemNames.ClassName(o.Entry.ClassId)) + ",";
                foreach (DumpedAttribute a in o.Attributes)
                {
                    string attribute = prefix + a.Id.ToString(CultureInfo.InvariantCulture) + "," + TableOutput.CsvField(a.Name) + ",";
                    if (a.Table is ProfileTable table)
                    {
                        int r = 0;
                        foreach (IReadOnlyList<DlmsValue> row in table.Rows)
                        {
                            r++;
                            for (int c = 0; c < row.Count; c++)
                            {
                                ProfileColumn? column = c < table.Columns.Count ? table.Columns[c] : null;
                                sb.Append(attribute).Append(r.ToString(CultureInfo.InvariantCulture)).Append(',')
                                  .Append(TableOutput.CsvField(column?.Source.Header ?? (c + 1).ToString(CultureInfo.InvariantCulture))).Append(',')
                                  .Append(TableOutput.CsvField(CellText(row[c], column))).Append(',')
                                  .Append(TableOutput.CsvField(column?.ScalerUnit?.UnitSymbol ?? "")).Append('\n');
                            }
                        }
                        continue;
                    }
                    string value = a.Value is DlmsValue v && a.Source.ScalerUnit is ScalerUnit su && TableOutput.IsNumber(v)
                        ? su.Apply(v).ToString(CultureInfo.InvariantCulture)
                        : a.Text;
                    sb.Append(attribute).Append(",,").Append(TableOutput.CsvField(value)).Append(',')
                      .Append(TableOutput.CsvField(a.Source.ScalerUnit?.UnitSymbol ?? "")).Append('\n');
                }
            }
            return sb.ToString();
        }

        private static string CellText(DlmsValue cell, ProfileColumn? column) =>
            column?.ScalerUnit is ScalerUnit su && TableOutput.IsNumber(cell) ? su.Apply(cell).ToString(CultureInfo.InvariantCulture) : PeopleText.Format(cell, column?.ValueSource);
    }
}
