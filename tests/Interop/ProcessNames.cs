// One process runner lives in Conformance.Harness.Processes (issue 11). The Dimse and DataLayer tests
// still spell its types by the names they had when they lived in tests/Interop/Support; these aliases
// keep those files unchanged until they switch to the harness names.
global using BackgroundHostProcess = Conformance.Harness.Processes.BackgroundProcess;
global using HostProcessResult = Conformance.Harness.Processes.ProcessResult;
global using HostProcessRunner = Conformance.Harness.Processes.HostProcessRunner;
global using HostProcessStart = Conformance.Harness.Processes.ProcessStart;
