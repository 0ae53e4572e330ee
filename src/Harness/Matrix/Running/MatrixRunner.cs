using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Harness.Docker;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Setup;
using Conformance.Harness.Sut;
using Conformance.Harness.Topologies;
using Conformance.Reporting.Results;

namespace Conformance.Harness.Matrix.Running;

/// <summary>
/// Runs matrix cases, one after another, and writes their rows: the one runner behind <c>dotnet test</c>
/// (tests/Interop hosts each case as a test) and <c>conformance run</c>. Start it once per run
/// (<see cref="StartAsync"/>), run cases (<see cref="RunAsync"/>, <see cref="RunAllAsync"/>), dispose it at
/// the end; each topology's peers are started at first need and shared by its cases.
/// </summary>
public sealed class MatrixRunner : IAsyncDisposable
{
    private readonly MatrixRunOptions _options;
    private readonly TopologyPool _pool;
    private readonly bool _ownsPool;
    private readonly string _root;
    private readonly ConcurrentDictionary<TopologySpec, Lazy<Task<TopologyStage>>> _stages = new();
    private readonly ConcurrentDictionary<string, Lazy<ISystemUnderTest>> _suts = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lazy<Task<MatrixCorpus>> _corpus;
    private int _sequence;

    private MatrixRunner(MatrixRunOptions options, HarnessEnvironment environment, TopologyPool pool, bool ownsPool)
    {
        _options = options;
        Environment = environment;
        _pool = pool;
        _ownsPool = ownsPool;
        _root = Directory.CreateTempSubdirectory($"conformance-matrix-{SuiteLabels.CurrentRunId}-").FullName;
        _corpus = new Lazy<Task<MatrixCorpus>>(() => CorpusMaker.MakeAsync(environment, Path.Combine(_root, "corpus"), options.Log, CancellationToken.None));
        Results = new MatrixResults(options.Producer, options.ResultsDirectory ?? ResultsLocation.Directory(), () => _pool.Measurements);
    }

    public HarnessEnvironment Environment { get; }

    /// <summary>The rows so far and the results file (written as each case ends).</summary>
    public MatrixResults Results { get; }

    public static async Task<MatrixRunner> StartAsync(MatrixRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.Environment ?? await HarnessSetup.RunAsync(HarnessSettings.FromEnvironment(), options.Log, cancellationToken).ConfigureAwait(false);
        var pool = options.Topologies ?? new TopologyPool(environment, options.Log);
        return new MatrixRunner(options, environment, pool, ownsPool: options.Topologies is null);
    }

    /// <summary>Runs cases in order; each row is reported to <paramref name="progress"/> and written as it ends.</summary>
    public async Task<IReadOnlyList<CaseResult>> RunAllAsync(IEnumerable<MatrixCase> cases, IProgress<CaseResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var rows = new List<CaseResult>();
        foreach (var matrixCase in cases)
        {
            var row = await RunAsync(matrixCase, cancellationToken).ConfigureAwait(false);
            rows.Add(row);
            progress?.Report(row);
        }

        await Results.WriteAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>Runs one case to its row (never throws for the case's own failure; cancellation propagates).</summary>
    public async Task<CaseResult> RunAsync(MatrixCase matrixCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matrixCase);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var row = await RunOneAsync(matrixCase, cancellationToken).ConfigureAwait(false);
            await Results.AddAsync(row, cancellationToken).ConfigureAwait(false);
            _options.Log($"{row.Outcome.ToString().ToUpperInvariant(),-14} {row.Id} ({row.DurationMs:F0} ms){(row.Outcome == CaseOutcome.Pass ? "" : ": " + row.Message)}");
            return row;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<CaseResult> RunOneAsync(MatrixCase matrixCase, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        CellContext context;
        try
        {
            var stage = await StageAsync(matrixCase.Topology, cancellationToken).ConfigureAwait(false);
            await stage.CaptureAsync(cancellationToken).ConfigureAwait(false);
            var corpus = await _corpus.Value.ConfigureAwait(false);
            var work = Path.Combine(stage.WorkRoot, $"case-{Interlocked.Increment(ref _sequence):D4}");
            context = new CellContext(matrixCase, stage, Sut(matrixCase.Sut), corpus, Environment, work);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The topology, its capture, the corpus or the SUT could not be had: the case could not run, and its row says why.
            return Row(matrixCase, new CellVerdict(CaseOutcome.Fail, $"the case could not run: {ex.GetType().Name}: {ex.Message}"), BudgetResult.NotMeasured, [], startedAt, stopwatch.Elapsed);
        }

        await using (context.ConfigureAwait(false))
        {
            var verdict = await VerdictAsync(matrixCase, context, cancellationToken).ConfigureAwait(false);
            var (budget, reference) = await BudgetAsync(verdict, context.Stage, cancellationToken).ConfigureAwait(false);
            if (verdict.Outcome is CaseOutcome.Pass or CaseOutcome.PeerDefect && budget.Verdict == BudgetOutcome.Fail)
            {
                verdict = verdict with { Outcome = CaseOutcome.Fail, Message = $"{verdict.Message}; timing budget failed: {budget.Message}" };
            }

            var evidence = verdict.Outcome == CaseOutcome.Fail || _options.EvidenceForEveryCase
                ? await EvidenceAsync(context, startedAt, verdict, reference, cancellationToken).ConfigureAwait(false)
                : [];
            return Row(matrixCase, verdict, budget, evidence, startedAt, stopwatch.Elapsed);
        }
    }

    private async Task<IReadOnlyList<string>> EvidenceAsync(CellContext context, DateTimeOffset startedAt, CellVerdict verdict, ReferenceMeasurement? reference, CancellationToken cancellationToken)
    {
        try
        {
            return await CaseEvidence.CollectAsync(context, startedAt.UtcDateTime, Results.Directory, verdict, reference, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or DockerCommandException or InvalidOperationException or InvalidDataException)
        {
            _options.Log($"evidence of {context.Case.Id} could not be collected: {ex.Message}");
            return [];
        }
    }

    private CaseResult Row(MatrixCase matrixCase, CellVerdict verdict, BudgetResult budget, IReadOnlyList<string> evidence, DateTimeOffset startedAt, TimeSpan duration) => new()
    {
        Id = matrixCase.Id,
        Service = matrixCase.Service,
        SutRole = matrixCase.SutRole,
        Sut = matrixCase.Sut,
        Peer = matrixCase.Peer.Name,
        PeerVersion = matrixCase.Peer.VersionIn(Environment),
        DebianSuite = Environment.Settings.DebianSuite,
        Topology = matrixCase.Topology.Name,
        Variant = matrixCase.Variant.Name,
        TransferSyntax = matrixCase.Variant.TransferSyntax,
        Outcome = verdict.Outcome,
        Message = verdict.Message,
        Defect = verdict.Defect,
        Timings = Timings(verdict.Timings),
        Budget = budget,
        Evidence = evidence,
        StartedAt = startedAt,
        DurationMs = duration.TotalMilliseconds,
    };

    private static async Task<CellVerdict> VerdictAsync(MatrixCase matrixCase, CellContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await matrixCase.Variant.RunAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (CaseFailedException failure)
        {
            return new CellVerdict(CaseOutcome.Fail, failure.Message);
        }
        catch (Exception ex) when (ex is NotApplicableException or SutCapabilityException)
        {
            return new CellVerdict(CaseOutcome.NotApplicable, ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new CellVerdict(CaseOutcome.Fail, $"the case could not run: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>The case's budget verdict, and the reference it was judged against (for the evidence), when there was one.</summary>
    private static async Task<(BudgetResult Budget, ReferenceMeasurement? Reference)> BudgetAsync(CellVerdict verdict, TopologyStage stage, CancellationToken cancellationToken)
    {
        if (verdict.Timings is not { } timings || timings.IsReference || verdict.Outcome is CaseOutcome.NotApplicable or CaseOutcome.Fail)
        {
            return (BudgetResult.NotMeasured, null);
        }

        var reference = await stage.Reference.ForAsync(timings.ReferenceKey, cancellationToken).ConfigureAwait(false);
        return (CaseBudget.Judge(timings, reference?.Latencies, reference?.Description, stage.Topology.Measurement), reference);
    }

    private static OperationTimings? Timings(CellTimings? timings)
    {
        if (timings is null || timings.Latencies.Count == 0)
        {
            return null;
        }

        var summary = Budgets.LatencySummary.From(timings.Latencies);
        return new OperationTimings
        {
            Operation = timings.Operation,
            Count = summary.Count,
            P50Ms = summary.P50.TotalMilliseconds,
            P95Ms = summary.P95.TotalMilliseconds,
            MaxMs = summary.Max.TotalMilliseconds,
            TotalMs = timings.Total.TotalMilliseconds,
            LatenciesMs = timings.Latencies.Select(l => l.TotalMilliseconds).ToList(),
        };
    }

    private Task<TopologyStage> StageAsync(TopologySpec spec, CancellationToken cancellationToken) =>
        _stages.GetOrAdd(spec, s => new Lazy<Task<TopologyStage>>(async () =>
        {
            var topology = await _pool.GetAsync(s, cancellationToken).ConfigureAwait(false);
            return new TopologyStage(topology, Path.Combine(_root, s.Name), _ => _corpus.Value, _options.Log);
        })).Value;

    private ISystemUnderTest Sut(string name) =>
        _suts.GetOrAdd(name, n => new Lazy<ISystemUnderTest>(() =>
            (_options.Suts.FirstOrDefault(d => d.Name == n) ?? throw new InvalidOperationException($"No system under test named '{n}' was given to the runner.")).Create())).Value;

    public async ValueTask DisposeAsync()
    {
        await Results.WriteAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var stage in _stages.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully))
        {
            await (await stage.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }

        foreach (var sut in _suts.Values.Where(l => l.IsValueCreated))
        {
            await sut.Value.DisposeAsync().ConfigureAwait(false);
        }

        if (_ownsPool)
        {
            await _pool.DisposeAsync().ConfigureAwait(false);
        }

        if (_options.Environment is null)
        {
            // The runner set the harness up itself (the CLI): it also removes what this run left on the engine.
            await new SuiteJanitor(Environment.Docker, _options.Log).RemoveRunAsync(SuiteLabels.CurrentRunId, CancellationToken.None).ConfigureAwait(false);
        }

        Results.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
