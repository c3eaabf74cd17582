using System.Text;
using System.Text.RegularExpressions;
using Json.Pointer;
using Json.Schema;

namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>Turns a failed schema evaluation into ValidationProblemDetails errors keyed by field ("$.referee.totalVotes").</summary>
internal static partial class SchemaErrors
{
    public static Dictionary<string, string[]> From(EvaluationResults results)
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var node in results.Details.Prepend(results))
        {
            if (!node.HasErrors)
            {
                continue;
            }

            foreach (var (keyword, message) in node.Errors!)
            {
                // The branch that allows an optional property to be null only adds noise next to the real error.
                if (keyword == "type" && message.EndsWith("should be \"null\"", StringComparison.Ordinal))
                {
                    continue;
                }

                var field = ToPath(node.InstanceLocation);
                if (keyword == "required")
                {
                    foreach (Match missing in QuotedName().Matches(message))
                    {
                        var name = missing.Groups[1].Value;
                        Add(errors, $"{field}.{name}", $"The {name} field is required.");
                    }

                    continue;
                }

                Add(errors, field, message);
            }
        }

        if (errors.Count == 0)
        {
            errors["$"] = ["The request body does not match the schema."];
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray());
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
