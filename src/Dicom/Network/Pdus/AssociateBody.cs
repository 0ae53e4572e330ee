using System.Buffers.Binary;
using Conformance.Dicom.Network.Pdus.Items;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// The fixed 68-byte part shared by A-ASSOCIATE-RQ and -AC (PS3.8 tables 9-11 and 9-17): protocol
/// version, reserved, called AE, calling AE, 32 reserved bytes; items follow.
/// </summary>
internal static class AssociateBody
{
    public const int FixedSize = 68;

    public static void WriteFixed(Span<byte> body, ushort protocolVersion, string calledAe, string callingAe)
    {
        BinaryPrimitives.WriteUInt16BigEndian(body, protocolVersion);
        body[2] = 0;
        body[3] = 0;
        AeTitle.Write(body[4..], calledAe);
        AeTitle.Write(body[20..], callingAe);
        body[36..FixedSize].Clear();
    }

    public static (ushort ProtocolVersion, string CalledAe, string CallingAe) ReadFixed(ReadOnlySpan<byte> body)
    {
        if (body.Length < FixedSize)
        {
            throw new PduFormatException($"A-ASSOCIATE PDU body of {body.Length} bytes is shorter than its {FixedSize} fixed bytes", PduHeader.Size);
        }

        return (BinaryPrimitives.ReadUInt16BigEndian(body), AeTitle.Read(body[4..]), AeTitle.Read(body[20..]));
    }

    /// <summary>Application context and user information are mandatory in both PDUs.</summary>
    public static void RequireItems(ApplicationContextItem? context, UserInformationItem? userInformation, string pdu)
    {
        if (context is null)
        {
            throw new PduFormatException($"{pdu} lacks its application context item", PduHeader.Size + FixedSize, AbortReason.InvalidPduParameterValue);
        }

        if (userInformation is null)
        {
            throw new PduFormatException($"{pdu} lacks its user information item", PduHeader.Size + FixedSize, AbortReason.InvalidPduParameterValue);
        }
    }
}
