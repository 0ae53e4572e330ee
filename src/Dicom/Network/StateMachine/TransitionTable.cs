using System.Collections.Frozen;
using static Conformance.Dicom.Network.StateMachine.AssociationState;
using static Conformance.Dicom.Network.StateMachine.UlAction;
using static Conformance.Dicom.Network.StateMachine.UlEvent;

namespace Conformance.Dicom.Network.StateMachine;

/// <summary>
/// PS3.8 table 9-10, the DICOM upper layer state transition table, as data: (event, state) -> action.
/// A pair with no entry is a protocol error.
/// </summary>
public static class TransitionTable
{
    private static readonly AssociationState[] Sta6To12 = [Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12];

    public static FrozenDictionary<(UlEvent Event, AssociationState State), UlAction> Entries { get; } = Build();

    public static bool TryGetAction(AssociationState state, UlEvent evt, out UlAction action) =>
        Entries.TryGetValue((evt, state), out action);

    /// <summary>The state an action leads to (PS3.8 tables 9-6 to 9-9).</summary>
    /// <param name="action">The action performed.</param>
    /// <param name="acceptableToProvider">AE-6 only: whether the A-ASSOCIATE-RQ is acceptable to the service provider.</param>
    /// <param name="isRequestor">AR-8 only: whether this side requested the association.</param>
    public static AssociationState NextState(UlAction action, bool acceptableToProvider, bool isRequestor) => action switch
    {
        AE1 => Sta4,
        AE2 => Sta5,
        AE3 => Sta6,
        AE4 => Sta1,
        AE5 => Sta2,
        AE6 => acceptableToProvider ? Sta3 : Sta13,
        AE7 => Sta6,
        AE8 => Sta13,
        DT1 => Sta6,
        DT2 => Sta6,
        AR1 => Sta7,
        AR2 => Sta8,
        AR3 => Sta1,
        AR4 => Sta13,
        AR5 => Sta1,
        AR6 => Sta7,
        AR7 => Sta8,
        AR8 => isRequestor ? Sta9 : Sta10,
        AR9 => Sta11,
        AR10 => Sta12,
        AA1 => Sta13,
        AA2 => Sta1,
        AA3 => Sta1,
        AA4 => Sta1,
        AA5 => Sta1,
        AA6 => Sta13,
        AA7 => Sta13,
        AA8 => Sta13,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a PS3.8 action"),
    };

    private static FrozenDictionary<(UlEvent, AssociationState), UlAction> Build()
    {
        var t = new Dictionary<(UlEvent, AssociationState), UlAction>
        {
            [(Evt1, Sta1)] = AE1,
            [(Evt2, Sta4)] = AE2,
            [(Evt5, Sta1)] = AE5,
            [(Evt7, Sta3)] = AE7,
            [(Evt8, Sta3)] = AE8,
            [(Evt9, Sta6)] = DT1,
            [(Evt9, Sta8)] = AR7,
            [(Evt11, Sta6)] = AR1,
            [(Evt14, Sta8)] = AR4,
            [(Evt14, Sta9)] = AR9,
            [(Evt14, Sta12)] = AR4,
            [(Evt15, Sta3)] = AA1,
            [(Evt15, Sta4)] = AA2,
            [(Evt15, Sta5)] = AA1,
            [(Evt16, Sta2)] = AA2,
            [(Evt16, Sta3)] = AA3,
            [(Evt16, Sta5)] = AA3,
            [(Evt16, Sta13)] = AA2,
            [(Evt17, Sta2)] = AA5,
            [(Evt17, Sta3)] = AA4,
            [(Evt17, Sta4)] = AA4,
            [(Evt17, Sta5)] = AA4,
            [(Evt17, Sta13)] = AR5,
            [(Evt18, Sta2)] = AA2,
            [(Evt18, Sta13)] = AA2,
        };

        // Received PDUs: in Sta2 an unexpected PDU gets AA-1, in Sta13 it is ignored (AA-6) or
        // answered by A-ABORT (AA-7), elsewhere it is a provider abort (AA-8).
        AddReceived(t, Evt3, sta2: AA1, sta5: AE3, sta13: AA6);
        AddReceived(t, Evt4, sta2: AA1, sta5: AE4, sta13: AA6);
        AddReceived(t, Evt6, sta2: AE6, sta5: AA8, sta13: AA7);
        AddReceived(t, Evt10, sta2: AA1, sta5: AA8, sta13: AA6);
        AddReceived(t, Evt12, sta2: AA1, sta5: AA8, sta13: AA6);
        AddReceived(t, Evt13, sta2: AA1, sta5: AA8, sta13: AA6);
        AddReceived(t, Evt19, sta2: AA1, sta5: AA8, sta13: AA7);
        t[(Evt10, Sta6)] = DT2;
        t[(Evt10, Sta7)] = AR6;
        t[(Evt12, Sta6)] = AR2;
        t[(Evt12, Sta7)] = AR8;
        t[(Evt13, Sta7)] = AR3;
        t[(Evt13, Sta10)] = AR10;
        t[(Evt13, Sta11)] = AR3;

        foreach (var state in Sta6To12)
        {
            t[(Evt15, state)] = AA1;
            t[(Evt16, state)] = AA3;
            t[(Evt17, state)] = AA4;
        }

        return t.ToFrozenDictionary();
    }

    private static void AddReceived(Dictionary<(UlEvent, AssociationState), UlAction> t, UlEvent evt, UlAction sta2, UlAction sta5, UlAction sta13)
    {
        t[(evt, Sta2)] = sta2;
        t[(evt, Sta3)] = AA8;
        t[(evt, Sta5)] = sta5;
        foreach (var state in Sta6To12)
        {
            t[(evt, state)] = AA8;
        }

        t[(evt, Sta13)] = sta13;
    }
}
