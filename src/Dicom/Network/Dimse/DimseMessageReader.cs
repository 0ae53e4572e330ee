namespace Conformance.Dicom.Network.Dimse;

/// <summary>Turns a decoded command set into its typed message by Command Field.</summary>
public static class DimseMessageReader
{
    public static DimseMessage Read(ReadOnlySpan<byte> commandSetBytes) => Read(CommandSetCodec.Decode(commandSetBytes));

    public static DimseMessage Read(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var field = command.RequireUInt16(CommandTag.CommandField);
        return (CommandField)field switch
        {
            CommandField.CEchoRequest => CEchoRequest.Read(command),
            CommandField.CEchoResponse => CEchoResponse.Read(command),
            CommandField.CStoreRequest => CStoreRequest.Read(command),
            CommandField.CStoreResponse => CStoreResponse.Read(command),
            CommandField.CFindRequest => CFindRequest.Read(command),
            CommandField.CFindResponse => CFindResponse.Read(command),
            CommandField.CMoveRequest => CMoveRequest.Read(command),
            CommandField.CMoveResponse => CMoveResponse.Read(command),
            CommandField.CGetRequest => CGetRequest.Read(command),
            CommandField.CGetResponse => CGetResponse.Read(command),
            CommandField.CCancelRequest => CCancelRequest.Read(command),
            _ => throw new DimseFormatException($"Command Field 0x{field:X4} is not a supported DIMSE-C command."),
        };
    }
}
