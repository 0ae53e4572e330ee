namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>
/// How an SCP answers proposals of one abstract syntax: the transfer syntaxes it accepts in its order
/// of preference, and whether it grants the requestor the SCU and/or SCP role when asked.
/// </summary>
public sealed record AbstractSyntaxPolicy(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes, bool AllowScuRole = true, bool AllowScpRole = true);
