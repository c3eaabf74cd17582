// The Functions app on a Flex Consumption (FC1) plan, .NET isolated. Everything it reaches (storage,
// Key Vault, Application Insights, Event Grid) it reaches with one user-assigned identity.
@description('Function app name (also its host name: <name>.azurewebsites.net).')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region (must offer Flex Consumption).')
param location string

@description('Tags for the plan and the app.')
param tags object

@description('azd service name the app is deployed as (azure.yaml).')
param serviceName string

@description('.NET version of the isolated worker, as the Flex Consumption runtime catalog spells it.')
param dotnetVersion string

@description('Memory per instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Upper bound for scale-out.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Resource ID of the user-assigned identity.')
param identityId string

@description('Client ID of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account (AzureWebJobsStorage and the deployment package).')
param storageAccountName string

@description('Blob container the deployment package is uploaded to.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('App-specific settings (Rapidata, Preference, Notifications), merged with the host settings.')
param appSettings object

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Identity-based host storage: service URIs + managed identity, never a connection string.
var hostSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  // Azure SDK clients built with DefaultAzureCredential pick the user-assigned identity from here.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Links in run events point at this app's HTTP API.
  Preference__PublicBaseUrl: 'https://${app.properties.defaultHostName}/'
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Rapidata__ClientSecret) resolve with this identity, not a system identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, hostSettings)
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
