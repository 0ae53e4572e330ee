using System.Diagnostics;
using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp.Storage;

namespace Conformance.Harness.Sut.Ours;

/// <summary>Our SCU library (<see cref="DicomScu"/>) behind <see cref="ISutScu"/>: one <see cref="DicomScu"/> per call, failures mapped, not thrown.</summary>
internal sealed class OursScu(ConnectionOptions connection) : ISutScu
{
    public Task<ScuRun> EchoAsync(ScuCall call, CancellationToken cancellationToken) =>
        GuardAsync("c-echo", async () =>
        {
            var echo = await Scu(call).EchoAsync(cancellationToken).ConfigureAwait(false);
            return new ScuRun { Operation = "c-echo", Statuses = [echo.Status.Code], Latencies = [echo.RoundTrip] };
        });

    public Task<ScuRun> StoreAsync(ScuCall call, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        GuardAsync("c-store", async () =>
        {
            var result = await Scu(call).StoreFilesAsync(files, cancellationToken: cancellationToken).ConfigureAwait(false);
            var notSent = result.Outcomes.FirstOrDefault(o => !o.Sent);
            return new ScuRun
            {
                Operation = "c-store",
                Association = notSent is not null && result.Outcomes.All(o => !o.Sent) ? AssociationResult.NoAcceptedContext : AssociationResult.Established,
                Statuses = result.Outcomes.Select(o => o.Status.Code).ToList(),
                TransferSyntaxesSent = result.Outcomes.Select(o => o.TransferSyntaxSent).ToList(),
                Latencies = result.Outcomes.Where(o => o.Sent).Select(o => o.Elapsed).ToList(),
                Error = notSent?.Error,
            };
        });

    public Task<ScuRun> FindAsync(ScuCall call, QuerySpec query, CancellationToken cancellationToken) =>
        GuardAsync("c-find", async () =>
        {
            ArgumentNullException.ThrowIfNull(query);
            var matches = new List<DicomDataset>();
            var latencies = new List<TimeSpan>();
            var findQuery = await Scu(call).StartFindAsync(query.Model, query.Level, query.ToDataset(), cancellationToken).ConfigureAwait(false);
            await using (findQuery.ConfigureAwait(false))
            {
                var last = Stopwatch.GetTimestamp();
                await foreach (var match in findQuery.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    matches.Add(match);
                    latencies.Add(Stopwatch.GetElapsedTime(last));
                    last = Stopwatch.GetTimestamp();
                }
            }

            var status = findQuery.FinalStatus?.Code ?? 0xC000;
            return new ScuRun { Operation = "c-find", Statuses = [status], Matches = matches, Latencies = latencies, Error = findQuery.ErrorComment };
        });

    public Task<ScuRun> MoveAsync(ScuCall call, QuerySpec query, string destinationAe, CancellationToken cancellationToken) =>
        GuardAsync("c-move", async () =>
        {
            ArgumentNullException.ThrowIfNull(query);
            var progress = new StampedProgress();
            var result = await Scu(call).MoveAsync(query.Model, query.Level, query.ToDataset(), destinationAe, progress, cancellationToken).ConfigureAwait(false);
            return Retrieved("c-move", result, progress, []);
        });

    public Task<ScuRun> GetAsync(ScuCall call, QuerySpec query, string outputDirectory, CancellationToken cancellationToken) =>
        GuardAsync("c-get", async () =>
        {
            ArgumentNullException.ThrowIfNull(query);
            var progress = new StampedProgress();
            var storage = new DiskInstanceStorage(outputDirectory);
            var result = await Scu(call).GetAsync(query.Model, query.Level, query.ToDataset(), storage, progress: progress, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            storage.RemoveIncomingDirectoryIfEmpty();
            return Retrieved("c-get", result, progress, result.ReceivedLocations);
        });

    private static ScuRun Retrieved(string operation, RetrieveResult result, StampedProgress progress, IReadOnlyList<string> received) => new()
    {
        Operation = operation,
        Statuses = [result.Status.Code],
        Counts = new RetrieveCounts(result.Completed, result.Failed, result.Warning),
        FailedSopInstanceUids = result.FailedSopInstanceUids,
        Latencies = progress.Intervals,
        ReceivedFiles = received,
        Error = result.ErrorComment,
    };

    private DicomScu Scu(ScuCall call)
    {
        var options = new DicomScuOptions
        {
            Host = call.Host,
            Port = call.Port,
            CalledAe = call.CalledAe,
            CallingAe = call.CallingAe,
            Connection = call.DimseTimeout is { } timeout ? connection with { DimseTimeout = timeout } : connection,
        };
        return new DicomScu(call.MaxPdu is { } max ? options with { MaxPduLength = max } : options);
    }

    private static async Task<ScuRun> GuardAsync(string operation, Func<Task<ScuRun>> run)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await run().ConfigureAwait(false);
            return result with { Elapsed = Stopwatch.GetElapsedTime(started) };
        }
        catch (Exception ex) when (ScuFailures.IsDicomFailure(ex))
        {
            return ScuFailures.From(operation, ex, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Stamps each pending C-MOVE/C-GET response: the intervals are the sub-operations' latencies.</summary>
    private sealed class StampedProgress : IProgress<RetrieveProgress>
    {
        private readonly List<TimeSpan> _intervals = [];
        private long _last = Stopwatch.GetTimestamp();

        public IReadOnlyList<TimeSpan> Intervals
        {
            get
            {
                lock (_intervals)
                {
                    return [.. _intervals];
                }
            }
        }

        public void Report(RetrieveProgress value)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_intervals)
            {
                _intervals.Add(Stopwatch.GetElapsedTime(_last, now));
                _last = now;
            }
        }
    }
}
