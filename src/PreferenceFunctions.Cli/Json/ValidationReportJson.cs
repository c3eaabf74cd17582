using System.Text.Json;
using System.Text.Json.Serialization;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Cli.Json;

/// <summary>
/// <c>validate --json</c>'s report, serialised without reflection (Native AOT) in the pipeline's validation.json shape
/// (DatasetJson.Indented): camelCase, enums as camelCase names, nulls left out, indented. Every enum in the report needs
/// its converter listed here; ValidationReportJsonTests compares the two shapes.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<ProblemSeverity>), typeof(CamelCaseEnumConverter<RefereeKind>),
        typeof(CamelCaseEnumConverter<RapidataFlow>), typeof(CamelCaseEnumConverter<AdaptiveStop>)])]
[JsonSerializable(typeof(ValidationReport))]
internal sealed partial class ValidationReportJson : JsonSerializerContext;
