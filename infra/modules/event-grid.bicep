// Event Grid: the storage account's system topic (its BlobCreated events start runs; the subscription to
// the blob trigger's webhook is added after the code is deployed, see dataset-upload-subscription.bicep)
// and, optionally, a custom topic the app publishes its result events to as CloudEvents.
@description('Name of the storage account\'s system topic.')
param systemTopicName string

@description('Resource ID of the storage account whose events the system topic carries.')
param storageAccountId string

@description('Name of the custom topic for result events.')
param topicName string

@description('Create the custom topic for result events.')
param enableTopic bool

@description('Resource ID of the user-assigned identity the system topic uses to write dead letters.')
param identityId string

@description('Azure region.')
param location string

@description('Tags for both topics.')
param tags object

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = if (enableTopic) {
  name: topicName
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    // Publishers authenticate with Entra ID (EventGrid Data Sender), never with access keys.
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output systemTopicName string = systemTopic.name
output topicName string = enableTopic ? topic.name : ''
output topicEndpoint string = enableTopic ? topic!.properties.endpoint : ''
