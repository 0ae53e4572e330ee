using System.Diagnostics;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Services.Storage;

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
        var counters = await StoreAssociationSender.SendAsync(
            Options.Request([], asyncWindow: true), Options.Connection, items, new StoreSendOptions { Priority = Options.Priority },
            (index, outcome) =>
            {
                outcomes[index] = outcome;
                progress?.Report(outcome);
                return ValueTask.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        var stats = counters.Aggregate(OperationStatistics.Empty, (total, association) => total.Add(association));
        return new StoreResult(outcomes.Select(o => o!).ToList(), stats with { Elapsed = Stopwatch.GetElapsedTime(started) });
    }
}
