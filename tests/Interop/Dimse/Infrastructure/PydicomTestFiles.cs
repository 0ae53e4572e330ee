using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dimse.Infrastructure;

/// <summary>
/// The test files Debian's python3-pydicom ships (pydicom/data/test_files): a corpus of real-world objects, odd ones
/// included, that nobody here wrote. Found at run time through the installed package; a missing package fails the
/// test with the command that installs it.
/// </summary>
public static class PydicomTestFiles
{
    private const string InstallHint = "These tests read the test files of Debian's python3-pydicom: apt-get install python3-pydicom (.ci/run installs it).";
    private static readonly Lazy<Task<string>> Location = new(FindAsync);

    /// <summary>The test_files directory of the installed pydicom.</summary>
    public static Task<string> DirectoryAsync() => Location.Value;

    /// <summary>A named file of the corpus (e.g. "CT_small.dcm").</summary>
    public static async Task<string> FileAsync(string name)
    {
        var path = Path.Combine(await DirectoryAsync(), name);
        Assert.That(File.Exists(path), Is.True, $"{path} is not in the installed python3-pydicom. {InstallHint}");
        return path;
    }

    /// <summary>Every top-level *.dcm file of the corpus, sorted by name.</summary>
    public static async Task<IReadOnlyList<string>> AllAsync() =>
        Directory.GetFiles(await DirectoryAsync(), "*.dcm").Order(StringComparer.Ordinal).ToList();

    // Asks dpkg, not python3: a python3 earlier on PATH (pyenv, a venv) need not see Debian's package.
    private static async Task<string> FindAsync()
    {
        if (HostProcessRunner.FindOnPath("dpkg-query") is null)
        {
            Assert.Fail($"dpkg-query is not on PATH, so the Debian package cannot be found. {InstallHint}");
        }

        using var runner = new HostProcessRunner();
        var result = await runner.RunAsync("dpkg-query", ["-L", "python3-pydicom"], CancellationToken.None);
        var directory = result.ExitCode == 0
            ? result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.EndsWith("/pydicom/data/test_files", StringComparison.Ordinal))
            : null;
        if (directory is null || !Directory.Exists(directory))
        {
            Assert.Fail($"pydicom's test files were not found ({result.Describe()}). {InstallHint}");
        }

        return directory!;
    }
}
