using System.CommandLine;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Scenarios.Seed2016;
using Conformance.Harness.Setup;
using Conformance.Harness.Topologies;

namespace Conformance.Cli.Commands;

/// <summary>
/// `conformance reproduce seed-2016 [--topology T]... [--images N] [--images-b N] [--out DIR]`: the 2016 C-MOVE
/// regression on this machine, without and with the fix, with the budget's signatures (docs/budgets.md).
/// </summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var topologies = new Option<string[]>("--topology") { Description = "same-host, bridged or cross-host (repeatable; default: all three)" };
        var images = new Option<int>("--images") { Description = "CT images moved without the fix (Nagle) and with the fix", DefaultValueFactory = _ => 1000 };
        var imagesB = new Option<int>("--images-b") { Description = "Images of the TCP_BUFFER_LENGTH=16384 part (about 1 s each on loopback)", DefaultValueFactory = _ => 100 };
        var output = new Option<string?>("--out") { Description = "Folder for images, captures, logs and the report (default: a new temporary folder)" };
        var seed = new Command("seed-2016", "1000 CT images by C-MOVE (movescu, gdcmscu, our SCU against dcmqrscp, Orthanc, our SCP) and storescu -> storescp, without and with the fix")
        {
            topologies, images, imagesB, output,
        };
        seed.SetAction((result, ct) => RunAsync(
            result.GetValue(topologies) is { Length: > 0 } names ? names : [.. TopologyCatalog.Local.Select(t => t.Name)],
            result.GetValue(images), result.GetValue(imagesB), result.GetValue(output), ct));
        return new Command("reproduce", "Reproduce a known failure on this machine") { seed };
    }

    private static async Task<int> RunAsync(string[] topologyNames, int images, int imagesB, string? output, CancellationToken ct)
    {
        var unknown = topologyNames.Where(n => TopologyCatalog.Local.All(t => t.Name != n)).ToList();
        if (unknown.Count > 0 || images < 1 || imagesB < 1)
        {
            await Console.Error.WriteLineAsync(unknown.Count > 0
                ? $"reproduce: unknown topology {string.Join(", ", unknown)}; choose from {string.Join(", ", TopologyCatalog.Local.Select(t => t.Name))}"
                : "reproduce: --images and --images-b must be at least 1").ConfigureAwait(false);
            return DimseCommandOptions.ExitUsage;
        }

        var folder = output ?? Directory.CreateTempSubdirectory("conformance-seed-2016-").FullName;
        Say($"seed-2016: {images} images (the TCP_BUFFER_LENGTH=16384 part: {Math.Min(images, imagesB)}, about 1 s per image on loopback), work in {folder}");
        Seed2016Study study;
        try
        {
            study = await Seed2016Study.GenerateAsync(Path.Combine(folder, "images"), images, imagesB, ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"reproduce: {ex.Message}").ConfigureAwait(false);
            return DimseCommandOptions.ExitUsage;
        }

        HarnessSession session;
        try
        {
            session = await HarnessSession.StartAsync(Say, ct).ConfigureAwait(false);
        }
        catch (HarnessSetupException ex)
        {
            await Console.Error.WriteLineAsync($"reproduce: the harness is not available: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var reports = new List<string>();
        await using (session.ConfigureAwait(false))
        {
            var runner = new Seed2016Runner(session, study, Path.Combine(folder, "evidence"), Say);
            foreach (var spec in topologyNames.Select(n => TopologyCatalog.Local.Single(t => t.Name == n)))
            {
                var rows = await runner.RunAsync(spec, ct).ConfigureAwait(false);
                var topology = await session.Topologies.GetAsync(spec, ct).ConfigureAwait(false);
                var report = Seed2016Report.Render(spec, topology.Measurement, study, rows);
                reports.Add(report);
                Console.WriteLine();
                Console.WriteLine(report);
            }
        }

        var path = Path.Combine(folder, "seed-2016.txt");
        await File.WriteAllTextAsync(path, string.Join(Environment.NewLine, reports), ct).ConfigureAwait(false);
        Say($"report written to {path}");
        return 0;
    }

    private static void Say(string line) => Console.WriteLine($"[reproduce {DateTime.UtcNow:HH:mm:ss}] {line}");
}
