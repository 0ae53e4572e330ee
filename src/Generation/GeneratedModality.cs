namespace Conformance.Generation;

/// <summary>The kinds of object the test-data generator makes.</summary>
public enum GeneratedModality
{
    /// <summary>CT Image Storage, 512x512 16-bit like a real CT slice (~514 KB).</summary>
    CT,

    /// <summary>MR Image Storage, 256x256 16-bit.</summary>
    MR,

    /// <summary>Ultrasound Multi-frame Image Storage, 8-bit frames.</summary>
    US,

    /// <summary>Secondary Capture Image Storage, RGB 8-bit.</summary>
    SC,

    /// <summary>A CT image carrying sequences, private elements and non-ASCII names (ISO_IR 192).</summary>
    RICH,
}
