//! Any bytes opened as a file, under any of the names zipin reads: the saved-document sniff,
//! text decoding, a .docx/.xlsx (its entries inflated within the caps) or a .zip of reports
//! (each report opened in its turn within the archive's shared budget), to the tables the
//! importer is handed (what it makes of them is paste_text's, html_tables', delimited's and
//! structured_forms' to fuzz).
#![no_main]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use libfuzzer_sys::fuzz_target;
use zipin_core::files::{self, ArchiveBudget, Host, Opened, Origin, Unpacked};
use zipin_core::zip::Entry;

/// Inflates natively (miniz_oxide, the inflater flate2 uses) within the limit it is given.
struct Native;

impl Host for Native {
    async fn inflate(&self, entry: &Entry<'_>, limit: usize) -> Result<Vec<u8>, Unpacked> {
        use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
        decompress_to_vec_with_limit(entry.data, limit).map_err(|error| match error.status {
            TINFLStatus::HasMoreOutput => Unpacked::TooLarge { limit },
            status => Unpacked::Failed {
                why: format!("{status:?}"),
                inflated: error.output.len(),
            },
        })
    }

    fn decode_gb18030(&self, bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// Every step of opening is ready at once natively.
fn ready<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => unreachable!("the native host never waits"),
    }
}

/// The names a file may come under: the name decides .csv/.tsv reading, and sniffing by the
/// bytes decides the rest whatever the name says.
const NAMES: [&str; 7] = [
    "报表.docx",
    "报表.xlsx",
    "报表.json",
    "报表.csv",
    "报表.tsv",
    "报表.txt",
    "报送.zip",
];

/// Opens a file as the page's desk and the command line do, an archive's reports in turn.
fn read(name: &str, bytes: &[u8], origin: Origin<'_>) {
    if let Ok(Opened::Archive(inside)) = ready(files::open(&Native, name, bytes, origin)) {
        let budget = ArchiveBudget::default();
        for (name, bytes) in inside {
            read(&name, &bytes, Origin::InArchive(&budget));
        }
    }
}

fuzz_target!(|input: (u8, &[u8])| {
    let (which, bytes) = input;
    let name = NAMES[usize::from(which) % NAMES.len()];
    read(name, bytes, Origin::Chosen);
});
