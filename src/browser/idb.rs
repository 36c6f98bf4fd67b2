//! IndexedDB, for what localStorage's few megabytes cannot hold (a reviewer's set of hundreds
//! of reports): one database, one store of texts by key, through the idb crate.

use idb::{
    Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode, TransactionResult,
};
use wasm_bindgen::JsValue;

const DATABASE: &str = "zipin";
const STORE: &str = "sets";

fn text(error: idb::Error) -> String {
    error.to_string()
}

async fn open() -> Result<Database, String> {
    let factory = Factory::new().map_err(text)?;
    let mut request = factory.open(DATABASE, Some(1)).map_err(text)?;
    request.on_upgrade_needed(|event| {
        if let Ok(database) = event.database() {
            let _ = database.create_object_store(STORE, ObjectStoreParams::new());
        }
    });
    request.await.map_err(text)
}

/// Runs `work` on the store in one transaction and waits for it to be committed.
async fn within<T, F>(mode: TransactionMode, work: F) -> Result<T, String>
where
    F: AsyncFnOnce(&idb::ObjectStore) -> Result<T, idb::Error>,
{
    let database = open().await?;
    let transaction = database.transaction(&[STORE], mode).map_err(text)?;
    let store = transaction.object_store(STORE).map_err(text)?;
    let result = work(&store).await.map_err(text)?;
    let outcome = transaction.commit().map_err(text)?.await.map_err(text)?;
    database.close();
    match outcome {
        TransactionResult::Committed => Ok(result),
        TransactionResult::Aborted => Err("aborted".to_owned()),
    }
}

/// Stores `value` under `key`.
pub async fn put(key: &str, value: &str) -> Result<(), String> {
    within(TransactionMode::ReadWrite, async |store| {
        store
            .put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))?
            .await
            .map(|_| ())
    })
    .await
}

/// The text stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    within(TransactionMode::ReadOnly, async |store| {
        Ok(store
            .get(JsValue::from_str(key))?
            .await?
            .and_then(|value| value.as_string()))
    })
    .await
}

/// Removes what is stored under `key`.
pub async fn delete(key: &str) -> Result<(), String> {
    within(TransactionMode::ReadWrite, async |store| {
        store.delete(JsValue::from_str(key))?.await
    })
    .await
}
