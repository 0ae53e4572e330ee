using System.Globalization;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Dicom.Network.Services.Storage;

public class ContextPlannerTests
{
    private const string Ct = "1.2.840.10008.5.1.4.1.1.2";
    private const string Jpeg = "1.2.840.10008.1.2.4.50";

    [Test]
    public void Uncompressed_objects_get_their_own_syntax_first_and_the_other_little_endian_syntax_as_fallback()
    {
        var plan = ContextPlanner.Plan([(Ct, ContextPlanner.ImplicitVRLittleEndian)]);

        plan.Should().ContainSingle().Which.Contexts.Should().ContainSingle()
            .Which.TransferSyntaxes.Should().Equal(ContextPlanner.ImplicitVRLittleEndian, ContextPlanner.ExplicitVRLittleEndian);
    }

    [Test]
    public void Compressed_objects_get_a_context_of_their_own_syntax_only()
    {
        var plan = ContextPlanner.Plan([(Ct, Jpeg), (Ct, ContextPlanner.ExplicitVRLittleEndian)]);

        plan.Single().Contexts.Select(c => c.TransferSyntaxes[0]).Should().Equal(Jpeg, ContextPlanner.ExplicitVRLittleEndian);
        plan.Single().Contexts[0].TransferSyntaxes.Should().ContainSingle();
    }

    [Test]
    public void More_than_128_contexts_open_a_further_association_and_each_object_goes_to_the_one_with_its_class()
    {
        var objects = Enumerable.Range(0, 130)
            .Select(i => ("1.2.3." + i.ToString(CultureInfo.InvariantCulture), ContextPlanner.ExplicitVRLittleEndian))
            .ToList();

        var plan = ContextPlanner.Plan(objects);

        plan.Select(a => a.Contexts.Count).Should().Equal(128, 2);
        plan[1].ObjectIndices.Should().Equal(128, 129);
        plan.SelectMany(a => a.ObjectIndices).Should().BeEquivalentTo(Enumerable.Range(0, 130));
    }

    [Test]
    public void Choice_prefers_the_objects_own_syntax()
    {
        AcceptedContext[] accepted = [new(1, Ct, ContextPlanner.ImplicitVRLittleEndian), new(3, Ct, ContextPlanner.ExplicitVRLittleEndian)];

        ContextChoice.Choose(accepted, Ct, ContextPlanner.ExplicitVRLittleEndian, "PEER").Id.Should().Be(3);
    }

    [Test]
    public void Choice_falls_back_to_another_uncompressed_syntax_for_transcoding()
    {
        AcceptedContext[] accepted = [new(1, Ct, ContextPlanner.ImplicitVRLittleEndian)];

        ContextChoice.Choose(accepted, Ct, ContextPlanner.ExplicitVRLittleEndian, "PEER").Id.Should().Be(1);
    }

    [Test]
    public void Choice_fails_clearly_for_a_compressed_object_the_peer_did_not_accept()
    {
        AcceptedContext[] accepted = [new(1, Ct, ContextPlanner.ExplicitVRLittleEndian)];

        var act = () => ContextChoice.Choose(accepted, Ct, Jpeg, "PEER");

        act.Should().Throw<NoAcceptedContextException>().WithMessage($"Peer PEER accepted only {ContextPlanner.ExplicitVRLittleEndian}*{Jpeg}*");
    }
}
