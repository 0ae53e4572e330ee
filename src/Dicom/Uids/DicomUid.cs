using System.Numerics;
using System.Security.Cryptography;

namespace Conformance.Dicom.Uids;

/// <summary>UID rules (PS3.5 9.1) and UUID-derived UIDs under the 2.25 root (PS3.5 B.2).</summary>
public static class DicomUid
{
    /// <summary>PS3.5 9.1: at most 64 characters, digits and dots, no empty component, no leading zero in a component.</summary>
    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > 64)
        {
            return false;
        }

        foreach (var part in uid.Split('.'))
        {
            if (part.Length == 0 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A new random UID "2.25." + the UUID (version 4) as an unsigned decimal integer.</summary>
    public static string Generate()
    {
        Span<byte> b = stackalloc byte[16];
        RandomNumberGenerator.Fill(b);
        return FromUuidBytes(b, 4);
    }

    /// <summary>"2.25." + the 128 bits as a decimal integer, with the RFC 9562 version and variant bits set.</summary>
    internal static string FromUuidBytes(Span<byte> b, int version)
    {
        b[6] = (byte)((b[6] & 0x0F) | (version << 4));
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var value = new BigInteger(b, isUnsigned: true, isBigEndian: true);
        return "2.25." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
