using Conformance.Dicom.Network.Dimse;

namespace Conformance.Fuzz.Targets;

/// <summary>The DIMSE command set decoder and typed-message reader (what arrives in a command PDV).</summary>
internal sealed class CommandSetTarget : IFuzzTarget
{
    public string Name => "command";

    public string Description => "DimseMessageReader.Read on a command set; refusal = DimseFormatException";

    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            DimseMessageReader.Read(input);
        }
        catch (DimseFormatException)
        {
        }
    }
}
