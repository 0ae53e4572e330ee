using Conformance.Budgets;
using Conformance.Harness.Scenarios.Wire;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// The 2016 scenario on one topology: C-STORE storescu -> storescp and every C-MOVE SCU (movescu, gdcmscu, ours)
/// against every C-MOVE SCP (dcmqrscp, Orthanc, ours), once per <see cref="FixSetting"/>, each timed at its
/// destination by a capture and judged by the budget against the reference pair (the "with the fix"
/// storescu -> storescp, measured first, on the same topology); then the rows moved into a peer tool's storage SCP
/// are attributed (<see cref="Seed2016Attribution"/>). The peer defects the SCU tools show are the catalogue's
/// (<see cref="ToolDefect"/>).
/// </summary>
public sealed class Seed2016Runner(HarnessSession session, Seed2016Study study, string evidenceRoot, Action<string> progress)
{
    private static readonly TimeSpan ExchangeLimit = TimeSpan.FromMinutes(20);

    public async Task<IReadOnlyList<Seed2016Row>> RunAsync(TopologySpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var topology = await session.Topologies.GetAsync(spec, cancellationToken).ConfigureAwait(false);
        var exchanges = new ExchangeRunner(topology, study.Images, evidenceRoot, progress);
        progress($"[{spec.Name}] reference pair: storescu -> storescp, both TCP_NODELAY=1, {study.Images.Files.Count} images");
        var reference = await exchanges.ReferenceAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<Seed2016Row>();
        foreach (var setting in FixSetting.All)
        {
            var files = study.FilesFor(setting);
            progress($"[{spec.Name}] {setting.Title}: {files.Count} images{(setting.MechanismB ? $" (the mechanism-B part; --images-b)" : "")}");
            rows.Add(await RowAsync(exchanges, setting, "storescu -> storescp", "C-STORE", files.Count, $"{setting.Key}.storescu-storescp",
                (name, ct) => setting == FixSetting.WithFix && name == $"{setting.Key}.storescu-storescp" ? Task.FromResult(reference) : exchanges.DcmtkStoreAsync(name, setting.Dcmtk, files.Count, ct),
                cancellationToken).ConfigureAwait(false));
            rows.AddRange(await MovesAsync(topology, exchanges, setting, files, cancellationToken).ConfigureAwait(false));
        }

        return Seed2016Attribution.Apply(
            rows,
            (row, reference) => row.Measurement is { } measured && reference.Measurement is { } paced
                ? OperationBudget.Evaluate(measured.ToBudgetInput(paced, topology.Measurement, study.Images.BytesPerImage, "sub-operations"))
                : null,
            (row, reference) => row.Measurement is { } measured && reference.Measurement is { } paced
                && measured.ToClientPartInput(paced, topology.Measurement, study.Images.BytesPerImage, "sub-operations (sender's part)") is { } input
                ? OperationBudget.Evaluate(input)
                : null);
    }

    private async Task<List<Seed2016Row>> MovesAsync(Topology topology, ExchangeRunner exchanges, FixSetting setting, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var rows = new List<Seed2016Row>();
        var destinations = await MoveDestinations.StartAsync(topology, cancellationToken).ConfigureAwait(false);
        await using (destinations.ConfigureAwait(false))
        {
            var sources = await MoveSources.StartAsync(topology, setting, destinations.All, cancellationToken).ConfigureAwait(false);
            await using (sources.ConfigureAwait(false))
            {
                progress($"[{topology.Spec.Name}] {setting.Key}: loading {files.Count} images into dcmqrscp, Orthanc and our SCP (not timed)");
                await sources.LoadAsync(files, cancellationToken).ConfigureAwait(false);
                foreach (var scp in Enum.GetValues<MoveScpKind>())
                {
                    foreach (var scu in Enum.GetValues<MoveScuKind>())
                    {
                        ToolDefect? defect = null;
                        var row = await RowAsync(exchanges, setting, $"{Label(scu)} <- {Label(scp)}", "sub-operations", files.Count, $"{setting.Key}.{Label(scu)}-from-{Label(scp)}",
                            async (name, ct) =>
                            {
                                var measured = await WireExchange.MeasureAsync(name, destinations.SiteOf(scu), WireEnd.Client, Path.Combine(evidenceRoot, topology.Spec.Name, name),
                                    async c => defect = await MoveRequests.RunAsync(scu, sources[scp], destinations, setting, study, c).ConfigureAwait(false), destinations.LogOf(scu), ct)
                                    .ConfigureAwait(false);
                                return measured with { Note = defect is null ? null : $"{defect.Id}: {defect.Said}" };
                            },
                            cancellationToken).ConfigureAwait(false);
                        rows.Add(row with { Scu = scu, Scp = scp, Defect = defect });
                        if (defect is not null)
                        {
                            progress($"[{topology.Spec.Name}] {setting.Key} {row.Exchange}: peer defect {defect.Id} ({defect.Said})");
                        }
                    }
                }
            }
        }

        return rows;
    }

    private async Task<Seed2016Row> RowAsync(
        ExchangeRunner exchanges, FixSetting setting, string exchange, string operation, int images, string name, Func<string, CancellationToken, Task<ExchangeMeasurement>> measure, CancellationToken cancellationToken)
    {
        var topology = exchanges.Topology.Spec.Name;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ExchangeLimit);
        try
        {
            // A verdict confirmed by a second measurement judged that one: the row keeps the measurement its verdict
            // judged, so its figures, its attribution and the verdict agree.
            ExchangeMeasurement? judged = null;
            async Task<ExchangeMeasurement> Kept(string run, CancellationToken ct) => judged = await measure(run, ct).ConfigureAwait(false);
            var verdict = await exchanges.JudgeConfirmedAsync(await Kept(name, limit.Token).ConfigureAwait(false), Kept, operation, limit.Token).ConfigureAwait(false);
            var row = new Seed2016Row(topology, setting, exchange, images, judged, verdict, null);
            progress($"[{topology}] {setting.Key} {exchange}: {row.Cell()}");
            return row;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            progress($"[{topology}] {setting.Key} {exchange}: ERROR {ex.Message}");
            return new Seed2016Row(topology, setting, exchange, images, null, null, ex.Message);
        }
    }

    private static string Label(MoveScuKind scu) => scu switch
    {
        MoveScuKind.Movescu => "movescu",
        MoveScuKind.Gdcmscu => "gdcmscu",
        _ => "our-scu",
    };

    private static string Label(MoveScpKind scp) => scp switch
    {
        MoveScpKind.Dcmqrscp => "dcmqrscp",
        MoveScpKind.Orthanc => "orthanc",
        _ => "our-scp",
    };
}
