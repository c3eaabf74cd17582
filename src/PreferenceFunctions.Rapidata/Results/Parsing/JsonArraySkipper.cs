using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Finds the end of a JSON array without tokenising it, for values a caller does not read (the votes are 85% of a
/// results document): a scan of quotes, backslash escapes and brackets, 64 bytes at a time with vector compares.
/// Strings are stepped over whole and the brackets outside them must nest ('[' closed by ']', '{' by '}'); the
/// values between are not checked.
/// </summary>
internal static class JsonArraySkipper
{
    private const int BlockSize = 64;
    private const int MaxDepth = 64;

    /// <summary>The index just after the ']' that closes the '[' at <paramref name="start"/>; -1 when
    /// <paramref name="json"/> ends first.</summary>
    /// <exception cref="InvalidFieldException">A bracket closes the wrong kind of bracket, or the nesting is deeper than 64.</exception>
    public static int FindEnd(ReadOnlySpan<byte> json, int start, string where)
    {
        var nesting = new Nesting(where);
        bool inString = false, escaped = false;
        Span<byte> padded = stackalloc byte[BlockSize];
        for (var position = start; position < json.Length; position += BlockSize)
        {
            scoped var block = json[position..];
            if (block.Length < BlockSize)
            {
                padded.Fill((byte)' '); // spaces are neither quotes nor brackets
                block.CopyTo(padded);
                block = padded;
            }
            var end = HasBackslash(block) || escaped
                ? ScanWithEscapes(block, ref nesting, ref inString, ref escaped)
                : ScanWithoutEscapes(block, ref nesting, ref inString);
            if (end >= 0) return position + end;
        }
        return -1;
    }

    /// <summary>The common block: no backslash, so every quote opens or closes a string and the bytes inside strings
    /// are found with a prefix XOR of the quote bits.</summary>
    private static int ScanWithoutEscapes(ReadOnlySpan<byte> block, ref Nesting nesting, ref bool inString)
    {
        var (quotes, opens, closes) = Masks(block);
        var inside = PrefixXor(quotes) ^ (inString ? ulong.MaxValue : 0);
        inString = (long)inside < 0; // the block's last byte is inside a string
        for (var brackets = (opens | closes) & ~inside; brackets != 0; brackets &= brackets - 1)
        {
            var i = BitOperations.TrailingZeroCount(brackets);
            if (nesting.Step(block[i])) return i + 1;
        }
        return -1;
    }

    /// <summary>A block with a backslash (or one continuing an escape), byte by byte.</summary>
    private static int ScanWithEscapes(ReadOnlySpan<byte> block, ref Nesting nesting, ref bool inString, ref bool escaped)
    {
        for (var i = 0; i < BlockSize; i++)
        {
            var b = block[i];
            if (inString)
            {
                if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') inString = false;
            }
            else if (b == '"') inString = true;
            else if ((b | 0x20) is (byte)'{' or (byte)'}' && nesting.Step(b)) return i + 1;
        }
        return -1;
    }

    private static bool HasBackslash(ReadOnlySpan<byte> block) =>
        Vector256.EqualsAny(Vector256.Create(block), Vector256.Create((byte)'\\'))
        || Vector256.EqualsAny(Vector256.Create(block[32..]), Vector256.Create((byte)'\\'));

    /// <summary>Bit i set when byte i is a quote, an opening bracket ('[' or '{'), a closing one (']' or '}').</summary>
    private static (ulong Quotes, ulong Opens, ulong Closes) Masks(ReadOnlySpan<byte> block)
    {
        var (low, high) = (Vector256.Create(block), Vector256.Create(block[32..]));
        // '[' and '{' differ only in bit 0x20, as do ']' and '}'.
        var (lowFolded, highFolded) = (low | Vector256.Create((byte)0x20), high | Vector256.Create((byte)0x20));
        return (Bits(low, high, (byte)'"'), Bits(lowFolded, highFolded, (byte)'{'), Bits(lowFolded, highFolded, (byte)'}'));
    }

    private static ulong Bits(Vector256<byte> low, Vector256<byte> high, byte value) =>
        Vector256.Equals(low, Vector256.Create(value)).ExtractMostSignificantBits()
        | (ulong)Vector256.Equals(high, Vector256.Create(value)).ExtractMostSignificantBits() << 32;

    /// <summary>Bit i = XOR of bits 0..i: set from an opening quote up to (not including) its closing quote.</summary>
    private static ulong PrefixXor(ulong bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        return bits ^ (bits << 32);
    }

    /// <summary>The open brackets, innermost last, as one bit per level (set: an object).</summary>
    private struct Nesting(string where)
    {
        private ulong _objects;
        private int _depth;

        /// <summary>Applies a bracket; true when it closes the outermost one.</summary>
        /// <remarks>Inlined into the scan loops (it runs for every bracket of every vote); the throws live in
        /// separate methods so that it stays small enough.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Step(byte bracket)
        {
            var isObject = (bracket & 0x20) != 0; // '{' and '}', not '[' and ']'
            if (bracket is (byte)'[' or (byte)'{')
            {
                if (_depth == MaxDepth) throw TooDeep(where);
                _objects = isObject ? _objects | 1UL << _depth : _objects & ~(1UL << _depth);
                _depth++;
                return false;
            }
            _depth--;
            if (((_objects >> _depth & 1) != 0) != isObject) throw Mismatched(where, bracket, isObject);
            return _depth == 0;
        }

        private static InvalidFieldException TooDeep(string where) => new(where, $"nests deeper than {MaxDepth} levels.");

        private static InvalidFieldException Mismatched(string where, byte bracket, bool isObject) =>
            new(where, $"is not valid JSON: '{(char)bracket}' closes a '{(isObject ? '[' : '{')}'.");
    }
}
