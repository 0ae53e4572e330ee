using System.Diagnostics;
using System.Threading.Channels;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>
/// A request we sent and the responses that come back for it (several for C-FIND/C-MOVE/C-GET:
/// pending ones, then a final one). Timestamps are <see cref="Stopwatch"/> ticks.
/// </summary>
public sealed class PendingRequest
{
    private readonly DimseChannel _channel;
    private readonly Channel<DimseReply> _replies = Channel.CreateUnbounded<DimseReply>(new UnboundedChannelOptions { SingleReader = true });

    internal PendingRequest(DimseChannel channel, DimseRequest request, byte presentationContextId)
    {
        _channel = channel;
        Request = request;
        PresentationContextId = presentationContextId;
        StartTimestamp = Stopwatch.GetTimestamp();
    }

    public DimseRequest Request { get; }

    public byte PresentationContextId { get; }

    /// <summary>Before the command was handed to the association.</summary>
    public long StartTimestamp { get; }

    /// <summary>After the last byte of the request (command and data) was handed to the association.</summary>
    public long SentTimestamp { get; internal set; }

    /// <summary>When the final response arrived; 0 until then.</summary>
    public long FinalTimestamp { get; private set; }

    public TimeSpan Elapsed => FinalTimestamp == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(StartTimestamp, FinalTimestamp);

    /// <summary>The next response; pumps the association when no receive loop runs. Null once the final response was read.</summary>
    public async ValueTask<DimseReply?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_replies.Reader.TryRead(out var reply))
            {
                return reply;
            }

            if (_replies.Reader.Completion.IsCompleted)
            {
                await _replies.Reader.Completion.ConfigureAwait(false);
                return null;
            }

            if (_channel.IsServing)
            {
                if (!await _replies.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    await _replies.Reader.Completion.ConfigureAwait(false);
                    return null;
                }
            }
            else
            {
                await _channel.PumpAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads responses until the final one and returns it (pending ones are dropped).</summary>
    public async ValueTask<DimseReply> FinalAsync(CancellationToken cancellationToken)
    {
        DimseReply? last = null;
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } reply)
        {
            last = reply;
        }

        return last ?? throw new InvalidOperationException($"No response arrived for message {Request.MessageId}.");
    }

    internal void Deliver(DimseReply reply)
    {
        _replies.Writer.TryWrite(reply);
        if (reply.IsFinal)
        {
            FinalTimestamp = reply.ReceivedTimestamp;
            _replies.Writer.TryComplete();
        }
    }

    internal void Fail(Exception reason) => _replies.Writer.TryComplete(reason);
}
