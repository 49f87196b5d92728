using System;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;

namespace DlmsDevice.Tests.Cosem.Schedules
{
    /// <summary>
    /// A small logical device for the script tests: a runner over an object list holding a
    /// Data object (0.0.96.1.1.255, long-unsigned), a Register (1.0.1.8.0.255, resettable) and
    /// whatever the test adds.
    /// </summary>
    internal sealed class ScheduleTestKit
    {
        public static readonly ObisCode DataName = new ObisCode(0, 0, 96, 1, 1, 255);
        public static readonly ObisCode RegisterName = new ObisCode(1, 0, 1, 8, 0, 255);
        public static readonly ObisCode TableName = new ObisCode(0, 0, 10, 0, 100, 255);

        public readonly ScriptRunner Runner = new ScriptRunner(64, null);
        public readonly ObjectList Objects = new ObjectList(16);
        public readonly Data Data = new Data(DataName, new CosemValue(DataType.LongUnsigned));
        public readonly Register Register = new Register(RegisterName, new CosemValue(DataType.DoubleLongUnsigned), 0, Unit.WattHour);

        public ScheduleTestKit()
        {
            Objects.Add(Data);
            Objects.Add(Register);
            Runner.Objects = Objects;
        }

        /// <summary>Adds <paramref name="obj"/> to the objects the scripts can reach; returns it.</summary>
        public T Add<T>(T obj) where T : CosemObject
        {
            Objects.Add(obj);
            return obj;
        }

        /// <summary>A script table at 0.0.10.0.100.255 in the objects.</summary>
        public ScriptTable Table(int capacity = 128)
        {
            return Add(new ScriptTable(TableName, capacity, Runner));
        }

        /// <summary>Local calendar ticks of a date and time.</summary>
        public static long At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
        {
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks;
        }
    }
}
