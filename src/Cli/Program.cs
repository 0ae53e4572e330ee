using Conformance.Cli;

return await CommandCatalog.CreateRoot().Parse(args).InvokeAsync().ConfigureAwait(false);
