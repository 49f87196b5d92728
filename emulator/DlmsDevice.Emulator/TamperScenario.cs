using System;
using System.Collections.Generic;
using System.Globalization;
using DlmsDevice.Hal.Simulated;

namespace DlmsDevice.Emulator
{
    /// <summary>
    /// One tamper or theft scenario on the simulated schedule: what happens, when (after the
    /// simulation start) and for how long. Parsed from <c>--scenario</c>:
    /// <c>magnet@+10m,cover@1h/2m,reverse@+2h/20m,neutral@3h,no-voltage@4h/15m,outage@5h/5m</c>
    /// (the + is optional; units s, m, h, d; the duration defaults to 10 minutes). docs/tamper.md.
    /// </summary>
    public sealed class TamperScenario
    {
        /// <summary>The scenario names <see cref="Parse"/> knows, with what each simulates.</summary>
        public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
        {
            ["magnet"] = "a strong magnet at the meter (magnet input)",
            ["cover"] = "the terminal cover opened (cover input)",
            ["reverse"] = "current flowing backwards (the load's energy counts as export)",
            ["neutral"] = "part of the load returning through earth (neutral current 40 % short)",
            ["no-voltage"] = "the voltage link cut while the load keeps drawing (no voltage, no energy registered)",
            ["outage"] = "a supply failure (power-fail input, no voltage)",
        };

        private TamperScenario(string kind, TimeSpan start, TimeSpan duration)
        {
            Kind = kind;
            Start = start;
            Duration = duration;
        }

        /// <summary>One of <see cref="Kinds"/>.</summary>
        public string Kind { get; }

        /// <summary>When it starts, after the simulation start.</summary>
        public TimeSpan Start { get; }

        /// <summary>How long it lasts.</summary>
        public TimeSpan Duration { get; }

        /// <summary>Parses a comma-separated list; null text = none.</summary>
        /// <exception cref="FormatException">An item that is not name@time[/duration] of a known name, with the reason.</exception>
        public static IReadOnlyList<TamperScenario> Parse(string? text)
        {
            List<TamperScenario> scenarios = new List<TamperScenario>();
            if (string.IsNullOrWhiteSpace(text))
            {
                return scenarios;
            }

            foreach (string raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int at = raw.IndexOf('@');
                if (at <= 0)
                {
                    throw new FormatException("'" + raw + "' is not name@time[/duration], e.g. magnet@+10m/5m");
                }

                string kind = raw.Substring(0, at).ToLowerInvariant();
                if (!Kinds.ContainsKey(kind))
                {
                    throw new FormatException("'" + kind + "' is not a scenario; known: " + string.Join(", ", Kinds.Keys));
                }

                string times = raw.Substring(at + 1);
                int slash = times.IndexOf('/');
                TimeSpan start = ParseSpan(slash < 0 ? times : times.Substring(0, slash), raw);
                TimeSpan duration = slash < 0 ? TimeSpan.FromMinutes(10) : ParseSpan(times.Substring(slash + 1), raw);
                if (duration <= TimeSpan.Zero)
                {
                    throw new FormatException("'" + raw + "': the duration must be more than 0");
                }

                scenarios.Add(new TamperScenario(kind, start, duration));
            }

            return scenarios;
        }

        /// <summary>Puts the scenario on the simulated hardware's schedule.</summary>
        public void Apply(SimulatedMeterSettings hardware)
        {
            ScheduledInterval interval = new ScheduledInterval(Start, Duration);
            List<ScheduledInterval> schedule = Kind switch
            {
                "magnet" => hardware.MagnetFields,
                "cover" => hardware.CoverOpenings,
                "reverse" => hardware.ReverseFlows,
                "neutral" => hardware.EarthLeaks,
                "no-voltage" => hardware.PotentialCuts,
                _ => hardware.PowerFailures,
            };
            schedule.Add(interval);
        }

        /// <inheritdoc />
        public override string ToString()
        {
            return Kind + "@+" + Start + "/" + Duration;
        }

        private static TimeSpan ParseSpan(string text, string item)
        {
            string t = text.Trim().TrimStart('+');
            if (t.Length >= 2 && double.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && n >= 0)
            {
                switch (char.ToLowerInvariant(t[t.Length - 1]))
                {
                    case 's':
                        return TimeSpan.FromSeconds(n);
                    case 'm':
                        return TimeSpan.FromMinutes(n);
                    case 'h':
                        return TimeSpan.FromHours(n);
                    case 'd':
                        return TimeSpan.FromDays(n);
                }
            }

            throw new FormatException("'" + item + "': '" + text + "' is not a time such as 90s, 10m, 1.5h or 2d");
        }
    }
}
