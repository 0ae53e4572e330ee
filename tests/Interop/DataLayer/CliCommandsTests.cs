using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.DataLayer;

/// <summary>
/// The `conformance` program itself (generate, convert; `run` is in tests/Interop/Cli), started as a host process the way users
/// and CI start it. Needs the CLI built in the same configuration as these tests (`dotnet test` at the
/// repository root builds it).
/// </summary>
public class CliCommandsTests
{
    private static string ConformanceDll()
    {
        // tests/Interop/bin/<Configuration>/<tfm>/ -> src/Cli/bin/<Configuration>/<tfm>/conformance.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Cli", "bin", configuration, tfm, "conformance.dll");
        if (!File.Exists(dll))
        {
            Assert.Fail($"The conformance program is not built at {dll}; run `dotnet build` at the repository root first.");
        }

        return dll;
    }

    private static Task<HostProcessResult> ConformanceAsync(HostProcessRunner runner, params string[] arguments) =>
        runner.RunAsync("dotnet", [ConformanceDll(), .. arguments], TimeSpan.FromMinutes(5), null, CancellationToken.None);

    [Test]
    public async Task Generate_then_convert_to_the_own_syntax_gives_the_same_bytes_and_other_syntaxes_read_cleanly()
    {
        using var workspace = new TempDirectory();
        using var runner = new HostProcessRunner();

        var generated = await ConformanceAsync(runner, "generate", "--modality", "RICH", "--count", "2", "--patients", "2", "--out", workspace.File("gen"), "--seed", "5");
        generated.ExitCode.Should().Be(0, generated.Describe());
        generated.StandardOutput.Should().Contain("generated 4 RICH file(s)");
        var source = Directory.GetFiles(workspace.File("gen")).Order(StringComparer.Ordinal).First();

        var same = await ConformanceAsync(runner, "convert", source, workspace.File("same.dcm"), "--ts", "explicit-le");
        same.ExitCode.Should().Be(0, same.Describe());
        (await File.ReadAllBytesAsync(workspace.File("same.dcm"))).Should().Equal(await File.ReadAllBytesAsync(source));

        foreach (var syntax in new[] { "implicit-le", "explicit-be", "deflated" })
        {
            var output = workspace.File($"{syntax}.dcm");
            var converted = await ConformanceAsync(runner, "convert", source, output, "--ts", syntax);
            converted.ExitCode.Should().Be(0, converted.Describe());
            await Dcmdump.AssertReadsCleanlyAsync(runner, output, CancellationToken.None);
        }
    }

    [Test]
    public async Task Bad_options_exit_non_zero_with_a_message()
    {
        using var workspace = new TempDirectory();
        using var runner = new HostProcessRunner();

        var zero = await ConformanceAsync(runner, "generate", "--modality", "CT", "--count", "0", "--out", workspace.Path);
        var syntax = await ConformanceAsync(runner, "convert", "missing.dcm", workspace.File("x.dcm"), "--ts", "jpeg");
        await File.WriteAllTextAsync(workspace.File("not-dicom.dcm"), "not a DICOM file");
        var notDicom = await ConformanceAsync(runner, "convert", workspace.File("not-dicom.dcm"), workspace.File("y.dcm"), "--ts", "explicit-be");

        zero.ExitCode.Should().NotBe(0);
        zero.StandardError.Should().Contain("Count must be at least 1");
        syntax.ExitCode.Should().NotBe(0);
        (syntax.StandardError + syntax.StandardOutput).Should().Contain("jpeg");
        notDicom.ExitCode.Should().Be(1, notDicom.Describe());
        notDicom.StandardError.Should().StartWith("convert: ").And.Contain("truncated").And.NotContain("   at ", "a clear message, not a stack trace");
    }
}
