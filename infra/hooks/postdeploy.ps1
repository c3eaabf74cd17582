# azd postdeploy hook (Windows): same as postdeploy.sh. Subscribes the OnDatasetUploaded blob trigger to
# BlobCreated events for datasets/<dataset>/matchups.csv once the code is deployed and the Functions host
# has created the blobs_extension key that Event Grid's webhook validation needs.
$ErrorActionPreference = 'Stop'

foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_STORAGE_ACCOUNT_NAME',
    'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'AZURE_USER_ASSIGNED_IDENTITY_ID') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        throw "postdeploy: $name is not set; run this hook through azd (azd up / azd deploy)."
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw "postdeploy: the Azure CLI (az) is required; see docs/deploy.md."
}

$template = Join-Path $PSScriptRoot '..' 'modules' 'dataset-upload-subscription.bicep'

# Listing the keys also wakes the host; the blob extension creates its key when it loads the trigger.
Write-Host "Waiting for the blobs_extension key of $env:AZURE_FUNCTION_APP_NAME ..."
$ready = $false
for ($attempt = 0; $attempt -lt 30 -and -not $ready; $attempt++) {
    $key = az functionapp keys list --subscription $env:AZURE_SUBSCRIPTION_ID -g $env:AZURE_RESOURCE_GROUP `
        -n $env:AZURE_FUNCTION_APP_NAME --query 'systemKeys.blobs_extension' -o tsv 2>$null
    $ready = -not [string]::IsNullOrWhiteSpace($key)
    if (-not $ready) { Start-Sleep -Seconds 10 }
}
if (-not $ready) {
    throw 'postdeploy: no blobs_extension key after 5 minutes; is OnDatasetUploaded deployed? Re-run: azd hooks run postdeploy'
}

Write-Host 'Creating the Event Grid subscription dataset-uploaded (BlobCreated datasets/*/matchups.csv -> OnDatasetUploaded)'
az deployment group create --subscription $env:AZURE_SUBSCRIPTION_ID -g $env:AZURE_RESOURCE_GROUP `
    --name dataset-upload-subscription --template-file $template `
    --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME `
    systemTopicName=$env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME `
    storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME `
    identityId=$env:AZURE_USER_ASSIGNED_IDENTITY_ID `
    --output none
if ($LASTEXITCODE -ne 0) { throw "postdeploy: az deployment group create failed ($LASTEXITCODE)." }
Write-Host 'Event Grid subscription dataset-uploaded is ready: upload datasets/<name>/matchups.csv to start a run.'
