using System.Diagnostics;
using System.Text;

namespace Conformance.Harness.Processes;

/// <summary>
/// How to start a program: executable (looked up on PATH), arguments (passed without a shell), timeout,
/// working directory, environment overrides (a null value removes a variable, e.g. DCMTK's TCP_NODELAY
/// inherited from the parent), standard input, and an optional per-line echo. Immutable: derive with <c>with</c>.
/// </summary>
public sealed record ProcessStart(string Tool, IReadOnlyList<string> Arguments)
{
    /// <summary>Default time a tool may take; generous because the host is shared and slow.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Copied to the process's standard input, which is then closed; null leaves stdin alone.</summary>
    public Stream? StandardInput { get; init; }

    /// <summary>Called with every line either stream prints, as it arrives (progress output).</summary>
    public Action<string>? Echo { get; init; }

    public string CommandLine => Tool + " " + string.Join(' ', Arguments.Select(Quote));

    internal ProcessStartInfo ToStartInfo()
    {
        var executable = ProcessRunner.FindOnPath(Tool)
            ?? throw new ToolNotFoundException(Tool, "Install it (on Debian: apt-get install dcmtk libgdcm-tools; .ci/run does this).");
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = StandardInput is not null,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (WorkingDirectory is not null)
        {
            startInfo.WorkingDirectory = WorkingDirectory;
        }

        foreach (var argument in Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    private static string Quote(string argument) =>
        argument.Length == 0 || argument.Any(char.IsWhiteSpace) ? $"\"{argument}\"" : argument;
}
