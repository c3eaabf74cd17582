using System.Text.Json.Serialization;
using PreferenceFunctions.Emulator.Admin;
using PreferenceFunctions.Emulator.Aggregation;
using PreferenceFunctions.Emulator.Assets;
using PreferenceFunctions.Emulator.Audiences;
using PreferenceFunctions.Emulator.Auth;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Crowd;
using PreferenceFunctions.Emulator.Datasets;
using PreferenceFunctions.Emulator.Faults;
using PreferenceFunctions.Emulator.Jobs;
using PreferenceFunctions.Emulator.Orders;
using PreferenceFunctions.Emulator.Pipelines;
using PreferenceFunctions.Emulator.State;
using PreferenceFunctions.Emulator.ValidationSets;
using PreferenceFunctions.Emulator.Workflows;

namespace PreferenceFunctions.Emulator;

/// <summary>The one registration both `dotnet run` and <see cref="RapidataEmulatorHost"/> use, so they are the same app.</summary>
public static partial class EmulatorApplication
{
    /// <summary>Registers the emulator's services; options come from <paramref name="options"/> or the "Emulator" section.</summary>
    /// <param name="clock">The emulator's clock (order progress, outage windows, tokens); the system clock when null.</param>
    public static WebApplicationBuilder AddRapidataEmulator(this WebApplicationBuilder builder, EmulatorOptions? options = null, TimeProvider? clock = null)
    {
        options ??= builder.Configuration.GetSection(EmulatorOptions.SectionName).Get<EmulatorOptions>() ?? new EmulatorOptions();
        var errors = EmulatorOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid emulator settings: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton(_ => OpenApiContracts.Shared);
        services.AddSingleton<TokenStore>();
        services.AddSingleton(sp => StatePersistence.Load(options.PersistenceFolder, sp.GetRequiredService<TokenStore>()));
        services.AddSingleton(sp => new RequestLog(sp.GetRequiredService<EmulatorOptions>()));
        services.AddSingleton<CrowdSimulator>();
        services.AddSingleton<OrderLifecycle>();
        services.AddSingleton<OrderCommands>();
        services.AddSingleton<Env>();
        services.AddSingleton<ResultsDocumentWriter>();
        services.AddSingleton<FaultControl>();
        services.AddProblemDetails();
        if (options.PersistenceFolder is not null)
        {
            services.AddHostedService<StatePersistence>();
        }

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>Adds the middleware (request log, faults, bearer tokens, contract validation) and maps every endpoint.</summary>
    public static WebApplication MapRapidataEmulator(this WebApplication app)
    {
        // Build the contract schemas and load state now, not on the first request.
        _ = app.Services.GetRequiredService<OpenApiContracts>();
        _ = app.Services.GetRequiredService<EmulatorState>();
        app.Services.GetRequiredService<FaultControl>().ResolveAtStart();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseRouting();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<BearerTokenMiddleware>();
        app.UseMiddleware<ContractValidationMiddleware>();
        app.MapTokenEndpoint();
        app.MapAdminEndpoints();
        app.MapOrderEndpoints();
        app.MapAssetEndpoints();
        app.MapDatapointEndpoints();
        app.MapValidationSetEndpoints();
        app.MapPipelineEndpoints();
        app.MapWorkflowEndpoints();
        app.MapJobEndpoints();
        app.MapAudienceEndpoints();
        var options = app.Services.GetRequiredService<EmulatorOptions>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            LogReady(app.Logger, urls, options.ClientId, options.PersistenceFolder ?? "memory only");
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Rapidata emulator ready at {Urls} (client id {ClientId}; admin API under /_emulator; state: {StateLocation})")]
    private static partial void LogReady(ILogger logger, string urls, string clientId, string stateLocation);
}
