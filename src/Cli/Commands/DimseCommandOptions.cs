using System.CommandLine;
using Conformance.Dicom.Data;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;
using Conformance.Dicom.Query;

namespace Conformance.Cli.Commands;

/// <summary>The arguments the SCU commands share (HOST PORT --called --calling --timeout) and the query ones (--model --level -k).</summary>
internal sealed class DimseCommandOptions
{
    public const int ExitFailure = 1;
    public const int ExitRejected = 2;
    public const int ExitStatus = 3;
    public const int ExitUsage = 4;

    public Argument<string> Host { get; } = new("host") { Description = "Peer host name or address" };

    public Argument<int> Port { get; } = new("port") { Description = "Peer TCP port" };

    public Option<string> Called { get; } = new("--called") { Description = "Called AE title", Required = true };

    public Option<string> Calling { get; } = new("--calling") { Description = "Calling AE title", DefaultValueFactory = _ => "CONFORMANCE" };

    public Option<int> Timeout { get; } = new("--timeout") { Description = "Connection, ARTIM and DIMSE timeouts in seconds", DefaultValueFactory = _ => 60 };

    public Option<string> Model { get; } = new("--model") { Description = "Information model: patient or study", DefaultValueFactory = _ => "study" };

    public Option<string> Level { get; } = new("--level") { Description = "PATIENT, STUDY, SERIES or IMAGE", DefaultValueFactory = _ => "STUDY" };

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
        var timeout = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(Timeout)));
        return new DicomScu(new DicomScuOptions
        {
            Host = result.GetRequiredValue(Host),
            Port = result.GetRequiredValue(Port),
            CalledAe = result.GetRequiredValue(Called),
            CallingAe = result.GetValue(Calling) ?? "CONFORMANCE",
            Connection = ConnectionOptions.Default with { ConnectTimeout = timeout, ArtimTimeout = timeout, DimseTimeout = timeout },
        });
    }

    /// <summary>Model, level and identifier from the command line; throws <see cref="FormatException"/> with a clear message.</summary>
    public (QueryModel Model, QueryLevel Level, DicomDataset Identifier) ReadQuery(ParseResult result)
    {
        var model = (result.GetValue(Model) ?? "study").Trim().ToUpperInvariant() switch
        {
            "PATIENT" => QueryModel.PatientRoot,
            "STUDY" => QueryModel.StudyRoot,
            var other => throw new FormatException($"--model must be patient or study, not '{other}'."),
        };
        if (!QueryLevelNames.TryParse(result.GetValue(Level), out var level))
        {
            throw new FormatException($"--level must be PATIENT, STUDY, SERIES or IMAGE, not '{result.GetValue(Level)}'.");
        }

        if (!model.Supports(level))
        {
            throw new FormatException("The study root model has no PATIENT level.");
        }

        var identifier = new DicomDataset();
        foreach (var key in result.GetValue(Keys) ?? [])
        {
            var (tag, vr, value) = QueryIdentifier.ParseKey(key);
            identifier.SetString(tag, vr, value);
        }

        return (model, level, identifier);
    }

    /// <summary>Runs an operation, mapping the failures every command shares to a message and an exit code.</summary>
    public static async Task<int> GuardAsync(string operation, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (AssociationRejectedException ex)
        {
            await Console.Error.WriteLineAsync($"{operation}: association rejected: {ex.Rejection}").ConfigureAwait(false);
            return ExitRejected;
        }
        catch (Exception ex) when (ex is DicomNetworkException or NoAcceptedContextException or IOException)
        {
            await Console.Error.WriteLineAsync($"{operation} failed: {ex.Message}").ConfigureAwait(false);
            return ExitFailure;
        }
        catch (DimseStatusException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitStatus;
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"{operation}: {ex.Message}").ConfigureAwait(false);
            return ExitUsage;
        }
    }
}
