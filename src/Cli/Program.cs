using Conformance.Cli.Hosting;

var code = await CliHost.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
LoadedAssemblies.WriteIfAsked();
return code;
