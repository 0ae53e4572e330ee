using System.Buffers;
using Conformance.Dicom.Data;
using Conformance.Dicom.Dictionary;
using Conformance.Dicom.IO;

namespace Conformance.Unit.Tests.Dicom.IO;

/// <summary>Seeded random data sets (every VR, nested sequences of both length kinds) through every syntax and
/// every writer path with tiny buffers.</summary>
public class RandomDatasetTests
{
    private static readonly DicomDictionaryEntry[] Singles = DicomDictionary.Entries
        .Where(e => !e.IsRange && e.ValueRepresentations.Count == 1 && e.Tag.Group is > 0x0002 and < 0x7FE0 && e.Tag.Element != 0)
        .ToArray();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void Random_data_sets_round_trip_in_every_syntax_and_writer_path(int seed)
    {
        var random = new Random(seed);
        var ds = RandomDataset(random, depth: 0);
        var tiny = new DicomWriterOptions { BufferSize = 1024, InlineValueLimit = 64, ChunkSize = 8 };

        foreach (var syntax in TestData.UncompressedSyntaxes())
        {
            var bytes = DicomDatasetWriter.ToArray(ds, syntax);
            var viaStream = new MemoryStream();
            DicomDatasetWriter.Write(viaStream, ds, syntax, tiny);
            var viaBuffer = new ArrayBufferWriter<byte>(1);
            DicomDatasetWriter.Write(viaBuffer, ds, syntax, tiny);
            var back = DicomDatasetReader.Read(bytes, syntax);

            viaStream.ToArray().Should().Equal(bytes);
            viaBuffer.WrittenSpan.ToArray().Should().Equal(bytes);
            DicomDatasetWriter.ToArray(back, syntax).Should().Equal(bytes, DicomDatasetFormatter.Format(ds));
            if (!syntax.IsDeflated)
            {
                DicomDatasetWriter.CalculateLength(ds, syntax).Should().Be(bytes.Length);
            }
        }
    }

    private static DicomDataset RandomDataset(Random random, int depth)
    {
        var ds = new DicomDataset { UndefinedItemLength = random.Next(2) == 0 };
        var count = random.Next(depth == 0 ? 40 : 8);
        for (var i = 0; i < count; i++)
        {
            var entry = Singles[random.Next(Singles.Length)];
            if (ds.Contains(entry.Tag))
            {
                continue;
            }

            if (entry.VR == DicomVR.SQ)
            {
                if (depth < 4)
                {
                    var items = Enumerable.Range(0, random.Next(3)).Select(_ => RandomDataset(random, depth + 1)).ToArray();
                    ds.SetSequence(entry.Tag, items).UndefinedLength = random.Next(2) == 0;
                }

                continue;
            }

            ds.Add(new DicomValueElement(entry.Tag, entry.VR, RandomValue(random, entry.VR)));
        }

        return ds;
    }

    private static byte[] RandomValue(Random random, DicomVR vr)
    {
        var unit = Math.Max(vr.ValueSize, vr.ByteSwapSize);
        if (vr.IsString)
        {
            var length = random.Next(0, 20) * 2;
            return Enumerable.Range(0, length).Select(_ => (byte)random.Next(0x20, 0x7F)).ToArray();
        }

        var bytes = new byte[random.Next(0, 6) * Math.Max(unit, 2)];
        random.NextBytes(bytes);
        return bytes;
    }
}
