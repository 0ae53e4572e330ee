using System.Buffers.Binary;
using System.Text;

namespace Conformance.Harness.Matrix.Wire;

/// <summary>An SCP/SCU role selection sub-item (PS3.7 D.3.3.4): the SOP class and the roles.</summary>
public sealed record ObservedRole(string SopClassUid, bool Scu, bool Scp);

/// <summary>
/// What the tap reads from an A-ASSOCIATE-RQ or -AC (PS3.8 9.3.2-9.3.3): the maximum length the sender
/// receives (0: unlimited), presentation contexts (abstract syntax for an RQ, result and transfer syntax
/// for an AC), role selections, and the fields of an A-ASSOCIATE-RJ.
/// </summary>
public sealed record AssociateFields
{
    public uint? MaxLength { get; init; }

    /// <summary>RQ: context id -> abstract syntax.</summary>
    public IReadOnlyDictionary<byte, string> AbstractSyntaxes { get; init; } = new Dictionary<byte, string>();

    /// <summary>AC: context id -> (result, transfer syntax).</summary>
    public IReadOnlyDictionary<byte, (byte Result, string TransferSyntax)> Results { get; init; } = new Dictionary<byte, (byte, string)>();

    public IReadOnlyList<ObservedRole> Roles { get; init; } = [];

    public static AssociateFields Parse(ReadOnlySpan<byte> body)
    {
        uint? max = null;
        var syntaxes = new Dictionary<byte, string>();
        var results = new Dictionary<byte, (byte, string)>();
        var roles = new List<ObservedRole>();
        var items = body.Length > 68 ? body[68..] : [];
        while (items.Length >= 4)
        {
            var type = items[0];
            var length = BinaryPrimitives.ReadUInt16BigEndian(items[2..]);
            var data = items.Slice(4, Math.Min(length, items.Length - 4));
            switch (type)
            {
                case 0x20 when data.Length >= 4:
                    syntaxes[data[0]] = SubItem(data[4..], 0x30) ?? string.Empty;
                    break;
                case 0x21 when data.Length >= 4:
                    results[data[0]] = (data[2], SubItem(data[4..], 0x40) ?? string.Empty);
                    break;
                case 0x50:
                    ReadUserInformation(data, ref max, roles);
                    break;
            }

            items = items[Math.Min(items.Length, 4 + length)..];
        }

        return new AssociateFields { MaxLength = max, AbstractSyntaxes = syntaxes, Results = results, Roles = roles };
    }

    private static void ReadUserInformation(ReadOnlySpan<byte> data, ref uint? max, List<ObservedRole> roles)
    {
        while (data.Length >= 4)
        {
            var type = data[0];
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
            var value = data.Slice(4, Math.Min(length, data.Length - 4));
            if (type == 0x51 && value.Length >= 4)
            {
                max = BinaryPrimitives.ReadUInt32BigEndian(value);
            }
            else if (type == 0x54 && value.Length >= 2)
            {
                var uidLength = BinaryPrimitives.ReadUInt16BigEndian(value);
                if (value.Length >= 2 + uidLength + 2)
                {
                    roles.Add(new ObservedRole(Text(value.Slice(2, uidLength)), value[2 + uidLength] == 1, value[3 + uidLength] == 1));
                }
            }

            data = data[Math.Min(data.Length, 4 + length)..];
        }
    }

    private static string? SubItem(ReadOnlySpan<byte> data, byte wanted)
    {
        while (data.Length >= 4)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
            if (data[0] == wanted)
            {
                return Text(data.Slice(4, Math.Min(length, data.Length - 4)));
            }

            data = data[Math.Min(data.Length, 4 + length)..];
        }

        return null;
    }

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ');
}
