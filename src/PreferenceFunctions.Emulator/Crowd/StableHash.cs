using System.Text;

namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>A hash that is the same in every process (string.GetHashCode is randomised per process), for seeding.</summary>
internal static class StableHash
{
    public static int Seed(int seed, params ReadOnlySpan<string?> parts)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part ?? "\0"))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            hash = (hash ^ 0xFF) * 1099511628211UL; // separator, so ("ab","c") differs from ("a","bc")
        }

        return (int)(hash ^ (hash >> 32));
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
