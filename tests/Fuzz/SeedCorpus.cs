using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Pdus;
using Conformance.Fuzz.Targets;

namespace Conformance.Fuzz;

/// <summary>
/// The committed seeds (tests/Fuzz/corpus), written by our own encoders: small valid inputs per target
/// from which afl-fuzz mutates. `Conformance.Fuzz seeds DIR` regenerates them.
/// </summary>
internal static class SeedCorpus
{
    private const string Verification = "1.2.840.10008.1.1";
    private const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    private const string StudyRootFind = "1.2.840.10008.5.1.4.1.2.2.1";
    private const string ImplicitLe = "1.2.840.10008.1.2";
    private const string ExplicitLe = "1.2.840.10008.1.2.1";

    public static IEnumerable<(string Target, string Name, byte[] Bytes)> All()
    {
        var rq = Bytes(Request());
        var echo = Pdata(1, true, new CEchoRequest { MessageId = 1 }.Encode());
        var store = Concat(
            Pdata(3, true, new CStoreRequest { MessageId = 2, AffectedSopClassUid = SecondaryCapture, AffectedSopInstanceUid = "1.2.3.4.5" }.Encode()),
            Pdata(3, false, DicomDatasetWriter.ToArray(Image(), DicomTransferSyntax.ImplicitVRLittleEndian)));
        var find = Concat(
            Pdata(5, true, new CFindRequest { MessageId = 3, AffectedSopClassUid = StudyRootFind }.Encode()),
            Pdata(5, false, DicomDatasetWriter.ToArray(Query(), DicomTransferSyntax.ImplicitVRLittleEndian)));
        var release = Bytes(ReleaseRequestPdu.Instance);

        yield return ("pdu", "associate-rq", rq);
        yield return ("pdu", "associate-ac", Bytes(Accept()));
        yield return ("pdu", "associate-rj", Bytes(new AssociateRejectPdu((AssociateRejectResult)1, (AssociateRejectSource)1, 7)));
        yield return ("pdu", "echo-and-release", Concat(echo, release, Bytes(ReleaseResponsePdu.Instance), Bytes(new AbortPdu(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu))));
        yield return ("association", "echo", Concat(rq, echo, release));
        yield return ("association", "store", Concat(rq, store, release));
        yield return ("association", "find", Concat(rq, find, release));
        yield return ("command", "echo-rq", new CEchoRequest { MessageId = 1 }.Encode());
        yield return ("command", "store-rq", new CStoreRequest { MessageId = 2, AffectedSopClassUid = SecondaryCapture, AffectedSopInstanceUid = "1.2.3.4.5", MoveOriginatorAeTitle = "MOVER", MoveOriginatorMessageId = 7 }.Encode());
        yield return ("command", "move-rq", new CMoveRequest { MessageId = 4, AffectedSopClassUid = "1.2.840.10008.5.1.4.1.2.2.2", MoveDestination = "DEST" }.Encode());
        yield return ("command", "cancel-rq", new CCancelRequest { MessageIdBeingRespondedTo = 4 }.Encode());
        DicomTransferSyntax[] syntaxes = [DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.DeflatedExplicitVRLittleEndian];
        for (byte i = 0; i < syntaxes.Length; i++)
        {
            // The dataset target reads its syntax from byte 0, in this order.
            yield return ("dataset", "image-" + syntaxes[i].Uid, [i, .. DicomDatasetWriter.ToArray(Image(), syntaxes[i])]);
            using var file = new MemoryStream();
            new DicomFile(Image(), syntaxes[i]).Write(file);
            yield return ("file", "image-" + syntaxes[i].Uid, file.ToArray());
        }
    }

    public static void Write(string directory)
    {
        foreach (var (target, name, bytes) in All())
        {
            _ = FuzzTargets.Find(target);
            Directory.CreateDirectory(Path.Combine(directory, target));
            File.WriteAllBytes(Path.Combine(directory, target, name + ".bin"), bytes);
        }
    }

    private static AssociateRequestPdu Request() => new(
        AssociationTarget.CalledAe,
        "FUZZER",
        new ApplicationContextItem(ApplicationContextItem.DicomApplicationContext),
        [
            new PresentationContextRequestItem(1, Verification, [ImplicitLe]),
            new PresentationContextRequestItem(3, SecondaryCapture, [ExplicitLe, ImplicitLe]),
            new PresentationContextRequestItem(5, StudyRootFind, [ImplicitLe]),
        ],
        new UserInformationItem
        {
            MaximumLength = new MaximumLengthItem(16384),
            ImplementationClassUid = new ImplementationClassUidItem("1.2.3.4"),
            ImplementationVersionName = new ImplementationVersionNameItem("FUZZ"),
            AsynchronousOperationsWindow = new AsynchronousOperationsWindowItem(4, 4),
            RoleSelections = [new RoleSelectionItem(SecondaryCapture, true, true)],
        });

    private static AssociateAcceptPdu Accept() => new(
        "FUZZSCP",
        "FUZZER",
        new ApplicationContextItem(ApplicationContextItem.DicomApplicationContext),
        [new PresentationContextAcceptItem(1, PresentationContextResult.Acceptance, ImplicitLe), new PresentationContextAcceptItem(3, PresentationContextResult.AbstractSyntaxNotSupported, ImplicitLe)],
        new UserInformationItem { MaximumLength = new MaximumLengthItem(16384), ImplementationClassUid = new ImplementationClassUidItem("1.2.3.4") });

    private static DicomDataset Image()
    {
        var ds = new DicomDataset();
        ds.SetUid(DicomTags.SOPClassUID, SecondaryCapture);
        ds.SetUid(DicomTags.SOPInstanceUID, "1.2.3.4.5");
        ds.SetString(DicomTags.PatientName, "FUZZ^SEED");
        ds.SetString(DicomTags.PatientID, "F1");
        ds.SetUid(DicomTags.StudyInstanceUID, "1.2.3.4");
        ds.SetUid(DicomTags.SeriesInstanceUID, "1.2.3.4.1");
        ds.SetUInt16(DicomTags.Rows, 2);
        ds.SetBytes(DicomTags.PixelData, DicomVR.OW, new byte[] { 1, 2, 3, 4 });
        return ds;
    }

    private static DicomDataset Query()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.QueryRetrieveLevel, "STUDY");
        ds.SetString(DicomTags.PatientID, "F*");
        ds.SetUid(DicomTags.StudyInstanceUID, "");
        return ds;
    }

    private static byte[] Pdata(byte contextId, bool command, byte[] fragment) =>
        Bytes(new DataTransferPdu([new PresentationDataValue(contextId, PresentationDataValue.ControlHeader(command, last: true), fragment)]));

    private static byte[] Bytes(IPdu pdu)
    {
        var bytes = new byte[pdu.EncodedLength];
        pdu.Write(bytes);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
