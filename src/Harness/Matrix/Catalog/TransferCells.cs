using Conformance.Harness.Matrix.Cells;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers;

namespace Conformance.Harness.Matrix.Catalog;

/// <summary>The C-ECHO and C-STORE cells (issue 7: C-ECHO, C-STORE, transfer syntaxes).</summary>
public static class TransferCells
{
    public static IEnumerable<CellSpec> Echo()
    {
        foreach (var peer in new[] { PeerTool.StoreScp, PeerTool.Dcmqrscp, PeerTool.Orthanc })
        {
            yield return new(Services.Echo, SutRoles.Scu, peer, new EchoToScp(peer));
        }

        foreach (var peer in new[] { PeerTool.EchoScu, PeerTool.GdcmScu, PeerTool.Orthanc })
        {
            yield return new(Services.Echo, SutRoles.Scp, peer, new EchoFromScu(peer));
        }
    }

    public static IEnumerable<CellSpec> Store()
    {
        foreach (var syntax in SyntaxCase.All)
        {
            var receiver = syntax == SyntaxCase.ExplicitLittle ? StoreScpSetup.Default : StoreScpSetup.Accepting(syntax.StoreScpOption);
            yield return new(Services.Store, SutRoles.Scu, PeerTool.StoreScp, new StoreToStoreScp(syntax, receiver, StoreExpectation.ArrivesAsSent));
        }

        yield return new(Services.Store, SutRoles.Scu, PeerTool.StoreScp, new StoreToStoreScp(SyntaxCase.ExplicitLittle, StoreScpSetup.Default, StoreExpectation.ArrivesAsSent, Series: true));
        yield return new(Services.Store, SutRoles.Scu, PeerTool.StoreScp, new StoreToStoreScp(SyntaxCase.JpegBaseline, StoreScpSetup.Default, StoreExpectation.Refused));
        yield return new(Services.Store, SutRoles.Scu, PeerTool.StoreScp, new StoreToStoreScp(SyntaxCase.Deflated, StoreScpSetup.Default, StoreExpectation.Refused));
        yield return new(Services.Store, SutRoles.Scu, PeerTool.StoreScp, new StoreToStoreScp(SyntaxCase.ExplicitBig, StoreScpSetup.Accepting("+xi"), StoreExpectation.ConvertedToImplicit));
        yield return new(Services.Store, SutRoles.Scu, PeerTool.Orthanc, new StoreToOrthanc(SyntaxCase.ExplicitLittle, SyntaxCase.Sc));
        yield return new(Services.Store, SutRoles.Scu, PeerTool.Orthanc, new StoreToOrthanc(SyntaxCase.JpegLossless, SyntaxCase.Ct));

        foreach (var syntax in SyntaxCase.All)
        {
            yield return new(Services.Store, SutRoles.Scp, PeerTool.StoreScu, new StoreFromStoreScu(syntax));
        }

        yield return new(Services.Store, SutRoles.Scp, PeerTool.StoreScu, new StoreFromStoreScu(SyntaxCase.ExplicitLittle, Series: true));
        yield return new(Services.Store, SutRoles.Scp, PeerTool.GdcmScu, new StoreFromGdcm(SyntaxCase.ExplicitLittle));
        yield return new(Services.Store, SutRoles.Scp, PeerTool.Orthanc, new StoreFromOrthanc(SyntaxCase.ExplicitLittle));
    }
}
