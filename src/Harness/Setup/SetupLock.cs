namespace Conformance.Harness.Setup;

/// <summary>
/// A machine-wide lock so that test assemblies starting in parallel (and a CLI call) do not
/// install or build the same thing at the same time.
/// </summary>
internal static class SetupLock
{
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "conformance-setup.lock");

    public static async Task<IDisposable> AcquireAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var said = false;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!said)
                {
                    log($"another setup holds {LockPath}; waiting for it");
                    said = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
