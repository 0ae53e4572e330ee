using System.Text.RegularExpressions;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Conformance.Unit.Tests.Architecture;

/// <summary>
/// Layers only look down (docs/architecture.md): between our assemblies, between the layers of the protocol stack,
/// and no cycles between the namespaces (folders) of any assembly. The expected order is <see cref="Layering"/>.
/// </summary>
public class LayeringTests
{
    private static readonly System.Reflection.Assembly[] Ours =
    [
        typeof(Conformance.Dicom.DicomImplementation).Assembly,
        typeof(Conformance.Scp.DicomServer).Assembly,
        typeof(Conformance.Generation.TestDataGenerator).Assembly,
        typeof(Conformance.Budgets.BudgetVerdict).Assembly,
        typeof(Conformance.Reporting.Results.ResultsDocument).Assembly,
        typeof(Conformance.Harness.Setup.HarnessSetup).Assembly,
    ];

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader().LoadAssemblies(Ours).Build());

    private static IEnumerable<TestCaseData> Assemblies() => Ours.Select(a => new TestCaseData(a.GetName().Name).SetName($"{a.GetName().Name} references only what it may"));

    private static IEnumerable<TestCaseData> Roots() => Ours.Select(a => new TestCaseData(a.GetName().Name).SetName($"{a.GetName().Name}: no cycles between its namespaces"));

    private static IEnumerable<TestCaseData> StackLayers() => Layering.Stack.Select((layer, i) => new TestCaseData(i).SetName($"stack layer {i} ({string.Join(", ", layer.Select(n => n.Replace("Conformance.Dicom.", string.Empty, StringComparison.Ordinal)))}) looks only down"));

    [TestCaseSource(nameof(Assemblies))]
    public void Each_assembly_references_only_the_assemblies_below_it(string name)
    {
        var assembly = Ours.Single(a => a.GetName().Name == name);
        var referenced = assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        var ourNames = Layering.Assemblies.Keys.ToHashSet();

        referenced.Where(ourNames.Contains).Should().BeSubsetOf(Layering.Assemblies[name], $"{name} may reference only {string.Join(", ", Layering.Assemblies[name].DefaultIfEmpty("none of ours"))}");
        referenced.Should().NotContain(r => Layering.Forbidden(name).Any(f => r.StartsWith(f, StringComparison.Ordinal)), $"{name} must not carry {string.Join(", ", Layering.Forbidden(name))}");
    }

    [TestCaseSource(nameof(Roots))]
    public void No_cycles_between_the_namespaces_of_an_assembly(string name)
    {
        var root = Ours.Single(a => a.GetName().Name == name).GetName().Name;

        SliceRuleDefinition.Slices().Matching(root + ".(**)").Should().BeFreeOfCycles().Check(Loaded.Value);
    }

    [TestCaseSource(nameof(StackLayers))]
    public void A_layer_of_the_protocol_stack_never_references_a_higher_one(int index)
    {
        var higher = Layering.Stack.Skip(index + 1).SelectMany(l => l).ToArray();
        if (higher.Length == 0)
        {
            Assert.Pass("the top layer");
        }

        Types().That().ResideInNamespaceMatching(Layering.Pattern(Layering.Stack[index]))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(Layering.Pattern(higher)))
            .Check(Loaded.Value);
    }

    [Test]
    public void Nothing_references_the_CLI()
    {
        foreach (var assembly in Ours)
        {
            assembly.GetReferencedAssemblies().Select(r => r.Name).Should().NotContain("Conformance.Cli", $"{assembly.GetName().Name} must not look up to the program");
        }
    }
}

/// <summary>The expected layering, in one place: lowest first.</summary>
internal static class Layering
{
    /// <summary>The layers of Conformance.Dicom, each a set of namespaces (with their sub-namespaces); a layer uses its own and lower ones only.</summary>
    public static readonly string[][] Stack =
    [
        ["Conformance.Dicom.Data", "Conformance.Dicom.Dictionary", "Conformance.Dicom.Uids"],
        ["Conformance.Dicom.IO", "Conformance.Dicom.Query"],
        ["Conformance.Dicom.Network.Pdus", "Conformance.Dicom.Network.Dimse"],
        ["Conformance.Dicom.Network.StateMachine", "Conformance.Dicom.Network.Transport", "Conformance.Dicom.Network.Security"],
        ["Conformance.Dicom.Network.Association"],
        ["Conformance.Dicom.Network.Services"],
    ];

    /// <summary>Which of our assemblies each may reference (the CLI, on top, may reference all and is referenced by none).</summary>
    public static readonly Dictionary<string, string[]> Assemblies = new()
    {
        ["Conformance.Dicom"] = [],
        ["Conformance.Scp"] = ["Conformance.Dicom"],
        ["Conformance.Generation"] = ["Conformance.Dicom"],
        ["Conformance.Budgets"] = [],
        ["Conformance.Reporting"] = [],
        ["Conformance.Harness"] = ["Conformance.Dicom", "Conformance.Scp", "Conformance.Generation", "Conformance.Budgets", "Conformance.Reporting"],
        ["Conformance.Cli"] = ["Conformance.Dicom", "Conformance.Scp", "Conformance.Generation", "Conformance.Budgets", "Conformance.Reporting", "Conformance.Harness"],
    };

    /// <summary>Outside code an assembly must not carry: no Docker in the stack or the statistics, no storage engine in the stack.</summary>
    public static string[] Forbidden(string assembly) => assembly switch
    {
        "Conformance.Dicom" => ["Testcontainers", "Docker.DotNet", "Microsoft.Data.Sqlite"],
        "Conformance.Budgets" or "Conformance.Reporting" => ["Testcontainers", "Docker.DotNet", "Conformance.Dicom", "Conformance.Scp"],
        _ => [],
    };

    /// <summary>A regular expression for types in these namespaces or below them.</summary>
    public static string Pattern(IEnumerable<string> namespaces) =>
        "^(" + string.Join("|", namespaces.Select(Regex.Escape)) + @")(\..+)?$";
}
