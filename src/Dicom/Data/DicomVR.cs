using System.Diagnostics.CodeAnalysis;

namespace Conformance.Dicom.Data;

/// <summary>A value representation of PS3.5 6.2 (all 34 VRs), identified by its two characters.</summary>
public readonly struct DicomVR : IEquatable<DicomVR>
{
    private readonly ushort _code;

    private DicomVR(char a, char b) => _code = (ushort)((a << 8) | b);

    public static readonly DicomVR AE = new('A', 'E');
    public static readonly DicomVR AS = new('A', 'S');
    public static readonly DicomVR AT = new('A', 'T');
    public static readonly DicomVR CS = new('C', 'S');
    public static readonly DicomVR DA = new('D', 'A');
    public static readonly DicomVR DS = new('D', 'S');
    public static readonly DicomVR DT = new('D', 'T');
    public static readonly DicomVR FD = new('F', 'D');
    public static readonly DicomVR FL = new('F', 'L');
    public static readonly DicomVR IS = new('I', 'S');
    public static readonly DicomVR LO = new('L', 'O');
    public static readonly DicomVR LT = new('L', 'T');
    public static readonly DicomVR OB = new('O', 'B');
    public static readonly DicomVR OD = new('O', 'D');
    public static readonly DicomVR OF = new('O', 'F');
    public static readonly DicomVR OL = new('O', 'L');
    public static readonly DicomVR OV = new('O', 'V');
    public static readonly DicomVR OW = new('O', 'W');
    public static readonly DicomVR PN = new('P', 'N');
    public static readonly DicomVR SH = new('S', 'H');
    public static readonly DicomVR SL = new('S', 'L');
    public static readonly DicomVR SQ = new('S', 'Q');
    public static readonly DicomVR SS = new('S', 'S');
    public static readonly DicomVR ST = new('S', 'T');
    public static readonly DicomVR SV = new('S', 'V');
    public static readonly DicomVR TM = new('T', 'M');
    public static readonly DicomVR UC = new('U', 'C');
    public static readonly DicomVR UI = new('U', 'I');
    public static readonly DicomVR UL = new('U', 'L');
    public static readonly DicomVR UN = new('U', 'N');
    public static readonly DicomVR UR = new('U', 'R');
    public static readonly DicomVR US = new('U', 'S');
    public static readonly DicomVR UT = new('U', 'T');
    public static readonly DicomVR UV = new('U', 'V');

    /// <summary>All VRs of PS3.5 table 6.2-1.</summary>
    public static IReadOnlyList<DicomVR> All { get; } =
    [
        AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN,
        SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
    ];

    private static readonly ushort[] s_codes = All.Select(v => v._code).ToArray();

    /// <summary>The two characters, e.g. "PN".</summary>
    public string Code => _code == 0 ? "??" : string.Create(2, _code, static (s, c) => { s[0] = (char)(c >> 8); s[1] = (char)(c & 0xFF); });

    /// <summary>True for VRs whose explicit-VR header has 2 reserved bytes and a 32-bit length (PS3.5 7.1.2).</summary>
    public bool HasLongExplicitLength =>
        this == OB || this == OD || this == OF || this == OL || this == OV || this == OW || this == SQ ||
        this == SV || this == UC || this == UN || this == UR || this == UT || this == UV;

    /// <summary>Size of the unit swapped between little and big endian: 1 (no swap), 2, 4 or 8 (PS3.5 7.3).</summary>
    public int ByteSwapSize
    {
        get
        {
            if (this == US || this == SS || this == OW || this == AT)
            {
                return 2;
            }

            if (this == UL || this == SL || this == FL || this == OF || this == OL)
            {
                return 4;
            }

            return this == FD || this == OD || this == SV || this == UV || this == OV ? 8 : 1;
        }
    }

    /// <summary>Character-string VRs (values are text, multiple values separated by backslash except ST, LT, UT, UR).</summary>
    public bool IsString =>
        this == AE || this == AS || this == CS || this == DA || this == DS || this == DT || this == IS || this == LO ||
        this == LT || this == PN || this == SH || this == ST || this == TM || this == UC || this == UI || this == UR || this == UT;

    /// <summary>String VRs whose characters depend on Specific Character Set (0008,0005) (PS3.5 6.1.2.3).</summary>
    public bool UsesSpecificCharacterSet =>
        this == SH || this == LO || this == ST || this == LT || this == PN || this == UC || this == UT;

    /// <summary>String VRs holding a single value that may contain backslashes.</summary>
    public bool IsSingleValueText => this == ST || this == LT || this == UT || this == UR;

    /// <summary>Byte used to pad a value to even length: NUL for UI and binary VRs, space for strings (PS3.5 6.2).</summary>
    public byte PaddingByte => IsString && this != UI ? (byte)' ' : (byte)0;

    /// <summary>Fixed size of one binary value (US 2, FD 8, AT 4...), 0 for strings, SQ and byte/word streams.</summary>
    public int ValueSize
    {
        get
        {
            if (this == AT)
            {
                return 4;
            }

            if (this == US || this == SS)
            {
                return 2;
            }

            if (this == UL || this == SL || this == FL)
            {
                return 4;
            }

            return this == FD || this == SV || this == UV ? 8 : 0;
        }
    }

    public static DicomVR Parse(string code) =>
        TryParse(code, out var vr) ? vr : throw new FormatException($"not a DICOM VR: '{code}'");

    public static bool TryParse([NotNullWhen(true)] string? code, out DicomVR vr)
    {
        vr = default;
        return code is { Length: 2 } && TryParse((byte)code[0], (byte)code[1], out vr);
    }

    /// <summary>Parses the two VR bytes of an explicit-VR header; false if they are not one of the 34 VRs.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = new DicomVR((char)first, (char)second);
        if (Array.IndexOf(s_codes, vr._code) >= 0)
        {
            return true;
        }

        vr = default;
        return false;
    }

    internal byte FirstByte => (byte)(_code >> 8);

    internal byte SecondByte => (byte)_code;

    public bool Equals(DicomVR other) => _code == other._code;

    public override bool Equals(object? obj) => obj is DicomVR v && Equals(v);

    public override int GetHashCode() => _code;

    public override string ToString() => Code;

    public static bool operator ==(DicomVR left, DicomVR right) => left.Equals(right);

    public static bool operator !=(DicomVR left, DicomVR right) => !left.Equals(right);
}
