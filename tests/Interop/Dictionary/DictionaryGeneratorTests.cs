using Conformance.Harness.Processes;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dictionary;

/// <summary>
/// The generated dictionary (*.g.cs) and its generator agree: regenerating from the host's DCMTK dicom.dic must give
/// the committed files byte for byte, header included (it records the package version and the SHA-256 of the input).
/// </summary>
public class DictionaryGeneratorTests
{
    private const string DicomDic = "/usr/share/libdcmtk17/dicom.dic";

    private static readonly string[] Generated = ["Dictionary/DicomDictionaryData.g.cs", "Data/DicomTags.g.cs"];

    [Test]
    public async Task Regenerating_from_dicom_dic_gives_the_committed_files()
    {
        var python = ProcessRunner.FindOnPath("python3");
        if (python is null)
        {
            Assert.Fail("python3 is not on PATH: the dictionary generator cannot run (apt-get install python3)");
        }

        if (!File.Exists(DicomDic))
        {
            Assert.Fail($"{DicomDic} is missing: the generator's input comes with Debian's libdcmtk17 (apt-get install libdcmtk17)");
        }

        var root = RepositoryRoot();
        using var temp = new TempDirectory("conformance-dictionary");
        temp.Sub("Dictionary");
        temp.Sub("Data");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run = await ProcessRunner.RunAsync(python!, [Path.Combine(root, "tools", "dictionary-generator", "generate.py"), DicomDic, temp.Path], timeout.Token);

        run.Succeeded.Should().BeTrue(run.CombinedOutput);
        foreach (var file in Generated)
        {
            var committed = await File.ReadAllTextAsync(Path.Combine(root, "src", "Dicom", file));
            var regenerated = await File.ReadAllTextAsync(Path.Combine(temp.Path, file));
            regenerated.Should().Be(committed, $"src/Dicom/{file} must be what the generator makes from {DicomDic}; rerun tools/dictionary-generator/generate.py and commit");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new AssertionException($"No Conformance.sln above {AppContext.BaseDirectory}");
    }
}
