using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem.Schedules
{
    /// <summary>
    /// Script table (IC 9): the scripts attribute in the Blue Book's shape, SET checked whole,
    /// execute through the runner on any object, the null script, nesting, persistence.
    /// </summary>
    public sealed class ScriptTableTests
    {
        private static string N(string hex) => Hex.Format(Hex.Parse(hex));

        // Script 1: write 0.0.96.1.1.255 attribute 2 := long-unsigned 5; script 2: reset (method 1) of 1.0.1.8.0.255.
        private const string TwoScripts =
            "01 02"
            + " 02 02 12 00 01 01 01 02 05 16 01 12 00 01 09 06 00 00 60 01 01 FF 0F 02 12 00 05"
            + " 02 02 12 00 02 01 01 02 05 16 02 12 00 03 09 06 01 00 01 08 00 FF 0F 01 0F 00";

        [Fact]
        public void Scripts_BuiltByConfiguration_EncodeAsTheBlueBookStructure()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            table.AddAction(1, ScriptRunner.WriteAttribute, CosemClassId.Data, ScheduleTestKit.DataName, 2, Hex.Parse("12 00 05"));
            table.AddAction(2, ScriptRunner.ExecuteMethod, CosemClassId.Register, ScheduleTestKit.RegisterName, 1, Hex.Parse("0F 00"));

            Assert.Equal(N(TwoScripts), CosemTestKit.Get(table, ScriptTable.Attributes.Scripts));
            Assert.Equal(9, table.ClassId);
            Assert.Equal(0, table.Version);
            Assert.Equal(2, table.ScriptCount);
        }

        [Fact]
        public void Set_ThenGet_SameBytesAndExecutable()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(table, ScriptTable.Attributes.Scripts, TwoScripts));
            Assert.Equal(N(TwoScripts), CosemTestKit.Get(table, ScriptTable.Attributes.Scripts));

            kit.Register.Value.SetInteger(1234);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(table, ScriptTable.Methods.Execute, "12 00 01"));
            Assert.Equal(5, kit.Data.Value.Integer);
            Assert.Equal(1234, kit.Register.Value.Integer);
            Assert.Equal(ActionResult.Success, CosemTestKit.Invoke(table, ScriptTable.Methods.Execute, "12 00 02"));
            Assert.Equal(0, kit.Register.Value.Integer);
            Assert.Equal(2, kit.Runner.ActionsRun);
            Assert.Equal(0, kit.Runner.FailedActions);
        }

        [Theory]
        // Not an array; a script that is not a structure of 2; an action of 4 fields; a service not an enum; a truncated parameter.
        [InlineData("12 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData("01 01 02 01 12 00 01", DataAccessResult.TypeUnmatched)]
        [InlineData("01 01 02 02 12 00 01 01 01 02 04 16 01 12 00 01 09 06 00 00 60 01 01 FF 0F 02", DataAccessResult.TypeUnmatched)]
        [InlineData("01 01 02 02 12 00 01 01 01 02 05 11 01 12 00 01 09 06 00 00 60 01 01 FF 0F 02 12 00 05", DataAccessResult.TypeUnmatched)]
        [InlineData("01 01 02 02 12 00 01 01 01 02 05 16 01 12 00 01 09 06 00 00 60 01 01 FF 0F 02 12 00", DataAccessResult.TypeUnmatched)]
        // A logical name of 5 bytes.
        [InlineData("01 01 02 02 12 00 01 01 01 02 05 16 01 12 00 01 09 05 00 00 60 01 01 0F 02 12 00 05", DataAccessResult.TypeUnmatched)]
        // service_id 3; the reserved script identifier 0.
        [InlineData("01 01 02 02 12 00 01 01 01 02 05 16 03 12 00 01 09 06 00 00 60 01 01 FF 0F 02 12 00 05", DataAccessResult.ScopeOfAccessViolated)]
        [InlineData("01 01 02 02 12 00 00 01 00", DataAccessResult.ScopeOfAccessViolated)]
        public void Set_Malformed_RefusedAndTableUnchanged(string value, DataAccessResult expected)
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(table, ScriptTable.Attributes.Scripts, TwoScripts));
            int version = table.ConfigurationVersion;

            Assert.Equal(expected, CosemTestKit.Set(table, ScriptTable.Attributes.Scripts, value));

            Assert.Equal(N(TwoScripts), CosemTestKit.Get(table, ScriptTable.Attributes.Scripts));
            Assert.Equal(version, table.ConfigurationVersion);
        }

        [Fact]
        public void Set_LargerThanTheCapacity_ScopeOfAccessViolated()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            // The two scripts take 3 + 12 + 3 + 3 + 12 + 2 = 35 bytes compact.
            ScriptTable table = kit.Add(new ScriptTable(ScheduleTestKit.TableName, 34, kit.Runner));
            Assert.Equal(DataAccessResult.ScopeOfAccessViolated, CosemTestKit.Set(table, ScriptTable.Attributes.Scripts, TwoScripts));
            ScriptTable exact = new ScriptTable(new ObisCode(0, 0, 10, 0, 1, 255), 35, kit.Runner);
            Assert.Equal(DataAccessResult.Success, CosemTestKit.Set(exact, ScriptTable.Attributes.Scripts, TwoScripts));
            Assert.Equal(35, exact.Length);
        }

        [Theory]
        // Null script 0: nothing, success; a script the table does not hold; a parameter that is not an integer.
        [InlineData("12 00 00", ActionResult.Success)]
        [InlineData("12 00 07", ActionResult.ScopeOfAccessViolated)]
        [InlineData("09 01 01", ActionResult.TypeUnmatched)]
        [InlineData(null, ActionResult.TypeUnmatched)]
        public void Execute_Parameter_Result(string? parameter, ActionResult expected)
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            CosemTestKit.Set(table, ScriptTable.Attributes.Scripts, TwoScripts);

            Assert.Equal(expected, CosemTestKit.Invoke(table, ScriptTable.Methods.Execute, parameter));
            Assert.Equal(0, kit.Runner.ActionsRun);
        }

        [Fact]
        public void Execute_ActionOnMissingObject_CountedAndTheScriptGoesOn()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            table.AddAction(1, ScriptRunner.WriteAttribute, CosemClassId.Data, new ObisCode(0, 0, 96, 1, 9, 255), 2, Hex.Parse("12 00 01"));
            table.AddAction(1, ScriptRunner.WriteAttribute, CosemClassId.Data, ScheduleTestKit.DataName, 2, Hex.Parse("09 00"));
            table.AddAction(1, ScriptRunner.WriteAttribute, CosemClassId.Data, ScheduleTestKit.DataName, 2, Hex.Parse("12 00 09"));

            Assert.Equal(ActionResult.Success, table.Execute(1));

            Assert.Equal(3, kit.Runner.ActionsRun);
            Assert.Equal(2, kit.Runner.FailedActions); // no such object; a value of the wrong type
            Assert.Equal(9, kit.Data.Value.Integer);
        }

        [Fact]
        public void Execute_ScriptThatExecutesItself_EndsAtTheNestingLimit()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            table.AddAction(1, ScriptRunner.ExecuteMethod, CosemClassId.ScriptTable, ScheduleTestKit.TableName, 1, Hex.Parse("12 00 01"));

            Assert.Equal(ActionResult.Success, table.Execute(1));

            // Depths 1..4 run their action; the fifth execution is refused, which counts as the failed action of depth 4.
            Assert.Equal(ScriptRunner.MaxDepth, kit.Runner.ActionsRun);
            Assert.Equal(1, kit.Runner.FailedActions);
            // The depth is back to 0: the table runs again.
            Assert.Equal(ActionResult.Success, table.Execute(1));
        }

        [Fact]
        public void Runner_ExecuteByName_FindsTheTableAndMissingTableCounts()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            CosemTestKit.Set(table, ScriptTable.Attributes.Scripts, TwoScripts);

            Assert.Equal(ActionResult.Success, kit.Runner.Execute(ScheduleTestKit.TableName.Value, 1));
            Assert.Equal(5, kit.Data.Value.Integer);
            Assert.Equal(ActionResult.ObjectUndefined, kit.Runner.Execute(new ObisCode(0, 0, 10, 0, 1, 255).Value, 1));
            Assert.Equal(1, kit.Runner.FailedActions);
        }

        [Fact]
        public void SaveRestore_RoundTripAndForeignBytesRefused()
        {
            ScheduleTestKit kit = new ScheduleTestKit();
            ScriptTable table = kit.Table();
            CosemTestKit.Set(table, ScriptTable.Attributes.Scripts, TwoScripts);
            byte[] record = new byte[table.PersistedLength];
            int length = table.Save(record, 0);

            ScriptTable copy = new ScriptTable(ScheduleTestKit.TableName, 128, kit.Runner);
            Assert.True(copy.Restore(record, 0, length));
            Assert.Equal(N(TwoScripts), CosemTestKit.Get(copy, ScriptTable.Attributes.Scripts));

            ScriptTable other = new ScriptTable(ScheduleTestKit.TableName, 128, kit.Runner);
            Assert.False(other.Restore(record, 0, length - 1));                        // torn
            Assert.False(new ScriptTable(ScheduleTestKit.TableName, 20, kit.Runner).Restore(record, 0, length)); // capacity shrank
            record[0] = 9;
            Assert.False(other.Restore(record, 0, length));                            // another format
            Assert.Equal("01 00", CosemTestKit.Get(other, ScriptTable.Attributes.Scripts));
        }
    }
}
