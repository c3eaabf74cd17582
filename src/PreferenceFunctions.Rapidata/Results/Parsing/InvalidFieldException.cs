using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>A field of the results document has the wrong type; <see cref="FieldPath"/> grows as it bubbles up.</summary>
internal sealed class InvalidFieldException(string path, string problem)
    : JsonException($"Results document: {path} {problem}")
{
    public string FieldPath { get; } = path;

    public string Problem { get; } = problem;

    public InvalidFieldException Within(string parent) =>
        new(FieldPath.StartsWith('[') ? parent + FieldPath : $"{parent}.{FieldPath}", Problem);
}
