using System.Buffers.Binary;
using System.Text;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>
/// PDUs, items, PDVs and command sets built byte by byte from PS3.8 9.3 and PS3.7 E, without our stack's
/// encoders, so that any field can be made wrong. Every builder returns the exact wire bytes.
/// </summary>
internal static class Wire
{
    public const string AppContext = "1.2.840.10008.3.1.1.1";
    public const string Verification = "1.2.840.10008.1.1";
    public const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    public const string StudyRootFind = "1.2.840.10008.5.1.4.1.2.2.1";
    public const string StudyRootMove = "1.2.840.10008.5.1.4.1.2.2.2";
    public const string ImplicitLe = "1.2.840.10008.1.2";

    /// <summary>PDU: type, reserved, 4-byte big-endian length, body.</summary>
    public static byte[] Pdu(byte type, byte[] body, uint? declaredLength = null, byte reserved = 0)
    {
        var pdu = new byte[6 + body.Length];
        pdu[0] = type;
        pdu[1] = reserved;
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), declaredLength ?? (uint)body.Length);
        body.CopyTo(pdu, 6);
        return pdu;
    }

    /// <summary>Item or sub-item: type, reserved, 2-byte big-endian length, value.</summary>
    public static byte[] Item(byte type, byte[] value, ushort? declaredLength = null) =>
        [type, 0, (byte)((declaredLength ?? value.Length) >> 8), (byte)(declaredLength ?? value.Length), .. value];

    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    public static byte[] Ae(string title) => Ascii(title.PadRight(16)[..16]);

    public static byte[] ApplicationContext(string name = AppContext) => Item(0x10, Ascii(name));

    /// <summary>Presentation context item (0x20): ID, 3 reserved bytes, abstract syntax and transfer syntax sub-items.</summary>
    public static byte[] Context(byte id, string? abstractSyntax, params string[] transferSyntaxes)
    {
        var subItems = new List<byte>();
        if (abstractSyntax is not null)
        {
            subItems.AddRange(Item(0x30, Ascii(abstractSyntax)));
        }

        foreach (var ts in transferSyntaxes)
        {
            subItems.AddRange(Item(0x40, Ascii(ts)));
        }

        return ContextRaw(id, [.. subItems]);
    }

    public static byte[] ContextRaw(byte id, byte[] subItems) => Item(0x20, [id, 0, 0, 0, .. subItems]);

    public static byte[] MaxLength(uint max) => Item(0x51, BigEndian32(max));

    public static byte[] UserInfo(params byte[][] subItems) => Item(0x50, Concat(subItems));

    public static byte[] DefaultUserInfo() => UserInfo(MaxLength(16384), Item(0x52, Ascii("1.2.826.0.1.3680043.2.1")));

    /// <summary>A-ASSOCIATE-RQ body: protocol version, reserved, called, calling, 32 reserved bytes, items.</summary>
    public static byte[] AssociateRqBody(string called, string calling, byte[] items, ushort version = 1, byte reservedFill = 0)
    {
        var fixedPart = new byte[68];
        BinaryPrimitives.WriteUInt16BigEndian(fixedPart, version);
        fixedPart[2] = fixedPart[3] = reservedFill;
        Ae(called).CopyTo(fixedPart, 4);
        Ae(calling).CopyTo(fixedPart, 20);
        fixedPart.AsSpan(36).Fill(reservedFill);
        return [.. fixedPart, .. items];
    }

    /// <summary>The catalogue's reference request: Verification (1), Secondary Capture storage (3), Study Root C-FIND (5), C-MOVE (7).</summary>
    public static byte[] StandardContexts() => Concat(
        Context(1, Verification, ImplicitLe),
        Context(3, SecondaryCapture, ImplicitLe),
        Context(5, StudyRootFind, ImplicitLe),
        Context(7, StudyRootMove, ImplicitLe));

    public static byte[] AssociateRq(string called, byte[]? contexts = null, byte[]? userInfo = null, ushort version = 1, string calling = "HOSTILE-SCU", byte[]? applicationContext = null) =>
        Pdu(0x01, AssociateRqBody(called, calling, Concat(applicationContext ?? ApplicationContext(), contexts ?? StandardContexts(), userInfo ?? DefaultUserInfo()), version));

    /// <summary>A P-DATA-TF with one PDV (item length = 2 + data unless given).</summary>
    public static byte[] PData(byte contextId, byte control, byte[] data, uint? pdvLength = null) =>
        Pdu(0x04, Pdv(contextId, control, data, pdvLength));

    public static byte[] Pdv(byte contextId, byte control, byte[] data, uint? pdvLength = null) =>
        [.. BigEndian32(pdvLength ?? (uint)(data.Length + 2)), contextId, control, .. data];

    public const byte CommandLast = 0x03;
    public const byte CommandMore = 0x01;
    public const byte DataLast = 0x02;
    public const byte DataMore = 0x00;

    public static byte[] ReleaseRq => Pdu(0x05, new byte[4]);

    public static byte[] ReleaseRp => Pdu(0x06, new byte[4]);

    public static byte[] Abort(byte source = 0, byte reason = 0) => Pdu(0x07, [0, 0, source, reason]);

    public static byte[] BigEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
