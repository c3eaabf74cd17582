using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using PreferenceFunctions.Api;
using PreferenceFunctions.Hosting;
using PreferenceFunctions.Pipeline.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPreferencePipeline(builder.Configuration).AddPreferenceApi();
builder.Services.AddPreferenceTelemetry(builder.Configuration).UseFunctionsWorkerDefaults().UseAzureMonitorWhenConfigured(builder.Configuration);
builder.Build().Run();
