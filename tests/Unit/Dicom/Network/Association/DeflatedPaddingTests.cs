using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>
/// PS3.5 A.5: a deflated data set goes out padded to an even length, even when the bytes to send (a file written by
/// another tool) are odd; every data fragment is even (DCMTK aborts on an odd one: "Odd Fragment Length").
/// </summary>
public class DeflatedPaddingTests
{
    private const string Ct = "1.2.840.10008.5.1.4.1.1.2";
    private const string Deflated = "1.2.840.10008.1.2.1.99";
    private const string ExplicitLe = "1.2.840.10008.1.2.1";

    [TestCase(Deflated, 4097, 4098)]
    [TestCase(Deflated, 4096, 4096)]
    [TestCase(ExplicitLe, 4097, 4097)]
    public async Task An_odd_deflated_data_set_is_sent_padded_with_one_null_byte_in_even_fragments(string syntax, int length, int sent)
    {
        await using var h = await RequestorHarness.StartAsync(shape: r => r with { PresentationContexts = [new PresentationContextProposal(Ct, syntax)] });
        // An odd maximum PDU length would make odd fragments if the fragmenter did not keep them even.
        var association = await h.EstablishAsync(maxPdu: 1001);
        var data = FragmentationTests.Pattern(length, 7);

        await association.SendAsync(1, FragmentationTests.CommandWithDataSet(), new MemoryMessageData(data), CancellationToken.None);

        var fragments = new List<PresentationDataValue>();
        while (fragments.Count == 0 || !fragments[^1].IsLastFragment)
        {
            var (_, body) = await h.Parrot.ReadPduAsync();
            fragments.AddRange(DataTransferPdu.Parse(body).Values.Where(v => !v.IsCommand));
        }

        var received = fragments.SelectMany(v => v.Fragment.ToArray()).ToArray();
        received.Should().HaveCount(sent);
        received.Take(length).Should().Equal(data);
        received.Skip(length).Should().Equal(Enumerable.Repeat((byte)0, sent - length));
        fragments.SkipLast(1).Should().OnlyContain(v => v.Fragment.Length % 2 == 0, "only a last fragment of an odd (non-deflated) data set may be odd");
    }
}
