namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>The few UIDs the association layer itself needs (PS3.6 annex A).</summary>
public static class NegotiationUids
{
    public const string Verification = "1.2.840.10008.1.1";

    public const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";

    public const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    public const string ExplicitVrBigEndian = "1.2.840.10008.1.2.2";
}
