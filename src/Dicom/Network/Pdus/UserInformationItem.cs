namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// User information item, type 0x50 (PS3.8 9.3.2.3, PS3.7 annex D.3.3): its sub-items are written in
/// ascending type order; unrecognised sub-items from a peer are skipped (PS3.7 D.3.3).
/// </summary>
public sealed record UserInformationItem
{
    public const byte ItemType = 0x50;

    public MaximumLengthItem? MaximumLength { get; init; }

    public ImplementationClassUidItem? ImplementationClassUid { get; init; }

    public AsynchronousOperationsWindowItem? AsynchronousOperationsWindow { get; init; }

    public IReadOnlyList<RoleSelectionItem> RoleSelections { get; init; } = [];

    public ImplementationVersionNameItem? ImplementationVersionName { get; init; }

    public IReadOnlyList<SopClassExtendedNegotiationItem> ExtendedNegotiations { get; init; } = [];

    public IReadOnlyList<SopClassCommonExtendedNegotiationItem> CommonExtendedNegotiations { get; init; } = [];

    public UserIdentityRequestItem? UserIdentityRequest { get; init; }

    public UserIdentityAcceptItem? UserIdentityAccept { get; init; }

    public int EncodedLength => ItemHeader.Size + ValueLength;

    private int ValueLength
    {
        get
        {
            var length = (MaximumLength?.EncodedLength ?? 0)
                + (ImplementationClassUid?.EncodedLength ?? 0)
                + (AsynchronousOperationsWindow?.EncodedLength ?? 0)
                + (ImplementationVersionName?.EncodedLength ?? 0)
                + (UserIdentityRequest?.EncodedLength ?? 0)
                + (UserIdentityAccept?.EncodedLength ?? 0);
            foreach (var item in RoleSelections)
            {
                length += item.EncodedLength;
            }

            foreach (var item in ExtendedNegotiations)
            {
                length += item.EncodedLength;
            }

            foreach (var item in CommonExtendedNegotiations)
            {
                length += item.EncodedLength;
            }

            return length;
        }
    }

    public int Write(Span<byte> destination)
    {
        ItemHeader.Write(destination, ItemType, ValueLength);
        var position = ItemHeader.Size;
        position += MaximumLength?.Write(destination[position..]) ?? 0;
        position += ImplementationClassUid?.Write(destination[position..]) ?? 0;
        position += AsynchronousOperationsWindow?.Write(destination[position..]) ?? 0;
        foreach (var item in RoleSelections)
        {
            position += item.Write(destination[position..]);
        }

        position += ImplementationVersionName?.Write(destination[position..]) ?? 0;
        foreach (var item in ExtendedNegotiations)
        {
            position += item.Write(destination[position..]);
        }

        foreach (var item in CommonExtendedNegotiations)
        {
            position += item.Write(destination[position..]);
        }

        position += UserIdentityRequest?.Write(destination[position..]) ?? 0;
        position += UserIdentityAccept?.Write(destination[position..]) ?? 0;
        return position;
    }

    public static UserInformationItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        var result = new UserInformationItem();
        var roles = new List<RoleSelectionItem>();
        var extended = new List<SopClassExtendedNegotiationItem>();
        var common = new List<SopClassCommonExtendedNegotiationItem>();
        var reader = new ItemSequenceReader(value, offset);
        while (reader.MoveNext())
        {
            var v = reader.Value;
            var at = reader.ValueOffset;
            result = reader.Type switch
            {
                MaximumLengthItem.ItemType => result with { MaximumLength = MaximumLengthItem.Parse(v, at) },
                ImplementationClassUidItem.ItemType => result with { ImplementationClassUid = ImplementationClassUidItem.Parse(v, at) },
                AsynchronousOperationsWindowItem.ItemType => result with { AsynchronousOperationsWindow = AsynchronousOperationsWindowItem.Parse(v, at) },
                ImplementationVersionNameItem.ItemType => result with { ImplementationVersionName = ImplementationVersionNameItem.Parse(v, at) },
                UserIdentityRequestItem.ItemType => result with { UserIdentityRequest = UserIdentityRequestItem.Parse(v, at) },
                UserIdentityAcceptItem.ItemType => result with { UserIdentityAccept = UserIdentityAcceptItem.Parse(v, at) },
                _ => result,
            };
            switch (reader.Type)
            {
                case RoleSelectionItem.ItemType:
                    roles.Add(RoleSelectionItem.Parse(v, at));
                    break;
                case SopClassExtendedNegotiationItem.ItemType:
                    extended.Add(SopClassExtendedNegotiationItem.Parse(v, at));
                    break;
                case SopClassCommonExtendedNegotiationItem.ItemType:
                    common.Add(SopClassCommonExtendedNegotiationItem.Parse(v, at));
                    break;
            }
        }

        return result with { RoleSelections = roles, ExtendedNegotiations = extended, CommonExtendedNegotiations = common };
    }
}
