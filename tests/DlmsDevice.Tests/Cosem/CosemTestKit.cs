using DlmsDevice.Hal;
using DlmsDevice.Stack.Axdr;
using DlmsDevice.Stack.Cosem;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Cosem
{
    /// <summary>Drives COSEM objects the way the services layer does and returns hex.</summary>
    internal static class CosemTestKit
    {
        /// <summary>GET attribute <paramref name="attributeId"/>; asserts success and no overflow; returns the A-XDR as hex.</summary>
        public static string Get(CosemObject obj, int attributeId, CosemContext? context = null)
        {
            string hex;
            DataAccessResult result = TryGet(obj, attributeId, out hex, context);
            Assert.Equal(DataAccessResult.Success, result);
            return hex;
        }

        /// <summary>GET attribute <paramref name="attributeId"/>; returns the result and whatever was written.</summary>
        public static DataAccessResult TryGet(CosemObject obj, int attributeId, out string hex, CosemContext? context = null, int selector = 0)
        {
            byte[] buffer = new byte[65536];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            DataAccessResult result = obj.GetAttribute(attributeId, selector, null!, writer, context ?? new CosemContext());
            Assert.False(writer.Overflow);
            hex = Hex.Format(buffer, 0, writer.Length);
            return result;
        }

        /// <summary>SET attribute <paramref name="attributeId"/> from <paramref name="hex"/>; on failure asserts the reader did not move, on success that it consumed everything.</summary>
        public static DataAccessResult Set(CosemObject obj, int attributeId, string hex, CosemContext? context = null)
        {
            byte[] data = Hex.Parse(hex);
            AxdrReader reader = new AxdrReader();
            reader.Reset(data, 0, data.Length);
            DataAccessResult result = obj.SetAttribute(attributeId, reader, context ?? new CosemContext());
            if (result == DataAccessResult.Success)
            {
                Assert.Equal(0, reader.Remaining);
            }
            else
            {
                Assert.Equal(0, reader.Position);
            }
            return result;
        }

        /// <summary>ACTION method <paramref name="methodId"/> with parameters <paramref name="hex"/> (null = none); returns the result and the return parameters as hex.</summary>
        public static ActionResult Invoke(CosemObject obj, int methodId, string? hex, out string returned, CosemContext? context = null)
        {
            AxdrReader? reader = null;
            if (hex != null)
            {
                byte[] data = Hex.Parse(hex);
                reader = new AxdrReader();
                reader.Reset(data, 0, data.Length);
            }
            byte[] buffer = new byte[1024];
            AxdrWriter writer = new AxdrWriter();
            writer.Reset(buffer, 0, buffer.Length);
            ActionResult result = obj.Invoke(methodId, reader!, writer, context ?? new CosemContext());
            returned = Hex.Format(buffer, 0, writer.Length);
            if (reader != null && result != ActionResult.Success)
            {
                Assert.Equal(0, reader.Position);
            }
            return result;
        }

        /// <summary>ACTION without caring for return parameters.</summary>
        public static ActionResult Invoke(CosemObject obj, int methodId, string? hex, CosemContext? context = null)
        {
            string ignored;
            return Invoke(obj, methodId, hex, out ignored, context);
        }
    }

    /// <summary>A clock source the test sets by hand.</summary>
    internal sealed class FakeClockSource : ISystemClock
    {
        public long Ticks;

        public FakeClockSource(long ticks)
        {
            Ticks = ticks;
        }

        public static FakeClockSource At(int year, int month, int day, int hour, int minute, int second)
        {
            return new FakeClockSource(new System.DateTime(year, month, day, hour, minute, second, System.DateTimeKind.Utc).Ticks);
        }

        public long GetUtcTicks()
        {
            return Ticks;
        }

        public void SetUtcTicks(long utcTicks)
        {
            Ticks = utcTicks;
        }

        public long GetMonotonicMilliseconds()
        {
            return Ticks / System.TimeSpan.TicksPerMillisecond;
        }
    }

    /// <summary>An <see cref="IValueSource"/> that counts calls and stores a given integer on refresh.</summary>
    internal sealed class RecordingValueSource : IValueSource
    {
        public long Next;
        public int Refreshes;
        public int Writes;
        public long LastWritten;

        public void Refresh(CosemValue value)
        {
            Refreshes++;
            value.SetInteger(Next);
        }

        public void Written(CosemValue value)
        {
            Writes++;
            LastWritten = value.Integer;
        }
    }
}
