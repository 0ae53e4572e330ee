using static Conformance.Unit.Tests.Hostile.HostileCase;
using static Conformance.Unit.Tests.Hostile.Wire;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>
/// The malformed-input catalogue: PDU framing and association negotiation (this file), data transfer and
/// DIMSE (HostileCatalogue.Dimse.cs). Each row names its clause of PS3.8 / PS3.7 and the answer it requires.
/// </summary>
internal static partial class HostileCatalogue
{
    private const string Called = HostileScp.AeTitle;

    /// <summary>Offset of the first item (the application context) in an A-ASSOCIATE-RQ PDU: 6 + 68.</summary>
    private const int FirstItem = 74;

    /// <summary>Offset of the first presentation context item after our 21-character application context name.</summary>
    private const int FirstContext = FirstItem + 4 + 21;

    public static IEnumerable<HostileCase> All => Framing.Concat(Negotiation).Concat(Unassociated).Concat(DataTransfer).Concat(Dimse);

    public static HostileCase Named(string name) => All.Single(c => c.Name == name);

    private static string[] Names(params string[] words) => words;

    private static byte[] Rq() => AssociateRq(Called);

    private static byte[] Patched(byte[] pdu, int offset, params byte[] bytes)
    {
        var copy = (byte[])pdu.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    private static byte[] RqWithItems(params byte[][] items) => Pdu(0x01, AssociateRqBody(Called, "HOSTILE-SCU", Concat(items)));

    private static IEnumerable<HostileCase> Framing =>
    [
        Before("PDU type 0x08 (unknown)", "PS3.8 9.3.1, table 9-10 Sta2+Evt19 AA-1", Expect.AbortAa1, Names("PDU type", "0x08"), Pdu(0x08, new byte[4])),
        Before("PDU type 0x00", "PS3.8 9.3.1, AA-1", Expect.AbortAa1, Names("PDU type", "0x00"), Pdu(0x00, new byte[4])),
        Before("PDU type 0xFF", "PS3.8 9.3.1, AA-1", Expect.AbortAa1, Names("PDU type", "0xFF"), Pdu(0xFF, new byte[4])),
        Before("reserved byte of the PDU header set", "PS3.8 9.3.2 (reserved: not tested on receipt)", Expect.Accepted, [], Patched(Rq(), 1, 0xFF)),
        Before("reserved bytes after the protocol version set", "PS3.8 9.3.2 table 9-11", Expect.Accepted, [], Pdu(0x01, AssociateRqBody(Called, "HOSTILE-SCU", Concat(ApplicationContext(), StandardContexts(), DefaultUserInfo()), reservedFill: 0xAA))),
        Before("A-ASSOCIATE-RQ shorter than its fixed fields", "PS3.8 9.3.2, AA-1", Expect.AbortAa1, Names("length", "bytes"), Pdu(0x01, new byte[10])),
        Before("A-ASSOCIATE-RQ declares 4 GiB", "PS3.8 9.3.2, AA-1; memory stays bounded", Expect.AbortAa1, Names("length", "declares"), Pdu(0x01, new byte[100], declaredLength: uint.MaxValue)),
        Before("A-ASSOCIATE-RQ declares 2 MiB", "PS3.8 9.3.2, AA-1; over our bound on association PDUs", Expect.AbortAa1, Names("length", "declares"), Pdu(0x01, new byte[100], declaredLength: 2 * 1024 * 1024)),
        Before("A-ASSOCIATE-RQ truncated, then the peer closes", "PS3.8 table 9-10 Sta2+Evt17 AA-5", Expect.Closed, Names("closed", "inside"), Rq()[..40]) with { HalfClose = true },
        Before("three bytes, then the peer closes", "PS3.8 table 9-10 Sta2+Evt17 AA-5", Expect.Closed, Names("closed", "inside"), [0x01, 0x00, 0x00]) with { HalfClose = true },
        Before("application context item longer than the PDU", "PS3.8 9.3.2.1, AA-1", Expect.AbortAa1, Names("item", "length"), Patched(Rq(), FirstItem + 2, 0x00, 0xC8)),
        Before("presentation context item longer than the PDU", "PS3.8 9.3.2.2, AA-1", Expect.AbortAa1, Names("item", "length"), Patched(Rq(), FirstContext + 2, 0xFF, 0xFF)),
        Before("user information item longer than the PDU", "PS3.8 9.3.2.3, AA-1", Expect.AbortAa1, Names("item", "length"), AssociateRq(Called, userInfo: Item(0x50, MaxLength(16384), declaredLength: 0x1000))),
        Before("abstract syntax sub-item longer than its context item", "PS3.8 9.3.2.2.1, AA-1", Expect.AbortAa1, Names("item", "length"), AssociateRq(Called, ContextRaw(1, Item(0x30, Ascii(Verification), declaredLength: 200)))),
        Before("maximum length sub-item of 2 bytes", "PS3.8 D.1 (length fixed at 4), AA-1", Expect.AbortAa1, Names("maximum length", "length"), AssociateRq(Called, userInfo: UserInfo(Item(0x51, [0x40, 0x00])))),
        Before("asynchronous operations window sub-item of 0 bytes", "PS3.7 D.3.3.3 (length 4), AA-1", Expect.AbortAa1, Names("asynchronous", "window", "length"), AssociateRq(Called, userInfo: UserInfo(MaxLength(16384), Item(0x53, [])))),
        Before("role selection UID length beyond its sub-item", "PS3.7 D.3.3.4, AA-1", Expect.AbortAa1, Names("role", "length"), AssociateRq(Called, userInfo: UserInfo(MaxLength(16384), Item(0x54, [0x00, 0x40, .. Ascii("1.2"), 1, 1])))),
        Before("user identity primary field beyond its sub-item", "PS3.7 D.3.3.7, AA-1", Expect.AbortAa1, Names("identity", "length"), AssociateRq(Called, userInfo: UserInfo(MaxLength(16384), Item(0x58, [1, 0, 0x00, 0x50, .. Ascii("ab")])))),
        Before("unknown item type 0x77 among the request's items", "PS3.8 9.3.1 (items of unrecognized types ignored and skipped)", Expect.Accepted, [], RqWithItems(ApplicationContext(), StandardContexts(), Item(0x77, [1, 2, 3]), DefaultUserInfo())),
        Before("unknown sub-item 0x55 inside a presentation context item", "PS3.8 9.3.1 (unrecognized items ignored)", Expect.ContextResult(1, 0), [], AssociateRq(Called, ContextRaw(1, Concat(Item(0x30, Ascii(Verification)), Item(0x55, [9, 9]), Item(0x40, Ascii(ImplicitLe)))))),
        Before("unknown user information sub-item 0x5F", "PS3.8 D.2 note 2 (acceptors ignore unrecognized sub-items)", Expect.Accepted, [], AssociateRq(Called, userInfo: UserInfo(MaxLength(16384), Item(0x52, Ascii("1.2.3")), Item(0x5F, [1, 2])))),
    ];

    private static IEnumerable<HostileCase> Negotiation =>
    [
        Before("protocol version 0", "PS3.8 9.3.4 table 9-21 (1, 2, 2) protocol-version-not-supported", Expect.Reject(1, 2, 2), Names("protocol version"), AssociateRq(Called, version: 0)),
        Before("protocol version 2 (bit 0 clear)", "PS3.8 9.3.2 (bit 0 = version 1)", Expect.Reject(1, 2, 2), Names("protocol version"), AssociateRq(Called, version: 2)),
        Before("protocol version 3 (bit 0 set)", "PS3.8 9.3.2 (bit 0 = version 1 supported)", Expect.Accepted, [], AssociateRq(Called, version: 3)),
        Before("called AE title of spaces only", "PS3.8 9.3.4 table 9-21 (1, 1, 7) called-AE-title-not-recognized", Expect.Reject(1, 1, 7), Names("called AE"), AssociateRq("")),
        Before("called AE title unknown", "PS3.8 9.3.4 table 9-21 (1, 1, 7)", Expect.Reject(1, 1, 7), Names("called AE"), AssociateRq("NOBODY")),
        Before("called AE title with bytes 0xFF", "PS3.5 6.2 AE (no control or non-ASCII characters)", Expect.Reject(1, 1, 7), Names("called AE"), Patched(Rq(), 10, 0xFF, 0xFF)),
        Before("calling AE title of spaces only", "PS3.8 9.3.2 (16 spaces not allowed), table 9-21 (1, 1, 3) calling-AE-title-not-recognized", Expect.Reject(1, 1, 3), Names("calling AE"), AssociateRq(Called, calling: "")),
        Before("calling AE title with control characters", "PS3.5 6.2 AE (no control characters), table 9-21 (1, 1, 3)", Expect.Reject(1, 1, 3), Names("calling AE"), Patched(Rq(), 26, 0x01, 0x1B)),
        Before("calling AE title with bytes 0xFF", "PS3.5 6.2 AE (default repertoire only), table 9-21 (1, 1, 3)", Expect.Reject(1, 1, 3), Names("calling AE"), Patched(Rq(), 26, 0xFF, 0xFF)),
        Before("no application context item", "PS3.8 9.3.2 (one application context item required)", Expect.Refused, Names("application context"), RqWithItems(StandardContexts(), DefaultUserInfo())),
        Before("application context name not DICOM's", "PS3.8 7.1.1.2, application-context-name-not-supported", Expect.Reject(1, 1, 2), Names("application context"), AssociateRq(Called, applicationContext: ApplicationContext("1.2.3.4"))),
        Before("application context name of padding only", "PS3.8 9.3.2.1 (a UID); fuzz finding tests/Fuzz/crashes/pdu", Expect.Refused, Names("application context"), AssociateRq(Called, applicationContext: Item(0x10, Ascii("  ")))),
        Before("no presentation context item", "PS3.8 9.3.2 (one or more presentation context items)", Expect.Refused, Names("presentation context"), AssociateRq(Called, contexts: [])),
        Before("presentation context without abstract syntax", "PS3.8 9.3.2.2 (one abstract syntax sub-item)", Expect.ContextNotAccepted(1), Names("abstract syntax"), AssociateRq(Called, Concat(Context(1, null, ImplicitLe), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("presentation context without transfer syntax", "PS3.8 9.3.2.2 (one or more transfer syntax sub-items)", Expect.ContextNotAccepted(1), Names("transfer syntax"), AssociateRq(Called, Concat(Context(1, Verification), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("abstract syntax UID empty", "PS3.8 9.3.2.2.1, result 3 abstract-syntax-not-supported", Expect.ContextNotAccepted(1), Names("abstract syntax"), AssociateRq(Called, Concat(Context(1, "", ImplicitLe), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("abstract syntax UID with letters", "PS3.5 9.1 (UID: digits and dots), result 3", Expect.ContextNotAccepted(1), Names("abstract syntax", "UID"), AssociateRq(Called, Concat(Context(1, "1.2.abc.4", ImplicitLe), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("abstract syntax UID of 80 characters", "PS3.5 9.1 (at most 64 characters), result 3", Expect.ContextNotAccepted(1), Names("abstract syntax", "UID"), AssociateRq(Called, Concat(Context(1, "1." + new string('2', 78), ImplicitLe), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("transfer syntax unknown", "PS3.8 9.3.3.2, result 4 transfer-syntaxes-not-supported", Expect.ContextResult(1, 4), [], AssociateRq(Called, Concat(Context(1, Verification, "1.2.3.4.5.6"), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("transfer syntax UID of padding only", "PS3.8 9.3.2.2.2 (a UID), result 4", Expect.ContextNotAccepted(1), Names("transfer syntax"), AssociateRq(Called, Concat(Context(1, Verification, "\0\0"), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("even presentation context ID", "PS3.8 9.3.2.2 (IDs are odd integers 1-255)", Expect.ContextNotAccepted(2), Names("odd", "even"), AssociateRq(Called, Concat(Context(2, Verification, ImplicitLe), Context(3, SecondaryCapture, ImplicitLe)))),
        Before("duplicate presentation context ID", "PS3.8 7.1.1.13 (IDs unique); issue defect: answered twice", Expect.DistinctContextAnswers, Names("duplicate", "presentation context"), AssociateRq(Called, Concat(Context(1, Verification, ImplicitLe), Context(1, SecondaryCapture, ImplicitLe)))),
        Before("maximum length 0 (unlimited)", "PS3.8 D.1 (0 = no maximum)", Expect.Accepted, [], AssociateRq(Called, userInfo: UserInfo(MaxLength(0), Item(0x52, Ascii("1.2.3"))))),
        Before("no user information item", "PS3.8 9.3.2 / PS3.7 D.3.3.1 (maximum length sub-item mandatory)", Expect.Refused, Names("user information"), RqWithItems(ApplicationContext(), StandardContexts())),
    ];

    private static IEnumerable<HostileCase> Unassociated =>
    [
        Before("A-ASSOCIATE-AC sent to the acceptor", "PS3.8 table 9-10 Sta2+Evt3 AA-1", Expect.AbortAa1, Names("Evt3", "unexpected", "A-ASSOCIATE-AC"), Patched(Rq(), 0, 0x02)),
        Before("A-ASSOCIATE-RJ sent to the acceptor", "PS3.8 table 9-10 Sta2+Evt4 AA-1", Expect.AbortAa1, Names("Evt4", "unexpected", "A-ASSOCIATE-RJ"), Pdu(0x03, [0, 1, 1, 7])),
        Before("P-DATA-TF before association", "PS3.8 table 9-10 Sta2+Evt10 AA-1", Expect.AbortAa1, Names("Evt10", "unexpected", "P-DATA"), PData(1, CommandLast, WireCommand.Echo())),
        Before("A-RELEASE-RQ before association", "PS3.8 table 9-10 Sta2+Evt12 AA-1", Expect.AbortAa1, Names("Evt12", "unexpected", "A-RELEASE-RQ"), ReleaseRq),
        Before("A-RELEASE-RP before association", "PS3.8 table 9-10 Sta2+Evt13 AA-1", Expect.AbortAa1, Names("Evt13", "unexpected", "A-RELEASE-RP"), ReleaseRp),
        Before("A-ABORT before association", "PS3.8 table 9-10 Sta2+Evt16 AA-2", Expect.Closed, Names("abort"), Abort()),
    ];
}
