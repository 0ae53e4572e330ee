using System.Security.Cryptography;
using System.Text;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Security;

/// <summary>
/// The user identities an SCP accepts (PS3.7 D.3.3.7): a user configured with a passcode must present it
/// (identity type 2); a user configured without one is accepted by name (type 1 or 2). Other identity types
/// (Kerberos, SAML, JWT) are not verified here and are refused. Immutable.
/// </summary>
public sealed class UserCredentials
{
    private readonly Dictionary<string, byte[]?> _passcodeHashes;

    private UserCredentials(Dictionary<string, byte[]?> passcodeHashes) => _passcodeHashes = passcodeHashes;

    public static UserCredentials None { get; } = new(new Dictionary<string, byte[]?>(StringComparer.Ordinal));

    public IReadOnlyCollection<string> Users => _passcodeHashes.Keys;

    /// <summary>"NAME" (name alone suffices) or "NAME:PASSCODE" (the first colon separates them).</summary>
    /// <exception cref="FormatException">An empty name, or a name given twice.</exception>
    public static UserCredentials Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var credentials = None;
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            credentials = colon < 0 ? credentials.With(entry, null) : credentials.With(entry[..colon], entry[(colon + 1)..]);
        }

        return credentials;
    }

    /// <summary>A copy that also accepts <paramref name="user"/> (with <paramref name="passcode"/>, or by name alone when null).</summary>
    public UserCredentials With(string user, string? passcode)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Length == 0)
        {
            throw new FormatException("A user name cannot be empty");
        }

        if (_passcodeHashes.ContainsKey(user))
        {
            throw new FormatException($"User '{user}' is configured twice");
        }

        return new UserCredentials(new Dictionary<string, byte[]?>(_passcodeHashes, StringComparer.Ordinal) { [user] = passcode is null ? null : Hash(Encoding.UTF8.GetBytes(passcode)) });
    }

    /// <summary>Why the presented identity is refused, or null when it is accepted. Passcodes are compared in constant time and never echoed.</summary>
    public string? Refusal(UserIdentityType type, ReadOnlySpan<byte> primary, ReadOnlySpan<byte> secondary)
    {
        if (type is not (UserIdentityType.Username or UserIdentityType.UsernameAndPasscode))
        {
            return $"user identity type {type} is not accepted (only username, username and passcode)";
        }

        var user = Encoding.UTF8.GetString(primary);
        if (!_passcodeHashes.TryGetValue(user, out var expected))
        {
            return $"user '{user}' is not known";
        }

        if (expected is null)
        {
            return null;
        }

        if (type != UserIdentityType.UsernameAndPasscode)
        {
            return $"user '{user}' must present a passcode";
        }

        return CryptographicOperations.FixedTimeEquals(Hash(secondary), expected) ? null : $"wrong passcode for user '{user}'";
    }

    /// <summary>Hashes keep the comparison's time independent of the passcode's length.</summary>
    private static byte[] Hash(ReadOnlySpan<byte> passcode) => SHA256.HashData(passcode);
}
