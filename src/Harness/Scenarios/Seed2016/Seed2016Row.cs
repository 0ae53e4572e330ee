using System.Globalization;
using Conformance.Budgets;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>One exchange of the 2016 scenario under one setting on one topology: what was measured and judged, or why it could not be.</summary>
public sealed record Seed2016Row(string Topology, FixSetting Setting, string Exchange, int Images, ExchangeMeasurement? Measurement, BudgetVerdict? Verdict, string? Error)
{
    /// <summary>The C-MOVE SCU whose storage SCP received the sub-operations; null for the C-STORE row.</summary>
    public MoveScuKind? Scu { get; init; }

    /// <summary>The C-MOVE SCP that sent them; null for the C-STORE row.</summary>
    public MoveScpKind? Scp { get; init; }

    /// <summary>A catalogued peer defect the SCU tool showed (see <see cref="ToolDefect"/>).</summary>
    public ToolDefect? Defect { get; init; }

    /// <summary>Who is at fault for the verdict (<see cref="Seed2016Attribution"/>); null where nothing was attributed.</summary>
    public AttributedVerdict? Attribution { get; init; }

    /// <summary>The row's outcome: the attributed one, else the verdict's.</summary>
    public BudgetAttribution? Outcome => Attribution?.Outcome ?? Verdict?.Kind switch
    {
        BudgetVerdictKind.Pass => BudgetAttribution.Pass,
        BudgetVerdictKind.Fail => BudgetAttribution.Fail,
        BudgetVerdictKind.NoVerdict => BudgetAttribution.NoVerdict,
        _ => null,
    };

    /// <summary>Whether every image's sub-operation (or C-STORE) was seen on the wire.</summary>
    public bool Complete => Measurement is not null && Measurement.Operations.Count == Images;

    /// <summary>
    /// From the capture at the destination: how long the receiver took to answer after each request's last byte,
    /// against the whole sub-operation ("the receiver's turn: p50 9.8 of 12.9 ms per sub-operation"); null without one.
    /// </summary>
    public string? ReceiverTurn()
    {
        var answers = Measurement?.Timeline.Answers ?? [];
        return answers.Count == 0 || Measurement!.Operations.Count == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"the capture: the receiver's turn after each request's last byte p50 {Percentile.Of(answers, 0.50).TotalMilliseconds:F1} ms, of p50 {Percentile.Of(Measurement.Operations, 0.50).TotalMilliseconds:F1} ms per operation");
    }

    /// <summary>"4.71 s, 47.1 ms/image, FAIL nagle-delayed-ack 98/100", "peer-defect gdcm-...: 0 of 100 sub-operations" or what went wrong.</summary>
    public string Cell()
    {
        if (Error is not null)
        {
            return "error (see below)";
        }

        var operations = Measurement!.Operations;
        if (!Complete)
        {
            return Defect is null
                ? string.Create(CultureInfo.InvariantCulture, $"incomplete: {operations.Count} of {Images} sub-operations seen")
                : string.Create(CultureInfo.InvariantCulture, $"peer-defect {Defect.Id}: {operations.Count} of {Images} sub-operations");
        }

        var total = operations.Sum(o => o.TotalSeconds);
        var perImage = Percentile.Of(operations, 0.50).TotalMilliseconds;
        var verdict = Outcome switch
        {
            BudgetAttribution.Fail => $"FAIL {Verdict!.Signature.Key()} {Verdict.StalledOperations}/{Verdict.Operations}",
            BudgetAttribution.PeerDefect => $"peer-defect {Verdict!.Signature.Key()} {Verdict.StalledOperations}/{Verdict.Operations}",
            BudgetAttribution.Pass => "pass",
            _ => "no verdict",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{total:F2} s, {perImage:F1} ms/image, {verdict}");
    }
}
