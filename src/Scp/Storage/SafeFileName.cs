using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Conformance.Scp.Storage;

/// <summary>
/// A file name for a SOP Instance UID that no two UIDs share and no UID can use to leave the storage directory.
/// Digits and dots (all a valid UID has) are kept; any other character becomes "_" and its four hex digits, so "_"
/// only ever starts an escape and the mapping is one to one. A name that would grow too long for a file system keeps
/// a prefix and adds "_h" and the SHA-256 of the UID ("h" is no hex digit, so it cannot be read as an escape).
/// </summary>
internal static class SafeFileName
{
    public const string Extension = ".dcm";
    private const int MaxNameLength = 200;
    private const int KeptPrefix = 120;

    public static string For(string sopInstanceUid)
    {
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        if (sopInstanceUid.Length == 0)
        {
            return "_" + Extension;
        }

        var name = new StringBuilder(sopInstanceUid.Length);
        foreach (var c in sopInstanceUid)
        {
            if (char.IsAsciiDigit(c) || c == '.')
            {
                name.Append(c);
            }
            else
            {
                name.Append('_').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        if (name.Length > MaxNameLength)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sopInstanceUid)));
            name.Length = KeptPrefix;
            name.Append("_h").Append(hash);
        }

        return name.Append(Extension).ToString();
    }
}
