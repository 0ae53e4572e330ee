using System.Globalization;
using Conformance.Harness.Peers.Dcmtk;

namespace Conformance.Harness.Peers.Tools;

/// <summary>Command lines for the SCU tools; the DCMTK ones take <see cref="DcmtkOptions"/>.</summary>
public static class ScuCommands
{
    public static ToolCommand EchoScu(string host, int port, string calledAe, string callingAe = "ECHOSCU", DcmtkOptions? options = null) =>
        Dcmtk("echoscu", options, ["-aet", callingAe, "-aec", calledAe, host, Port(port)]);

    /// <summary>storescu: every file under the paths (inside the container), one association.</summary>
    public static ToolCommand StoreScu(string host, int port, string calledAe, IEnumerable<string> paths, string callingAe = "STORESCU", DcmtkOptions? options = null) =>
        Dcmtk("storescu", options, ["-aet", callingAe, "-aec", calledAe, "+sd", "+r", host, Port(port), .. paths]);

    /// <summary>findscu at study level with the given keys ("0010,0010=" style).</summary>
    public static ToolCommand FindScu(string host, int port, string calledAe, IEnumerable<string> keys, string callingAe = "FINDSCU", DcmtkOptions? options = null) =>
        Dcmtk("findscu", options, ["-S", "-aet", callingAe, "-aec", calledAe, .. keys.SelectMany(k => new[] { "-k", k }), host, Port(port)]);

    /// <summary>movescu with its own storage SCP on <paramref name="storePort"/> (-dhl: no reverse DNS), files to /data/out.</summary>
    public static ToolCommand MoveScu(string host, int port, string calledAe, string destinationAe, int storePort, IEnumerable<string> keys, DcmtkOptions? options = null, string outputDirectory = "/data/out") =>
        Dcmtk("movescu", options, ["-S", "-dhl", "-aet", destinationAe, "-aec", calledAe, "-aem", destinationAe, "--port", Port(storePort), "-od", outputDirectory,
            .. keys.SelectMany(k => new[] { "-k", k }), host, Port(port)]);

    /// <summary>getscu (C-GET, files come back on the same association) into /data/out.</summary>
    public static ToolCommand GetScu(string host, int port, string calledAe, IEnumerable<string> keys, string callingAe = "GETSCU", DcmtkOptions? options = null, string outputDirectory = "/data/out") =>
        Dcmtk("getscu", options, ["-S", "-aet", callingAe, "-aec", calledAe, "-od", outputDirectory, .. keys.SelectMany(k => new[] { "-k", k }), host, Port(port)]);

    /// <summary>GDCM's C-ECHO (gdcmscu has no SCP of its own).</summary>
    public static ToolCommand GdcmEcho(string host, int port, string calledAe, string callingAe = "GDCMSCU") =>
        new("gdcmscu", ["--echo", "--call", calledAe, "--aetitle", callingAe, host, Port(port)], new Dictionary<string, string>());

    private static ToolCommand Dcmtk(string program, DcmtkOptions? options, IEnumerable<string> arguments)
    {
        options ??= new DcmtkOptions { LogLevel = DcmtkLogLevel.Verbose };
        return new ToolCommand(program, [.. options.Arguments(), .. arguments], options.Environment());
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
