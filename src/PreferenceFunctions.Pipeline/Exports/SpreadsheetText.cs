namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>
/// Formula neutralising for CSV text cells (OWASP "CSV injection"): a cell a spreadsheet would read as a formula
/// (starting with = + - @, tab or carriage return, or their full-width forms) gets a leading apostrophe, so Excel and
/// Sheets show it as text. Numbers are written with <c>Format</c>, never through here, and stay numbers.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20' ? "'" + text : text;
    }
}
