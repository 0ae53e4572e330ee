namespace Conformance.Dicom.Network.Association;

/// <summary>
/// The data set of an outgoing DIMSE message, already encoded in the context's transfer syntax.
/// The association pulls it chunk by chunk straight into its PDV send buffer, so a file region
/// streams to the socket without being loaded whole.
/// </summary>
public interface IMessageData
{
    long Length { get; }

    /// <summary>Fills <paramref name="destination"/> entirely with the bytes at <paramref name="offset"/>; called with increasing offsets.</summary>
    ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct);
}
