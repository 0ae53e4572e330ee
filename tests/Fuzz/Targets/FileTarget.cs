using Conformance.Dicom.IO;

namespace Conformance.Fuzz.Targets;

/// <summary>The PS3.10 file parser (preamble, file meta information, data set), from memory.</summary>
internal sealed class FileTarget : IFuzzTarget
{
    public string Name => "file";

    public string Description => "DicomFile.Read; refusal = DicomFormatException, InvalidDataException (deflate)";

    public void Run(ReadOnlySpan<byte> input)
    {
        DicomFile file;
        try
        {
            file = DicomFile.Read(input.ToArray());
        }
        catch (Exception ex) when (ParserRefusal.IsDocumented(ex))
        {
            return;
        }

        ParserRefusal.RoundTrip(file.Dataset, file.TransferSyntax);
    }
}
