using System.Diagnostics;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Services.Store;

namespace Conformance.Dicom.Network.Services.Scu;

public sealed partial class DicomScu
{
    /// <summary>Stores Part 10 files; a file that cannot be read is a failed outcome, not an exception.</summary>
    public async Task<StoreResult> StoreFilesAsync(IEnumerable<string> paths, IProgress<StoreOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var items = new List<StoreItem>();
        var unreadable = new List<StoreOutcome>();
        foreach (var path in paths)
        {
            try
            {
                items.Add(await FileStoreItem.FromFileAsync(path, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                var outcome = new StoreOutcome(path, "", "", Dimse.DimseStatus.ProcessingFailure, null, false, TimeSpan.Zero, ex.Message);
                unreadable.Add(outcome);
                progress?.Report(outcome);
            }
        }

        var result = await StoreAsync(items, progress, cancellationToken).ConfigureAwait(false);
        return result with { Outcomes = [.. unreadable, .. result.Outcomes] };
    }

    /// <summary>
    /// Stores the items: contexts planned per (SOP class, syntax), at most 128 per association (further
    /// associations when needed), requests pipelined up to the negotiated window.
    /// </summary>
    public async Task<StoreResult> StoreAsync(IReadOnlyList<StoreItem> items, IProgress<StoreOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var started = Stopwatch.GetTimestamp();
        var outcomes = new StoreOutcome?[items.Count];
        var stats = OperationStatistics.Empty;
        var plan = ContextPlanner.Plan(items.Select(i => (i.SopClassUid, i.TransferSyntaxUid)).ToList());
        foreach (var planned in plan)
        {
            var batch = planned.ObjectIndices.Select(i => items[i]).ToList();
            var association = await SendBatchAsync(planned, batch, new StoreSendOptions { Priority = Options.Priority }, (index, outcome) =>
            {
                outcomes[planned.ObjectIndices[index]] = outcome;
                progress?.Report(outcome);
                return ValueTask.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
            stats = stats.Add(association);
        }

        return new StoreResult(outcomes.Select(o => o!).ToList(), stats with { Elapsed = Stopwatch.GetElapsedTime(started) });
    }

    /// <summary>One association of a plan: connect with its contexts, send the batch, release. Returns the (closed) association for its counters.</summary>
    internal async Task<DicomAssociation> SendBatchAsync(
        PlannedAssociation planned, IReadOnlyList<StoreItem> batch, StoreSendOptions sendOptions,
        Func<int, StoreOutcome, ValueTask> onOutcome, CancellationToken cancellationToken)
    {
        var proposals = planned.Contexts.Select(c => new PresentationContextProposal(c.AbstractSyntax, c.TransferSyntaxes)).ToList();
        var association = await ConnectAsync(proposals, asyncWindow: true, cancellationToken).ConfigureAwait(false);
        await using (association.ConfigureAwait(false))
        {
            using var channel = new DimseChannel(association);
            await StoreSender.SendAsync(channel, batch, sendOptions, onOutcome, cancellationToken).ConfigureAwait(false);
            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }

        return association;
    }
}
