using BenchmarkDotNet.Attributes;
using Conformance.Benchmarks.Data;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Uids;

namespace Conformance.Benchmarks.HotPaths;

/// <summary>
/// Command set encode/decode (group 0000, implicit VR little endian) of the two messages every image
/// costs: C-STORE-RQ and C-STORE-RSP. The baseline copies the encoded C-STORE-RQ bytes.
/// </summary>
[MemoryDiagnoser]
public class CommandSetBenchmarks
{
    private CStoreRequest _request = null!;
    private CStoreResponse _response = null!;
    private byte[] _requestBytes = [];
    private byte[] _responseBytes = [];
    private readonly byte[] _output = new byte[1024];

    [GlobalSetup]
    public void Setup()
    {
        var instance = DicomUid.Generate();
        _request = new CStoreRequest { MessageId = 7, AffectedSopClassUid = CtObjects.CtImageStorage, AffectedSopInstanceUid = instance };
        _response = new CStoreResponse
        {
            MessageIdBeingRespondedTo = 7,
            Status = DimseStatus.Success,
            AffectedSopClassUid = CtObjects.CtImageStorage,
            AffectedSopInstanceUid = instance,
        };
        _requestBytes = _request.Encode();
        _responseBytes = _response.Encode();
    }

    [Benchmark(Baseline = true, Description = "Span copy of the C-STORE-RQ bytes")]
    public int SpanCopy()
    {
        _requestBytes.AsSpan().CopyTo(_output);
        return _requestBytes.Length;
    }

    [Benchmark(Description = "Encode C-STORE-RQ (ToCommandSet + encode)")]
    public int EncodeRequest() => _request.Encode().Length;

    [Benchmark(Description = "Decode C-STORE-RQ (DimseMessageReader.Read)")]
    public ushort DecodeRequest() => ((CStoreRequest)DimseMessageReader.Read(_requestBytes)).MessageId;

    [Benchmark(Description = "Encode C-STORE-RSP")]
    public int EncodeResponse() => _response.Encode().Length;

    [Benchmark(Description = "Decode C-STORE-RSP")]
    public ushort DecodeResponse() => ((CStoreResponse)DimseMessageReader.Read(_responseBytes)).MessageIdBeingRespondedTo;
}
