using Conformance.Harness.Matrix.Cells;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Peers;

namespace Conformance.Harness.Matrix.Catalog;

/// <summary>The C-FIND, C-MOVE and C-GET cells, both roles, with DCMTK, GDCM and Orthanc.</summary>
public static class QueryRetrieveCells
{
    /// <summary>Seen with DCMTK 3.6.7: a multi-valued key other than a UID list (Modality CT\MR) matches nothing in dcmqrscp.</summary>
    public const string DcmqrscpNoListMatching = "dcmqrscp matches a multi-valued key other than a UID list (Modality CT\\MR) against nothing: it does not implement list matching, so this query cannot judge the SUT";

    public static IEnumerable<CellSpec> Find()
    {
        foreach (var archive in new[] { PeerTool.Dcmqrscp, PeerTool.Orthanc })
        {
            foreach (var query in QueryCases.All)
            {
                var unsupported = archive == PeerTool.Dcmqrscp && query == QueryCases.StudySeriesList ? DcmqrscpNoListMatching : null;
                yield return new(Services.Find, SutRoles.Scu, archive, new FindAtArchive(archive, query, unsupported));
            }
        }

        foreach (var query in QueryCases.All)
        {
            yield return new(Services.Find, SutRoles.Scp, PeerTool.FindScu, new FindFromFindScu(query));
        }

        yield return new(Services.Find, SutRoles.Scp, PeerTool.GdcmScu, new FindFromGdcm(QueryCases.StudyWildcard));
        yield return new(Services.Find, SutRoles.Scp, PeerTool.GdcmScu, new FindFromGdcm(QueryCases.PatientSingle));
        yield return new(Services.Find, SutRoles.Scp, PeerTool.Orthanc, new FindFromOrthanc(QueryCases.StudyWildcard));
        yield return new(Services.Find, SutRoles.Scp, PeerTool.Orthanc, new FindFromOrthanc(QueryCases.PatientStudyRange));
    }

    public static IEnumerable<CellSpec> Move()
    {
        foreach (var archive in new[] { PeerTool.Dcmqrscp, PeerTool.Orthanc })
        {
            yield return new(Services.Move, SutRoles.Scu, archive, new MoveAtArchive(archive, RetrieveScenario.Study(MoveTarget.Known, ".dest-ours")));
            yield return new(Services.Move, SutRoles.Scu, archive, new MoveAtArchive(archive, RetrieveScenario.Study(MoveTarget.StoreScp, ".dest-storescp")));
            yield return new(Services.Move, SutRoles.Scu, archive, new MoveAtArchive(archive, RetrieveScenario.PatientLevel));
            yield return new(Services.Move, SutRoles.Scu, archive, new MoveAtArchive(archive, RetrieveScenario.UnknownDestination));
        }

        yield return new(Services.Move, SutRoles.Scu, PeerTool.Dcmqrscp, new MoveAtArchive(PeerTool.Dcmqrscp, RetrieveScenario.FailedSubOperation));
        foreach (var scenario in new[] { RetrieveScenario.Study(), RetrieveScenario.PatientLevel, RetrieveScenario.UnknownDestination, RetrieveScenario.FailedSubOperation })
        {
            yield return new(Services.Move, SutRoles.Scp, PeerTool.MoveScu, new MoveFromMoveScu(scenario));
        }

        yield return new(Services.Move, SutRoles.Scp, PeerTool.GdcmScu, new MoveFromGdcm(RetrieveScenario.Study()));
        yield return new(Services.Move, SutRoles.Scp, PeerTool.Orthanc, new MoveFromOrthanc());
    }

    public static IEnumerable<CellSpec> Get()
    {
        foreach (var scenario in new[] { RetrieveScenario.Study(), RetrieveScenario.PatientLevel, RetrieveScenario.FailedSubOperation })
        {
            yield return new(Services.Get, SutRoles.Scu, PeerTool.Dcmqrscp, new GetAtArchive(PeerTool.Dcmqrscp, scenario));
        }

        yield return new(Services.Get, SutRoles.Scu, PeerTool.Orthanc, new GetAtArchive(PeerTool.Orthanc, RetrieveScenario.Study()));
        foreach (var scenario in new[] { RetrieveScenario.Study(), RetrieveScenario.FailedSubOperation })
        {
            yield return new(Services.Get, SutRoles.Scp, PeerTool.GetScu, new GetFromGetScu(scenario));
        }

        yield return new(Services.Get, SutRoles.Scp, PeerTool.GdcmScu, new GetFromGdcm(RetrieveScenario.Study()));
        yield return new(Services.Get, SutRoles.Scp, PeerTool.Orthanc, new GetFromOrthanc());
    }
}
