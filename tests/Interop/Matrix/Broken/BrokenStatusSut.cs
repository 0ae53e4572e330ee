using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Sut;

namespace Conformance.Interop.Tests.Matrix.Broken;

/// <summary>
/// Our stack with a wrong status: our SCP behind a relay that turns every C-STORE-RSP into 0x0110 (Processing
/// Failure) although the object was stored. The SCU side is ours unchanged.
/// </summary>
internal sealed class BrokenStatusSut() : OursVariantSut(SutName, "C-STORE-RSP status rewritten to 0x0110")
{
    public const string SutName = "broken-status";
    public const ushort WrongStatus = 0x0110;

    public override async Task<ISutScp> StartScpAsync(SutScpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scp = await Ours.StartScpAsync(request, cancellationToken);
        var host = request.ListenAddress.Equals(System.Net.IPAddress.Any) ? "127.0.0.1" : request.ListenAddress.ToString();
        var tap = PduTap.Start(request.ListenAddress, host, scp.Port,
            (fromRequestor, type, body) => !fromRequestor && type == ObservedPdu.DataTransfer ? CommandRewrites.StoreResponseStatus(body, WrongStatus) : body);
        return new RelayedScp(scp, tap);
    }

    /// <summary>The inner SCP, reached through the relay's port.</summary>
    private sealed class RelayedScp(ISutScp inner, PduTap tap) : ISutScp
    {
        public string AeTitle => inner.AeTitle;

        public string? Host => inner.Host;

        public int Port => tap.Port;

        public IReadOnlyList<long> StoredStamps => inner.StoredStamps;

        public string Log => inner.Log;

        public IReadOnlyDictionary<string, string>? StoredFiles() => inner.StoredFiles();

        public Task<bool> RemoveStoredFileAsync(string sopInstanceUid, CancellationToken cancellationToken) => inner.RemoveStoredFileAsync(sopInstanceUid, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await tap.DisposeAsync();
            await inner.DisposeAsync();
        }
    }
}
