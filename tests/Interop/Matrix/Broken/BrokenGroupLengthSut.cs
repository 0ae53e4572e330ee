using System.Net;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.Ours;

namespace Conformance.Interop.Tests.Matrix.Broken;

/// <summary>
/// Our stack with a wrong group length: our SCU, each call sent through a relay that adds 4 to the Command
/// Group Length (0000,0000) of every command it sends. The SCP side is ours unchanged.
/// </summary>
internal sealed class BrokenGroupLengthSut : ISystemUnderTest
{
    public const string SutName = "broken-group-length";

    private readonly OursSut _ours = new();

    public string Name => SutName;

    public string Version => _ours.Version + ", command group length off by 4";

    public ISutScu Scu => new RelayedScu(_ours.Scu);

    public Task<ISutScp> StartScpAsync(SutScpRequest request, CancellationToken cancellationToken) => _ours.StartScpAsync(request, cancellationToken);

    public ValueTask DisposeAsync() => _ours.DisposeAsync();

    private sealed class RelayedScu(ISutScu inner) : ISutScu
    {
        public Task<ScuRun> EchoAsync(ScuCall call, CancellationToken cancellationToken) => ThroughAsync(call, c => inner.EchoAsync(c, cancellationToken));

        public Task<ScuRun> StoreAsync(ScuCall call, IReadOnlyList<string> files, CancellationToken cancellationToken) => ThroughAsync(call, c => inner.StoreAsync(c, files, cancellationToken));

        public Task<ScuRun> FindAsync(ScuCall call, QuerySpec query, CancellationToken cancellationToken) => ThroughAsync(call, c => inner.FindAsync(c, query, cancellationToken));

        public Task<ScuRun> MoveAsync(ScuCall call, QuerySpec query, string destinationAe, CancellationToken cancellationToken) =>
            ThroughAsync(call, c => inner.MoveAsync(c, query, destinationAe, cancellationToken));

        public Task<ScuRun> GetAsync(ScuCall call, QuerySpec query, string outputDirectory, CancellationToken cancellationToken) =>
            ThroughAsync(call, c => inner.GetAsync(c, query, outputDirectory, cancellationToken));

        private static async Task<ScuRun> ThroughAsync(ScuCall call, Func<ScuCall, Task<ScuRun>> run)
        {
            await using var relay = PduTap.Start(IPAddress.Loopback, call.Host, call.Port,
                (fromRequestor, type, body) => fromRequestor && type == ObservedPdu.DataTransfer ? CommandRewrites.CommandGroupLength(body, 4) : body);
            return await run(call with { Host = "127.0.0.1", Port = relay.Port });
        }
    }
}
