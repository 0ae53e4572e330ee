using Conformance.Generation;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.DataLayer;

/// <summary>Every generator modality, in every syntax the generator writes, is read by dcmdump without a warning.</summary>
public class GeneratedFilesReadByDcmdumpTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        from modality in Enum.GetValues<GeneratedModality>()
        from syntax in UncompressedSyntaxes.Names
        select new TestCaseData(modality, syntax).SetName($"{modality} in {syntax} is read cleanly by dcmdump");

    [TestCaseSource(nameof(Cases))]
    public async Task Generated_files_are_read_by_dcmdump_without_warnings_or_errors(GeneratedModality modality, string syntax)
    {
        HostTools.Require("dcmdump");
        using var workspace = new TempDirectory();
        using var runner = new HostProcessRunner();
        // RICH with seven patients: every non-ASCII name of the generator (Latin, Greek, Cyrillic, Japanese).
        var options = new GenerationOptions
        {
            Modality = modality,
            Patients = modality == GeneratedModality.RICH ? 7 : 1,
            Count = 2,
            SeriesPerStudy = 2,
            Seed = 11,
            TransferSyntaxUid = UncompressedSyntaxes.UidOf(syntax),
        };

        var files = await TestDataGenerator.WriteFilesAsync(options, workspace.Path, CancellationToken.None);

        files.Should().HaveCount(options.TotalInstances);
        foreach (var file in files)
        {
            await Dcmdump.AssertReadsCleanlyAsync(runner, file, CancellationToken.None);
        }
    }
}
