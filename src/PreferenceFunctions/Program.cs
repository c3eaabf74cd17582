using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PreferenceFunctions.Api;
using PreferenceFunctions.Pipeline.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPreferencePipeline(builder.Configuration).AddPreferenceApi();
builder.Build().Run();
