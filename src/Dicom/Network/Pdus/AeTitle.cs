using System.Text;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>AE titles as carried in A-ASSOCIATE-RQ/AC: 16 bytes, space padded (PS3.8 9.3.2, PS3.5 AE VR).</summary>
public static class AeTitle
{
    public const int Size = 16;

    public static void Validate(string title, string role)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (Problem(title) is { } problem)
        {
            throw new ArgumentException($"{role} AE title '{title}': {problem}.", role);
        }
    }

    /// <summary>
    /// Why <paramref name="title"/> is not a usable AE title, or null: PS3.5 AE VR (default repertoire without
    /// backslash and control characters, at most 16 characters) and PS3.8 9.3.2 (leading and trailing spaces are
    /// not significant; a title of spaces only is not allowed).
    /// </summary>
    public static string? Problem(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim(' ');
        if (trimmed.Length == 0)
        {
            return "empty or only spaces (no significant characters)";
        }

        if (trimmed.Length > Size)
        {
            return $"{trimmed.Length} significant characters, more than {Size}";
        }

        foreach (var c in trimmed)
        {
            if (c < 0x20 || c > 0x7E || c == '\\')
            {
                return c < 0x20 ? $"control character 0x{(int)c:X2}" : $"character 0x{(int)c:X2} not allowed in an AE title";
            }
        }

        return null;
    }

    public static void Write(Span<byte> destination, string title)
    {
        var field = destination[..Size];
        field.Fill((byte)' ');
        Encoding.ASCII.GetBytes(title.Trim(' '), field);
    }

    /// <summary>Read as Latin-1 so that bytes outside ASCII stay visible to <see cref="Problem"/> (ASCII would turn them into '?').</summary>
    public static string Read(ReadOnlySpan<byte> field) =>
        Encoding.Latin1.GetString(field[..Size]).Trim(' ', '\0');
}
