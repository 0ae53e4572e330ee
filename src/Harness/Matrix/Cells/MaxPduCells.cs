using Conformance.Harness.Peers;
using System.Net;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// Maximum PDU length (PS3.8 D.1): both ends announce <see cref="MaxPdu"/> (0: unlimited, only between our
/// SCU and SCP), objects are stored through a <see cref="PduTap"/>, and no P-DATA-TF may be longer than what
/// its receiver announced. The SUT is the SCU (towards storescp --max-pdu, or our SCP for unlimited) or the
/// SCP (storescu --max-pdu towards it).
/// </summary>
public sealed record MaxPdu(uint Limit, bool SutIsScp) : CaseVariant(Limit == 0 ? "max-pdu-unlimited" : $"max-pdu-{Limit}")
{
    public override string? TransferSyntax => SyntaxCase.ExplicitLittle.Uid;

    public override async Task<CellVerdict> RunAsync(CellContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = context.Corpus.InSyntax(SyntaxCase.ExplicitLittle);
        var received = context.Folder("received");
        PduTap tap;
        if (SutIsScp)
        {
            var scp = await context.StartScpAsync(SutScpKind.Storage, cancellationToken, r => r with { MaxPdu = Limit }).ConfigureAwait(false);
            var toolbox = await CellKit.ToolboxAsync(context, PeerTool.StoreScu, cancellationToken).ConfigureAwait(false);
            tap = CellKit.TapInFront(context, scp);
            var result = await CellKit.RunAsync(context, toolbox, new ToolCommand("storescu",
                ["-v", "--max-pdu", CellKit.Port((int)Limit), "-aet", "STORESCU", "-aec", scp.AeTitle, context.Topology.OurAddressForPeers, CellKit.Port(tap.Port),
                 .. files.Select(context.InContainer)], new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
            JudgeWire(tap);
            Expect.That(result.Succeeded, $"storescu --max-pdu {Limit}: {CellKit.Tail(result.Output)}");
            ObjectCheck.SameObjects(files, CellKit.StoredBy(scp, context.Sut.Name), "the SUT's SCP");
        }
        else
        {
            var (host, port, stored) = await ReceiverAsync(context, received, cancellationToken).ConfigureAwait(false);
            tap = PduTap.Start(IPAddress.Loopback, host, port);
            context.Own(tap);
            var call = new ScuCall { Host = "127.0.0.1", Port = tap.Port, CalledAe = Limit == 0 ? "OURSCP" : StoreScpSetup.Default.AeTitle, WorkDirectory = context.WorkDirectory, MaxPdu = Limit };
            var run = await context.Sut.Scu.StoreAsync(call, files, cancellationToken).ConfigureAwait(false);
            JudgeWire(tap);
            Expect.That(run.AllSucceeded, $"C-STORE with a {Describe()}: {run.Describe()}");
            ObjectCheck.SameObjects(files, stored(), Limit == 0 ? "our SCP" : "storescp");
        }

        return Judge(tap);
    }

    /// <summary>What was on the wire comes first: a broken fragment or command is the cause of whatever failed after it.</summary>
    private void JudgeWire(PduTap tap)
    {
        var violations = tap.Violations();
        Expect.That(violations.Count == 0, string.Join("; ", violations));
        var request = tap.Associate(1, fromRequestor: true);
        var accept = tap.Associate(1, fromRequestor: false);
        Expect.That(request?.MaxLength == Limit && accept?.MaxLength == Limit,
            $"both ends should announce {Describe()}: requestor {request?.MaxLength}, acceptor {accept?.MaxLength}");
    }

    private CellVerdict Judge(PduTap tap)
    {
        var largest = tap.LargestDataTransfer(fromRequestor: true);
        Expect.That(Limit == 0 ? largest > 131072 : largest > Limit / 2,
            $"the sender's largest P-DATA-TF was {largest} bytes: it did not use the {Describe()} it was given");
        return CellVerdict.Pass($"largest P-DATA-TF {largest} bytes, none over the negotiated {Describe()}");
    }

    /// <summary>storescp --max-pdu, or (unlimited) our own SCP announcing 0; returns where it listens and what it stored.</summary>
    private async Task<(string Host, int Port, Func<IReadOnlyDictionary<string, string>> Stored)> ReceiverAsync(CellContext context, string folder, CancellationToken cancellationToken)
    {
        if (Limit != 0)
        {
            var storescp = context.Touch(await context.Stage.StoreScpAsync(StoreScpSetup.WithMaxPdu((int)Limit), cancellationToken).ConfigureAwait(false));
            storescp.ClearReceived();
            var endpoint = storescp.OurSideEndpoint;
            return (endpoint.Host, endpoint.Port, () => StoredFileIndex.ByInstanceUid(storescp.OutputDirectory!));
        }

        if (context.Sut.Name != Sut.Ours.OursSut.SutName)
        {
            throw new NotApplicableException("an unlimited maximum PDU is a case between our SCU and our SCP");
        }

        var server = await DicomServer.StartAsync(new DicomServerOptions { AeTitle = "OURSCP", Storage = new DiskInstanceStorage(folder), MaxPduLength = 0 }, cancellationToken).ConfigureAwait(false);
        context.Own(server);
        return ("127.0.0.1", server.Port, () => StoredFileIndex.ByInstanceUid(folder));
    }

    private string Describe() => Limit == 0 ? "unlimited maximum PDU" : $"maximum PDU of {Limit}";
}
