//! The files of a dropped folder, however deep: the browser hands a drop's folders over as
//! entries (`webkitGetAsEntry`), read a batch at a time through callbacks.

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

/// The most files one drop may bring (a folder of a year's reports holds a few hundred).
const MAX_FILES: usize = 5_000;

/// What a drop held, taken while the drop event lasts (a drop's items are gone once its
/// handler returns; the entries taken from them stay readable).
pub struct Dropped {
    entries: Vec<FileSystemEntry>,
    files: Vec<File>,
}

impl Dropped {
    /// Takes the drop's entries and files.
    pub fn take(data: &DataTransfer) -> Dropped {
        let items = data.items();
        Dropped {
            entries: (0..items.length())
                .filter_map(|i| items.get(i))
                .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
                .collect(),
            files: data
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default(),
        }
    }

    /// Whether it holds a folder.
    pub fn has_folder(&self) -> bool {
        self.entries.iter().any(FileSystemEntry::is_directory)
    }

    /// Every file of it: the files dropped, and the files of the folders dropped, depth
    /// first.
    pub async fn files(self) -> Vec<File> {
        if self.entries.is_empty() {
            // A browser that gives no entries still gives the files.
            return self.files;
        }
        let mut pending = self.entries;
        pending.reverse();
        let mut files = Vec::new();
        while let Some(entry) = pending.pop() {
            if files.len() >= MAX_FILES {
                break;
            }
            if let Some(file_entry) = entry.dyn_ref::<FileSystemFileEntry>() {
                if let Some(file) = file_of(file_entry).await {
                    files.push(file);
                }
            } else if let Some(folder) = entry.dyn_ref::<FileSystemDirectoryEntry>() {
                let mut inside = entries_of(folder).await;
                inside.reverse();
                pending.extend(inside);
            }
        }
        files
    }
}

async fn file_of(entry: &FileSystemFileEntry) -> Option<File> {
    let promise = Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// A folder's entries: `readEntries` gives a batch at a time, and an empty batch at the end.
async fn entries_of(folder: &FileSystemDirectoryEntry) -> Vec<FileSystemEntry> {
    let reader = folder.create_reader();
    let mut entries = Vec::new();
    loop {
        let promise = Promise::new(&mut |resolve, reject| {
            let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
        });
        let Ok(batch) = JsFuture::from(promise).await else {
            break;
        };
        let batch: Array = batch.unchecked_into();
        if batch.length() == 0 || entries.len() >= MAX_FILES {
            break;
        }
        entries.extend(batch.iter().filter_map(|entry| entry.dyn_into().ok()));
    }
    entries
}
