using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// Good and bad definitions: each bad one is refused with every error, each naming the JSON
    /// path of the value, its line and column, and the reason; schema errors (JsonSchema.Net) and
    /// the reader's errors (references, duplicates, classes, rights) come out together.
    /// </summary>
    public sealed class DefinitionValidationTests
    {
        /// <summary>A small valid meter: the logical device name, a public association, a static Data object, a Register.</summary>
        internal const string Minimal = """
            {
              "name": "minimal",
              "accessRules": {
                "read": { "attributes": "read" }
              },
              "logicalDevices": [
                {
                  "address": 1,
                  "objects": [
                    { "class": "data", "logicalName": "0.0.42.0.0.255", "binding": "logical-device-name", "access": { "public": "read" } },
                    { "id": "public", "class": "association-ln", "logicalName": "0.0.40.0.1.255", "association": { "clientSap": 16 }, "access": { "public": "read" } },
                    { "id": "name", "class": "data", "logicalName": "0.0.96.1.0.255", "value": "str:ABC", "access": { "public": "read" } },
                    { "id": "level", "class": "register", "logicalName": "1.0.96.5.0.255", "value": "i16:-5", "scaler": -1, "unit": "V", "access": { "public": "read" } }
                  ]
                }
              ]
            }
            """;

        internal static IReadOnlyList<DefinitionError> Errors(string json)
        {
            DefinitionException ex = Assert.Throws<DefinitionException>(() => MeterDefinitionFile.Parse(Encoding.UTF8.GetBytes(json), "test.json"));
            return ex.Errors;
        }

        /// <summary>The 1-based line of the first occurrence of <paramref name="marker"/>.</summary>
        internal static int Line(string json, string marker)
        {
            int at = json.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, marker);
            return json.Take(at).Count(c => c == '\n') + 1;
        }

        private static string With(params (string Find, string Replace)[] edits)
        {
            string json = Minimal;
            foreach ((string find, string replace) in edits)
            {
                Assert.Contains(find, json);
                json = json.Replace(find, replace, StringComparison.Ordinal);
            }
            return json;
        }

        [Fact]
        public void Minimal_Valid_BuildsTheObjects()
        {
            MeterDefinitionFile file = MeterDefinitionFile.Parse(Encoding.UTF8.GetBytes(Minimal), "minimal.json");
            Assert.Empty(file.Warnings);
            MeterModel model = file.Build(DefaultMeterGoldenTests.Configuration(), file.CreateSettings());
            Assert.Equal(4, model.Device.Objects.Count);
            Assert.Equal(4, model.FindAssociation(16)!.Objects.Count);
            string dump = ModelDump.Dump(model.Device);
            Assert.Contains("a2 1 selectors 0: 0A03414243", dump);        // visible-string "ABC"
            Assert.Contains("a2 1 selectors 0: 10FFFB", dump);            // long -5
            Assert.Contains("a3 1 selectors 0: 02020FFF1623", dump);      // scaler -1, unit V (35)
        }

        [Fact]
        public void SnapshotProfile_Valid_CapturesThePresentValuesWhenItsBufferIsRead()
        {
            // The IS 15959 pair: a profile of the register's value and one of its scaler_unit (attribute 3).
            string json = With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } }",
                "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"id\": \"instant\", \"class\": \"profile-generic\", \"logicalName\": \"1.0.94.91.0.255\", \"profile\": { \"captureObjects\": [ { \"object\": \"level\" } ] }, \"access\": { \"public\": \"read\" } },\n"
                + "        { \"class\": \"profile-generic\", \"logicalName\": \"1.0.94.91.3.255\", \"profile\": { \"captureObjects\": [ { \"object\": \"level\", \"attribute\": \"scaler_unit\" } ], \"entries\": 1 }, \"access\": { \"public\": \"read\" } }"));
            MeterDefinitionFile file = MeterDefinitionFile.Parse(Encoding.UTF8.GetBytes(json), "snapshot.json");
            MeterModel model = file.Build(DefaultMeterGoldenTests.Configuration(), file.CreateSettings());
            var instant = (DlmsDevice.Stack.Cosem.ProfileGeneric)model.Device.Find(7, DlmsDevice.Stack.Axdr.ObisCode.Parse("1.0.94.91.0.255"))!;
            Assert.True(instant.CaptureOnRead);
            Assert.Equal(0u, instant.CapturePeriod);
            Assert.Equal(1, instant.ProfileEntries);
            string dump = ModelDump.Dump(model.Device);
            // Every read captures first: one row of the register's value (long -5) ...
            Assert.Contains("a2 1 selectors 6: array 1 | 020110FFFB", dump);
            // ... and one row of its scaler_unit: structure { integer -1, enum 35 (V) }.
            Assert.Contains("a2 1 selectors 6: array 1 | 020102020FFF1623", dump);
            Assert.Equal(6, model.Device.Objects.Count);
        }

        [Fact]
        public void DefaultJson_Valid_WarnsAboutEveryTestKeyAndTheInlinePassword()
        {
            MeterDefinitionFile file = MeterDefinitionFile.Load(DefaultDefinitionTests.DefaultJson);
            Assert.Equal(new[] { "/secrets/password/inline", "/secrets/authentication-key/testKey", "/secrets/encryption-key/testKey", "/secrets/master-key/testKey" },
                file.Warnings.Select(w => w.Path));
            Assert.All(file.Warnings, w => Assert.True(w.IsWarning && w.Line > 0));
            Assert.Contains("PUBLISHED test key", file.Warnings[1].Message, StringComparison.Ordinal);
        }

        public static IEnumerable<object[]> BadDefinitions()
        {
            // The edit, the path of the error, the text on the error's line, part of the reason.
            yield return Case("unknown property", With(("\"value\": \"str:ABC\",", "\"value\": \"str:ABC\", \"colour\": \"red\",")),
                "/logicalDevices/0/objects/2/colour", "\"colour\"", "unknown property \"colour\"");
            yield return Case("wrong type", With(("\"clientSap\": 16", "\"clientSap\": \"16\"")),
                "/logicalDevices/0/objects/1/association/clientSap", "\"clientSap\"", "type");
            yield return Case("value not allowed", With(("\"clientSap\": 16 }", "\"clientSap\": 16, \"authentication\": \"hls-foo\" }")),
                "/logicalDevices/0/objects/1/association/authentication", "hls-foo", "\"hls-foo\" is not one of \"none\", \"lls\"");
            yield return Case("missing property", With(("\"class\": \"data\", \"logicalName\": \"0.0.96.1.0.255\",", "\"class\": \"data\",")),
                "/logicalDevices/0/objects/2", "\"id\": \"name\"", "missing required property [\"logicalName\"]");
            yield return Case("not an OBIS code", With(("\"1.0.96.5.0.255\"", "\"1.0.96.5.0\"")),
                "/logicalDevices/0/objects/3/logicalName", "\"1.0.96.5.0\"", "pattern");
            yield return Case("duplicate OBIS code", With(("\"1.0.96.5.0.255\"", "\"0.0.96.1.0.255\"")),
                "/logicalDevices/0/objects/3/logicalName", "\"id\": \"level\"", "logical name 0.0.96.1.0.255 is already used by /logicalDevices/0/objects/2");
            yield return Case("unknown class", With(("\"class\": \"register\"", "\"class\": 9999")),
                "/logicalDevices/0/objects/3/class", "9999", "interface class 9999 is not one a definition can use");
            yield return Case("unknown class name", With(("\"class\": \"register\"", "\"class\": \"regsiter\"")),
                "/logicalDevices/0/objects/3/class", "regsiter", "unknown interface class \"regsiter\"");
            yield return Case("wrong version", With(("\"class\": \"register\",", "\"class\": \"register\", \"version\": 2,")),
                "/logicalDevices/0/objects/3/version", "\"version\"", "served in version 0, not 2");
            yield return Case("right on an attribute the class lacks", With(("\"value\": \"str:ABC\", \"access\": { \"public\": \"read\" }", "\"value\": \"str:ABC\", \"access\": { \"public\": { \"attributes\": \"read\", \"attribute\": { \"secret\": \"none\" } } }")),
                "/logicalDevices/0/objects/2/access/public/attribute/secret", "\"secret\"", "class data (1) has no attribute \"secret\"");
            yield return Case("named rule on a method the class lacks", With(("\"read\": { \"attributes\": \"read\" }", "\"read\": { \"attributes\": \"read\", \"method\": { \"reset\": \"access\" } }")),
                "/accessRules/read/method/reset", "\"reset\"", "class data (1) has no method \"reset\"");
            yield return Case("unknown rule", With(("\"value\": \"str:ABC\", \"access\": { \"public\": \"read\" }", "\"value\": \"str:ABC\", \"access\": { \"public\": \"reed\" }")),
                "/logicalDevices/0/objects/2/access/public", "\"reed\"", "no access rule named \"reed\"");
            yield return Case("unknown association", With(("\"value\": \"str:ABC\", \"access\": { \"public\": \"read\" }", "\"value\": \"str:ABC\", \"access\": { \"reader\": \"read\" }")),
                "/logicalDevices/0/objects/2/access/reader", "\"reader\"", "no association \"reader\" in this logical device (associations: public)");
            yield return Case("unresolvable key reference", With(("\"clientSap\": 16 }", "\"clientSap\": 16, \"authentication\": \"lls\", \"secret\": \"reader-password\" }")),
                "/logicalDevices/0/objects/1/association/secret", "reader-password", "no secret named \"reader-password\" (secrets: none)");
            yield return Case("bad value", With(("\"str:ABC\"", "\"u8:300\"")),
                "/logicalDevices/0/objects/2/value", "u8:300", "not a value");
            yield return Case("binding of another class", With(("\"value\": \"i16:-5\",", "\"binding\": \"clock\",")),
                "/logicalDevices/0/objects/3/binding", "\"clock\"", "binding \"clock\" is an object of class clock, not register");
            yield return Case("binding without its input", With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"binding\": \"voltage\",")),
                "/logicalDevices/0/objects/3/binding", "\"voltage\"", "voltage needs a voltage input (inputs.analog)");
            yield return Case("engine scaler", With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"binding\": \"power-import\", \"scaler\": 3,")),
                "/logicalDevices/0/objects/3/scaler", "\"scaler\": 3", "the engine shows power-import with scaler 0, not 3");
            yield return Case("energy scaler past kWh", With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"binding\": \"energy-import\", \"scaler\": 6,")),
                "/logicalDevices/0/objects/3/scaler", "\"scaler\": 6", "the engine shows energy-import with scaler 0 (Wh) to 3 (kWh), not 6");
            string profile = With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"class\": \"profile-generic\", \"logicalName\": \"1.0.99.1.0.255\", \"binding\": \"load-profile\", \"profile\": { \"captureObjects\": [ { \"object\": \"nope\" } ], \"entries\": 10 },"));
            yield return Case("capture object that does not exist", profile,
                "/logicalDevices/0/objects/4/profile/captureObjects/0/object", "\"nope\"", "no object \"nope\" in this logical device");
            yield return Case("profile depth 0", profile.Replace("{ \"object\": \"nope\" }", "{ \"object\": \"level\" }", StringComparison.Ordinal).Replace("\"entries\": 10", "\"entries\": 0", StringComparison.Ordinal),
                "/logicalDevices/0/objects/4/profile/entries", "\"entries\": 0", "minimum: 0 should be at least 1");
            string snapshot = With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"id\": \"snap\", \"class\": \"profile-generic\", \"logicalName\": \"1.0.94.91.0.255\", \"profile\": { \"captureObjects\": [ { \"object\": \"level\" } ], \"capturePeriod\": 900 },"));
            yield return Case("profile of its own with a capture period", snapshot,
                "/logicalDevices/0/objects/4/profile/capturePeriod", "\"capturePeriod\": 900", "a profile without a binding is a snapshot captured when it is read: capture period 0, not 900");
            yield return Case("profile of its own without capture objects", With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"id\": \"snap\", \"class\": \"profile-generic\", \"logicalName\": \"1.0.94.91.0.255\",")),
                "/logicalDevices/0/objects/4", "\"id\": \"snap\"", "a profile of the definition's own needs \"profile\"");
            yield return Case("capture of a profile of the definition's own", snapshot.Replace("\"capturePeriod\": 900", "\"capturePeriod\": 0", StringComparison.Ordinal)
                .Replace("\"logicalName\": \"0.0.96.1.0.255\", \"value\": \"str:ABC\",", "\"logicalName\": \"0.0.96.1.0.255\", \"value\": \"str:ABC\",", StringComparison.Ordinal)
                .Replace("{ \"object\": \"level\" } ], \"capturePeriod\": 0 },", "{ \"object\": \"level\" } ], \"capturePeriod\": 0 }, \"access\": { \"public\": \"read\" } },\n"
                    + "        { \"class\": \"profile-generic\", \"logicalName\": \"1.0.94.91.3.255\", \"profile\": { \"captureObjects\": [ { \"object\": \"snap\" } ] },", StringComparison.Ordinal),
                "/logicalDevices/0/objects/5/profile/captureObjects/0/object", "{ \"object\": \"snap\" }", "\"snap\" is a profile of the definition's own (a snapshot): no profile can capture it");
            yield return Case("IS 15959 voltage log with columns of its own", With(("\"name\": \"minimal\",", "\"name\": \"minimal\", \"eventLogs\": \"is15959\","),
                    ("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                    + "        { \"class\": \"profile-generic\", \"logicalName\": \"0.0.99.98.0.255\", \"binding\": \"event-log\", \"profile\": { \"captureObjects\": [ { \"object\": \"level\" } ] },")),
                "/logicalDevices/0/objects/4/profile", "\"binding\": \"event-log\"", "the IS 15959 event logs by category have fixed capture objects");
            yield return Case("billing profile with columns of its own", With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                    + "        { \"class\": \"profile-generic\", \"logicalName\": \"1.0.98.1.0.255\", \"binding\": \"billing-profile\", \"profile\": { \"captureObjects\": [ { \"object\": \"level\" } ] },")),
                "/logicalDevices/0/objects/4/profile", "\"binding\": \"billing-profile\"", "the billing profile has the engine's capture objects");
            yield return Case("capture of an attribute the class lacks", profile.Replace("{ \"object\": \"nope\" }", "{ \"object\": \"level\", \"attribute\": \"capture_time\" }", StringComparison.Ordinal),
                "/logicalDevices/0/objects/4/profile/captureObjects/0/attribute", "capture_time", "class register has no attribute \"capture_time\"");
            // The IS 15959 logs by category capture what that standard lists: no "profile" (EngineKinds.cs ProfileKind.Read).
            yield return Case("profile on an IS 15959 log by category", With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"class\": \"profile-generic\", \"logicalName\": \"0.0.99.98.4.255\", \"binding\": \"other-event-log\",\n"
                + "          \"profile\": { \"captureObjects\": [ { \"object\": \"level\" } ] },")),
                "/logicalDevices/0/objects/4/profile", "\"captureObjects\"", "the IS 15959 event logs by category have fixed capture objects: leave \"profile\" out");
        }

        /// <summary>The minimal meter with the IS 15959 current and other logs by category and their code objects bound.</summary>
        private static string WithCategoryLogs()
        {
            return With(("\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\",", "\"value\": \"i16:-5\", \"scaler\": -1, \"unit\": \"V\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"class\": \"profile-generic\", \"logicalName\": \"0.0.99.98.1.255\", \"binding\": \"current-event-log\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"class\": \"data\", \"logicalName\": \"0.0.96.11.1.255\", \"binding\": \"current-event-code\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"class\": \"profile-generic\", \"logicalName\": \"0.0.99.98.4.255\", \"binding\": \"other-event-log\", \"access\": { \"public\": \"read\" } },\n"
                + "        { \"class\": \"data\", \"logicalName\": \"0.0.96.11.4.255\", \"binding\": \"other-event-code\","));
        }

        [Fact]
        public void CategoryLogsBound_Valid_ServedWithTheIs15959LayoutLeftOutWithTheStandardOne()
        {
            MeterDefinitionFile file = MeterDefinitionFile.Parse(Encoding.UTF8.GetBytes(WithCategoryLogs()), "categories.json");
            Assert.Empty(file.Warnings);

            MeterConfiguration is15959 = DefaultMeterGoldenTests.Configuration();
            is15959.EventLogs = EventLogLayout.Is15959;
            MeterModel model = file.Build(is15959, file.CreateSettings());
            string[] names = Enumerable.Range(0, model.Device.Objects.Count).Select(i => model.Device.Objects[i].ClassId + " " + model.Device.Objects[i].LogicalName).ToArray();
            Assert.Contains("7 0-0:99.98.1*255", names);
            Assert.Contains("1 0-0:96.11.1*255", names);
            Assert.Contains("7 0-0:99.98.4*255", names);
            Assert.Contains("1 0-0:96.11.4*255", names);
            Assert.Equal(8, model.Device.Objects.Count);
            // The other log's capture objects are IS 15959's, not the definition's: clock, its code, current, voltage, power factor, +A.
            ProfileGeneric other = Assert.IsType<ProfileGeneric>(model.Find(7, ObisCode.Parse("0.0.99.98.4.255")));
            Assert.Same(model.Engine.GetCategoryLog(EventCategory.Other), other);
            Assert.Equal(new[] { "0-0:1.0.0*255", "0-0:96.11.4*255", "1-0:31.7.0*255", "1-0:32.7.0*255", "1-0:13.7.0*255", "1-0:1.8.0*255" },
                Enumerable.Range(0, other.CaptureObjectCount).Select(c => other.GetCaptureObject(c).LogicalName.ToString()));

            MeterModel standard = file.Build(DefaultMeterGoldenTests.Configuration(), file.CreateSettings());
            Assert.Equal(4, standard.Device.Objects.Count);
        }

        private static object[] Case(string name, string json, string path, string lineMarker, string reason) => new object[] { name, json, path, lineMarker, reason };

        [Theory]
        [MemberData(nameof(BadDefinitions))]
        public void BadDefinition_Refused_WithPathLineAndReason(string name, string json, string path, string lineMarker, string reason)
        {
            IReadOnlyList<DefinitionError> errors = Errors(json);
            DefinitionError error = Assert.Single(errors, e => e.Path == path);
            Assert.True(error.Message.Contains(reason, StringComparison.Ordinal), name + ": " + error.Message);
            Assert.Equal(Line(json, lineMarker), error.Line);
            Assert.True(error.Column > 0);
            Assert.False(error.IsWarning);
            Assert.StartsWith("test.json:" + error.Line + ":" + error.Column + ": error: " + path + ": ", error.ToString(), StringComparison.Ordinal);
            // Only the error the edit made (a few edits legitimately make a second: listed here).
            Assert.True(errors.Count == 1, name + ": " + string.Join(" | ", errors));
        }

        [Fact]
        public void NotJson_Refused_WithTheLineAndColumnOfTheSyntaxError()
        {
            string json = Minimal.Replace("\"address\": 1,", "\"address\": 1,,", StringComparison.Ordinal);
            DefinitionError error = Assert.Single(Errors(json));
            Assert.Equal(Line(json, ",,"), error.Line);
            Assert.Equal(json.Split('\n')[error.Line - 1].IndexOf(",,", StringComparison.Ordinal) + 2, error.Column);
            Assert.StartsWith("not JSON", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ManyErrors_EveryOneReportedAtOnce_InFileOrder()
        {
            string json = With(
                ("\"name\": \"minimal\",", "\"name\": \"minimal\", \"colour\": 1,"),
                ("\"clientSap\": 16 }", "\"clientSap\": \"16\", \"authentication\": \"lls\", \"secret\": \"pw\" }"),
                ("\"value\": \"str:ABC\", \"access\": { \"public\": \"read\" }", "\"value\": \"str:ABC\", \"access\": { \"public\": { \"attribute\": { \"secret\": \"none\" } } }"),
                ("\"1.0.96.5.0.255\"", "\"0.0.96.1.0.255\""),
                ("\"class\": \"register\"", "\"class\": \"register\", \"version\": 1"));
            IReadOnlyList<DefinitionError> errors = Errors(json);
            string[] expected =
            {
                "/colour",
                "/logicalDevices/0/objects/1/association/clientSap",
                "/logicalDevices/0/objects/1/association/secret",
                "/logicalDevices/0/objects/2/access/public/attribute/secret",
                "/logicalDevices/0/objects/3/logicalName",
                "/logicalDevices/0/objects/3/version",
            };
            Assert.Equal(expected, errors.Select(e => e.Path).OrderBy(p => p, StringComparer.Ordinal));
            Assert.Equal(errors.OrderBy(e => e.Line).ThenBy(e => e.Column).Select(e => e.Path), errors.Select(e => e.Path));
            Assert.All(errors, e => Assert.True(e.Line > 0 && e.Column > 0, e.ToString()));
            DefinitionException ex = Assert.Throws<DefinitionException>(() => MeterDefinitionFile.Parse(Encoding.UTF8.GetBytes(json), "test.json"));
            Assert.StartsWith("6 errors in the meter definition:", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void SchemaFile_EveryPropertyDocumented()
        {
            string schema = File.ReadAllText(Path.Combine(Walkthrough.WalkthroughDocument.RepositoryRoot(), "meters", "schema", "meter-definition.schema.json"));
            using var document = System.Text.Json.JsonDocument.Parse(schema);
            var undocumented = new List<string>();
            Walk(document.RootElement, "", undocumented);
            Assert.Empty(undocumented);
        }

        // Every schema under "properties" and every "$defs" entry carries a description (or refers to one that does).
        private static void Walk(System.Text.Json.JsonElement schema, string path, List<string> undocumented)
        {
            foreach (string container in new[] { "properties", "$defs" })
            {
                if (!schema.TryGetProperty(container, out System.Text.Json.JsonElement children))
                {
                    continue;
                }
                foreach (System.Text.Json.JsonProperty child in children.EnumerateObject())
                {
                    if (child.Name != "$schema" && !child.Value.TryGetProperty("description", out _) && !child.Value.TryGetProperty("$ref", out _))
                    {
                        undocumented.Add(path + "/" + container + "/" + child.Name);
                    }
                    Walk(child.Value, path + "/" + container + "/" + child.Name, undocumented);
                }
            }
            foreach (string nested in new[] { "items", "additionalProperties" })
            {
                if (schema.TryGetProperty(nested, out System.Text.Json.JsonElement inner) && inner.ValueKind == System.Text.Json.JsonValueKind.Object)
                {
                    Walk(inner, path + "/" + nested, undocumented);
                }
            }
        }
    }
}
