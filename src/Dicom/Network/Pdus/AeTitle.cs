using System.Text;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>AE titles as carried in A-ASSOCIATE-RQ/AC: 16 bytes, space padded (PS3.8 9.3.2, PS3.5 AE VR).</summary>
public static class AeTitle
{
    public const int Size = 16;

    public static void Validate(string title, string role)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim(' ');
        if (trimmed.Length is 0 or > Size)
        {
            throw new ArgumentException($"{role} AE title '{title}' must have 1 to 16 significant characters.", role);
        }

        foreach (var c in trimmed)
        {
            if (c < 0x20 || c > 0x7E || c == '\\')
            {
                throw new ArgumentException($"{role} AE title '{title}' contains a character not allowed in an AE title.", role);
            }
        }
    }

    public static void Write(Span<byte> destination, string title)
    {
        var field = destination[..Size];
        field.Fill((byte)' ');
        Encoding.ASCII.GetBytes(title.Trim(' '), field);
    }

    public static string Read(ReadOnlySpan<byte> field) =>
        Encoding.ASCII.GetString(field[..Size]).Trim(' ', '\0');
}
