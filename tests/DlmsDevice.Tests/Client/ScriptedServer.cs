using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DlmsDevice.Tests.Support;

namespace DlmsDevice.Tests.Client
{
    /// <summary>One turn of a scripted conversation: the exact bytes the client must send, then the canned reply.</summary>
    internal sealed record ScriptStep(byte[] Expect, byte[] Reply)
    {
        public static ScriptStep Of(string expectHex, string replyHex) => new(Hex.Parse(expectHex), Hex.Parse(replyHex));

        public static ScriptStep Of(byte[] expect, params byte[][] replies) => new(expect, TestFrames.Concat(replies));

        public static ScriptStep Of(string expectHex, params byte[][] replies) => new(Hex.Parse(expectHex), TestFrames.Concat(replies));
    }

    /// <summary>
    /// A test double for a DLMS server on 127.0.0.1: accepts one connection, and for each step reads
    /// exactly the expected number of bytes, checks them byte for byte, and writes the fixed reply.
    /// It knows nothing about DLMS. <see cref="Completion"/> faults with the first mismatch.
    /// </summary>
    internal sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<string> _received = new();

        public ScriptedServer(params ScriptStep[] steps)
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _run = RunAsync(steps);
        }

        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _run;

        public int Port { get; }

        /// <summary>Completes when every step was matched; faults with a description otherwise.</summary>
        public Task Completion => _done.Task;

        /// <summary>Everything the client sent, one hex string per step.</summary>
        public IReadOnlyList<string> Received => _received;

        private async Task RunAsync(ScriptStep[] steps)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            try
            {
                using TcpClient client = await _listener.AcceptTcpClientAsync(timeout.Token);
                client.NoDelay = true;
                NetworkStream stream = client.GetStream();
                await PlayAsync(stream, steps, _received, timeout.Token);
                _done.TrySetResult();

                // Script done: keep the connection open until the client closes it; anything
                // more the client sends is kept in Extra.
                var extra = new byte[256];
                int more = await stream.ReadAsync(extra, timeout.Token);
                if (more > 0)
                {
                    _extra = Hex.Format(extra, 0, more);
                }
            }
            catch (Exception e)
            {
                _done.TrySetException(e);
            }
        }

        private string? _extra;

        /// <summary>Bytes the client sent after the last step (null if none).</summary>
        public string? Extra => _extra;

        /// <summary>
        /// Synchronous <see cref="PlayAsync"/> for blocking streams (a pty master); run it on its own
        /// thread so blocking reads do not starve the thread pool.
        /// </summary>
        public static void Play(System.IO.Stream stream, ScriptStep[] steps, List<string> received)
        {
            for (int i = 0; i < steps.Length; i++)
            {
                var got = new byte[steps[i].Expect.Length];
                int read = 0;
                while (read < got.Length)
                {
                    int n = stream.Read(got, read, got.Length - read);
                    if (n == 0)
                    {
                        throw new InvalidOperationException("Step " + (i + 1) + ": client closed after " + read + " bytes: " + Hex.Format(got, 0, read));
                    }
                    read += n;
                }
                received.Add(Hex.Format(got));
                if (!got.AsSpan().SequenceEqual(steps[i].Expect))
                {
                    throw new InvalidOperationException("Step " + (i + 1) + ": expected " + Hex.Format(steps[i].Expect) + " but the client sent " + Hex.Format(got));
                }
                stream.Write(steps[i].Reply, 0, steps[i].Reply.Length);
                stream.Flush();
            }
        }

        /// <summary>Plays a script over any stream: read each expected request exactly, check it, write the reply.</summary>
        public static async Task PlayAsync(System.IO.Stream stream, ScriptStep[] steps, List<string> received, CancellationToken cancellationToken)
        {
            for (int i = 0; i < steps.Length; i++)
            {
                var got = new byte[steps[i].Expect.Length];
                int read = 0;
                while (read < got.Length)
                {
                    int n = await stream.ReadAsync(got.AsMemory(read), cancellationToken);
                    if (n == 0)
                    {
                        throw new InvalidOperationException("Step " + (i + 1) + ": client closed after " + read + " bytes: " + Hex.Format(got, 0, read));
                    }
                    read += n;
                }
                received.Add(Hex.Format(got));
                if (!got.AsSpan().SequenceEqual(steps[i].Expect))
                {
                    throw new InvalidOperationException("Step " + (i + 1) + ": expected " + Hex.Format(steps[i].Expect) + " but the client sent " + Hex.Format(got));
                }
                if (steps[i].Reply.Length > 0)
                {
                    await stream.WriteAsync(steps[i].Reply, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                }
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
                // Reported by the test through Completion.
            }
            _stop.Dispose();
        }
    }
}
