using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreferenceFunctions.Cli.Json;

/// <summary>An enum as its camelCase name; the generic converter needs no runtime code generation (Native AOT).</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
