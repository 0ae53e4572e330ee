using Conformance.Fuzz.Targets;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>
/// The committed fuzz corpus (tests/Fuzz/corpus) and crash reproducers (tests/Fuzz/crashes) replayed
/// through the same targets afl-fuzz drives: each must end as documented (parsed, or refused with the
/// target's documented exception), never with another exception.
/// </summary>
[TestFixture]
public class FuzzReproducerTests
{
    private static string FuzzRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conformance.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("repository root (Conformance.sln) not found above the test binaries"), "tests", "Fuzz");
        }
    }

    private static IEnumerable<TestCaseData> Inputs() =>
        new[] { "corpus", "crashes" }
            .Select(kind => Path.Combine(FuzzRoot, kind))
            .Where(Directory.Exists)
            .SelectMany(kind => Directory.EnumerateDirectories(kind))
            .SelectMany(target => Directory.EnumerateFiles(target).Select(file => (Target: Path.GetFileName(target), File: file)))
            .Order()
            .Select(input => new TestCaseData(input.Target, Path.GetRelativePath(FuzzRoot, input.File))
                .SetName($"Fuzz replay {input.Target}: {Path.GetRelativePath(FuzzRoot, input.File)}"));

    [Test]
    public void Every_target_has_seeds()
    {
        FuzzTargets.All.Should().OnlyContain(t => Directory.EnumerateFiles(Path.Combine(FuzzRoot, "corpus", t.Name)).Any());
    }

    [TestCaseSource(nameof(Inputs))]
    public void Replays_without_an_undocumented_exception(string target, string relativePath)
    {
        var input = File.ReadAllBytes(Path.Combine(FuzzRoot, relativePath));

        var run = () => FuzzTargets.Find(target).Run(input);

        run.Should().NotThrow($"{FuzzTargets.Find(target).Description}");
    }
}
