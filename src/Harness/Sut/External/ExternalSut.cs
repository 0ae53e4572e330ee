namespace Conformance.Harness.Sut.External;

/// <summary>
/// A SUT described as data (<see cref="ExternalSutConfig"/>): its SCU is the command templates, its SCP is
/// DCMTK's own SCPs (for the built-in DCMTK description) or what <see cref="ExternalScpConfig"/> names.
/// </summary>
public sealed class ExternalSut(ExternalSutConfig config) : ISystemUnderTest
{
    private readonly ExternalSutConfig _config = config ?? throw new ArgumentNullException(nameof(config));

    public string Name => _config.Name;

    public string Version => _config.Version;

    public ISutScu Scu { get; } = new ExternalScu(config, ParserFor(config));

    public async Task<ISutScp> StartScpAsync(SutScpRequest request, CancellationToken cancellationToken)
    {
        if (_config.Name == DcmtkSutConfig.SutName)
        {
            return await DcmtkScp.StartAsync(request, new SutCommandRunner(_config.ContainerImage), cancellationToken).ConfigureAwait(false);
        }

        return _config.Scp is { } scp
            ? await ConfiguredScp.StartAsync(scp, request, cancellationToken).ConfigureAwait(false)
            : throw new SutCapabilityException($"{_config.Name} describes no SCP");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IScuLogParser ParserFor(ExternalSutConfig config) => config.Parser switch
    {
        "dcmtk" => new DcmtkLogParser(),
        "exit-code" => new ExitCodeLogParser(),
        _ => throw new InvalidDataException($"{config.Name}: unknown parser '{config.Parser}'; use 'dcmtk' or 'exit-code'"),
    };
}
