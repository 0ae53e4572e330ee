namespace Conformance.Dicom.Network.Dimse;

/// <summary>The status classes of PS3.7 Annex C.</summary>
public enum DimseStatusClass
{
    Success,
    Pending,
    Cancel,
    Warning,
    Failure,
}
