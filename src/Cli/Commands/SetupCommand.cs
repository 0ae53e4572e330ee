using System.CommandLine;
using Conformance.Harness.Setup;

namespace Conformance.Cli.Commands;

/// <summary>`conformance setup`: the one step that installs and builds what the suite needs.</summary>
internal static class SetupCommand
{
    public static Command Create()
    {
        var command = new Command("setup", "Find or start a Docker engine (API 1.44+), choose base images, build the peer images. Idempotent.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var environment = await HarnessSetup.RunAsync(HarnessSettings.FromEnvironment(), Say, cancellationToken).ConfigureAwait(false);
                foreach (var image in environment.Images.Values)
                {
                    Say($"  {image.Family.Name,-9} {image.Tag}  {string.Join(", ", image.Versions.Select(v => $"{v.Key} {v.Value}"))}");
                }

                return 0;
            }
            catch (HarnessSetupException ex)
            {
                await Console.Error.WriteLineAsync($"setup failed: {ex.Message}").ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }

    private static void Say(string line) => Console.WriteLine($"[setup {DateTime.UtcNow:HH:mm:ss}] {line}");
}
