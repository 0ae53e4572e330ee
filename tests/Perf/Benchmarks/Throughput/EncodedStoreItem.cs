using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Benchmarks.Throughput;

/// <summary>A data set already encoded in explicit VR little endian, sent from memory as it is (no encoding per send).</summary>
public sealed class EncodedStoreItem(string sopClassUid, string sopInstanceUid, string transferSyntaxUid, ReadOnlyMemory<byte> bytes) : StoreItem
{
    public override string SopClassUid => sopClassUid;

    public override string SopInstanceUid => sopInstanceUid;

    public override string TransferSyntaxUid => transferSyntaxUid;

    public override string Description => "memory " + sopInstanceUid;

    public long Length => bytes.Length;

    public override ValueTask<StoreData> OpenAsync(string transferSyntaxUid, CancellationToken cancellationToken) =>
        transferSyntaxUid == TransferSyntaxUid
            ? ValueTask.FromResult(new StoreData(new MemoryMessageData(bytes)))
            : throw new NotSupportedException($"{Description} is only held in {TransferSyntaxUid}");
}
