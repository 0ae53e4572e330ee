using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// P-DATA-TF, type 0x04 (PS3.8 9.3.5). This object form serves tests and tools; the association's
/// hot path writes PDVs straight into its send buffer and reads them with <see cref="PdvReader"/>.
/// </summary>
public sealed record DataTransferPdu(IReadOnlyList<PresentationDataValue> Values) : IPdu
{
    public PduType Type => PduType.DataTransfer;

    public int EncodedLength
    {
        get
        {
            var length = PduHeader.Size;
            foreach (var pdv in Values)
            {
                length += PresentationDataValue.HeaderSize + pdv.Fragment.Length;
            }

            return length;
        }
    }

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        PduHeader.Write(destination, Type, (uint)(total - PduHeader.Size));
        var position = PduHeader.Size;
        foreach (var pdv in Values)
        {
            WritePdvHeader(destination[position..], pdv.PresentationContextId, pdv.MessageControlHeader, pdv.Fragment.Length);
            pdv.Fragment.Span.CopyTo(destination[(position + PresentationDataValue.HeaderSize)..]);
            position += PresentationDataValue.HeaderSize + pdv.Fragment.Length;
        }

        return position;
    }

    /// <summary>Writes a PDV item header; the item length counts context ID, control header and fragment.</summary>
    public static void WritePdvHeader(Span<byte> destination, byte presentationContextId, byte messageControlHeader, int fragmentLength)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)(fragmentLength + 2));
        destination[4] = presentationContextId;
        destination[5] = messageControlHeader;
    }

    public static DataTransferPdu Parse(ReadOnlyMemory<byte> body)
    {
        var values = new List<PresentationDataValue>();
        var reader = new PdvReader(body.Span);
        while (reader.MoveNext())
        {
            values.Add(new PresentationDataValue(reader.PresentationContextId, reader.MessageControlHeader, body.Slice(reader.FragmentOffset, reader.Fragment.Length)));
        }

        return new DataTransferPdu(values);
    }
}
