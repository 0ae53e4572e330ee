namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>SCP/SCU role selection for one SOP class (PS3.7 D.3.3.4): the roles the association requestor takes.</summary>
public sealed record RoleSelection(bool Scu, bool Scp);
