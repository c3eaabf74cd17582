// PreferenceFunctions on Azure (azd): a Flex Consumption Functions app with one user-assigned identity,
// keyless storage, Application Insights with Entra ID auth, Key Vault for the Rapidata secret and
// Event Grid for dataset drops and (optionally) result events.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource names and tags every resource.')
param environmentName string

@minLength(1)
@description('Region for all resources; it must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Rapidata client ID (client credentials).')
param rapidataClientId string

@secure()
@description('Rapidata client secret; stored in Key Vault, read by the app through a Key Vault reference.')
param rapidataClientSecret string

@description('Rapidata REST API base URL.')
param rapidataApiBaseUrl string = 'https://api.rapidata.ai'

@description('Rapidata token server base URL (/connect/token).')
param rapidataAuthBaseUrl string = 'https://auth.rapidata.ai'

@description('Rapidata validation set used by every order (Preference__ValidationSetId); empty for none.')
param validationSetId string = ''

@description('Object ID of the deploying user or pipeline, granted data access to upload datasets and rotate the secret; empty to skip.')
param principalId string = ''

@description('Kind of principal behind principalId.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Create an Event Grid custom topic the app publishes result events (CloudEvents) to.')
param enableEventGridTopic bool = false

@description('Optional webhook the app POSTs result events to (Standard Webhooks signed); empty for none.')
param webhookUrl string = ''

@secure()
@description('Signing secret for webhookUrl (whsec_ + base64 of 24-64 random bytes); stored in Key Vault. Required with webhookUrl.')
param webhookSecret string = ''

@description('Memory per Functions instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound for Functions scale-out.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'

// Storage layout (names the app's configuration and docs/ use).
var datasetsContainerName = 'datasets'
var runsContainerName = 'runs'
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'deadletters'
var mediaAssetsContainerName = 'media-assets' // MediaAssetLog.ContainerName
var eventsQueueName = 'preference-events'
var rapidataSecretName = 'rapidata-client-secret'
var webhookSecretName = 'notifications-webhook-secret'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containerNames: [datasetsContainerName, runsContainerName, deploymentContainerName, deadLetterContainerName, mediaAssetsContainerName]
    queueNames: [eventsQueueName]
    tableNames: ['PreferenceRuns', 'MatchupResults', 'ModelScores', 'Leaderboards']
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    rapidataSecretName: rapidataSecretName
    rapidataClientSecret: rapidataClientSecret
    webhookSecretName: webhookSecretName
    storeWebhookSecret: !empty(webhookUrl)
    webhookSecret: webhookSecret
  }
}

module eventGrid 'modules/event-grid.bicep' = {
  name: 'event-grid'
  scope: rg
  params: {
    systemTopicName: '${abbrs.eventGridSystemTopics}${resourceToken}'
    storageAccountId: storage.outputs.id
    topicName: '${abbrs.eventGridTopics}${resourceToken}'
    enableTopic: enableEventGridTopic
    identityId: identity.outputs.id
    location: location
    tags: tags
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    datasetsContainerName: datasetsContainerName
    runsContainerName: runsContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    eventGridTopicName: eventGrid.outputs.topicName
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    // The runtime catalog's value is '10.0'; ARM also accepts '10', which then fails at host start
    // (Azure/Azure-Functions#2666).
    dotnetVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appSettings: union(
      {
        Rapidata__ApiBaseUrl: rapidataApiBaseUrl
        Rapidata__AuthBaseUrl: rapidataAuthBaseUrl
        Rapidata__ClientId: rapidataClientId
        Rapidata__ClientSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.rapidataSecretUri})'
        Preference__DatasetsContainer: datasetsContainerName
        Notifications__QueueName: eventsQueueName
      },
      // Without the topic the setting stays unset, so the app skips the Event Grid sink.
      empty(validationSetId) ? {} : { Preference__ValidationSetId: validationSetId },
      enableEventGridTopic ? { Notifications__EventGridTopicEndpoint: eventGrid.outputs.topicEndpoint } : {},
      empty(webhookUrl)
        ? {}
        : {
            Notifications__WebhookUrl: webhookUrl
            Notifications__WebhookSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.webhookSecretUri})'
          }
    )
  }
  // The host must be able to read storage and the secret the moment it starts.
  dependsOn: [roles]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_USER_ASSIGNED_IDENTITY_ID string = identity.outputs.id
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_DATASETS_CONTAINER string = datasetsContainerName
output AZURE_STORAGE_RUNS_CONTAINER string = runsContainerName
output AZURE_STORAGE_DEADLETTER_CONTAINER string = deadLetterContainerName
output AZURE_STORAGE_EVENTS_QUEUE string = eventsQueueName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_RAPIDATA_SECRET_NAME string = rapidataSecretName
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.systemTopicName
output AZURE_EVENTGRID_TOPIC_ENDPOINT string = eventGrid.outputs.topicEndpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
