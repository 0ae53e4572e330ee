using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Services;

/// <summary>Transport totals of one SCU operation (all its associations), for the harness.</summary>
public sealed record OperationStatistics(int Associations, long PdusSent, long PdusReceived, long BytesSent, long BytesReceived, TimeSpan Elapsed)
{
    public static OperationStatistics Empty { get; } = new(0, 0, 0, 0, 0, TimeSpan.Zero);

    internal OperationStatistics Add(DicomAssociation association) => Add(association.Counters);

    internal OperationStatistics Add(TransportCounters association) => this with
    {
        Associations = Associations + 1,
        PdusSent = PdusSent + association.PdusSent,
        PdusReceived = PdusReceived + association.PdusReceived,
        BytesSent = BytesSent + association.BytesSent,
        BytesReceived = BytesReceived + association.BytesReceived,
    };
}
