using Conformance.Cli.Hosting;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Cli;

/// <summary>Every user error is one line and exit code 2 (usage), in every command; never a stack trace.</summary>
public class UserErrorTests
{
    [Test]
    public async Task An_out_of_range_peer_port_is_a_usage_error_naming_the_range()
    {
        var run = await CliRun.RunAsync("echo", "127.0.0.1", "70000", "--called", "X");

        run.ShouldBeOneLineUserError(ExitCodes.Usage, "echo: port 70000 is out of range: use 1 to 65535");
    }

    [Test]
    public async Task An_out_of_range_listen_port_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("scp", "--port", "99999", "--storage", "memory");

        run.ShouldBeOneLineUserError(ExitCodes.Usage, "scp: --port 99999 is out of range: use 0 to 65535");
    }

    [TestCase("find", "--model", "foo", "--model must be one of patient, study, not 'foo'")]
    [TestCase("find", "--level", "bar", "--level must be one of PATIENT, STUDY, SERIES, IMAGE, not 'bar'")]
    [TestCase("get", "--timeout", "soon", "--timeout must be a whole number from 1 to 86400, not 'soon'")]
    public async Task A_bad_value_names_the_option_and_the_allowed_values(string command, string option, string value, string expected)
    {
        var args = new List<string> { command, "127.0.0.1", "104", "--called", "X", option, value };
        if (command == "get")
        {
            args.AddRange(["--out", Path.GetTempPath()]);
        }

        var run = await CliRun.RunAsync([.. args]);

        run.ShouldBeOneLineUserError(ExitCodes.Usage, expected, $"see 'conformance {command} --help'");
    }

    [Test]
    public async Task The_modality_is_an_enum_listed_in_the_error()
    {
        var run = await CliRun.RunAsync("generate", "--modality", "XR", "--out", Path.GetTempPath());

        run.ShouldBeOneLineUserError(ExitCodes.Usage, "--modality must be one of CT, MR, US, SC, RICH, not 'XR'");
    }

    [Test]
    public async Task Enum_values_are_matched_case_insensitively()
    {
        using var directory = new TempDirectory();

        var run = await CliRun.RunAsync("generate", "--modality", "ct", "--out", directory.Path);

        run.ExitCode.Should().Be(ExitCodes.Success, run.ToString());
        run.Output.Should().Contain("generated 1 CT file(s)");
    }

    [Test]
    public async Task A_study_root_query_at_patient_level_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("find", "127.0.0.1", "104", "--called", "X", "--model", "study", "--level", "PATIENT");

        run.ShouldBeOneLineUserError(ExitCodes.Usage, "--level PATIENT needs --model patient");
    }

    [Test]
    public async Task A_missing_required_option_and_an_unknown_command_are_one_line_each()
    {
        var missing = await CliRun.RunAsync("echo", "127.0.0.1", "104");
        var unknown = await CliRun.RunAsync("bogus");

        missing.ShouldBeOneLineUserError(ExitCodes.Usage, "'--called' is required");
        unknown.ShouldBeOneLineUserError(ExitCodes.Usage, "Unrecognized command or argument 'bogus'");
    }

    [Test]
    public async Task An_output_directory_that_cannot_be_created_is_a_usage_error()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("a-file"), "x");
        var underAFile = Path.Combine(directory.File("a-file"), "out");

        var generate = await CliRun.RunAsync("generate", "--modality", "CT", "--out", underAFile);
        var report = await CliRun.RunAsync("report", directory.Path, "--out", directory.File("a-file"));

        generate.ShouldBeOneLineUserError(ExitCodes.Usage, "--out", "cannot be written");
        report.ShouldBeOneLineUserError(ExitCodes.Usage, "--out", "is a file, not a directory");
    }

    [Test]
    public async Task Missing_input_files_are_usage_errors()
    {
        using var directory = new TempDirectory();

        var store = await CliRun.RunAsync("store", "127.0.0.1", "104", "--called", "X", directory.File("nothing.dcm"));
        var convert = await CliRun.RunAsync("convert", directory.File("nothing.dcm"), directory.File("out.dcm"), "--ts", "explicit-le");
        var report = await CliRun.RunAsync("report", directory.File("no-such-dir"));

        store.ShouldBeOneLineUserError(ExitCodes.Usage, "store: not found:", "nothing.dcm");
        convert.ShouldBeOneLineUserError(ExitCodes.Usage, "File does not exist");
        report.ShouldBeOneLineUserError(ExitCodes.Usage, "does not exist");
    }

    [TestCase("bad host")]
    [TestCase("dicom://pacs")]
    [TestCase("")]
    public async Task A_host_that_is_not_a_host_name_is_a_usage_error(string host)
    {
        var run = await CliRun.RunAsync("echo", host, "104", "--called", "X");

        run.ShouldBeOneLineUserError(ExitCodes.Usage, "is not a host name or IP address");
    }

    [TestCase("--called", "THIS-AE-TITLE-IS-TOO-LONG")]
    [TestCase("--calling", "BACK\\SLASH")]
    public async Task An_ae_title_that_is_not_one_is_a_usage_error(string option, string title)
    {
        var args = option == "--called" ? new[] { "echo", "127.0.0.1", "104", option, title } : ["echo", "127.0.0.1", "104", "--called", "X", option, title];

        var run = await CliRun.RunAsync(args);

        run.ShouldBeOneLineUserError(ExitCodes.Usage, $"{option} '{title}' is not an AE title");
    }

    [Test]
    public async Task Run_rejects_unknown_matrix_words_with_the_allowed_ones()
    {
        var peers = await CliRun.RunAsync("run", "--peers", "dcmtk,pynetdicom");
        var sut = await CliRun.RunAsync("run", "--sut", "mine");
        var topology = await CliRun.RunAsync("run", "--topologies", "moon");

        peers.ShouldBeOneLineUserError(ExitCodes.Usage, "--peers takes dcmtk, gdcm, orthanc; 'pynetdicom' is not one of them");
        sut.ShouldBeOneLineUserError(ExitCodes.Usage, "--sut must be one of ours, ours-pathological, dcmtk, external:FILE, not 'mine'");
        topology.ShouldBeOneLineUserError(ExitCodes.Usage, "--topologies takes same-host, bridged");
    }
}
