using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>A piece of encoded output: bytes valid until the next segment is asked for, or a value to stream
/// (swapped by <see cref="SwapUnit"/> when it is &gt; 1, for big endian).</summary>
internal readonly record struct WriteSegment(ReadOnlyMemory<byte> Bytes, DicomBuffer? Value, int SwapUnit);
