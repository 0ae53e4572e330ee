using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Query;

namespace Conformance.Dicom.Network.Services.QueryRetrieve;

/// <summary>
/// A received C-FIND/C-MOVE/C-GET request as the SCP reads it: information model (from the SOP class), Query/Retrieve
/// Level, the identifier and its keys; or the failure status to answer when it cannot be used: A900 for a missing or
/// unknown level and for an identifier that breaks the hierarchical rules (<see cref="HierarchicalKeys"/>).
/// </summary>
public sealed record QueryRetrieveRequest(QueryModel Model, QueryLevel Level, DicomDataset Identifier, IReadOnlyList<QueryKey> Keys)
{
    /// <summary>
    /// Reads a request's identifier as its sink received it; one over the sink's limit is refused with
    /// <paramref name="overLimit"/> (A700 for C-FIND, A701 for C-MOVE/C-GET: out of resources).
    /// </summary>
    public static QueryRetrieveReading Read(string sopClassUid, IMessageDataSink? data, DicomTransferSyntax syntax, DimseStatus overLimit)
    {
        if (data is IdentifierSink { Overflowed: true } sink)
        {
            return QueryRetrieveReading.Failed(overLimit, $"identifier of {sink.ReceivedLength} bytes; limit {sink.Limit}");
        }

        var bytes = data switch
        {
            IdentifierSink kept => kept.Data,
            MemoryDataSink memory => memory.Data,
            _ => ReadOnlyMemory<byte>.Empty,
        };
        return Read(sopClassUid, bytes, syntax);
    }

    /// <summary>Reads the identifier bytes of a request on a context of <paramref name="syntax"/>.</summary>
    public static QueryRetrieveReading Read(string sopClassUid, ReadOnlyMemory<byte> identifier, DicomTransferSyntax syntax)
    {
        var model = QuerySopClass.ModelOf(sopClassUid);
        if (model is null)
        {
            return QueryRetrieveReading.Failed(DimseStatus.SopClassNotSupported, $"{sopClassUid} is not a query/retrieve SOP class we serve");
        }

        DicomDataset dataset;
        try
        {
            dataset = DicomDatasetReader.Read(identifier, syntax);
        }
        catch (DicomFormatException ex)
        {
            return QueryRetrieveReading.Failed(DimseStatus.CannotUnderstand, ex.Message);
        }

        var level = QueryIdentifier.ReadLevel(dataset);
        if (level is null || !model.Value.Supports(level.Value))
        {
            return QueryRetrieveReading.Failed(DimseStatus.IdentifierDoesNotMatchSopClass, $"Query/Retrieve Level missing or invalid for {model}");
        }

        // Relational queries and retrievals are never negotiated here (no SOP Class Extended Negotiation is answered).
        var retrieve = sopClassUid != QuerySopClass.Find(model.Value);
        if (HierarchicalKeys.Check(model.Value, level.Value, dataset, retrieve) is { } notHierarchical)
        {
            return QueryRetrieveReading.Failed(DimseStatus.IdentifierDoesNotMatchSopClass, notHierarchical);
        }

        return new QueryRetrieveReading(new QueryRetrieveRequest(model.Value, level.Value, dataset, QueryIdentifier.ReadKeys(dataset)), null);
    }
}

/// <summary>A readable request, or the status (and Error Comment) to refuse it with.</summary>
public sealed record QueryRetrieveReading(QueryRetrieveRequest? Request, QueryRetrieveFailure? Failure)
{
    public static QueryRetrieveReading Failed(DimseStatus status, string comment) => new(null, new QueryRetrieveFailure(status, comment));
}

/// <summary>Why a query/retrieve request is refused.</summary>
public sealed record QueryRetrieveFailure(DimseStatus Status, string Comment)
{
    /// <summary>The log line saying which request was refused and why (the peer sees only the status and comment).</summary>
    public void Log(DimseChannel channel, DimseRequest request)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(request);
        var operation = request switch
        {
            CFindRequest => "C-FIND",
            CMoveRequest => "C-MOVE",
            CGetRequest => "C-GET",
            _ => request.CommandField.ToString(),
        };
        channel.Log?.Invoke($"{operation} message {request.MessageId} from {channel.Info.PeerAe}: identifier refused ({Status}): {Comment}");
    }
}
