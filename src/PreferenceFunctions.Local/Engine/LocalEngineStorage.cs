namespace PreferenceFunctions.Local.Engine;

/// <summary>
/// The storage account of the durable engine: the <c>AzureWebJobsStorage</c> connection string, as for the rest of the
/// app. The Durable Task Azure Storage provider is given a connection string here (Azurite locally).
/// </summary>
public sealed record LocalEngineStorage(string ConnectionString)
{
    public const string SettingName = "AzureWebJobsStorage";

    public static LocalEngineStorage FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The local host needs a storage connection string in '{SettingName}' (for Azurite: UseDevelopmentStorage=true).");
        }
        return new LocalEngineStorage(connectionString);
    }
}
