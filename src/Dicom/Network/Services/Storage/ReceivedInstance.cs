using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// A received instance, complete and closed under its final location. Timestamps are Stopwatch ticks:
/// first data fragment, last data fragment, and file complete (+ index committed on the SCP).
/// </summary>
public sealed record ReceivedInstance(CStoreRequest Request, string Location, string TransferSyntaxUid, long DataLength, string CallingAe)
{
    public long FirstFragmentTimestamp { get; init; }

    public long CompletedTimestamp { get; init; }

    public long StoredTimestamp { get; set; }

    /// <summary>The data set's elements before <see cref="StoreRequestHandler.KeepDatasetPrefixBefore"/>, in
    /// <see cref="TransferSyntaxUid"/>, when they were kept; null otherwise (read the stored file).</summary>
    public ReadOnlyMemory<byte>? DatasetPrefix { get; init; }
}
