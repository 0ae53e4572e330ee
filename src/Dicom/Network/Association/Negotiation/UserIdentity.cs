using System.Text;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>User identity an SCU presents (PS3.7 D.3.3.7).</summary>
public sealed record UserIdentity(UserIdentityType Type, ReadOnlyMemory<byte> PrimaryField, ReadOnlyMemory<byte> SecondaryField, bool PositiveResponseRequested)
{
    public static UserIdentity Username(string username, bool positiveResponseRequested = false) =>
        new(UserIdentityType.Username, Encoding.UTF8.GetBytes(username), ReadOnlyMemory<byte>.Empty, positiveResponseRequested);

    public static UserIdentity UsernameAndPasscode(string username, string passcode, bool positiveResponseRequested = false) =>
        new(UserIdentityType.UsernameAndPasscode, Encoding.UTF8.GetBytes(username), Encoding.UTF8.GetBytes(passcode), positiveResponseRequested);

    public string PrimaryText => Encoding.UTF8.GetString(PrimaryField.Span);

    public string SecondaryText => Encoding.UTF8.GetString(SecondaryField.Span);

    internal UserIdentityRequestItem ToItem() => new(Type, PositiveResponseRequested, PrimaryField, SecondaryField);

    internal static UserIdentity FromItem(UserIdentityRequestItem item) =>
        new(item.IdentityType, item.PrimaryField, item.SecondaryField, item.PositiveResponseRequested);

    /// <summary>Never prints the passcode.</summary>
    public override string ToString() => $"{Type} '{PrimaryText}'";
}
