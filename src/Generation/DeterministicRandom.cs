namespace Conformance.Generation;

/// <summary>
/// SplitMix64: a tiny PRNG whose output is fixed by its seed on every platform and runtime,
/// unlike <see cref="Random"/>, whose algorithm is an implementation detail.
/// </summary>
internal struct DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed)
    {
        _state = seed;
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>Roughly normal noise in [-range, range] (sum of uniforms), cheap enough per pixel.</summary>
    public int NextNoise(int range)
    {
        var bits = NextUInt64();
        var sum = (int)(bits & 0xFFFF) + (int)((bits >> 16) & 0xFFFF) + (int)((bits >> 32) & 0xFFFF) + (int)(bits >> 48);
        return ((sum - (2 * 0xFFFF)) * range) / (2 * 0xFFFF);
    }
}
