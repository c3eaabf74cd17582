// Key Vault in RBAC mode holding the Rapidata client secret. The app reads it through a Key Vault
// reference resolved with its user-assigned identity; nobody reads it through access policies.
@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the vault.')
param tags object

@description('Name of the secret that holds the Rapidata client secret.')
param rapidataSecretName string

@secure()
@description('The Rapidata client secret (client credentials flow).')
param rapidataClientSecret string

@description('Name of the secret that holds the webhook signing secret.')
param webhookSecretName string

@description('Store the webhook signing secret (a webhook is configured).')
param storeWebhookSecret bool

@secure()
@description('Standard Webhooks signing secret (whsec_...); used when storeWebhookSecret is true.')
param webhookSecret string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // A deleted vault or secret cannot be purged before its retention ends (not even by its owner): a stolen
    // deployment credential cannot destroy the Rapidata and webhook secrets for good.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource rapidataSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: rapidataSecretName
  properties: {
    value: rapidataClientSecret
    contentType: 'text/plain'
  }
}

resource webhookSigningSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (storeWebhookSecret) {
  parent: vault
  name: webhookSecretName
  properties: {
    value: webhookSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
// Versionless URI: the app picks up a rotated secret without a redeployment.
output rapidataSecretUri string = rapidataSecret.properties.secretUri
output webhookSecretUri string = storeWebhookSecret ? webhookSigningSecret!.properties.secretUri : ''
