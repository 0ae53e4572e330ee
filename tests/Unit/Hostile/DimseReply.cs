using System.Buffers.Binary;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>A DIMSE response read from P-DATA-TF bodies by hand: command field, message ID responded to, status.</summary>
internal sealed record DimseReply(ushort CommandField, ushort RespondingTo, ushort Status)
{
    /// <summary>PS3.7 C: failure statuses are Axxx, Cxxx and the general 01xx/02xx codes other than the warnings 0107 and 0116.</summary>
    public bool IsFailure => Status is >= 0xA000 and <= 0xAFFF or >= 0xC000 and <= 0xCFFF
        || (Status is >= 0x0100 and <= 0x02FF && Status is not 0x0107 and not 0x0116);

    public static bool EndsCommand(byte[] body) => Pdvs(body).Any(p => (p.Control & 0x03) == 0x03);

    /// <summary>The first complete command set among the P-DATA-TF PDUs, decoded.</summary>
    public static DimseReply? From(Outcome outcome)
    {
        var command = new List<byte>();
        foreach (var pdu in outcome.Pdus.Where(p => p.Type == 0x04))
        {
            foreach (var (control, fragment) in Pdvs(pdu.Body).Where(p => (p.Control & 0x01) != 0))
            {
                command.AddRange(fragment);
                if ((control & 0x02) != 0)
                {
                    return Decode([.. command]);
                }
            }
        }

        return null;
    }

    public override string ToString() => $"command 0x{CommandField:X4} for message {RespondingTo}, status 0x{Status:X4}";

    private static List<(byte Control, byte[] Fragment)> Pdvs(byte[] body)
    {
        var pdvs = new List<(byte, byte[])>();
        for (var at = 0; at + 6 <= body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at));
            if (length < 2 || at + 4 + length > body.Length)
            {
                break;
            }

            pdvs.Add((body[at + 5], body[(at + 6)..(at + 4 + length)]));
            at += 4 + length;
        }

        return pdvs;
    }

    private static DimseReply Decode(byte[] command)
    {
        ushort field = 0, respondingTo = 0, status = 0xFFFF;
        for (var at = 0; at + 8 <= command.Length;)
        {
            var element = BinaryPrimitives.ReadUInt16LittleEndian(command.AsSpan(at + 2));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(command.AsSpan(at + 4));
            if (at + 8 + length > command.Length)
            {
                break;
            }

            var value = command.AsSpan(at + 8, length);
            if (length == 2)
            {
                var number = BinaryPrimitives.ReadUInt16LittleEndian(value);
                (field, respondingTo, status) = element switch
                {
                    0x0100 => (number, respondingTo, status),
                    0x0120 => (field, number, status),
                    0x0900 => (field, respondingTo, number),
                    _ => (field, respondingTo, status),
                };
            }

            at += 8 + length;
        }

        return new DimseReply(field, respondingTo, status);
    }
}
