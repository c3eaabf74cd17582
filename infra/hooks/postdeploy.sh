#!/bin/sh
# azd postdeploy hook: subscribes the OnDatasetUploaded blob trigger to BlobCreated events for
# datasets/<dataset>/matchups.csv (infra/modules/dataset-upload-subscription.bicep).
# It runs after `azd deploy` because Event Grid validates the webhook when the subscription is created,
# and the blobs_extension key behind that webhook only exists once the Functions host has loaded the
# deployed blob trigger. Safe to run again: the deployment updates the same subscription.
set -eu

for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_STORAGE_ACCOUNT_NAME \
  AZURE_EVENTGRID_SYSTEM_TOPIC_NAME AZURE_USER_ASSIGNED_IDENTITY_ID; do
  eval "value=\${$name:-}"
  [ -n "$value" ] || { echo "postdeploy: $name is not set; run this hook through azd (azd up / azd deploy)." >&2; exit 1; }
done
command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required; see docs/deploy.md." >&2; exit 1; }

template="$(dirname "$0")/../modules/dataset-upload-subscription.bicep"

# Listing the keys also wakes the host; the blob extension creates its key when it loads the trigger.
echo "Waiting for the blobs_extension key of $AZURE_FUNCTION_APP_NAME ..."
attempt=0
until az functionapp keys list --subscription "$AZURE_SUBSCRIPTION_ID" -g "$AZURE_RESOURCE_GROUP" \
  -n "$AZURE_FUNCTION_APP_NAME" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null | grep -q .; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 30 ]; then
    echo "postdeploy: no blobs_extension key after 5 minutes; is OnDatasetUploaded deployed? Re-run: azd hooks run postdeploy" >&2
    exit 1
  fi
  sleep 10
done

echo "Creating the Event Grid subscription dataset-uploaded (BlobCreated datasets/*/matchups.csv -> OnDatasetUploaded)"
az deployment group create --subscription "$AZURE_SUBSCRIPTION_ID" -g "$AZURE_RESOURCE_GROUP" \
  --name dataset-upload-subscription --template-file "$template" \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" \
    systemTopicName="$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
    storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
    identityId="$AZURE_USER_ASSIGNED_IDENTITY_ID" \
  --output none
echo "Event Grid subscription dataset-uploaded is ready: upload datasets/<name>/matchups.csv to start a run."
