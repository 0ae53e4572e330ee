using System.Runtime.InteropServices;
using Conformance.Cli.Hosting;

namespace Conformance.Cli;

/// <summary>
/// Runs the JIT build of `conformance` (src/Cli, with the Docker harness) for a harness command, git-style: the
/// native process replaces itself with it (execv), so the terminal, signals (Ctrl+C, SIGTERM) and the exit code are
/// the harness build's own, exactly as if the user had started it. The publish layout puts it in
/// <see cref="RelativePath"/> beside the native program; <see cref="Variable"/> names another one.
/// </summary>
internal static partial class HarnessProgram
{
    public const string Variable = "CONFORMANCE_HARNESS";

    public static string RelativePath { get; } = Path.Combine("harness", "conformance");

    public static int Exec(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var configured = Environment.GetEnvironmentVariable(Variable);
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, RelativePath) : configured;
        if (!File.Exists(path))
        {
            error.WriteLine($"{args[0]}: this is the native build of the DICOM tool commands; `{args[0]}` needs the JIT build with the Docker harness, "
                + $"expected at {path} (publish it there: dotnet publish src/Cli -c Release -r linux-x64 -o {Path.GetDirectoryName(path)}; or set {Variable}=PATH)");
            return ExitCodes.Environment;
        }

        string?[] argv = [path, .. args, null];
        Execv(path, argv);
        error.WriteLine($"{args[0]}: cannot start {path}: {Marshal.GetLastPInvokeErrorMessage()}");
        return ExitCodes.Environment;
    }

    /// <summary>execv(3): returns only on failure (errno in the last P/Invoke error).</summary>
    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Execv(string path, string?[] argv);
}
