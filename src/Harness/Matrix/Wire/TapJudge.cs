using System.Buffers.Binary;

namespace Conformance.Harness.Matrix.Wire;

/// <summary>Reads PDVs out of a P-DATA-TF body and judges observed PDUs against the negotiated limits (PS3.8 9.3.5, D.1).</summary>
internal static class TapJudge
{
    /// <summary>Data PDVs up to this size are kept (response identifiers); object data is not.</summary>
    public const int SmallDataLimit = 8192;

    public static IReadOnlyList<ObservedPdv> ReadPdvs(ReadOnlySpan<byte> body)
    {
        var pdvs = new List<ObservedPdv>();
        while (body.Length >= 6)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body);
            if (length < 2 || length > body.Length - 4)
            {
                break;
            }

            var control = body[5];
            var isCommand = (control & 0x01) != 0;
            var data = body.Slice(6, length - 2);
            pdvs.Add(new ObservedPdv(body[4], isCommand, (control & 0x02) != 0, length - 2)
            {
                Command = isCommand ? data.ToArray() : default,
                SmallData = !isCommand && data.Length <= SmallDataLimit ? data.ToArray() : default,
            });
            body = body[(4 + length)..];
        }

        return pdvs;
    }

    public static IReadOnlyList<string> Violations(IReadOnlyList<ObservedPdu> pdus, Func<int, bool, AssociateFields?> associate)
    {
        var violations = new List<string>();
        foreach (var group in pdus.GroupBy(p => p.Connection))
        {
            var request = associate(group.Key, true);
            var accept = associate(group.Key, false);
            var index = 0;
            foreach (var pdu in group.Where(p => p.Type == ObservedPdu.DataTransfer))
            {
                index++;
                var limit = (pdu.FromRequestor ? accept : request)?.MaxLength;
                if (limit is > 0 && pdu.Length > limit)
                {
                    violations.Add($"association {group.Key}: P-DATA-TF #{index} from the {pdu.Sender} carries a {pdu.Length}-byte variable field; the {(pdu.FromRequestor ? "acceptor" : "requestor")} announced a maximum of {limit}");
                }

                foreach (var pdv in pdu.Pdvs.Where(v => accept is not null && (!accept.Results.TryGetValue(v.ContextId, out var r) || r.Result != 0)))
                {
                    violations.Add($"association {group.Key}: P-DATA-TF #{index} from the {pdu.Sender} uses presentation context {pdv.ContextId}, which was not accepted");
                }

                foreach (var pdv in pdu.Pdvs.Where(v => v.IsCommand && v.IsLast && v.Command.Length >= 12))
                {
                    var command = pdv.Command.Span;
                    var declared = BinaryPrimitives.ReadUInt32LittleEndian(command[8..]);
                    if (BinaryPrimitives.ReadUInt32LittleEndian(command) == 0 && declared != command.Length - 12)
                    {
                        violations.Add($"association {group.Key}: the command set in P-DATA-TF #{index} from the {pdu.Sender} has a wrong group length: (0000,0000) says {declared} bytes follow, {command.Length - 12} do (PS3.7 6.3.1)");
                    }
                }
            }
        }

        return violations;
    }
}
