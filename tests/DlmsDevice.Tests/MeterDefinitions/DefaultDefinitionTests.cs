using System;
using System.Collections.Generic;
using System.IO;
using DlmsDevice.Meter;
using DlmsDevice.MeterDefinitions;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Meter;
using DlmsDevice.Tests.Support;
using DlmsDevice.Tests.Walkthrough;

namespace DlmsDevice.Tests.MeterDefinitions
{
    /// <summary>
    /// meters/default.json is today's meter: read at run time it builds the recorded meter byte
    /// for byte (every attribute, every right, every association); the compiled-in model is the
    /// code generated from it, and that code is up to date; both answer every SET and ACTION of
    /// the public client and the meter reader alike.
    /// </summary>
    public sealed class DefaultDefinitionTests
    {
        internal static string DefaultJson => Path.Combine(WalkthroughDocument.RepositoryRoot(), "meters", "default.json");

        private static MeterModel FromJson()
        {
            MeterDefinitionFile file = MeterDefinitionFile.Load(DefaultJson);
            return file.Build(DefaultMeterGoldenTests.Configuration(), file.CreateSettings());
        }

        [Fact]
        public void DefaultJson_BuiltAtRunTime_DumpsTheRecordedMeter()
        {
            MeterModel model = FromJson();
            model.Start(null);
            ((ManualClock)model.Engine.Configuration.Clock).Advance(1000);
            model.Engine.Tick();
            Assert.Equal(File.ReadAllText(DefaultMeterGoldenTests.GoldenPath), ModelDump.Dump(model.Device));
            // The published test keys, as the compiled-in meter, and said so.
            Assert.True(model.UsesTestKeys);
            Assert.Equal(DefaultMeterModelSettings.TestAuthenticationKey, model.SecurityProfile!.AuthenticationKey);
        }

        [Fact]
        public void CompiledInDefaultMeter_IsTheCodeDefaultJsonGenerates()
        {
            string generated = MeterDefinitionFile.Load(DefaultJson, resolveSecrets: false)
                .Generate("DlmsDevice.Meter", "DefaultMeterDefinition", "meters/default.json");
            string checkedIn = File.ReadAllText(Path.Combine(WalkthroughDocument.RepositoryRoot(), "firmware", "DlmsDevice.Meter", "Model", "DefaultMeterDefinition.g.cs"));
            Assert.True(generated == checkedIn,
                "firmware/DlmsDevice.Meter/Model/DefaultMeterDefinition.g.cs is not what meters/default.json generates: run "
                + "dotnet run --project tools/DlmsDevice.MeterDefinitions -- generate meters/default.json --out firmware/DlmsDevice.Meter/Model/DefaultMeterDefinition.g.cs --source meters/default.json");
        }

        [Fact]
        public void CompiledInAndJsonBuilt_EverySetAndActionOfClients16And32_AnsweredAlike()
        {
            var compiled = new DefaultMeterModel(DefaultMeterGoldenTests.Configuration(), new DefaultMeterModelSettings());
            MeterModel json = FromJson();
            compiled.Start(null);
            json.Start(null);
            foreach (int client in new[] { DefaultMeterModel.PublicClientSap, DefaultMeterModel.MeterReaderClientSap })
            {
                ModelSession a = new ModelSession(compiled).Associate(client);
                ModelSession b = new ModelSession(json).Associate(client);
                List<string> answers = Probe(a, compiled.FindAssociation(client)!.Objects);
                Assert.Equal(answers, Probe(b, json.FindAssociation(client)!.Objects));
                // The probe did reach the rights: some writes and methods are refused, some not.
                Assert.Contains(answers, x => x.Contains("C5 01 C1 03", StringComparison.Ordinal));
                Assert.Contains(answers, x => x.StartsWith("SET", StringComparison.Ordinal) && x.Contains("C5 01 C1 00", StringComparison.Ordinal) == (client == DefaultMeterModel.MeterReaderClientSap));
            }
        }

        // For each object of the list: SET every attribute to the value a GET just read (or to
        // null-data), then ACTION every method with integer 0; the answers, in order.
        private static List<string> Probe(ModelSession session, ObjectList list)
        {
            var answers = new List<string>();
            for (int i = 0; i < list.Count; i++)
            {
                CosemObject obj = list[i];
                for (int attribute = 2; attribute <= obj.AttributeCount; attribute++)
                {
                    byte[] get = session.Send(Request(0xC0, obj, attribute, null));
                    byte[] value = get.Length > 4 && get[0] == 0xC4 && get[3] == 0x00 ? get[4..] : new byte[] { 0x00 };
                    if (value.Length > 200)
                    {
                        value = new byte[] { 0x00 };
                    }
                    answers.Add("SET " + obj.LogicalName + " " + attribute + ": " + Hex.Format(session.Send(Request(0xC1, obj, attribute, value))));
                }
                for (int method = 1; method <= obj.MethodCount; method++)
                {
                    answers.Add("ACTION " + obj.LogicalName + " " + method + ": " + Hex.Format(session.Send(Request(0xC3, obj, method, new byte[] { 0x0F, 0x00 }))));
                }
            }
            return answers;
        }

        // GET-, SET- or ACTION-Request-Normal (invoke-id 0xC1) for one attribute or method.
        private static byte[] Request(byte tag, CosemObject obj, int id, byte[]? data)
        {
            var request = new List<byte> { tag, 0x01, 0xC1, (byte)(obj.ClassId >> 8), (byte)obj.ClassId };
            byte[] name = new byte[6];
            obj.LogicalName.CopyTo(name, 0);
            request.AddRange(name);
            request.Add((byte)id);
            if (tag == 0xC3)
            {
                request.Add(0x01);
                request.AddRange(data!);
                return request.ToArray();
            }
            request.Add(0x00);
            if (data != null)
            {
                request.AddRange(data);
            }
            return request.ToArray();
        }
    }
}
