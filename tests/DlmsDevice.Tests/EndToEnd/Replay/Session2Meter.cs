using System;
using DlmsDevice.Emulator;
using DlmsDevice.Runtime;
using DlmsDevice.Stack;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Stack.Server;
using DlmsDevice.Tests.Cosem;

namespace DlmsDevice.Tests.EndToEnd.Replay
{
    /// <summary>
    /// The meter the traces' session 2 was recorded against, rebuilt from our COSEM classes:
    /// logical device 1, an Association LN for client 17 with LLS password "Gurux", the clock,
    /// the registers the clients read, and the load profile 1.0.99.1.0.255 (clock + a
    /// double-long register) holding 13 hourly rows from 2026-11-24 22:00 to 2026-11-25 10:00
    /// UTC; enough further Data objects that the object list takes 5 blocks of 1024 bytes, as in
    /// the traces (4 GET-Next). The clock stands still at <see cref="Now"/>, time zone UTC.
    /// </summary>
    internal sealed class Session2Meter : IMeterModel
    {
        public static readonly DateTime Now = new DateTime(2026, 11, 25, 8, 21, 5, DateTimeKind.Utc);
        public static readonly DateTime FirstRow = new DateTime(2026, 11, 24, 22, 0, 0, DateTimeKind.Utc);
        public const int Rows = 13;
        public const int FirstRowValue = 9990;
        public const int Fillers = 110;

        public Session2Meter()
        {
            Source = new FakeClockSource(FirstRow.Ticks);
            var device = new LogicalDevice(1, "DDV0000000000017", Fillers + 16);
            Objects = new ObjectList(Fillers + 16);
            Association = new AssociationLogicalName(new ObisCode(0, 0, 40, 0, 1, 255), Objects, 17, 1, 1, 8);
            Association.SetSecret("Gurux");
            Clock = new Clock(new ObisCode(0, 0, 1, 0, 0, 255), Source);
            Energy = new Register(new ObisCode(1, 0, 1, 8, 0, 255), new CosemValue(DataType.DoubleLongUnsigned), -1, Unit.WattHour);
            Energy.Value.SetInteger(123456);
            Power = new Register(new ObisCode(1, 1, 21, 25, 0, 255), new CosemValue(DataType.DoubleLong), 0, Unit.Watt);
            Profile = new ProfileGeneric(new ObisCode(1, 0, 99, 1, 0, 255), 4, 20 * (14 + 5));
            Profile.AddCaptureObject(Clock, 2, 0);
            Profile.AddCaptureObject(Power, 2, 0);
            Profile.CapturePeriod = 3600;
            for (int i = 0; i < Rows; i++)
            {
                Source.Ticks = FirstRow.AddHours(i).Ticks;
                Power.Value.SetInteger(FirstRowValue + i);
                if (!Profile.Capture())
                {
                    throw new InvalidOperationException("capture failed");
                }
            }
            Source.Ticks = Now.Ticks;

            CosemObject[] listed = { device.Name, new CurrentAssociation(), Association, Clock, Energy, Power, Profile };
            foreach (CosemObject obj in listed)
            {
                Objects.Add(obj, AttributeAccess.Read, MethodAccess.NoAccess);
                if (obj != device.Name)
                {
                    device.Add(obj);
                }
            }
            for (int i = 0; i < Fillers; i++)
            {
                var value = new CosemValue(DataType.LongUnsigned);
                value.SetInteger(i);
                var filler = new Data(new ObisCode(0, 0, 96, 200, (byte)i, 255), value);
                Objects.Add(filler, AttributeAccess.Read, MethodAccess.NoAccess);
                device.Add(filler);
            }
            var directory = new LogicalDeviceDirectory();
            directory.Add(device);
            Server = new DlmsServer(directory, new ServerLimits());
        }

        public FakeClockSource Source { get; }
        public ObjectList Objects { get; }
        public AssociationLogicalName Association { get; }
        public Clock Clock { get; }
        public Register Energy { get; }
        public Register Power { get; }
        public ProfileGeneric Profile { get; }
        public DlmsServer Server { get; }

        public object SyncRoot { get; } = new object();

        /// <summary>Serves the meter with the emulator's <paramref name="options"/> (call before use).</summary>
        public Session2Meter WithChannels(EmulatorOptions options)
        {
            _pools = new SessionPools(options, Server.CreateSession, SyncRoot, null);
            return this;
        }

        public ChannelPool Pool(ChannelKind kind) => _pools!.Pool(kind);

        private SessionPools? _pools;
    }
}
