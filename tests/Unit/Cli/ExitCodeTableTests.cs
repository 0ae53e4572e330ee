using Conformance.Cli.Hosting;

namespace Conformance.Unit.Tests.Cli;

/// <summary>One exit-code table: distinct codes, and README's table says exactly what the code says.</summary>
public class ExitCodeTableTests
{
    [Test]
    public void Every_code_has_one_meaning()
    {
        ExitCodes.Table.Select(row => row.Code).Should().OnlyHaveUniqueItems();
        ExitCodes.Table.Select(row => row.Code).Should().Contain([0, 1, 2, 3, 4, 5, 130]);
    }

    [Test]
    public void The_readme_table_lists_every_code_with_its_meaning()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (var (code, name, meaning) in ExitCodes.Table)
        {
            readme.Should().Contain($"| {code} | {name} | {meaning} |", "README's exit-code table is generated from ExitCodes.Table's words");
        }
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conformance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Conformance.sln not found above " + AppContext.BaseDirectory);
    }
}
