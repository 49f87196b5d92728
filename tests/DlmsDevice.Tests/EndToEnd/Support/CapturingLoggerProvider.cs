using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DlmsDevice.Tests.EndToEnd.Support
{
    /// <summary>Collects formatted log lines ("Category: message") for assertions.</summary>
    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines = new List<string>();

        /// <summary>A copy of every line logged so far.</summary>
        public string[] Lines
        {
            get
            {
                lock (_lines)
                {
                    return _lines.ToArray();
                }
            }
        }

        /// <summary>A logger factory that writes only to this provider.</summary>
        public ILoggerFactory CreateFactory()
        {
            return LoggerFactory.Create(builder =>
            {
                builder.SetMinimumLevel(LogLevel.Information);
                builder.AddProvider(this);
            });
        }

        public ILogger CreateLogger(string categoryName)
        {
            return new Logger(this, categoryName);
        }

        public void Dispose()
        {
        }

        private void Add(string line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }

        private sealed class Logger : ILogger
        {
            private readonly CapturingLoggerProvider _owner;
            private readonly string _category;

            public Logger(CapturingLoggerProvider owner, string category)
            {
                _owner = owner;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                return null;
            }

            public bool IsEnabled(LogLevel logLevel)
            {
                return true;
            }

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                _owner.Add(_category + ": " + formatter(state, exception) + (exception == null ? "" : " " + exception));
            }
        }
    }
}
