using System.Text;
using System.Text.RegularExpressions;
using Json.Pointer;
using Json.Schema;

namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>Turns a failed schema evaluation into ValidationProblemDetails errors keyed by field ("$.referee.totalVotes").</summary>
internal static partial class SchemaErrors
{
    /// <param name="results">An evaluation in <see cref="OutputFormat.Hierarchical"/> format.</param>
    public static Dictionary<string, string[]> From(EvaluationResults results)
    {
        var errors = new Dictionary<string, List<string>>();
        Collect(results, errors);
        if (errors.Count == 0)
        {
            errors["$"] = ["The request body does not match the schema."];
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray());
    }

    // Walks only the failing branches: a passing anyOf branch or a failing `if` (a discriminator test) is not an error.
    private static void Collect(EvaluationResults node, Dictionary<string, List<string>> errors)
    {
        var path = node.EvaluationPath;
        if (node.IsValid || (path.Count > 0 && path[path.Count - 1] == "if"))
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            // The branch that allows an optional property to be null only adds noise next to the real error.
            if (keyword == "type" && message.EndsWith("should be \"null\"", StringComparison.Ordinal))
            {
                continue;
            }

            var field = ToPath(node.InstanceLocation);
            if (keyword != "required")
            {
                Add(errors, field, message);
                continue;
            }

            foreach (Match missing in QuotedName().Matches(message))
            {
                var name = missing.Groups[1].Value;
                Add(errors, $"{field}.{name}", $"The {name} field is required.");
            }
        }

        foreach (var detail in node.HasDetails ? node.Details : [])
        {
            Collect(detail, errors);
        }
    }

    public static string ToPath(JsonPointer pointer)
    {
        var path = new StringBuilder("$");
        foreach (var segment in pointer)
        {
            if (int.TryParse(segment, out var index))
            {
                path.Append('[').Append(index).Append(']');
            }
            else
            {
                path.Append('.').Append(segment);
            }
        }

        return path.ToString();
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();
}
