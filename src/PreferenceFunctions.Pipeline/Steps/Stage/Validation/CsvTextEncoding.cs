using System.Text;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// How matchups.csv's bytes are decoded: chosen from its BOM as StreamReader would choose (UTF-8 without one), but every
/// encoding strict, so invalid bytes throw <see cref="DecoderFallbackException"/> instead of becoming U+FFFD. StreamReader's
/// own choice for a UTF-16 or UTF-32 BOM (<see cref="Encoding.Unicode"/> and the like) replaces them silently.
/// </summary>
/// <param name="Name">As a <c>not-utf8</c> problem names it: "not valid UTF-16 at ...".</param>
/// <param name="UnitBytes">Bytes per code unit: 1, 2 or 4.</param>
/// <param name="BomLength">The BOM's bytes, skipped before the text; 0 for UTF-8, whose BOM is read as U+FEFF where it matters.</param>
internal sealed record CsvTextEncoding(string Name, Encoding Strict, int UnitBytes, bool BigEndian, int BomLength)
{
    /// <summary>The most bytes <see cref="Of"/> looks at.</summary>
    public const int MaxBomLength = 4;

    /// <summary>Its preamble makes StreamReader skip a UTF-8 BOM; the text after it is UTF-8 either way.</summary>
    public static readonly CsvTextEncoding Utf8 = new("UTF-8", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true), 1, false, 0);
    private static readonly CsvTextEncoding Utf16LittleEndian = new("UTF-16", new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), 2, false, 2);
    private static readonly CsvTextEncoding Utf16BigEndian = new("UTF-16", new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), 2, true, 2);
    private static readonly CsvTextEncoding Utf32LittleEndian = new("UTF-32", new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true), 4, false, 4);
    private static readonly CsvTextEncoding Utf32BigEndian = new("UTF-32", new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: true), 4, true, 4);

    /// <summary>The encoding the file's first bytes (up to <see cref="MaxBomLength"/>) announce, in StreamReader's order: FF FE 00 00 is UTF-32, not UTF-16.</summary>
    public static CsvTextEncoding Of(ReadOnlySpan<byte> start) => start switch
    {
        [0xFF, 0xFE, 0x00, 0x00, ..] => Utf32LittleEndian,
        [0x00, 0x00, 0xFE, 0xFF, ..] => Utf32BigEndian,
        [0xFF, 0xFE, ..] => Utf16LittleEndian,
        [0xFE, 0xFF, ..] => Utf16BigEndian,
        _ => Utf8,
    };
}
