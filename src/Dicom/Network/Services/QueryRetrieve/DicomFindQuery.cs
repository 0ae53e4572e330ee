using System.Runtime.CompilerServices;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.QueryRetrieve;

/// <summary>
/// A running C-FIND: read the pending identifiers as an async stream; <see cref="CancelAsync"/> sends
/// C-CANCEL-RQ (the stream then ends with the peer's final status). Disposing before the final response
/// cancels, drains and releases the association.
/// </summary>
public sealed class DicomFindQuery : IAsyncDisposable
{
    private readonly DicomAssociation _association;
    private readonly DimseChannel _channel;
    private readonly PendingRequest _pending;
    private readonly List<DimseStatus> _pendingStatuses = [];
    private bool _cancelSent;
    private bool _closed;

    internal DicomFindQuery(DicomAssociation association, DimseChannel channel, PendingRequest pending)
    {
        _association = association;
        _channel = channel;
        _pending = pending;
    }

    /// <summary>The final status; null until the final response arrived.</summary>
    public DimseStatus? FinalStatus { get; private set; }

    public string? ErrorComment { get; private set; }

    public int Matches { get; private set; }

    /// <summary>The status of each pending response, in order (FF00, or FF01 when optional keys were not matched on).</summary>
    public IReadOnlyList<DimseStatus> PendingStatuses => _pendingStatuses;

    /// <summary>Request sent -> final response.</summary>
    public TimeSpan Elapsed => _pending.Elapsed;

    public OperationStatistics Statistics { get; private set; } = OperationStatistics.Empty;

    public async IAsyncEnumerable<DicomDataset> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _pending.NextAsync(cancellationToken).ConfigureAwait(false) is { } reply)
        {
            if (reply.IsFinal)
            {
                FinalStatus = reply.Response.Status;
                ErrorComment = reply.Response.ErrorComment;
                break;
            }

            _pendingStatuses.Add(reply.Response.Status);
            if (!reply.Data.IsEmpty)
            {
                Matches++;
                yield return DicomDatasetReader.Read(reply.Data, DicomTransferSyntax.Lookup(reply.Context.TransferSyntax));
            }
        }
    }

    /// <summary>Sends C-CANCEL-RQ for this query (once).</summary>
    public async Task CancelAsync(CancellationToken cancellationToken = default)
    {
        if (_cancelSent || FinalStatus is not null)
        {
            return;
        }

        _cancelSent = true;
        await _channel.SendAsync(_pending.PresentationContextId, new CCancelRequest { MessageIdBeingRespondedTo = _pending.Request.MessageId }, null, cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            if (FinalStatus is null)
            {
                await CancelAsync().ConfigureAwait(false);
                await foreach (var _ in ReadAllAsync().ConfigureAwait(false))
                {
                }
            }

            await _association.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Statistics = OperationStatistics.Empty.Add(_association) with { Elapsed = Elapsed };
            await _association.DisposeAsync().ConfigureAwait(false);
            _channel.Dispose();
        }
    }
}
