using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using PreferenceFunctions.Api;
using PreferenceFunctions.Hosting;
using PreferenceFunctions.Pipeline.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The task hub host.json names (an app setting may override it), whose history the run view counts.
var taskHub = builder.Configuration["AzureFunctionsJobHost:extensions:durableTask:hubName"] ?? "PreferenceFunctions";
builder.Services.AddPreferencePipeline(builder.Configuration).AddPreferenceApi(taskHub);
builder.Services.AddPreferenceTelemetry(builder.Configuration).UseFunctionsWorkerDefaults().UseAzureMonitorWhenConfigured(builder.Configuration);
builder.Build().Run();
