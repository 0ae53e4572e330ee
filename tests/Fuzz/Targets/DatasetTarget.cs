using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Fuzz.Targets;

/// <summary>
/// The data set parser: the first byte picks the transfer syntax (implicit LE, explicit LE, explicit BE,
/// deflated), the rest is the data set. A parsed data set is written back and read again.
/// </summary>
internal sealed class DatasetTarget : IFuzzTarget
{
    private static readonly DicomTransferSyntax[] Syntaxes =
    [
        DicomTransferSyntax.ImplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRLittleEndian,
        DicomTransferSyntax.ExplicitVRBigEndian,
        DicomTransferSyntax.DeflatedExplicitVRLittleEndian,
    ];

    public string Name => "dataset";

    public string Description => "DicomDatasetReader.Read (syntax from byte 0); refusal = DicomFormatException, InvalidDataException (deflate)";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var syntax = Syntaxes[input[0] % Syntaxes.Length];
        DicomDataset dataset;
        try
        {
            dataset = DicomDatasetReader.Read(input[1..].ToArray(), syntax);
        }
        catch (Exception ex) when (ParserRefusal.IsDocumented(ex))
        {
            return;
        }

        ParserRefusal.RoundTrip(dataset, syntax);
    }
}
