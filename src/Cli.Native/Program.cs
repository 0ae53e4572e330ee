using Conformance.Cli;
using Conformance.Cli.Hosting;

if (args.Length > 0 && HarnessCommands.Names.Contains(args[0]))
{
    return HarnessProgram.Exec(args, Console.Error);
}

var code = await CliHost.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
LoadedAssemblies.WriteIfAsked();
return code;
