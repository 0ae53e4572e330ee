namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ABORT source field (PS3.8 table 9-26).</summary>
public enum AbortSource : byte
{
    ServiceUser = 0,
    Reserved = 1,
    ServiceProvider = 2,
}
