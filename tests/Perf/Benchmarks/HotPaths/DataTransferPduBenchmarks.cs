using BenchmarkDotNet.Attributes;
using Conformance.Benchmarks.Data;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Benchmarks.HotPaths;

/// <summary>
/// P-DATA-TF encode and decode of one CT data set (about 514 KB) cut into PDUs of the given maximum
/// body length. The baseline copies the same bytes once; a ratio near 1 means framing costs nothing.
/// The association's own fragmenter (MessageFragmenter) is internal; it writes with the same public
/// primitives used in <see cref="EncodeInPlace"/> (PduHeader.Write, DataTransferPdu.WritePdvHeader).
/// </summary>
[MemoryDiagnoser]
public class DataTransferPduBenchmarks
{
    private const byte ContextId = 1;

    private byte[] _dataset = [];
    private byte[] _output = [];
    private byte[] _encoded = [];
    private int _encodedLength;

    /// <summary>Maximum PDU body: DCMTK's default (16 KB) and our SCP's (256 KB).</summary>
    [Params(16 * 1024, 256 * 1024)]
    public int MaxPduLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dataset = CtObjects.Encode(CtObjects.CreateSeries(1)[0]);
        _output = new byte[_dataset.Length * 2];
        _encoded = new byte[_dataset.Length * 2];
        _encodedLength = EncodeWithPduObjects(_encoded);
    }

    [Benchmark(Baseline = true, Description = "Span copy of the data set bytes")]
    public int SpanCopy()
    {
        _dataset.AsSpan().CopyTo(_output);
        return _dataset.Length;
    }

    [Benchmark(Description = "Encode: DataTransferPdu.Write per PDU")]
    public int EncodeObjects() => EncodeWithPduObjects(_output);

    [Benchmark(Description = "Encode: headers + copy in place (fragmenter path)")]
    public int EncodeInPlace()
    {
        var maxFragment = MaxPduLength - PresentationDataValue.HeaderSize;
        var position = 0;
        for (var offset = 0; offset < _dataset.Length; offset += maxFragment)
        {
            var n = Math.Min(maxFragment, _dataset.Length - offset);
            var control = PresentationDataValue.ControlHeader(command: false, last: offset + n == _dataset.Length);
            PduHeader.Write(_output.AsSpan(position), PduType.DataTransfer, (uint)(n + PresentationDataValue.HeaderSize));
            DataTransferPdu.WritePdvHeader(_output.AsSpan(position + PduHeader.Size), ContextId, control, n);
            _dataset.AsSpan(offset, n).CopyTo(_output.AsSpan(position + PduHeader.Size + PresentationDataValue.HeaderSize));
            position += PduHeader.Size + PresentationDataValue.HeaderSize + n;
        }

        return position;
    }

    [Benchmark(Description = "Decode: PduHeader.Read + PdvReader, fragments copied out")]
    public int DecodeWithPdvReader()
    {
        var position = 0;
        var written = 0;
        while (position < _encodedLength)
        {
            var (_, length) = PduHeader.Read(_encoded.AsSpan(position, PduHeader.Size));
            var reader = new PdvReader(_encoded.AsSpan(position + PduHeader.Size, (int)length));
            while (reader.MoveNext())
            {
                reader.Fragment.CopyTo(_output.AsSpan(written));
                written += reader.Fragment.Length;
            }

            position += PduHeader.Size + (int)length;
        }

        return written;
    }

    [Benchmark(Description = "Decode: DataTransferPdu.Parse (object form)")]
    public int DecodeObjects()
    {
        var position = 0;
        var fragments = 0;
        var memory = _encoded.AsMemory();
        while (position < _encodedLength)
        {
            var (_, length) = PduHeader.Read(_encoded.AsSpan(position, PduHeader.Size));
            var pdu = DataTransferPdu.Parse(memory.Slice(position + PduHeader.Size, (int)length));
            fragments += pdu.Values.Count;
            position += PduHeader.Size + (int)length;
        }

        return fragments;
    }

    private int EncodeWithPduObjects(byte[] destination)
    {
        var maxFragment = MaxPduLength - PresentationDataValue.HeaderSize;
        var position = 0;
        var data = _dataset.AsMemory();
        for (var offset = 0; offset < data.Length; offset += maxFragment)
        {
            var n = Math.Min(maxFragment, data.Length - offset);
            var control = PresentationDataValue.ControlHeader(command: false, last: offset + n == data.Length);
            var pdu = new DataTransferPdu([new PresentationDataValue(ContextId, control, data.Slice(offset, n))]);
            position += pdu.Write(destination.AsSpan(position));
        }

        return position;
    }
}
