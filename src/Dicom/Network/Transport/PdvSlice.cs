namespace Conformance.Dicom.Network.Transport;

/// <summary>Part of one PDV of a streamed P-DATA-TF; <see cref="EndOfPdv"/> marks its last part. <see cref="Data"/> is valid until the next read.</summary>
public readonly record struct PdvSlice(byte PresentationContextId, byte MessageControlHeader, ReadOnlyMemory<byte> Data, bool EndOfPdv);
