using System.Net;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Sut;

namespace Conformance.Interop.Tests.Matrix.Broken;

/// <summary>
/// Our stack with a wrong group length: our SCU, each call sent through a relay that adds 4 to the Command
/// Group Length (0000,0000) of every command it sends. The SCP side is ours unchanged.
/// </summary>
internal sealed class BrokenGroupLengthSut() : OursVariantSut(SutName, "command group length off by 4")
{
    public const string SutName = "broken-group-length";

    public override ISutScu Scu => new RelayedScu(Ours.Scu);

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
