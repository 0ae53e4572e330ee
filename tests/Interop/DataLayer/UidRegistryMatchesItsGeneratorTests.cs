using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.DataLayer;

/// <summary>
/// src/Dicom/Uids/DicomUidRegistryData.g.cs is what tools/uid-registry-generator makes from the installed pydicom
/// registry: the generator is run into a scratch directory and its output compared with the committed file.
/// </summary>
public class UidRegistryMatchesItsGeneratorTests
{
    [Test]
    public async Task The_committed_registry_is_the_generators_output_for_the_installed_edition()
    {
        var root = RepositoryRoot();
        var source = Path.Combine(Path.GetDirectoryName(await PydicomTestFiles.DirectoryAsync())!, "..", "_uid_dict.py");
        using var temp = new TempDirectory("uid-registry");
        Directory.CreateDirectory(Path.Combine(temp.Path, "Uids"));
        HostTools.Require("python3");
        using var runner = new HostProcessRunner();

        var run = await runner.RunAsync("python3", [Path.Combine(root, "tools", "uid-registry-generator", "generate.py"), source, temp.Path], CancellationToken.None);

        Assert.That(run.ExitCode, Is.Zero, run.Describe());
        var generated = await File.ReadAllTextAsync(Path.Combine(temp.Path, "Uids", "DicomUidRegistryData.g.cs"));
        var committed = await File.ReadAllTextAsync(Path.Combine(root, "src", "Dicom", "Uids", "DicomUidRegistryData.g.cs"));
        Assert.That(generated, Is.EqualTo(committed),
            "the committed registry differs from the generator's output for the installed python3-pydicom: rerun tools/uid-registry-generator/generate.py and commit the result");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Conformance.sln was not found above the test directory.");
    }
}
