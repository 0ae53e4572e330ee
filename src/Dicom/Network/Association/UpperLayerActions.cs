using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>The dispatch from each PS3.8 action to its function, grouped by phase in the *Actions classes.</summary>
internal static class UpperLayerActions
{
    /// <exception cref="InvalidOperationException">Not an action of PS3.8 (a corrupt value): never silently ignored.</exception>
    public static UlActionHandler For(UlAction action) => action switch
    {
        UlAction.AE1 => EstablishmentActions.AE1,
        UlAction.AE2 => EstablishmentActions.AE2,
        UlAction.AE3 => EstablishmentActions.AE3,
        UlAction.AE4 => EstablishmentActions.AE4,
        UlAction.AE5 => EstablishmentActions.AE5,
        UlAction.AE6 => EstablishmentActions.AE6,
        UlAction.AE7 => EstablishmentActions.AE7,
        UlAction.AE8 => EstablishmentActions.AE8,
        UlAction.DT1 => DataTransferActions.DT1,
        UlAction.DT2 => DataTransferActions.DT2,
        UlAction.AR1 => ReleaseActions.AR1,
        UlAction.AR2 => ReleaseActions.AR2,
        UlAction.AR3 => ReleaseActions.AR3,
        UlAction.AR4 => ReleaseActions.AR4,
        UlAction.AR5 => ReleaseActions.AR5,
        UlAction.AR6 => DataTransferActions.DT2,
        UlAction.AR7 => DataTransferActions.DT1,
        UlAction.AR8 => ReleaseActions.AR8,
        UlAction.AR9 => ReleaseActions.AR9,
        UlAction.AR10 => ReleaseActions.AR10,
        UlAction.AA1 => AbortActions.AA1,
        UlAction.AA2 => AbortActions.AA2,
        UlAction.AA3 => AbortActions.AA3,
        UlAction.AA4 => AbortActions.AA4,
        UlAction.AA5 => AbortActions.AA5,
        UlAction.AA6 => AbortActions.AA6,
        UlAction.AA7 => AbortActions.AA7,
        UlAction.AA8 => AbortActions.AA8,
        _ => throw new InvalidOperationException($"No handler for upper layer action {action}"),
    };
}
