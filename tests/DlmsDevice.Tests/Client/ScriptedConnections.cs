using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DlmsDevice.Tests.Client
{
    /// <summary>
    /// Like <see cref="ScriptedServer"/> but for several TCP connections one after the other (the
    /// invocation-counter pre-read opens a public association first): each script is played on its
    /// own connection, which must then be closed by the client before the next is accepted.
    /// </summary>
    internal sealed class ScriptedConnections : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ScriptedConnections(params ScriptStep[][] connections)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _run = RunAsync(connections);
        }

        public int Port { get; }

        /// <summary>Completes when every connection played its script and was closed; faults with the first mismatch.</summary>
        public Task Completion => _done.Task;

        /// <summary>Everything the clients sent, per connection, one hex string per step.</summary>
        public List<List<string>> Received { get; } = new();

        private async Task RunAsync(ScriptStep[][] connections)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            try
            {
                for (int c = 0; c < connections.Length; c++)
                {
                    using TcpClient client = await _listener.AcceptTcpClientAsync(timeout.Token);
                    client.NoDelay = true;
                    NetworkStream stream = client.GetStream();
                    var received = new List<string>();
                    Received.Add(received);
                    try
                    {
                        await ScriptedServer.PlayAsync(stream, connections[c], received, timeout.Token);
                    }
                    catch (InvalidOperationException e)
                    {
                        throw new InvalidOperationException("Connection " + (c + 1) + ": " + e.Message, e);
                    }
                    var rest = new byte[64];
                    if (await stream.ReadAsync(rest, timeout.Token) != 0)
                    {
                        throw new InvalidOperationException("Connection " + (c + 1) + ": the client sent more than the script.");
                    }
                }
                _done.TrySetResult();
            }
            catch (Exception e)
            {
                _done.TrySetException(e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                await _run;
            }
            catch (Exception)
            {
                // Reported through Completion.
            }
            _stop.Dispose();
        }
    }
}
