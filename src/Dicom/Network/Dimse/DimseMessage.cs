namespace Conformance.Dicom.Network.Dimse;

/// <summary>A typed DIMSE command; converts to and from its <see cref="CommandSet"/>.</summary>
public abstract class DimseMessage
{
    /// <summary>Command Data Set Type value meaning "no data set" (PS3.7 E.1); any other value means one follows.</summary>
    public const ushort NoDataSet = 0x0101;

    /// <summary>The value we send when a data set follows.</summary>
    public const ushort DataSetPresent = 0x0001;

    public abstract CommandField CommandField { get; }

    /// <summary>Whether a data set (or identifier) follows this command.</summary>
    public abstract bool HasDataSet { get; }

    public CommandSet ToCommandSet()
    {
        var command = new CommandSet();
        command.SetUInt16(CommandTag.CommandField, (ushort)CommandField);
        command.SetUInt16(CommandTag.CommandDataSetType, HasDataSet ? DataSetPresent : NoDataSet);
        WriteTo(command);
        return command;
    }

    public byte[] Encode() => CommandSetCodec.Encode(ToCommandSet());

    protected abstract void WriteTo(CommandSet command);

    internal static bool ReadHasDataSet(CommandSet command) =>
        command.RequireUInt16(CommandTag.CommandDataSetType) != NoDataSet;

    internal static void SetOptional(CommandSet command, uint tag, string? value)
    {
        if (value is not null)
        {
            command.SetString(tag, value);
        }
    }

    internal static void SetOptional(CommandSet command, uint tag, ushort? value)
    {
        if (value is { } v)
        {
            command.SetUInt16(tag, v);
        }
    }
}
