using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// One object to send with C-STORE: its identity, the transfer syntax it is encoded in, and its data
/// set bytes in that syntax or (transcoded) in another uncompressed one.
/// </summary>
public abstract class StoreItem
{
    public abstract string SopClassUid { get; }

    public abstract string SopInstanceUid { get; }

    public abstract string TransferSyntaxUid { get; }

    /// <summary>A short name for messages (file path, "dataset 1.2.3").</summary>
    public abstract string Description { get; }

    /// <summary>The data set encoded in <paramref name="transferSyntaxUid"/>; dispose the returned lease after sending.</summary>
    public abstract ValueTask<StoreData> OpenAsync(string transferSyntaxUid, CancellationToken cancellationToken);
}

/// <summary>Outgoing data set bytes and whatever must be closed after sending them.</summary>
public sealed class StoreData(IMessageData data, IDisposable? owner = null) : IDisposable
{
    public IMessageData Data => data;

    public void Dispose() => owner?.Dispose();
}
