using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// P-DATA-TF, type 0x04 (PS3.8 9.3.5). Built from PDVs (tests, tools) or decoded as a view on a received
/// body whose PDV headers were checked; <see cref="Values"/> of a decoded PDU is materialised only when
/// asked, so the reader's hot path walks the body with <see cref="PdvReader"/> without allocating per PDV.
/// </summary>
public sealed class DataTransferPdu : IPdu
{
    private IReadOnlyList<PresentationDataValue>? _values;

    public DataTransferPdu(IReadOnlyList<PresentationDataValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    private DataTransferPdu(ReadOnlyMemory<byte> body) => Body = body;

    /// <summary>The received body (PDV items) of a decoded PDU; empty for a PDU built from values.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    public IReadOnlyList<PresentationDataValue> Values => _values ??= ReadValues(Body);

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

    /// <summary>Checks every PDV header of <paramref name="body"/> and keeps it as a view (valid as long as the memory is).</summary>
    public static DataTransferPdu Parse(ReadOnlyMemory<byte> body)
    {
        var reader = new PdvReader(body.Span);
        while (reader.MoveNext())
        {
        }

        return new DataTransferPdu(body);
    }

    private static List<PresentationDataValue> ReadValues(ReadOnlyMemory<byte> body)
    {
        var values = new List<PresentationDataValue>();
        var reader = new PdvReader(body.Span);
        while (reader.MoveNext())
        {
            values.Add(new PresentationDataValue(reader.PresentationContextId, reader.MessageControlHeader, body.Slice(reader.FragmentOffset, reader.Fragment.Length)));
        }

        return values;
    }
}
