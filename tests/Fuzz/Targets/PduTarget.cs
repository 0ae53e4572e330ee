using System.Buffers.Binary;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Fuzz.Targets;

/// <summary>
/// The PDU parsers: the input is a stream of PDUs (6-byte header + body). Each body goes to
/// <see cref="PduDecoder"/> (P-DATA-TF through <see cref="PdvReader"/>); what decodes is written back and
/// must decode again, so we never emit a PDU we cannot read.
/// </summary>
internal sealed class PduTarget : IFuzzTarget
{
    public string Name => "pdu";

    public string Description => "PduDecoder.Decode / PdvReader per framed PDU; refusal = PduFormatException";

    public void Run(ReadOnlySpan<byte> input)
    {
        while (input.Length >= PduHeader.Size)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(input[2..]);
            if (length > (uint)(input.Length - PduHeader.Size))
            {
                return;
            }

            DecodeOne((PduType)input[0], input.Slice(PduHeader.Size, (int)length).ToArray());
            input = input[(PduHeader.Size + (int)length)..];
        }
    }

    private static void DecodeOne(PduType type, ReadOnlyMemory<byte> body)
    {
        IPdu pdu;
        try
        {
            if (type == PduType.DataTransfer)
            {
                var pdvs = new PdvReader(body.Span);
                while (pdvs.MoveNext())
                {
                }
            }

            pdu = PduDecoder.Decode(type, body);
        }
        catch (PduFormatException)
        {
            return;
        }

        var written = new byte[pdu.EncodedLength];
        pdu.Write(written);
        PduDecoder.Decode(type, written.AsMemory(PduHeader.Size));
    }
}
