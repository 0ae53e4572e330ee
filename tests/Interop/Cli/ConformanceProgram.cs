namespace Conformance.Interop.Tests.Cli;

/// <summary>
/// The built `conformance` program (conformance.dll, copied beside these tests by the project reference) run as a
/// host process, as users and CI run it; its lines are echoed to the test's progress output as they come.
/// </summary>
internal static class ConformanceProgram
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "conformance.dll");

    public static Task<HostProcessResult> RunAsync(HostProcessRunner runner, TimeSpan timeout, params string[] arguments) =>
        RunAsync(runner, timeout, new Dictionary<string, string?>(), arguments);

    public static Task<HostProcessResult> RunAsync(HostProcessRunner runner, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        runner.RunAsync(
            new HostProcessStart("dotnet", [Dll, .. arguments])
            {
                Timeout = timeout,
                Environment = environment,
                Echo = line => TestContext.Progress.WriteLine($"  | {line}"),
            },
            CancellationToken.None);
}
