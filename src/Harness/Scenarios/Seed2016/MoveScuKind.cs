namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>The C-MOVE SCUs of the 2016 scenario, each with its own storage SCP as the move destination.</summary>
public enum MoveScuKind
{
    /// <summary>DCMTK movescu (with its storage SCP on --port), in a toolbox container.</summary>
    Movescu,

    /// <summary>GDCM gdcmscu --move (with its storage SCP on --port-scp), in a toolbox container.</summary>
    Gdcmscu,

    /// <summary>Our SCU (this process), moving to our SCP in this process.</summary>
    Ours,
}

/// <summary>The C-MOVE SCPs of the 2016 scenario.</summary>
public enum MoveScpKind
{
    Dcmqrscp,
    Orthanc,
    Ours,
}
