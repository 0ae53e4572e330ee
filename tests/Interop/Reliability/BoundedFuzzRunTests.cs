using System.Globalization;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Reliability;

/// <summary>
/// CI's bounded fuzz run: tests/Fuzz/run-fuzz.sh for 30 s per target (afl++ from Debian, SharpFuzz from
/// NuGet). Passes when every target ran and no crash with a new signature appeared; known defects have
/// their reproducers in tests/Fuzz/crashes, replayed by tests/Unit/Hostile/FuzzReproducerTests.
/// </summary>
[TestFixture]
[Category("Reliability")]
public class BoundedFuzzRunTests
{
    private const int SecondsPerTarget = 30;

    [Test]
    public async Task Every_target_is_fuzzed_and_no_new_crash_is_found()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Conformance.sln")))
        {
            root = root.Parent;
        }

        root.Should().NotBeNull("the repository root holds tests/Fuzz/run-fuzz.sh");
        using var output = new TempDirectory("bounded-fuzz");
        using var runner = new HostProcessRunner();
        var start = new HostProcessStart("bash", [Path.Combine(root!.FullName, "tests", "Fuzz", "run-fuzz.sh"), SecondsPerTarget.ToString(CultureInfo.InvariantCulture)])
        {
            Timeout = TimeSpan.FromMinutes(20),
            Environment = new Dictionary<string, string?> { ["FUZZ_OUT"] = output.Path },
        };

        var result = await runner.RunAsync(start, CancellationToken.None);
        TestContext.Out.WriteLine(result.StandardOutput);

        result.ExitCode.Should().Be(0, result.Describe());
        var rows = File.ReadAllLines(output.File("summary.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        rows.Select(r => r[0]).Should().BeEquivalentTo(["pdu", "association", "command", "dataset", "file"]);
        rows.Should().OnlyContain(r => long.Parse(r[2], CultureInfo.InvariantCulture) > 0, "afl-fuzz executed every target");
    }
}
