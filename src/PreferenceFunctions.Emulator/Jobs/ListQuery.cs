using System.Globalization;
using PreferenceFunctions.Emulator.Contracts;

namespace PreferenceFunctions.Emulator.Jobs;

/// <summary>The query of GET /jobs and GET /job/definitions: deepObject filters (<c>name[contains]=</c>, <c>state[eq]=</c>, ...),
/// page, page_size and sort (created_at, name, state; prefix - for descending), newest first by default.</summary>
internal static class ListQuery
{
    public static IResult Run<T>(HttpRequest request, IEnumerable<T> source, Func<T, string, string?> field, Func<IReadOnlyList<T>, long, int, int, object> page)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = ReadInt(request, "page", 1, errors);
        var pageSize = ReadInt(request, "page_size", 10, errors);
        var filters = new List<Func<T, bool>>();
        foreach (var (key, values) in request.Query)
        {
            var open = key.IndexOf('[', StringComparison.Ordinal);
            if (open < 0 || !key.EndsWith(']')) continue;
            var name = key[..open];
            var op = key[(open + 1)..^1];
            var operand = values.ToString();
            Func<string, bool>? test = op switch
            {
                "eq" => v => string.Equals(v, operand, StringComparison.OrdinalIgnoreCase),
                "neq" => v => !string.Equals(v, operand, StringComparison.OrdinalIgnoreCase),
                "contains" => v => v.Contains(operand, StringComparison.OrdinalIgnoreCase),
                "not_contains" => v => !v.Contains(operand, StringComparison.OrdinalIgnoreCase),
                "starts_with" => v => v.StartsWith(operand, StringComparison.OrdinalIgnoreCase),
                "ends_with" => v => v.EndsWith(operand, StringComparison.OrdinalIgnoreCase),
                _ => null,
            };
            if (test is null) errors[key] = [$"Unknown filter operator '{op}'."];
            else filters.Add(item => field(item, name) is { } value && test(value));
        }

        if (errors.Count > 0) return Problems.Validation(errors);
        var sort = request.Query["sort"].ToString() is { Length: > 0 } s ? s : "-created_at";
        var matching = source.Where(item => filters.All(f => f(item)));
        var sortField = sort.TrimStart('-');
        var sorted = (sort.StartsWith('-')
            ? matching.OrderByDescending(i => field(i, sortField), StringComparer.Ordinal)
            : matching.OrderBy(i => field(i, sortField), StringComparer.Ordinal)).ToList();
        return Results.Ok(page([.. sorted.Skip((pageNumber - 1) * pageSize).Take(pageSize)], sorted.Count, pageNumber, pageSize));
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static int ReadInt(HttpRequest request, string name, int fallback, Dictionary<string, string[]> errors)
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
            errors[name] = [$"'{raw}' is not a positive integer."];
        return value;
    }
}
