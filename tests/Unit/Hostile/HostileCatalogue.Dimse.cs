using static Conformance.Unit.Tests.Hostile.HostileCase;
using static Conformance.Unit.Tests.Hostile.Wire;
using static Conformance.Unit.Tests.Hostile.WireCommand;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>The catalogue's rows on an established association (contexts: 1 Verification, 3 storage, 5 C-FIND, 7 C-MOVE).</summary>
internal static partial class HostileCatalogue
{
    private const string Instance = "1.2.826.0.1.3680043.2.9.1.1";

    private static IEnumerable<HostileCase> DataTransfer =>
    [
        After("second A-ASSOCIATE-RQ", "PS3.8 table 9-10 Sta6+Evt6 AA-8, unexpected-PDU", Expect.AbortAa8(2), Names("Evt6", "unexpected", "A-ASSOCIATE-RQ"), Rq()),
        After("A-ASSOCIATE-AC on an association", "PS3.8 table 9-10 Sta6+Evt3 AA-8", Expect.AbortAa8(2), Names("Evt3", "unexpected", "A-ASSOCIATE-AC"), Patched(Rq(), 0, 0x02)),
        After("A-ASSOCIATE-RJ on an association", "PS3.8 table 9-10 Sta6+Evt4 AA-8", Expect.AbortAa8(2), Names("Evt4", "unexpected", "A-ASSOCIATE-RJ"), Pdu(0x03, [0, 1, 1, 7])),
        After("A-RELEASE-RP without a request", "PS3.8 table 9-10 Sta6+Evt13 AA-8", Expect.AbortAa8(2), Names("Evt13", "unexpected", "A-RELEASE-RP"), ReleaseRp),
        After("PDU type 0x0A on an association", "PS3.8 table 9-10 Sta6+Evt19 AA-8, unrecognized-PDU", Expect.AbortAa8(1), Names("PDU type", "0x0A"), Pdu(0x0A, new byte[4])),
        After("P-DATA-TF over the negotiated maximum", "PS3.8 D.1 (exceeding it is a protocol error), AA-8", Expect.AbortAa8(), Names("P-DATA", "declares", "maximum"), PData(1, CommandLast, new byte[HostileScp.MaxPdu + 100])),
        After("P-DATA-TF declares 4 GiB", "PS3.8 D.1, AA-8; memory stays bounded", Expect.AbortAa8(), Names("P-DATA", "declares", "maximum"), Pdu(0x04, new byte[64], declaredLength: uint.MaxValue)),
        After("P-DATA-TF with an empty body", "PS3.8 9.3.5 (one or more PDV items), AA-8", Expect.AbortAa8(), Names("P-DATA", "PDV", "declares"), Pdu(0x04, [])),
        After("PDV item length 0", "PS3.8 9.3.5.1 (ID and control header are counted), AA-8", Expect.AbortAa8(), Names("PDV"), Pdu(0x04, Pdv(1, CommandLast, [0, 0], pdvLength: 0))),
        After("PDV item length 1", "PS3.8 9.3.5.1, AA-8", Expect.AbortAa8(), Names("PDV"), Pdu(0x04, Pdv(1, CommandLast, [0, 0], pdvLength: 1))),
        After("PDV item longer than its PDU", "PS3.8 9.3.5.1, AA-8", Expect.AbortAa8(), Names("PDV"), Pdu(0x04, Pdv(1, CommandLast, Echo(), pdvLength: 5000))),
        After("PDV control header with reserved bits", "PS3.8 E.2 (bits 2-7 always 0)", Expect.AbortAa8(), Names("control header", "reserved"), PData(1, 0x07, Echo())),
        After("PDV for a presentation context never proposed", "PS3.8 9.3.5.1 / 7.1.1.13 (only negotiated contexts)", Expect.Abort(), Names("presentation context", "context"), PData(9, CommandLast, Echo())),
        After("PDV for a presentation context that was rejected", "PS3.8 7.1.1.13 (only accepted contexts carry data)", Expect.Abort(), Names("presentation context", "context"), PData(11, CommandLast, Echo())),
        After("data PDV before any command", "PS3.8 E.2 / PS3.7 6.3.1 (command first)", Expect.Abort(), Names("data", "command"), PData(3, DataLast, Image(Instance))),
        After("command fragments on two presentation contexts", "PS3.8 E.2 (a message stays on one context)", Expect.Abort(), Names("context", "fragment"), PData(1, CommandMore, Echo()[..20]), PData(3, CommandLast, Echo()[20..])),
        After("command fragment followed by a data PDV", "PS3.8 E.2 (command complete before data)", Expect.Abort(), Names("command", "data"), PData(1, CommandMore, Echo()[..20]), PData(1, DataLast, [1, 2])),
        After("peer closes inside a P-DATA-TF", "PS3.8 table 9-10 Sta6+Evt17 AA-4", Expect.Closed, Names("closed", "inside"), PData(1, CommandLast, Echo())[..15]) with { HalfClose = true },
        After("peer aborts in the middle of a C-STORE data set", "PS3.8 AA-3; nothing stored", Expect.Closed, Names("abort"), PData(3, CommandLast, Store(1, SecondaryCapture, Instance)), PData(3, DataMore, Image(Instance)[..30]), Abort()),
        After("A-RELEASE-RQ in the middle of a C-STORE data set", "PS3.8 table 9-10 Sta6+Evt12; nothing stored", Expect.ReleaseOrAbort, [], PData(3, CommandLast, Store(1, SecondaryCapture, Instance)), PData(3, DataMore, Image(Instance)[..30]), ReleaseRq),
        After("A-RELEASE-RQ with reserved bytes set", "PS3.8 9.3.6 (reserved: not tested)", Expect.ReleaseResponse, [], Pdu(0x05, [0xDE, 0xAD, 0xBE, 0xEF])),
        After("A-RELEASE-RQ of 8 bytes", "PS3.8 9.3.6 (length 4), AA-8", Expect.AbortAa8(), Names("A-RELEASE-RQ", "ReleaseRequest", "declares"), Pdu(0x05, new byte[8])),
        After("A-ABORT of 2 bytes on an association", "PS3.8 9.3.8 (length 4), Evt19 AA-8", Expect.AbortAa8(), Names("Abort", "declares"), Pdu(0x07, [0, 0])),
    ];

    private static IEnumerable<HostileCase> Dimse =>
    [
        After("command set of random bytes", "PS3.7 6.3.1 / E.1 (a command set must decode)", Expect.Abort(), Names("command"), PData(1, CommandLast, [0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00, 0x12, 0x34, 0x56])),
        After("command set element longer than the command", "PS3.7 E.1", Expect.Abort(), Names("command"), PData(1, CommandLast, Element(0, CommandField, US(0x30), declaredLength: 0x1000))),
        After("empty command set", "PS3.7 E.1 (Command Field and Message ID required)", Expect.Abort(), Names("command"), PData(1, CommandLast, [])),
        After("C-ECHO-RQ without Message ID", "PS3.7 9.3.5.1 (Message ID required; nothing to answer to)", Expect.Abort(), Names("Message ID", "0110"), PData(1, CommandLast, Command(Element(0, AffectedSopClass, Text(Verification)), Element(0, CommandField, US(0x30)), Element(0, DataSetType, US(NoDataSet))))),
        After("unknown Command Field 0x0FF0", "PS3.7 C.5.x 0211H unrecognized operation; issue defect", Expect.Failure(0x0211), Names("Command Field", "0x0FF0"), PData(1, CommandLast, Command(Element(0, CommandField, US(0x0FF0)), Element(0, MessageId, US(1)), Element(0, DataSetType, US(NoDataSet))))),
        After("C-STORE-RQ without Affected SOP Instance UID", "PS3.7 9.3.1.1 (required), C failure status; issue defect", Expect.Failure(), Names("SOP Instance", "1000"), PData(3, CommandLast, Store(1, SecondaryCapture, null)), PData(3, DataLast, Image(Instance))),
        After("C-STORE-RQ without Affected SOP Class UID", "PS3.7 9.3.1.1 (required), C failure status; issue defect", Expect.Failure(), Names("SOP Class", "0002"), PData(3, CommandLast, Store(1, null, Instance)), PData(3, DataLast, Image(Instance))),
        After("C-STORE-RQ announcing no data set", "PS3.7 9.3.1.1 (a data set is required)", Expect.FailureOrAbort, Names("data set"), PData(3, CommandLast, Store(1, SecondaryCapture, Instance, dataSetType: NoDataSet))),
        After("C-ECHO-RQ announcing a data set, then another command", "PS3.7 9.3.5.1 (no data set) / E.2", Expect.FailureOrAbort, Names("data set", "command"), PData(1, CommandLast, Echo(1, dataSetType: 0x0000)), PData(1, CommandLast, Echo(2))),
        After("unsolicited C-ECHO-RSP", "PS3.7 9.1.5 (a response to no request is ignored)", Expect.Ignored, Names("not outstanding", "ignored"), PData(1, CommandLast, Command(Element(0, AffectedSopClass, Text(Verification)), Element(0, CommandField, US(0x8030)), Element(0, 0x0120, US(77)), Element(0, DataSetType, US(NoDataSet)), Element(0, 0x0900, US(0))))),
        After("C-STORE data set truncated inside an element", "PS3.4 B.2.3 failure (C000 cannot understand); nothing stored", Expect.Failure(), Names("data set", "truncated", "SOP Instance"), PData(3, CommandLast, Store(1, SecondaryCapture, Instance)), PData(3, DataLast, Image(Instance)[..^3])),
        After("C-FIND-RQ with an identifier of garbage", "PS3.4 C.4.1.1.4 / PS3.7 C failure (A900 or Cxxx)", Expect.Failure(), Names("identifier", "C-FIND"), PData(5, CommandLast, Find(1, StudyRootFind)), PData(5, DataLast, [0x08, 0x00, 0x52, 0x00, 0xFF, 0xFF, 0xFF, 0x7F, 0x41])),
        After("C-FIND-RQ on the Verification context", "PS3.7 9.1.2.1 (SOP class of the context), failure 0122H or A-ABORT", Expect.FailureOrAbort, Names("SOP class", "context"), PData(1, CommandLast, Find(1, StudyRootFind)), PData(1, DataLast, StudyQuery())),
        After("C-STORE-RQ on the C-FIND context", "PS3.7 9.1.1.1 (SOP class of the context), failure or A-ABORT", Expect.FailureOrAbort, Names("SOP class", "context"), PData(5, CommandLast, Store(1, SecondaryCapture, Instance)), PData(5, DataLast, Image(Instance))),
    ];
}
