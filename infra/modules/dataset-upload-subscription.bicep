// Event Grid subscription that starts a run: BlobCreated for datasets/<dataset>/matchups.csv, delivered
// to the blob extension's webhook of the OnDatasetUploaded function (blob trigger, Source = EventGrid).
//
// Deployed on its own by the azd postdeploy hook (infra/hooks/postdeploy.*), not by main.bicep: Event Grid
// validates the webhook when the subscription is created, and both the endpoint and its blobs_extension
// key exist only once the code is deployed and the Functions host has loaded the blob trigger.
@description('Name of the function app hosting the blob trigger.')
param functionAppName string

@description('Name of the blob-triggered function.')
param functionName string = 'OnDatasetUploaded'

@description('Name of the storage account\'s Event Grid system topic.')
param systemTopicName string

@description('Container datasets are dropped into.')
param datasetsContainerName string = 'datasets'

@description('Name of the storage account that receives undeliverable events.')
param storageAccountName string

@description('Container that receives undeliverable events.')
param deadLetterContainerName string = 'deadletters'

@description('Resource ID of the user-assigned identity the system topic writes dead letters with.')
param identityId string

resource app 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

// The host's system key for blob-trigger webhooks. Bicep has no type for Microsoft.Web/sites/host, so the
// key is listed by resource ID (the ARM form: <site id>/host/default).
var blobsExtensionKey = listKeys('${app.id}/host/default', '2024-11-01').systemKeys.blobs_extension

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource datasetUploaded 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'dataset-uploaded'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      // Subjects look like /blobServices/default/containers/datasets/blobs/<dataset>/matchups.csv.
      subjectBeginsWith: '/blobServices/default/containers/${datasetsContainerName}/'
      subjectEndsWith: '/matchups.csv'
    }
    // A missed drop is a missed run: retry for a day, then keep the event as a dead letter.
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identityId
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = datasetUploaded.name
