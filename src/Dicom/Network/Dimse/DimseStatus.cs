using System.Globalization;

namespace Conformance.Dicom.Network.Dimse;

/// <summary>
/// A DIMSE status (0000,0900) as a value. Pending and Warning are ordinary values, not exceptions.
/// Classes and codes follow PS3.7 Annex C and the service-specific codes of PS3.4 (C-STORE B.2.3,
/// C-FIND C.4.1.1.4, C-MOVE C.4.2.1.5, C-GET C.4.3.1.4).
/// </summary>
public readonly record struct DimseStatus(ushort Code)
{
    public static readonly DimseStatus Success = new(0x0000);

    // Pending (PS3.7 C.5.1): matches/sub-operations continue.
    public static readonly DimseStatus Pending = new(0xFF00);
    public static readonly DimseStatus PendingWithOptionalKeysUnsupported = new(0xFF01);

    // Cancel (PS3.7 C.4).
    public static readonly DimseStatus Cancel = new(0xFE00);

    // Warnings.
    public static readonly DimseStatus AttributeListError = new(0x0107);
    public static readonly DimseStatus AttributeValueOutOfRange = new(0x0116);
    public static readonly DimseStatus CoercionOfDataElements = new(0xB000);
    public static readonly DimseStatus SubOperationsCompleteWithFailures = new(0xB000);
    public static readonly DimseStatus ElementsDiscarded = new(0xB006);
    public static readonly DimseStatus DataSetDoesNotMatchSopClassWarning = new(0xB007);

    // Failures, general (PS3.7 C.5).
    public static readonly DimseStatus NoSuchAttribute = new(0x0105);
    public static readonly DimseStatus InvalidAttributeValue = new(0x0106);
    public static readonly DimseStatus ProcessingFailure = new(0x0110);
    public static readonly DimseStatus DuplicateSopInstance = new(0x0111);
    public static readonly DimseStatus NoSuchSopInstance = new(0x0112);
    public static readonly DimseStatus InvalidObjectInstance = new(0x0117);
    public static readonly DimseStatus NoSuchSopClass = new(0x0118);
    public static readonly DimseStatus ClassInstanceConflict = new(0x0119);
    public static readonly DimseStatus MissingAttribute = new(0x0120);
    public static readonly DimseStatus SopClassNotSupported = new(0x0122);
    public static readonly DimseStatus NotAuthorized = new(0x0124);
    public static readonly DimseStatus DuplicateInvocation = new(0x0210);
    public static readonly DimseStatus UnrecognizedOperation = new(0x0211);
    public static readonly DimseStatus MistypedArgument = new(0x0212);
    public static readonly DimseStatus ResourceLimitation = new(0x0213);

    // Failures, service-specific.
    public static readonly DimseStatus OutOfResources = new(0xA700);
    public static readonly DimseStatus OutOfResourcesUnableToCalculateMatches = new(0xA701);
    public static readonly DimseStatus OutOfResourcesUnableToPerformSubOperations = new(0xA702);
    public static readonly DimseStatus MoveDestinationUnknown = new(0xA801);
    public static readonly DimseStatus DataSetDoesNotMatchSopClass = new(0xA900);
    public static readonly DimseStatus IdentifierDoesNotMatchSopClass = new(0xA900);
    public static readonly DimseStatus CannotUnderstand = new(0xC000);
    public static readonly DimseStatus UnableToProcess = new(0xC001);

    public DimseStatusClass Class => Code switch
    {
        0x0000 => DimseStatusClass.Success,
        0xFF00 or 0xFF01 => DimseStatusClass.Pending,
        0xFE00 => DimseStatusClass.Cancel,
        0x0001 or 0x0107 or 0x0116 => DimseStatusClass.Warning,
        >= 0xB000 and <= 0xBFFF => DimseStatusClass.Warning,
        _ => DimseStatusClass.Failure,
    };

    public bool IsSuccess => Class == DimseStatusClass.Success;

    public bool IsPending => Class == DimseStatusClass.Pending;

    public bool IsWarning => Class == DimseStatusClass.Warning;

    public bool IsFailure => Class == DimseStatusClass.Failure;

    public bool IsCancel => Class == DimseStatusClass.Cancel;

    /// <summary>True for a final status that means the operation went through (Success or Warning).</summary>
    public bool IsSuccessOrWarning => IsSuccess || IsWarning;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"0x{Code:X4} ({Class})");
}
