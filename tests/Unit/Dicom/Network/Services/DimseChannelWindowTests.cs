using System.Collections;
using System.Reflection;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Services;

/// <summary>
/// Requests a channel serves run at most the negotiated asynchronous operations window at a time; one beyond it is
/// refused at once (0213), and handler tasks do not pile up for the association's lifetime.
/// </summary>
public class DimseChannelWindowTests
{
    [Test]
    public async Task A_request_beyond_the_negotiated_window_is_refused_while_the_window_runs()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new GatedEchoHandler(gate.Task);
        await using var server = await ServeAsync(handler, new AsyncOperationsWindow(2, 2));
        await using var association = await ConnectAsync(server.Port, new AsyncOperationsWindow(2, 2));
        using var channel = new DimseChannel(association);

        var pending = new List<PendingRequest>();
        for (ushort id = 1; id <= 3; id++)
        {
            pending.Add(await channel.SendRequestAsync(1, new CEchoRequest { MessageId = id }, null, CancellationToken.None));
        }

        var third = await pending[2].FinalAsync(CancellationToken.None);
        third.Response.Status.Should().Be(DimseStatus.ResourceLimitation);
        // The two admitted handlers start on the thread pool; wait (bounded) until both run, then the gate opens.
        for (var i = 0; i < 400 && handler.Running < 2; i++)
        {
            await Task.Delay(50);
        }

        handler.Running.Should().Be(2, "two operations are outstanding, as negotiated");
        gate.SetResult();
        (await pending[0].FinalAsync(CancellationToken.None)).Response.Status.Should().Be(DimseStatus.Success);
        (await pending[1].FinalAsync(CancellationToken.None)).Response.Status.Should().Be(DimseStatus.Success);
        handler.MostAtOnce.Should().Be(2);
        await association.ReleaseAsync(CancellationToken.None);
    }

    [Test]
    public async Task Finished_handler_tasks_are_forgotten_while_the_association_lives()
    {
        var served = new TaskCompletionSource<DimseChannel>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new GatedEchoHandler(Task.CompletedTask);
        await using var server = await ServeAsync(handler, null, served);
        await using var association = await ConnectAsync(server.Port, null);
        using var channel = new DimseChannel(association);

        for (ushort id = 1; id <= 200; id++)
        {
            var pending = await channel.SendRequestAsync(1, new CEchoRequest { MessageId = id }, null, CancellationToken.None);
            (await pending.FinalAsync(CancellationToken.None)).Response.Status.Should().Be(DimseStatus.Success);
        }

        var serving = await served.Task;
        var tasks = (ICollection)typeof(DimseChannel).GetField("_handlerTasks", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(serving)!;
        for (var i = 0; i < 100 && tasks.Count > 0; i++)
        {
            await Task.Delay(20);
        }

        tasks.Count.Should().Be(0, "200 operations ended; none is running");
        await association.ReleaseAsync(CancellationToken.None);
    }

    private static async Task<Server> ServeAsync(IDimseRequestHandler handler, AsyncOperationsWindow? window, TaskCompletionSource<DimseChannel>? served = null)
    {
        var policy = AcceptancePolicy.ForVerification("CHANNEL") with { AsyncOperations = window };
        var listener = DicomListener.Start(policy, ConnectionOptions.Default);
        var stop = new CancellationTokenSource();
        var running = listener.RunAsync(async (association, ct) =>
        {
            using var channel = new DimseChannel(association, handler);
            served?.TrySetResult(channel);
            await channel.ServeAsync(ct);
        }, stop.Token);
        await Task.Yield();
        return new Server(listener, stop, running);
    }

    private static async Task<DicomAssociation> ConnectAsync(int port, AsyncOperationsWindow? window) =>
        await DicomAssociation.ConnectAsync(AssociationRequest.ForVerification("127.0.0.1", port, "CHANNEL") with { AsyncOperations = window },
            ConnectionOptions.Default, CancellationToken.None);

    private sealed record Server(DicomListener Listener, CancellationTokenSource Stop, Task Running) : IAsyncDisposable
    {
        public int Port => Listener.Port;

        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Running;
            await Listener.DisposeAsync();
            Stop.Dispose();
        }
    }

    /// <summary>Answers C-ECHO once the gate opens, counting how many run at once.</summary>
    private sealed class GatedEchoHandler(Task gate) : IDimseRequestHandler
    {
        private int _running;
        private int _most;

        public int Running => Volatile.Read(ref _running);

        public int MostAtOnce => Volatile.Read(ref _most);

        public IMessageDataSink ChooseSink(DimseChannel channel, DimseRequest request, IncomingCommand command) => DiscardDataSink.Instance;

        public async Task HandleAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref _most, now);
            await gate.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _running);
            await channel.SendAsync(message.PresentationContextId, DimseResponses.For(request, DimseStatus.Success), null, cancellationToken);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
