using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// A PDU read by <see cref="PduReader"/>; its body is valid until the next read. A P-DATA-TF larger than
/// <see cref="PduReader.BufferedPduLimit"/> comes without a body (<see cref="StreamedLength"/> &gt; 0): its PDVs
/// are read slice by slice with <see cref="PduReader.ReadSliceAsync"/>.
/// </summary>
public readonly record struct ReceivedPdu(PduType Type, ReadOnlyMemory<byte> Body, bool EndOfStream, long StreamedLength = 0)
{
    public static ReceivedPdu End => new(0, default, true);

    public bool IsStreamed => StreamedLength > 0;

    /// <summary>The whole PDU's length, header included (for monitors, capped at <see cref="int.MaxValue"/>).</summary>
    public int Length => (int)Math.Min(int.MaxValue, PduHeader.Size + (IsStreamed ? StreamedLength : Body.Length));
}
