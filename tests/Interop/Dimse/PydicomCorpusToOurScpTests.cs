using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>
/// storescu sends the pydicom corpus to DCMTK's storescp and to our SCP: every object storescp stores, ours stores too
/// (Success, or a warning naming what the object lacks; never a refusal of an object it could keep).
/// </summary>
public partial class PydicomCorpusToOurScpTests : DimseInteropTest
{
    [Test]
    public async Task Our_SCP_stores_every_object_of_the_corpus_that_storescp_stores()
    {
        var files = await PydicomTestFiles.AllAsync();
        var storescpPort = FreePort.Get();
        StartTool("storescp", "-od", Temp.Sub("storescp"), "-dhl", storescpPort.ToString(CultureInfo.InvariantCulture));
        await WaitForEchoAsync(storescpPort);
        var (server, _) = await StartOurScpAsync("OURSCP");

        // One storescu per file: a file storescu cannot send (it does not convert compressed ones) ends its association.
        var reference = new Dictionary<string, string>(StringComparer.Ordinal);
        var ours = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Merge(reference, await RunToolAsync("storescu", "-v", "127.0.0.1", storescpPort.ToString(CultureInfo.InvariantCulture), file));
            Merge(ours, await RunToolAsync("storescu", "-v", "-aec", "OURSCP", "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture), file));
        }

        var storedByStorescp = reference.Where(r => r.Value.StartsWith("Success", StringComparison.Ordinal)).Select(r => r.Key).ToList();
        TestContext.Progress.WriteLine($"storescp stored {storedByStorescp.Count} of {files.Count}; ours: " +
            string.Join(", ", ours.GroupBy(o => o.Value.Split(':')[0]).Select(g => $"{g.Key} {g.Count()}")));
        Assert.That(storedByStorescp, Has.Count.GreaterThan(20), "storescp stores the uncompressed part of the corpus");
        var refused = storedByStorescp
            .Where(f => !ours.TryGetValue(f, out var status) || !(status.StartsWith("Success", StringComparison.Ordinal) || status.StartsWith("Warning", StringComparison.Ordinal)))
            .Select(f => $"{Path.GetFileName(f)}: {(ours.TryGetValue(f, out var s) ? s : "not sent")}")
            .ToList();
        Assert.That(refused, Is.Empty, "objects storescp keeps and we refused");
    }

    // storescu -v prints "Sending file: PATH" and then "Received Store Response (STATUS)" for each object it sends.
    private static void Merge(Dictionary<string, string> outcomes, HostProcessResult storescu)
    {
        string? current = null;
        foreach (var line in storescu.Output.Split('\n'))
        {
            if (SendingFile().Match(line) is { Success: true } sending)
            {
                current = sending.Groups[1].Value.Trim();
            }
            else if (current is not null && StoreResponse().Match(line) is { Success: true } response)
            {
                outcomes[current] = response.Groups[1].Value;
                current = null;
            }
        }
    }

    private async Task WaitForEchoAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await RunToolAsync("echoscu", "127.0.0.1", port.ToString(CultureInfo.InvariantCulture))).ExitCode == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("storescp did not answer C-ECHO");
    }

    [GeneratedRegex(@"Sending file: (.+)$")]
    private static partial Regex SendingFile();

    [GeneratedRegex(@"Received Store Response \((.+)\)")]
    private static partial Regex StoreResponse();
}
