using System.Buffers.Binary;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>The response the standard requires for one malformed input, checked on what came off the wire.</summary>
internal abstract record Expect(string Describe)
{
    /// <summary>Whether the association must still serve afterwards (a C-ECHO on it is answered).</summary>
    public virtual bool AssociationContinues => false;

    /// <summary>Null when <paramref name="outcome"/> is what the standard requires, else what differs.</summary>
    public abstract string? Check(Outcome outcome, ushort messageId);

    public sealed override string ToString() => Describe;

    /// <summary>A-ABORT; source (0 service-user, 2 service-provider) and reason (PS3.8 9.3.8) where the table fixes them.</summary>
    public static Expect Abort(byte? source = null, byte? reason = null) => new AbortExpect(source, reason);

    /// <summary>AA-1: Sta2 answers an invalid or unexpected PDU with A-ABORT, service-user source (PS3.8 table 9-10).</summary>
    public static Expect AbortAa1 => new AbortExpect(0, null);

    /// <summary>AA-8: an invalid or unexpected PDU on an association is answered by A-ABORT, service-provider source.</summary>
    public static Expect AbortAa8(byte? reason = null) => new AbortExpect(2, reason);

    public static Expect Reject(byte result, byte source, byte reason) => new RejectExpect(result, source, reason);

    /// <summary>Refused at negotiation, by A-ASSOCIATE-RJ or A-ABORT (where the standard does not pick one), never accepted.</summary>
    public static Expect Refused => new RefusedExpect();

    public static Expect Accepted => new ContextExpect("A-ASSOCIATE-AC", null, null);

    public static Expect ContextResult(byte id, byte result) => new ContextExpect($"A-ASSOCIATE-AC, context {id} result {result}", id, r => r == result);

    /// <summary>The context is not accepted: refused outright, or answered with a result other than 0 (PS3.8 9.3.3.2).</summary>
    public static Expect ContextNotAccepted(byte id) => new ContextNotAcceptedExpect(id);

    public static Expect DistinctContextAnswers => new DistinctAnswersExpect();

    /// <summary>A DIMSE response to our message with a failure status (PS3.7 C), exactly <paramref name="status"/> if given.</summary>
    public static Expect Failure(ushort? status = null) => new StatusExpect(status, AllowAbort: false);

    /// <summary>Either a failure response or A-ABORT: the command cannot be answered reliably, but must not be ignored.</summary>
    public static Expect FailureOrAbort => new StatusExpect(null, AllowAbort: true);

    public static Expect ReleaseResponse => new ContextExpect("A-RELEASE-RP", null, null, 0x06);

    /// <summary>A-RELEASE-RP or A-ABORT: the association ends either way (an incomplete message is discarded, not processed).</summary>
    public static Expect ReleaseOrAbort => new ReleaseOrAbortExpect();

    /// <summary>The SCP closes without answering (the peer closed or aborted first: AA-2, AA-3, AA-4).</summary>
    public static Expect Closed => new ClosedExpect();

    /// <summary>Nothing decisive: the input is ignored and the association goes on (checked with a C-ECHO on it).</summary>
    public static Expect Ignored => new IgnoredExpect();

    private sealed record AbortExpect(byte? Source, byte? Reason)
        : Expect($"A-ABORT{(Source is { } s ? $" source {s}" : "")}{(Reason is { } r ? $" reason {r}" : "")}")
    {
        public override string? Check(Outcome outcome, ushort messageId) =>
            outcome.First(0x07) is not { Body.Length: 4 } abort ? $"no A-ABORT: {outcome}"
            : Source is { } s && abort.Body[2] != s ? $"A-ABORT source {abort.Body[2]}, expected {s}"
            : Reason is { } r && abort.Body[3] != r ? $"A-ABORT reason {abort.Body[3]}, expected {r}"
            : null;
    }

    private sealed record RejectExpect(byte Result, byte Source, byte Reason) : Expect($"A-ASSOCIATE-RJ ({Result}, {Source}, {Reason})")
    {
        public override string? Check(Outcome outcome, ushort messageId) =>
            outcome.First(0x03) is not { Body.Length: 4 } rj ? $"no A-ASSOCIATE-RJ: {outcome}"
            : (rj.Body[1], rj.Body[2], rj.Body[3]) != (Result, Source, Reason) ? $"A-ASSOCIATE-RJ ({rj.Body[1]}, {rj.Body[2]}, {rj.Body[3]})"
            : null;
    }

    private sealed record RefusedExpect() : Expect("A-ASSOCIATE-RJ or A-ABORT")
    {
        public override string? Check(Outcome outcome, ushort messageId) =>
            outcome.First(0x02) is not null || (outcome.First(0x03) is null && outcome.First(0x07) is null) ? $"not refused: {outcome}" : null;
    }

    private sealed record ContextExpect(string Text, byte? Id, Func<byte, bool>? Result, byte Type = 0x02) : Expect(Text)
    {
        public override string? Check(Outcome outcome, ushort messageId) =>
            outcome.First(Type) is not { } pdu ? $"no PDU 0x{Type:X2}: {outcome}"
            : Id is { } id && ContextResults(pdu).FirstOrDefault(c => c.Id == id) is var found && (found.Id != id || !Result!(found.Result))
                ? $"context {id} answered {(found.Id == id ? found.Result.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not at all")}"
            : null;
    }

    private sealed record ContextNotAcceptedExpect(byte Id) : Expect($"context {Id} not accepted (refusal or result != 0)")
    {
        public override string? Check(Outcome outcome, ushort messageId) =>
            outcome.First(0x02) is not { } ac ? (outcome.First(0x03) ?? outcome.First(0x07)) is null ? $"no answer: {outcome}" : null
            : ContextResults(ac).Where(c => c.Id == Id).ToList() is [var only] && only.Result != 0 ? null
            : $"context {Id} answered [{string.Join(",", ContextResults(ac).Where(c => c.Id == Id).Select(c => c.Result))}]";
    }

    private sealed record DistinctAnswersExpect() : Expect("each presentation context ID answered once (or refused)")
    {
        public override string? Check(Outcome outcome, ushort messageId) =>
            outcome.First(0x02) is not { } ac ? (outcome.First(0x03) ?? outcome.First(0x07)) is null ? $"no answer: {outcome}" : null
            : ContextResults(ac).GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1) is { } twice ? $"context {twice.Key} answered {twice.Count()} times" : null;
    }

    private sealed record StatusExpect(ushort? Status, bool AllowAbort)
        : Expect((Status is { } s ? $"failure status 0x{s:X4}" : "a failure status") + (AllowAbort ? " or A-ABORT" : ""))
    {
        public override string? Check(Outcome outcome, ushort messageId)
        {
            if (AllowAbort && outcome.First(0x07) is not null)
            {
                return null;
            }

            return DimseReply.From(outcome) is not { } reply ? $"no DIMSE response: {outcome}"
                : reply.RespondingTo != messageId || !reply.IsFailure || (Status is { } s && reply.Status != s) ? $"got {reply}"
                : null;
        }
    }

    private sealed record ReleaseOrAbortExpect() : Expect("A-RELEASE-RP or A-ABORT")
    {
        public override string? Check(Outcome outcome, ushort messageId) => (outcome.First(0x06) ?? outcome.First(0x07)) is null ? $"got {outcome}" : null;
    }

    private sealed record ClosedExpect() : Expect("closed without an answer")
    {
        public override string? Check(Outcome outcome, ushort messageId) => outcome.Closed && outcome.Pdus.Count == 0 ? null : $"got {outcome}";
    }

    private sealed record IgnoredExpect() : Expect("ignored; the association goes on")
    {
        public override bool AssociationContinues => true;

        public override string? Check(Outcome outcome, ushort messageId) => outcome.Closed || outcome.First(0x07) is not null ? $"association ended: {outcome}" : null;
    }

    /// <summary>(ID, result) of each presentation context item (0x21) in an A-ASSOCIATE-AC body.</summary>
    private static List<(byte Id, byte Result)> ContextResults(WirePdu ac)
    {
        var results = new List<(byte, byte)>();
        for (var at = 68; at + 4 <= ac.Body.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(ac.Body.AsSpan(at + 2));
            if (ac.Body[at] == 0x21 && at + 8 <= ac.Body.Length)
            {
                results.Add((ac.Body[at + 4], ac.Body[at + 6]));
            }

            at += 4 + length;
        }

        return results;
    }
}
