using System.Diagnostics;
using Conformance.Generation;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Cli;

/// <summary>
/// The DICOM tool commands ship beside the Docker harness but never load it: a process's loaded
/// assemblies, listed at exit (CONFORMANCE_LOADED_ASSEMBLIES), hold none of Testcontainers, Docker.DotNet,
/// SSH.NET, BouncyCastle, SharpZipLib or our harness. `run` does load the harness, which shows the
/// listing would see it.
/// </summary>
public class LoadedAssembliesTests
{
    private static readonly string[] Harness =
        ["Conformance.Harness", "Testcontainers", "Docker.DotNet", "Renci.SshNet", "BouncyCastle.Cryptography", "ICSharpCode.SharpZipLib"];

    [Test]
    public async Task Echo_generate_convert_and_store_load_no_harness_assembly()
    {
        using var directory = new TempDirectory();
        var files = await TestDataGenerator.WriteFilesAsync(new GenerationOptions { Modality = GeneratedModality.SC, Count = 1 }, directory.Path, CancellationToken.None);

        var commands = new Dictionary<string, string[]>
        {
            ["echo"] = ["echo", "127.0.0.1", "9", "--called", "NOBODY", "--timeout", "2"],
            ["generate"] = ["generate", "--modality", "CT", "--out", directory.File("gen")],
            ["convert"] = ["convert", files[0], directory.File("converted.dcm"), "--ts", "implicit-le"],
            ["store"] = ["store", "127.0.0.1", "9", "--called", "NOBODY", "--timeout", "2", files[0]],
            ["find"] = ["find", "127.0.0.1", "9", "--called", "NOBODY", "--timeout", "2"],
        };
        foreach (var (name, args) in commands)
        {
            var loaded = await LoadedByAsync(directory, args);

            loaded.Should().Contain("Conformance.Dicom", $"{name} ran our stack");
            loaded.Should().NotContain(Harness, $"`conformance {name}` must not load the Docker harness");
        }
    }

    [Test]
    public async Task Run_loads_the_harness_so_the_listing_can_see_it()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("a-file"), "x");

        var loaded = await LoadedByAsync(directory, ["run", "--out", Path.Combine(directory.File("a-file"), "out")]);

        loaded.Should().Contain("Conformance.Harness");
    }

    private static async Task<IReadOnlyList<string>> LoadedByAsync(TempDirectory directory, string[] args)
    {
        var list = directory.File($"loaded-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "conformance.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CONFORMANCE_LOADED_ASSEMBLIES"] = list;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        File.Exists(list).Should().BeTrue($"conformance {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}{await stderr}");
        return await File.ReadAllLinesAsync(list);
    }
}
