namespace Conformance.Cli.Hosting;

/// <summary>
/// With CONFORMANCE_LOADED_ASSEMBLIES=FILE the program writes the names of the assemblies it loaded
/// to FILE when it ends. Tests use it to prove that the DICOM tool commands (echo, store, ...) never
/// load the Docker harness (Testcontainers, SSH.NET, BouncyCastle, SharpZipLib) although it ships
/// beside them (docs/cli.md).
/// </summary>
internal static class LoadedAssemblies
{
    public const string Variable = "CONFORMANCE_LOADED_ASSEMBLIES";

    public static void WriteIfAsked()
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        // The simple name from FullName, not GetName(): in the Native AOT program the list holds satellite resource
        // assemblies (culture "cs", ...) whose AssemblyName cannot be built under invariant globalization.
        var names = AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.FullName?.Split(',')[0] ?? "")
            .Order(StringComparer.Ordinal);
        File.WriteAllLines(path, names);
    }
}
