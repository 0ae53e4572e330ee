namespace Conformance.Harness.Sut.External;

/// <summary>
/// DCMTK as the system under test, written as the same data a user writes for their own tools: echoscu,
/// storescu, findscu, movescu and getscu with -d (statuses read by <see cref="DcmtkLogParser"/>), the
/// knobs it has (--max-pdu, -td, TCP_NODELAY), and storescu's proposal option for each compressed syntax.
/// Its SCP is storescp (+xa) for storage cases and dcmqrscp for query/retrieve (<see cref="DcmtkScp"/>).
/// </summary>
public static class DcmtkSutConfig
{
    public const string SutName = "dcmtk";

    public static ExternalSutConfig Create(string version, string? containerImage = null) => new()
    {
        Name = SutName,
        Version = version,
        ContainerImage = containerImage,
        Parser = "dcmtk",
        NoDelayVariable = "TCP_NODELAY",
        ClearedVariables = ["TCP_NODELAY", "TCP_BUFFER_LENGTH"],
        Scu = new Dictionary<string, string>
        {
            ["echo"] = "echoscu -d {knobs} -aet {calling} -aec {called} {host} {port}",
            ["store"] = "storescu -d {knobs} {syntax} -aet {calling} -aec {called} {host} {port} {files}",
            ["find"] = "findscu -d {knobs} {model} -aet {calling} -aec {called} -X -od {out} {host} {port} {query-file}",
            ["move"] = "movescu -d {knobs} {model} -aet {calling} -aec {called} -aem {destination} {host} {port} {query-file}",
            ["get"] = "getscu -d +B {knobs} {model} -aet {calling} -aec {called} -od {out} {host} {port} {query-file}",
        },
        Knobs = new Dictionary<string, string>
        {
            ["max-pdu"] = "--max-pdu {value}",
            ["dimse-timeout"] = "-td {value}",
        },
        Values = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["model"] = new Dictionary<string, string> { ["patient-root"] = "-P", ["study-root"] = "-S" },
            ["syntax"] = new Dictionary<string, string>
            {
                ["1.2.840.10008.1.2.1.99"] = "-xd",
                ["1.2.840.10008.1.2.4.50"] = "-xy",
                ["1.2.840.10008.1.2.4.70"] = "-xs",
                ["1.2.840.10008.1.2.4.80"] = "-xt",
                ["1.2.840.10008.1.2.4.90"] = "-xv",
                ["1.2.840.10008.1.2.5"] = "-xr",
            },
        },
    };
}
