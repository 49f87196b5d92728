using System;
using System.Collections.Generic;
using System.Linq;

namespace DlmsDevice.NanoCheck.Inspection
{
    /// <summary>
    /// Where device code may use a struct of the platform (declared by a nanoFramework class
    /// library, so by the reference declarations): each use is a heap block on nanoCLR, so only in
    /// methods that run at start-up or in the periodic poll, never on a request path. Anything not
    /// listed here is a ValueType violation like any other, and an entry that matches nothing
    /// fails too (the list cannot go stale). Structs of our own code or of mscorlib are never allowed.
    /// </summary>
    public static class PlatformValueTypes
    {
        /// <summary>One allowed use: in <paramref name="Location"/> of <paramref name="Assembly"/>, the platform struct <paramref name="ValueType"/>.</summary>
        public sealed record Allowance(string Assembly, string Location, string ValueType, string Reason);

        /// <summary>The allowed uses, each with why it is not on a request path.</summary>
        public static readonly IReadOnlyList<Allowance> Allowed = new[]
        {
            new Allowance("DlmsDevice.Hal.Esp32", "DlmsDevice.Hal.Esp32.Esp32PulseCounter::Poll", "System.Device.Gpio.GpioPulseCount",
                "GpioPulseCounter.Read returns a struct: read in the board's periodic poll (every 100 ms), never per request"),
            new Allowance("DlmsDevice.Hal.Esp32", "DlmsDevice.Hal.Esp32.Esp32DigitalOutput::Apply", "System.Device.Gpio.PinValue",
                "the relay pin is driven from the periodic poll; a disconnect ACTION only records the level"),
            new Allowance("DlmsDevice.Hal.Esp32", "DlmsDevice.Hal.Esp32.Esp32DigitalInput::.ctor", "System.Device.Gpio.PinValue",
                "the input's level is read once when it is opened; later levels come from the edge events"),
            new Allowance("DlmsDevice.Esp32", "DlmsDevice.Esp32.Esp32Board::ConnectWifi", "System.Threading.CancellationToken",
                "the default token argument of WifiNetworkHelper.ConnectDhcp, once at start-up"),
        };

        /// <summary>True when <paramref name="violation"/> of <paramref name="assembly"/> is an allowed platform struct use.</summary>
        public static bool IsAllowed(string assembly, NanoViolation violation, IReadOnlyList<Allowance> allowed)
            => violation.Rule == NanoRule.ValueType && allowed.Any(a => Matches(a, assembly, violation));

        /// <summary>True when <paramref name="allowance"/> covers <paramref name="violation"/>.</summary>
        public static bool Matches(Allowance allowance, string assembly, NanoViolation violation)
            => violation.Rule == NanoRule.ValueType
               && allowance.Assembly == assembly
               && allowance.Location == violation.Location
               && violation.Detail.Contains(allowance.ValueType, StringComparison.Ordinal);
    }
}
