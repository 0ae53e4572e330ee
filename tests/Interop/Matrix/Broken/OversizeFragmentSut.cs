using System.Diagnostics;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Pdus;
using Conformance.Harness.Matrix.Wire;
using Conformance.Harness.Sut;

namespace Conformance.Interop.Tests.Matrix.Broken;

/// <summary>
/// Our stack with fragments over the negotiated maximum: a raw-socket SCU built from our PDU types that sends
/// C-STORE data in P-DATA-TF PDUs twice as long as the acceptor announced. Only C-STORE; the SCP is ours.
/// </summary>
internal sealed class OversizeFragmentSut() : OursVariantSut(SutName, "P-DATA-TF twice the negotiated maximum")
{
    public const string SutName = "broken-fragment";

    public override ISutScu Scu { get; } = new OversizeScu();

    private sealed class OversizeScu : ISutScu
    {
        public Task<ScuRun> EchoAsync(ScuCall call, CancellationToken cancellationToken) => throw new SutCapabilityException("the oversize-fragment double only stores");

        public async Task<ScuRun> StoreAsync(ScuCall call, IReadOnlyList<string> files, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var statuses = new List<ushort>();
            try
            {
                foreach (var file in files)
                {
                    statuses.Add(await StoreOneAsync(call, DicomFile.Open(file), cancellationToken));
                }

                return new ScuRun { Operation = "c-store", Statuses = statuses, Elapsed = Stopwatch.GetElapsedTime(started) };
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                return new ScuRun { Operation = "c-store", Association = AssociationResult.Aborted, Statuses = statuses, Error = ex.Message, Elapsed = Stopwatch.GetElapsedTime(started) };
            }
        }

        public Task<ScuRun> FindAsync(ScuCall call, QuerySpec query, CancellationToken cancellationToken) => throw new SutCapabilityException("the oversize-fragment double only stores");

        public Task<ScuRun> MoveAsync(ScuCall call, QuerySpec query, string destinationAe, CancellationToken cancellationToken) => throw new SutCapabilityException("the oversize-fragment double only stores");

        public Task<ScuRun> GetAsync(ScuCall call, QuerySpec query, string outputDirectory, CancellationToken cancellationToken) => throw new SutCapabilityException("the oversize-fragment double only stores");

        private static async Task<ushort> StoreOneAsync(ScuCall call, DicomFile file, CancellationToken cancellationToken)
        {
            var sopClass = file.Dataset.GetUid(DicomTags.SOPClassUID);
            using var association = await RawAssociation.OpenAsync(call.Host, call.Port, call.CalledAe, call.CallingAe, sopClass, file.TransferSyntax.Uid, call.MaxPdu ?? 16384, cancellationToken);
            var oversize = (int)(association.PeerMaxLength is 0 ? 262144 : association.PeerMaxLength * 2) - 6;
            var command = new CStoreRequest { MessageId = 1, AffectedSopClassUid = sopClass, AffectedSopInstanceUid = file.Dataset.GetUid(DicomTags.SOPInstanceUID) }.Encode();
            await association.SendAsync(new DataTransferPdu([new PresentationDataValue(1, PresentationDataValue.ControlHeader(command: true, last: true), command)]), cancellationToken);
            var dataset = file.DatasetRegion!.GetMemory();
            for (var offset = 0; offset < dataset.Length; offset += oversize)
            {
                var length = Math.Min(oversize, dataset.Length - offset);
                var last = offset + length == dataset.Length;
                await association.SendAsync(new DataTransferPdu([new PresentationDataValue(1, PresentationDataValue.ControlHeader(command: false, last: last), dataset.Slice(offset, length))]), cancellationToken);
            }

            var (type, body) = await association.ReceiveAsync(cancellationToken);
            if (type != (byte)PduType.DataTransfer)
            {
                throw new IOException($"the peer answered with PDU type {type} instead of a C-STORE-RSP");
            }

            var response = CommandSetCodec.Decode(DataTransferPdu.Parse(body).Values[0].Fragment.Span);
            await association.SendAsync(new ReleaseRequestPdu(), cancellationToken);
            return response.RequireUInt16(CommandTag.Status);
        }
    }
}
