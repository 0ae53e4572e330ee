using System.Net;

namespace Conformance.Dicom.Network.Security;

/// <summary>One entry of an AE title allow-list: the title, and optionally the source addresses it may come from.</summary>
public sealed record AeAccessRule(string AeTitle, AddressRange? From = null)
{
    /// <summary>
    /// "AE" or "AE@CIDR" (STORESCU@10.0.0.0/8, STORESCU@192.168.1.7). An AE title may itself contain '@', so only
    /// a last '@' followed by an address (with a dot or a colon) starts the range.
    /// </summary>
    /// <exception cref="FormatException">Not a valid AE title, or a malformed range.</exception>
    public static AeAccessRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        AddressRange? from = null;
        var title = text;
        if (at > 0 && LooksLikeAddress(text[(at + 1)..]))
        {
            from = AddressRange.Parse(text[(at + 1)..]);
            title = text[..at];
        }

        if (Pdus.AeTitle.Problem(title) is { } problem)
        {
            throw new FormatException($"'{text}': {problem}");
        }

        return new AeAccessRule(title.Trim(' '), from);
    }

    /// <summary>True when <paramref name="aeTitle"/> is this rule's title and <paramref name="source"/> is inside its range (if any).</summary>
    public bool Allows(string aeTitle, IPAddress? source) =>
        string.Equals(aeTitle, AeTitle, StringComparison.Ordinal) && (From is null || (source is not null && From.Contains(source)));

    public override string ToString() => From is null ? AeTitle : $"{AeTitle}@{From}";

    private static bool LooksLikeAddress(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == ':' || char.IsAsciiHexDigit(text[0])) && (text.Contains('.', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal));
}
