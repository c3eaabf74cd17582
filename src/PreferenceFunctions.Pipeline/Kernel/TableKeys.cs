using System.Globalization;
using System.Text;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// PartitionKey/RowKey values may not contain '/', '\', '#', '?' or control characters; user-supplied ids
/// (matchup ids, model names) are escaped reversibly with '%XX'.
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c)) builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Unescape(string value) => Uri.UnescapeDataString(value);
}
