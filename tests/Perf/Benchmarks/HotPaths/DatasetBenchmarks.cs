using System.Buffers;
using BenchmarkDotNet.Attributes;
using Conformance.Benchmarks.Data;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Benchmarks.HotPaths;

/// <summary>
/// Parse and write of one CT data set (512x512x16, explicit VR little endian, about 514 KB) in memory,
/// against a plain copy of the same bytes.
/// </summary>
[MemoryDiagnoser]
public class DatasetBenchmarks
{
    private byte[] _encoded = [];
    private byte[] _output = [];
    private DicomDataset _dataset = new();
    private readonly ArrayBufferWriter<byte> _writer = new(1024 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        _dataset = CtObjects.CreateSeries(1)[0];
        _encoded = CtObjects.Encode(_dataset);
        _output = new byte[_encoded.Length];
    }

    [Benchmark(Baseline = true, Description = "Span copy of the data set bytes")]
    public int SpanCopy()
    {
        _encoded.AsSpan().CopyTo(_output);
        return _encoded.Length;
    }

    [Benchmark(Description = "Parse: DicomDatasetReader.Read(memory)")]
    public int Parse() => DicomDatasetReader.Read(_encoded.AsMemory(), DicomTransferSyntax.ExplicitVRLittleEndian).Count;

    [Benchmark(Description = "Write: DicomDatasetWriter.Write(IBufferWriter)")]
    public int Write()
    {
        _writer.ResetWrittenCount();
        DicomDatasetWriter.Write(_writer, _dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        return _writer.WrittenCount;
    }

    [Benchmark(Description = "Write: DicomDatasetWriter.ToArray")]
    public int WriteToArray() => DicomDatasetWriter.ToArray(_dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Length;
}
