using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Conformance.Dicom.Generation;

/// <summary>
/// UIDs derived from a seed and an object's place in the hierarchy: a name-based UUID (SHA-256,
/// RFC 9562 version 8 layout) written as one decimal integer under 2.25 (PS3.5 B.2). The same
/// seed and place always give the same UID; each place gets its own, independent of how many
/// objects are generated around it.
/// </summary>
public static class DeterministicUids
{
    public const string Root = "2.25.";

    public static string Derive(long seed, string role, params int[] path)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(path);
        var name = new StringBuilder("conformance-generator/")
            .Append(seed.ToString(CultureInfo.InvariantCulture)).Append('/').Append(role);
        foreach (var index in path)
        {
            name.Append('/').Append(index.ToString(CultureInfo.InvariantCulture));
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name.ToString()), hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x80); // version 8 (custom)
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 9562 variant
        var value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(uuid[..8]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(uuid[8..]));
        return Root + value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>PS3.5 9.1: at most 64 characters, digits and dots, no empty component, no leading zero.</summary>
    public static bool IsValid(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (uid.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var component in uid.Split('.'))
        {
            if (component.Length == 0 || !component.All(char.IsAsciiDigit) || (component.Length > 1 && component[0] == '0'))
            {
                return false;
            }
        }

        return true;
    }
}
