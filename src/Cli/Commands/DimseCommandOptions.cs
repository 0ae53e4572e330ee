using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Dicom.Data;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;
using Conformance.Dicom.Query;

namespace Conformance.Cli.Commands;

/// <summary>The arguments the SCU commands share (HOST PORT --called --calling --timeout) and the query ones (--model --level -k).</summary>
internal sealed class DimseCommandOptions
{
    public static readonly IReadOnlyList<(string Name, QueryModel Value)> Models = [("patient", QueryModel.PatientRoot), ("study", QueryModel.StudyRoot)];

    public static readonly IReadOnlyList<(string Name, QueryLevel Value)> Levels =
        [("PATIENT", QueryLevel.Patient), ("STUDY", QueryLevel.Study), ("SERIES", QueryLevel.Series), ("IMAGE", QueryLevel.Image)];

    public Argument<string> Host { get; } = new("host") { Description = "Peer host name or address" };

    public Argument<int> Port { get; } = CliOptions.PortArgument();

    public Option<string> Called { get; } = new("--called") { Description = "Called AE title", Required = true };

    public Option<string> Calling { get; } = new("--calling") { Description = "Calling AE title", DefaultValueFactory = _ => "CONFORMANCE" };

    public Option<int> Timeout { get; } = CliOptions.Integer("--timeout", "Connection, ARTIM and DIMSE timeouts in seconds", 60, 1, 86_400);

    public Option<QueryModel> Model { get; } = CliOptions.Choice("--model", "Information model", Models, QueryModel.StudyRoot);

    public Option<QueryLevel> Level { get; } = CliOptions.Choice("--level", "Query/retrieve level", Levels, QueryLevel.Study);

    public Option<string[]> Keys { get; } = new("--key", "-k") { Description = "Query key TAG=VALUE (keyword or gggg,eeee; empty value = return key)" };

    public void AddScuTo(Command command)
    {
        command.Arguments.Add(Host);
        command.Arguments.Add(Port);
        command.Options.Add(Called);
        command.Options.Add(Calling);
        command.Options.Add(Timeout);
    }

    public void AddQueryTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Level);
        command.Options.Add(Keys);
    }

    public DicomScu CreateScu(ParseResult result)
    {
        var timeout = TimeSpan.FromSeconds(result.GetValue(Timeout));
        return new DicomScu(new DicomScuOptions
        {
            Host = PeerHost.Check(result.GetRequiredValue(Host)),
            Port = result.GetRequiredValue(Port),
            CalledAe = AeTitles.Check(result.GetRequiredValue(Called), "--called"),
            CallingAe = AeTitles.Check(result.GetValue(Calling) ?? "CONFORMANCE", "--calling"),
            Connection = ConnectionOptions.Default with { ConnectTimeout = timeout, ArtimTimeout = timeout, DimseTimeout = timeout },
        });
    }

    /// <summary>Model, level and identifier from the command line; a bad key or level is a usage error.</summary>
    public (QueryModel Model, QueryLevel Level, DicomDataset Identifier) ReadQuery(ParseResult result)
    {
        var model = result.GetValue(Model);
        var level = result.GetValue(Level);
        if (!model.Supports(level))
        {
            throw CliException.Usage("--level PATIENT needs --model patient: the study root model has no PATIENT level");
        }

        var identifier = new DicomDataset();
        foreach (var key in result.GetValue(Keys) ?? [])
        {
            try
            {
                var (tag, vr, value) = QueryIdentifier.ParseKey(key);
                identifier.SetString(tag, vr, value);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or DicomDataException)
            {
                throw CliException.Usage($"-k {key}: {ex.Message}");
            }
        }

        return (model, level, identifier);
    }
}
