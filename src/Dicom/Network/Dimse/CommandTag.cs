namespace Conformance.Dicom.Network.Dimse;

/// <summary>Command set element tags (group 0000), PS3.7 section E.1 Table E.1-1.</summary>
public static class CommandTag
{
    public const uint CommandGroupLength = 0x0000_0000;
    public const uint AffectedSOPClassUID = 0x0000_0002;
    public const uint RequestedSOPClassUID = 0x0000_0003;
    public const uint CommandField = 0x0000_0100;
    public const uint MessageID = 0x0000_0110;
    public const uint MessageIDBeingRespondedTo = 0x0000_0120;
    public const uint MoveDestination = 0x0000_0600;
    public const uint Priority = 0x0000_0700;
    public const uint CommandDataSetType = 0x0000_0800;
    public const uint Status = 0x0000_0900;
    public const uint OffendingElement = 0x0000_0901;
    public const uint ErrorComment = 0x0000_0902;
    public const uint ErrorID = 0x0000_0903;
    public const uint AffectedSOPInstanceUID = 0x0000_1000;
    public const uint RequestedSOPInstanceUID = 0x0000_1001;
    public const uint NumberOfRemainingSuboperations = 0x0000_1020;
    public const uint NumberOfCompletedSuboperations = 0x0000_1021;
    public const uint NumberOfFailedSuboperations = 0x0000_1022;
    public const uint NumberOfWarningSuboperations = 0x0000_1023;
    public const uint MoveOriginatorApplicationEntityTitle = 0x0000_1030;
    public const uint MoveOriginatorMessageID = 0x0000_1031;

    /// <summary>The value representation of a command element (always implicit on the wire).</summary>
    public static CommandValueKind KindOf(uint tag) => tag switch
    {
        CommandGroupLength => CommandValueKind.UL,
        AffectedSOPClassUID or RequestedSOPClassUID or AffectedSOPInstanceUID or RequestedSOPInstanceUID => CommandValueKind.UI,
        MoveDestination or MoveOriginatorApplicationEntityTitle => CommandValueKind.AE,
        ErrorComment => CommandValueKind.LO,
        OffendingElement => CommandValueKind.AT,
        _ => CommandValueKind.US,
    };

    public static string Format(uint tag) => $"({tag >> 16:X4},{tag & 0xFFFF:X4})";
}

/// <summary>The value representations that occur in a command set.</summary>
public enum CommandValueKind
{
    US,
    UL,
    UI,
    AE,
    LO,
    AT,
}
