namespace Conformance.Interop.Tests.Network;

/// <summary>The built `conformance` program, copied next to the tests by the project reference.</summary>
internal static class EchoCli
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "conformance.dll");
}
