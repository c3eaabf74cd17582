using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PreferenceFunctions.Pipeline.Kernel.Telemetry;
using PreferenceFunctions.Rapidata.Telemetry;

namespace PreferenceFunctions.Pipeline.Hosting;

/// <summary>
/// The one OpenTelemetry setup both hosts share: the pipeline's and the Rapidata client's spans and meters, the Durable
/// Task worker's spans, HttpClient calls (Rapidata, storage, webhooks) as child spans, logs with the trace id, and OTLP
/// export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. A host adds its own exporters to the returned builder.
/// </summary>
public static class PreferenceTelemetryServiceCollectionExtensions
{
    public const string ServiceName = "PreferenceFunctions";

    /// <summary>The standard OpenTelemetry variable: where OTLP goes (e.g. <c>http://localhost:4317</c>).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Durable Task's own spans (orchestration and activity executions in the local worker).</summary>
    public const string DurableTaskSourceName = "Microsoft.DurableTask";

    public static OpenTelemetryBuilder AddPreferenceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MetricsSnapshot>();
        services.AddHostedService(provider => provider.GetRequiredService<MetricsSnapshot>());
        services.Configure<LoggerFactoryOptions>(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(PipelineTelemetry.Name, RapidataTelemetry.Name, DurableTaskSourceName)
                .AddHttpClientInstrumentation()
                .AddProcessor<RunIdSpanProcessor>())
            .WithMetrics(metrics => metrics
                .AddMeter(PipelineTelemetry.Name, RapidataTelemetry.Name)
                .AddHttpClientInstrumentation())
            .WithLogging();
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting])) telemetry.UseOtlpExporter();
        return telemetry;
    }
}
