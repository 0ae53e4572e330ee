namespace Conformance.Reporting.Results;

/// <summary>
/// Where results files go: <c>CONFORMANCE_RESULTS_DIR</c> if set, else <c>TestResults/conformance</c>
/// under the repository root (the folder holding Conformance.sln above the working directory or the
/// running assembly), else under the working directory.
/// </summary>
public static class ResultsLocation
{
    public const string Variable = "CONFORMANCE_RESULTS_DIR";

    public static string Directory(Func<string, string?> environment, string workingDirectory, string assemblyDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configured = environment(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, workingDirectory);
        }

        var root = FindRepositoryRoot(workingDirectory) ?? FindRepositoryRoot(assemblyDirectory) ?? workingDirectory;
        return Path.Combine(root, "TestResults", "conformance");
    }

    public static string Directory() =>
        Directory(System.Environment.GetEnvironmentVariable, System.Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>The file one test assembly writes, e.g. results.Conformance.Interop.Tests.json.</summary>
    public static string AssemblyFile(string directory, string assemblyName) =>
        Path.Combine(directory, $"results.{assemblyName}.json");

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
