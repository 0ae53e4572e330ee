using Conformance.Dicom.Query;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>Where a C-MOVE sends its sub-operations in a case.</summary>
public enum MoveTarget
{
    /// <summary>Our SCP (the stage's <see cref="OurDestination"/>), or the peer's own storage SCP when the SUT is the C-MOVE SCP.</summary>
    Known,

    /// <summary>The stage's containerised storescp.</summary>
    StoreScp,

    /// <summary>An AE title the C-MOVE SCP does not know: PS3.4 C.4.2.1.4 requires 0xA801 and no sub-operations.</summary>
    Unknown,
}

/// <summary>
/// What a C-MOVE/C-GET case retrieves and expects: a study (or, at PATIENT level, a patient) of the query
/// corpus; the fragile patient's study, one of whose files the SCP has lost, ends in a correct final response
/// with the Failed SOP Instance UID List (PS3.4 C.4.2.1.5, C.4.3.1.3).
/// </summary>
public sealed record RetrieveScenario(string Name, QueryModel Model, QueryLevel Level, string Patient, MoveTarget Target = MoveTarget.Known)
{
    public const string UnknownAe = "NOSUCHAE";

    public bool Fragile => Patient == QueryCorpus.FragilePatient;

    public static RetrieveScenario Study(MoveTarget target = MoveTarget.Known, string suffix = "") =>
        new("study-root.study" + suffix, QueryModel.StudyRoot, QueryLevel.Study, QueryCorpus.LatinPatient, target);

    public static RetrieveScenario PatientLevel { get; } = new("patient-root.patient", QueryModel.PatientRoot, QueryLevel.Patient, QueryCorpus.Utf8Patient);

    public static RetrieveScenario UnknownDestination { get; } = new("unknown-destination", QueryModel.StudyRoot, QueryLevel.Study, QueryCorpus.LatinPatient, MoveTarget.Unknown);

    public static RetrieveScenario FailedSubOperation { get; } = new("failed-sub-operation", QueryModel.StudyRoot, QueryLevel.Study, QueryCorpus.FragilePatient);

    public QuerySpec Spec(QueryCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Level == QueryLevel.Patient
            ? new QuerySpec(Model, Level, [new QueryKeyValue("PatientID", Patient)])
            : new QuerySpec(Model, Level, [new QueryKeyValue("StudyInstanceUID", corpus.FirstStudyOf(Patient))]);
    }

    /// <summary>The corpus files the retrieve covers.</summary>
    public IReadOnlyList<string> Objects(QueryCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var instances = Level == QueryLevel.Patient ? corpus.OfPatient(Patient) : corpus.OfStudy(corpus.FirstStudyOf(Patient));
        return instances.Select(i => i.Path).ToList();
    }

    /// <summary>Checks the final response (status, counts, failed UID list) against the scenario; returns the files that must have arrived.</summary>
    public IReadOnlyList<string> CheckFinal(QueryCorpus corpus, ushort? status, RetrieveCounts? counts, IReadOnlyList<string> failedUids, string who)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(failedUids);
        var objects = Objects(corpus);
        if (Target == MoveTarget.Unknown)
        {
            Expect.Status(0xA801, status, $"{who}: final response for the unknown destination {UnknownAe}");
            Expect.That(counts is null || counts.Completed == 0, $"{who}: {counts?.Completed} sub-operations completed towards an unknown destination");
            return [];
        }

        if (!Fragile)
        {
            Expect.Status(0x0000, status, $"{who}: final response");
            Expect.That(counts is null || (counts.Completed == objects.Count && counts.Failed == 0 && counts.Warning == 0),
                $"{who}: completed {counts?.Completed} failed {counts?.Failed} warning {counts?.Warning}; expected {objects.Count} completed");
            return objects;
        }

        var lost = TopologyStage.FragileUid(corpusOf: corpus);
        Expect.Status(0xB000, status, $"{who}: final response after one failed sub-operation (PS3.4: sub-operations complete, one or more failures)");
        Expect.That(counts is not null && counts.Completed == objects.Count - 1 && counts.Failed == 1,
            $"{who}: completed {counts?.Completed} failed {counts?.Failed}; expected {objects.Count - 1} and 1");
        Expect.SameSet([lost], failedUids, $"{who}: Failed SOP Instance UID List");
        return objects.Where(o => corpus.Instances.First(i => i.Path == o)["SOPInstanceUID"] != lost).ToList();
    }

    public override string ToString() => Name;
}
