using System.Buffers.Binary;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Harness.Matrix.Wire;

/// <summary>
/// Reads, from what a <see cref="PduTap"/> saw, the identifier that came with the acceptor's final response of
/// a C-MOVE or C-GET (status not Pending), e.g. its Failed SOP Instance UID List (PS3.4 C.4.2.1.5): for peers
/// that do not print it.
/// </summary>
public static class FinalIdentifier
{
    private const ushort Pending = 0xFF00;

    public static DicomDataset? Read(PduTap tap)
    {
        ArgumentNullException.ThrowIfNull(tap);
        var accept = tap.Associate(1, fromRequestor: false);
        var pdvs = tap.Pdus.Where(p => p.Connection == 1 && !p.FromRequestor && p.Type == ObservedPdu.DataTransfer).SelectMany(p => p.Pdvs).ToList();
        var final = pdvs.FindLastIndex(v => v.IsCommand && IsFinalRetrieveResponse(v.Command.Span));
        var data = final < 0 ? null : pdvs.Skip(final + 1).FirstOrDefault(v => !v.IsCommand);
        if (data is null || data.SmallData.IsEmpty || accept is null || !accept.Results.TryGetValue(data.ContextId, out var context))
        {
            return null;
        }

        return DicomDatasetReader.Read(data.SmallData, DicomTransferSyntax.Lookup(context.TransferSyntax));
    }

    private static bool IsFinalRetrieveResponse(ReadOnlySpan<byte> command)
    {
        ushort? field = null;
        ushort? status = null;
        for (var offset = 0; offset + 8 <= command.Length;)
        {
            var element = BinaryPrimitives.ReadUInt16LittleEndian(command[(offset + 2)..]);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(command[(offset + 4)..]);
            if (length == 2 && offset + 10 <= command.Length)
            {
                var value = BinaryPrimitives.ReadUInt16LittleEndian(command[(offset + 8)..]);
                field = element == 0x0100 ? value : field;
                status = element == 0x0900 ? value : status;
            }

            offset += 8 + length;
        }

        return field is 0x8021 or 0x8010 && status is { } s && s != Pending && s != 0xFF01;
    }
}
