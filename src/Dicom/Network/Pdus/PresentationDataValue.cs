namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// One PDV item of a P-DATA-TF (PS3.8 9.3.5.1, annex E.2): 4-byte item length, context ID,
/// message control header (bit 0: command, bit 1: last fragment), fragment.
/// </summary>
public readonly record struct PresentationDataValue(byte PresentationContextId, byte MessageControlHeader, ReadOnlyMemory<byte> Fragment)
{
    public const int HeaderSize = 6;

    public const byte CommandBit = 0x01;

    public const byte LastFragmentBit = 0x02;

    public bool IsCommand => (MessageControlHeader & CommandBit) != 0;

    public bool IsLastFragment => (MessageControlHeader & LastFragmentBit) != 0;

    public static byte ControlHeader(bool command, bool last) =>
        (byte)((command ? CommandBit : 0) | (last ? LastFragmentBit : 0));
}
