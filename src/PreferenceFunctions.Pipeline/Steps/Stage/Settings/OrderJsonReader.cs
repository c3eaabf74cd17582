using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Reads order.json into <see cref="OrderSettingsOverrides"/>. Keys match case-insensitively; unknown keys and
/// wrongly typed values are errors that name the key, so a typo never silently falls back to a default.
/// </summary>
internal static class OrderJsonReader
{
    public const string FileName = "order.json";

    /// <summary>
    /// order.json's text, decoded strictly (a UTF-8 BOM skipped): its criteria and name are shown to labelers, so bytes that
    /// are not UTF-8 are a <c>not-utf8</c> error naming their line and byte offset (counted from the file's first byte),
    /// never replaced with U+FFFD; null then.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> file, ProblemList problems)
    {
        var bom = file.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var bytes = file[bom..];
        var chars = new char[bytes.Length];
        if (Utf8.ToUtf16(bytes, chars, out var valid, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            return new string(chars, 0, written);
        var line = bytes[..valid].Count((byte)'\n') + 1;
        problems.Error(ProblemCodes.NotUtf8, FileName,
            $"{FileName}: not valid UTF-8 at line {line}, byte offset {bom + valid:N0} (bytes {NotUtf8Bytes.Hex(bytes[valid..])}); save the file as UTF-8",
            line: line);
        return null;
    }

    public static OrderSettingsOverrides Read(string json, ProblemList problems)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            problems.Error(ProblemCodes.OrderJson, FileName, $"{FileName}: not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}", line: (int?)e.LineNumber + 1);
            return new OrderSettingsOverrides();
        }
        if (root is not JsonObject obj)
        {
            problems.Error(ProblemCodes.OrderJson, FileName, $"{FileName}: expected a JSON object {{ ... }} at the top level");
            return new OrderSettingsOverrides();
        }
        return Read(obj, FileName, problems);
    }

    /// <summary>The fields of an order.json-shaped object; <paramref name="source"/> names it in messages ("order.json", "settings").</summary>
    public static OrderSettingsOverrides Read(JsonObject obj, string source, ProblemList problems)
    {
        var unknown = obj.Select(p => p.Key).Where(k => !OrderSettingsOverrides.Keys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            problems.Error(ProblemCodes.OrderUnknownKey, source, $"{source}: unknown key(s) {string.Join(", ", unknown.Select(k => $"\"{k}\""))}; known keys: {string.Join(", ", OrderSettingsOverrides.Keys)}",
                column: unknown[0]);

        var fields = new FieldReader(obj, source, problems);
        return new OrderSettingsOverrides
        {
            Name = fields.String("name"),
            Criteria = fields.String("criteria"),
            ResponsesPerMatchup = fields.Int("responsesPerMatchup"),
            ValidationSetId = fields.String("validationSetId"),
            Sample = fields.Int("sample"),
            Seed = fields.Int("seed"),
            Filters = fields.Objects("filters"),
            Settings = fields.Object("settings"),
            QuorumThreshold = fields.Int("quorumThreshold"),
            ConfidenceThreshold = fields.Number("confidenceThreshold"),
            Webhook = fields.String("webhook"),
            Flow = fields.String("flow"),
            Audience = fields.Node("audience"),
            Rerun = fields.Bool("rerun"),
            Leaderboard = fields.String("leaderboard"),
            Adaptive = fields.Node("adaptive"),
        };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    private sealed class FieldReader(JsonObject obj, string source, ProblemList problems)
    {
        private JsonNode? Get(string key, out bool present)
        {
            var match = obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            present = match.Key is not null && match.Value is not null;
            return match.Value;
        }

        private void Wrong(string key, string expected, JsonNode node) =>
            problems.Error(ProblemCodes.OrderJson, source, $"{source}, field {key}: expected {expected}, got {Shorten(node.ToJsonString())}", column: key);

        private static string Shorten(string json) => json.Length <= 80 ? json : json[..80] + "...";

        public string? String(string key)
        {
            var node = Get(key, out var present);
            if (!present) return null;
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
            Wrong(key, "a string", node!);
            return null;
        }

        public int? Int(string key)
        {
            var node = Get(key, out var present);
            if (!present) return null;
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i)) return i;
            Wrong(key, "a whole number", node!);
            return null;
        }

        public bool? Bool(string key)
        {
            var node = Get(key, out var present);
            if (!present) return null;
            if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
            Wrong(key, "true or false", node!);
            return null;
        }

        public double? Number(string key)
        {
            var node = Get(key, out var present);
            if (!present) return null;
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number) return v.GetValue<double>();
            Wrong(key, "a number", node!);
            return null;
        }

        public JsonNode? Node(string key) => Get(key, out var present) is { } node && present ? node.DeepClone() : null;

        public JsonObject? Object(string key)
        {
            var node = Get(key, out var present);
            if (!present) return null;
            if (node is JsonObject o) return (JsonObject)o.DeepClone();
            Wrong(key, "an object", node!);
            return null;
        }

        public IReadOnlyList<JsonObject>? Objects(string key)
        {
            var node = Get(key, out var present);
            if (!present) return null;
            if (node is JsonArray a && a.All(n => n is JsonObject)) return [.. a.Select(n => (JsonObject)n!.DeepClone())];
            Wrong(key, "a list of objects", node!);
            return null;
        }
    }
}
