//! What the browser does for the page, done natively: inflating a .docx/.xlsx entry (as a
//! gzip stream, so its CRC and size are checked as the browser checks them) and reading
//! GB18030 text.

use std::io::Read;

use flate2::read::GzDecoder;
use zipin_core::files::{Host, Unpacked};
use zipin_core::zip::{gzip_wrap, Entry};

/// This machine, as the host that opens files.
pub struct Native;

impl Host for Native {
    async fn inflate(&self, entry: &Entry<'_>, limit: usize) -> Result<Vec<u8>, Unpacked> {
        let mut out = Vec::new();
        let most = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        let gzip = gzip_wrap(entry);
        match GzDecoder::new(gzip.as_slice())
            .take(most)
            .read_to_end(&mut out)
        {
            Ok(_) if out.len() > limit => Err(Unpacked::TooLarge { limit }),
            Ok(_) => Ok(out),
            Err(error) => Err(Unpacked::Failed {
                why: error.to_string(),
                inflated: out.len(),
            }),
        }
    }

    fn decode_gb18030(&self, bytes: &[u8]) -> String {
        encoding_rs::GB18030.decode(bytes).0.into_owned()
    }
}
