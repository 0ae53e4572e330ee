using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Harness.Docker;
using Conformance.Harness.Setup;

namespace Conformance.Cli.Commands;

/// <summary>`conformance clean [--images]`: removes every suite container and network (and, on request, image).</summary>
internal static class CleanCommand
{
    public static Command Create()
    {
        var images = new Option<bool>("--images") { Description = "Also remove the suite's base and peer images (they are rebuilt by the next setup)." };
        var command = new Command("clean", "Remove all containers and networks the suite created (labelled org.conformance.suite=true).") { images };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.Out();
            var docker = new DockerCli(SetupCommand.Settings().DockerHost);
            var engine = await DockerEngineProbe.ProbeAsync(docker, cancellationToken).ConfigureAwait(false);
            if (!engine.Reachable)
            {
                await output.WriteLineAsync($"[clean] no engine answers ({engine.Detail}); nothing to clean").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var janitor = new SuiteJanitor(docker, line => output.WriteLine($"[clean] {line}"));
            var removed = await janitor.RemoveAllAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(images))
            {
                removed += await janitor.RemoveImagesAsync(cancellationToken).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"[clean] removed {removed} suite resource(s)").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
