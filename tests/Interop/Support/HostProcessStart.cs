using System.Diagnostics;
using System.Text;

namespace Conformance.Interop.Tests.Support;

/// <summary>
/// How to start a host tool: executable (looked up on PATH), arguments (passed without a shell), timeout,
/// working directory and environment overrides (e.g. DCMTK's TCP_NODELAY; a null value removes a variable).
/// Immutable: derive variants with `with`.
/// </summary>
public sealed record HostProcessStart(string Tool, IReadOnlyList<string> Arguments)
{
    public TimeSpan Timeout { get; init; } = HostProcessRunner.DefaultTimeout;

    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string CommandLine => Tool + " " + string.Join(' ', Arguments);

    internal ProcessStartInfo ToStartInfo()
    {
        var executable = HostProcessRunner.FindOnPath(Tool)
            ?? throw new HostToolNotFoundException(Tool, "Install it (on Debian: apt-get install dcmtk; .ci/run does this).");
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
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
}
