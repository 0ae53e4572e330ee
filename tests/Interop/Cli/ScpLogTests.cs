using System.Globalization;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Interop.Tests.Reliability;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Cli;

/// <summary>
/// What `conformance scp` tells a DICOM administrator, read from the running program's output: each association
/// (peer address, AE titles, contexts accepted) and each failure with its status and reason: here a C-GET
/// sub-operation for an indexed object whose file was deleted, asked for by DCMTK's getscu on this host.
/// </summary>
[TestFixture]
[Category("Cli")]
public class ScpLogTests
{
    [Test]
    public async Task Scp_logs_the_association_and_the_failed_C_GET_sub_operation_with_its_reason()
    {
        HostTools.Require("storescu", "getscu");
        using var workspace = new TempDirectory("cli-scp-log");
        using var runner = new HostProcessRunner();
        var storage = workspace.File("storage");
        var generated = await ConformanceProgram.RunAsync(runner, TimeSpan.FromMinutes(2),
            "generate", "--modality", "CT", "--count", "3", "--patients", "1", "--seed", "9", "--out", workspace.File("sources"));
        generated.ExitCode.Should().Be(0, generated.Describe());
        var sources = Directory.GetFiles(workspace.File("sources")).Order(StringComparer.Ordinal).ToList();
        var port = FreePort.Get();
        using var scp = await ScpProcess.StartAsync(runner, storage, port);
        var portText = port.ToString(CultureInfo.InvariantCulture);

        var store = await runner.RunAsync("storescu", ["-aet", "LOADER", "-aec", ScpProcess.AeTitle, "127.0.0.1", portText, .. sources], CancellationToken.None);
        store.ExitCode.Should().Be(0, store.Describe());
        var gone = DicomFile.Open(sources[1]).Dataset.GetUid(DicomTags.SOPInstanceUID);
        File.Delete(Directory.GetFiles(storage).Single(f => Path.GetFileName(f).StartsWith(gone, StringComparison.Ordinal)));
        var study = DicomFile.Open(sources[0]).Dataset.GetUid(DicomTags.StudyInstanceUID);
        var get = await runner.RunAsync("getscu",
            ["-v", "-S", "-aet", "GETTER", "-aec", ScpProcess.AeTitle, "-od", workspace.Path, "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={study}", "127.0.0.1", portText],
            CancellationToken.None);
        get.Output.Should().Contain("Number of Failed Suboperations    : 1", get.Describe());

        var lines = await LinesAsync(scp, l => l.Contains("C-GET sub-operation", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("association accepted: ", StringComparison.Ordinal) && l.Contains("GETTER", StringComparison.Ordinal)
            && l.Contains("127.0.0.1", StringComparison.Ordinal) && l.Contains(ScpProcess.AeTitle, StringComparison.Ordinal)
            && l.Contains("contexts accepted: ", StringComparison.Ordinal) && l.Contains("1.2.840.10008.5.1.4.1.2.2.3", StringComparison.Ordinal),
            "the getscu association with peer address, AE titles and the Study Root GET context accepted:\n" + scp.Output);
        lines.Should().Contain(l => l.Contains("association accepted: ", StringComparison.Ordinal) && l.Contains("LOADER", StringComparison.Ordinal), scp.Output);
        lines.Should().ContainSingle(l => l.Contains("C-GET sub-operation", StringComparison.Ordinal), scp.Output)
            .Which.Should().Contain(gone).And.Contain("GETTER").And.Contain("failed");
    }

    /// <summary>The SCP's lines once one matches <paramref name="last"/> (it logs as it goes, so wait a little for the end).</summary>
    private static async Task<IReadOnlyList<string>> LinesAsync(ScpProcess scp, Func<string, bool> last)
    {
        for (var i = 0; i < 100 && !scp.Output.Split('\n').Any(last); i++)
        {
            await Task.Delay(100);
        }

        return scp.Output.Split('\n');
    }
}
