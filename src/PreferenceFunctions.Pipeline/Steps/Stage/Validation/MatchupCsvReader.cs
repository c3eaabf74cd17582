using System.Text;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// matchups.csv's text, the same for a file and a blob: UTF-8 read strictly, so invalid bytes stop the CSV pass
/// (<see cref="MatchupCsvValidator"/> reports them as <c>not-utf8</c>) instead of becoming U+FFFD in a prompt.
/// <see cref="Bytes"/> stay open, for the caller to dispose: Sep disposes its reader when reading fails, and the
/// validator then reads the bytes again to say where.
/// </summary>
internal sealed class MatchupCsvReader(Stream bytes, int bufferSize = -1)
    : StreamReader(bytes, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize, leaveOpen: true)
{
    /// <summary>
    /// Throws <see cref="DecoderFallbackException"/> on invalid bytes. Its preamble makes StreamReader skip a UTF-8 BOM and
    /// keep this encoding; without one, the BOM would swap in <see cref="Encoding.UTF8"/>, which replaces invalid bytes.
    /// A UTF-16 or UTF-32 BOM still switches to that encoding, as before.
    /// </summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    public Stream Bytes { get; } = bytes;
}
