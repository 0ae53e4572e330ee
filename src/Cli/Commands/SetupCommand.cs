using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Harness.Setup;

namespace Conformance.Cli.Commands;

/// <summary>`conformance setup`: the one step that installs and builds what the suite needs.</summary>
internal static class SetupCommand
{
    public static Command Create()
    {
        var command = new Command(
            "setup",
            "Install the host's DCMTK and GDCM tools, find or start a Docker engine (API 1.44+), choose base images, build the peer images. Idempotent; installs only as root.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.Out();
            var environment = await RunAsync(Settings(), line => Say(output, line), cancellationToken).ConfigureAwait(false);
            foreach (var image in environment.Images.Values)
            {
                Say(output, $"  {image.Family.Name,-9} {image.Tag}  {string.Join(", ", image.Versions.Select(v => $"{v.Key} {v.Value}"))}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The setup `run` and `setup` share; a failure is exit code 3 with setup's own message.</summary>
    public static async Task<HarnessEnvironment> RunAsync(HarnessSettings settings, Action<string> say, CancellationToken cancellationToken)
    {
        try
        {
            return await HarnessSetup.RunAsync(settings, say, cancellationToken).ConfigureAwait(false);
        }
        catch (HarnessSetupException ex)
        {
            throw CliException.Environment($"setup failed: {ex.Message}");
        }
    }

    public static HarnessSettings Settings()
    {
        try
        {
            return HarnessSettings.FromEnvironment();
        }
        catch (ArgumentException ex)
        {
            throw CliException.Usage(ex.Message.Replace(" (Parameter 'value')", "", StringComparison.Ordinal));
        }
    }

    public static void Say(TextWriter output, string line) => output.WriteLine($"[setup {DateTime.UtcNow:HH:mm:ss}] {line}");
}
