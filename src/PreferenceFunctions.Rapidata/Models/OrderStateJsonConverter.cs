using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreferenceFunctions.Rapidata.Models;

/// <summary>Reads an order state without ever failing: an unknown or future value becomes <see cref="OrderState.Unknown"/>.</summary>
public sealed class OrderStateJsonConverter : JsonConverter<OrderState>
{
    public static OrderState Parse(string? text) =>
        Enum.TryParse<OrderState>(text, ignoreCase: true, out var state) && Enum.IsDefined(state) && !int.TryParse(text, out _)
            ? state
            : OrderState.Unknown;

    public override OrderState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : SkipUnknown(ref reader);

    public override void Write(Utf8JsonWriter writer, OrderState value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    private static OrderState SkipUnknown(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return OrderState.Unknown;
    }
}
