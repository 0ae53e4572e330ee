using System.Buffers.Binary;
using Conformance.Generation;

namespace Conformance.Unit.Tests.Generation;

public class GeneratedPixelsTests
{
    private static GeneratedPixels Pixels(ModalityTemplate template, long seed = 1, int instance = 0) =>
        new(template, template.Pixels, seed, new InstancePlace(0, 0, 0, instance));

    [Test]
    public void Every_template_has_a_consistent_pixel_module()
    {
        foreach (var modality in Enum.GetValues<GeneratedModality>())
        {
            var geometry = ModalityTemplates.For(modality).Pixels;
            var bytes = Pixels(ModalityTemplates.For(modality)).ToArray();

            bytes.LongLength.Should().Be(
                (long)geometry.Rows * geometry.Columns * geometry.SamplesPerPixel * geometry.BitsAllocated / 8 * geometry.NumberOfFrames,
                $"{modality}: Rows*Columns*SamplesPerPixel*BitsAllocated/8*NumberOfFrames");
        }
    }

    [Test]
    public void Ct_is_a_real_size_slice_with_plausible_hounsfield_content()
    {
        var geometry = ModalityTemplates.Ct.Pixels;
        var bytes = Pixels(ModalityTemplates.Ct).ToArray();
        var stored = Enumerable.Range(0, bytes.Length / 2).Select(i => BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2))).ToArray();
        int Hu(int row, int column) => stored[(row * geometry.Columns) + column] - 1024;

        bytes.Length.Should().Be(512 * 512 * 2);
        stored.Should().OnlyContain(s => s <= 4095, "12 bits stored");
        Hu(5, 5).Should().BeInRange(-1060, -940, "air in the corner");
        Hu(256 + 100, 256).Should().BeInRange(600, 800, "the spine behind the centre");
        Hu(256, 256 - 92).Should().BeInRange(-900, -800, "a lung");
        stored.Distinct().Count().Should().BeGreaterThan(100, "noise makes a realistic histogram");
    }

    [Test]
    public void Same_seed_paints_the_same_pixels_and_another_seed_different_noise()
    {
        var a = Pixels(ModalityTemplates.Mr, seed: 5).ToArray();
        var b = Pixels(ModalityTemplates.Mr, seed: 5).ToArray();
        var c = Pixels(ModalityTemplates.Mr, seed: 6).ToArray();

        a.Should().Equal(b);
        a.Should().NotEqual(c);
    }

    [Test]
    public void Ultrasound_frames_differ_from_each_other()
    {
        var bytes = Pixels(ModalityTemplates.Us).ToArray();
        var frameLength = (int)ModalityTemplates.Us.Pixels.FrameLength;

        bytes.AsSpan(0, frameLength).SequenceEqual(bytes.AsSpan(frameLength, frameLength)).Should().BeFalse();
        bytes.Should().Contain(0, "black outside the sector").And.Contain(b => b > 100, "speckle inside");
    }

    [Test]
    public void Stream_yields_exactly_the_array_bytes()
    {
        var pixels = Pixels(ModalityTemplates.Us, seed: 3);
        using var stream = pixels.OpenStream();
        using var copy = new MemoryStream();

        stream.CopyTo(copy, 7777);

        copy.ToArray().Should().Equal(pixels.ToArray());
        stream.Length.Should().Be(pixels.PaddedLength);
    }

    [Test]
    public void An_odd_length_value_is_padded_to_even_by_the_stream()
    {
        var geometry = new PixelGeometry(3, 3, 1, "MONOCHROME2", 8, 8, 0, 1);
        var pixels = new GeneratedPixels(ModalityTemplates.Us, geometry, 1, default);
        using var stream = pixels.OpenStream();
        using var copy = new MemoryStream();

        stream.CopyTo(copy);

        copy.Length.Should().Be(10);
        copy.ToArray()[^1].Should().Be(0);
        pixels.ToArray().Should().HaveCount(10);
    }
}
