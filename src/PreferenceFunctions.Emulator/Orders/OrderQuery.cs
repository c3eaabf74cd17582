using System.Globalization;
using PreferenceFunctions.Emulator.Contracts;

namespace PreferenceFunctions.Emulator.Orders;

/// <summary>GET /orders: deepObject filters (order_name[contains]=...), page, page_size and sort, as order.openapi.json declares.</summary>
internal static class OrderQuery
{
    private static readonly string[] SortFields = ["order_name", "order_date", "state"];
    private static readonly string[] FilterFields = ["order_name", "state", "order_date", "customer_mail", "is_public"];

    public static IResult Run(HttpRequest request, Env env)
    {
        var errors = new Dictionary<string, string[]>();
        var page = ReadInt(request, "page", 1, errors);
        var pageSize = ReadInt(request, "page_size", 10, errors);
        var sorts = request.Query["sort"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        foreach (var sort in sorts.Where(s => !SortFields.Contains(s.TrimStart('-'))))
        {
            errors["sort"] = [$"'{sort}' is not one of {string.Join(", ", SortFields)} (optionally prefixed with -)."];
        }

        var filters = new List<Func<OrderListItem, bool>>();
        foreach (var (key, values) in request.Query)
        {
            var open = key.IndexOf('[', StringComparison.Ordinal);
            if (open < 0 || !key.EndsWith(']'))
            {
                continue;
            }

            var field = key[..open];
            var op = key[(open + 1)..^1].TrimEnd(']', '[');
            if (!FilterFields.Contains(field))
            {
                errors[key] = [$"Unknown filter field '{field}'."];
            }
            else if (Filter(field, op, values.Select(v => v ?? "").ToArray()) is { } filter)
            {
                filters.Add(filter);
            }
            else
            {
                errors[key] = [$"Unknown filter operator '{op}'."];
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var logicOr = request.Query["logic"] == "or";
        var matching = env.State.LiveOrders
            .Select(o => env.Lifecycle.Refresh(o))
            .Select(o => new OrderListItem(o.Id, o.PipelineId, o.CreatedAt, env.Options.CustomerMail, o.State, o.Name, false, o.FailureMessage))
            .Where(item => filters.Count == 0 || (logicOr ? filters.Any(f => f(item)) : filters.All(f => f(item))));
        var sorted = Sort(matching, sorts.Count == 0 ? ["-order_date"] : sorts).ToList();
        var items = sorted.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return Results.Ok(new OrderPage(sorted.Count, page, pageSize, items, (int)Math.Ceiling(sorted.Count / (double)pageSize)));
    }

    private static Func<OrderListItem, bool>? Filter(string field, string op, string[] values)
    {
        string Value(OrderListItem item) => field switch
        {
            "order_name" => item.OrderName,
            "state" => item.State,
            "order_date" => item.OrderDate?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            "customer_mail" => item.CustomerMail,
            _ => item.IsPublic ? "true" : "false",
        };

        var operand = values.FirstOrDefault() ?? "";
        var ignoreCase = StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            "eq" => item => string.Equals(Value(item), operand, ignoreCase),
            "neq" => item => !string.Equals(Value(item), operand, ignoreCase),
            "contains" => item => Value(item).Contains(operand, ignoreCase),
            "not_contains" => item => !Value(item).Contains(operand, ignoreCase),
            "starts_with" => item => Value(item).StartsWith(operand, ignoreCase),
            "ends_with" => item => Value(item).EndsWith(operand, ignoreCase),
            "gt" => item => string.CompareOrdinal(Value(item), operand) > 0,
            "gte" => item => string.CompareOrdinal(Value(item), operand) >= 0,
            "lt" => item => string.CompareOrdinal(Value(item), operand) < 0,
            "lte" => item => string.CompareOrdinal(Value(item), operand) <= 0,
            "in" => item => values.SelectMany(v => v.Split(',')).Contains(Value(item), StringComparer.OrdinalIgnoreCase),
            _ => null,
        };
    }

    private static IEnumerable<OrderListItem> Sort(IEnumerable<OrderListItem> items, List<string> sorts)
    {
        IOrderedEnumerable<OrderListItem>? sorted = null;
        foreach (var sort in sorts)
        {
            var descending = sort.StartsWith('-');
            Func<OrderListItem, string> key = sort.TrimStart('-') switch
            {
                "order_name" => i => i.OrderName,
                "state" => i => i.State,
                _ => i => i.OrderDate?.UtcTicks.ToString("D20", CultureInfo.InvariantCulture) ?? "",
            };
            sorted = sorted is null
                ? (descending ? items.OrderByDescending(key, StringComparer.Ordinal) : items.OrderBy(key, StringComparer.Ordinal))
                : (descending ? sorted.ThenByDescending(key, StringComparer.Ordinal) : sorted.ThenBy(key, StringComparer.Ordinal));
        }

        return sorted ?? items;
    }

    private static int ReadInt(HttpRequest request, string name, int fallback, Dictionary<string, string[]> errors)
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            errors[name] = [$"'{raw}' is not a positive integer."];
        }

        return value;
    }
}
