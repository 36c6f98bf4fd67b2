//! The ZIP container of .docx and .xlsx files: reading its entries, and writing one with
//! stored (uncompressed) entries, which Excel and WPS open like any other.
//!
//! Decompressing is left to the host: the page hands deflated entries to the browser's own
//! `DecompressionStream` (wrapped as gzip by [`gzip_wrap`]), the native tests to flate2. A
//! zip crate would carry a deflate implementation into the page for nothing.

/// One file inside a ZIP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    pub name: String,
    /// 0: stored; 8: deflated.
    pub method: u16,
    pub crc32: u32,
    /// The uncompressed size.
    pub size: u32,
    /// The entry's bytes as stored in the file.
    pub data: &'a [u8],
}

/// Why a file is not a ZIP zipin can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Not a ZIP, or one whose directory or entries are cut short or point outside it.
    Incomplete,
    /// An entry of 4 GB or more (ZIP64), far past any form.
    Zip64,
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ZipError::Incomplete => "不是有效的 .docx / .xlsx 文件（ZIP 结构不完整）",
            ZipError::Zip64 => "文件过大（ZIP64），无法读取",
        })
    }
}

impl std::error::Error for ZipError {}

/// The `len` bytes at `offset` past `at`. Offsets and lengths come from the file itself, so a
/// damaged one may point anywhere, even past `usize::MAX`: that is `None`, like any other
/// place past the end.
fn field(bytes: &[u8], at: usize, offset: usize, len: usize) -> Option<&[u8]> {
    let start = at.checked_add(offset)?;
    bytes.get(start..start.checked_add(len)?)
}

fn u16_at(bytes: &[u8], at: usize, offset: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        field(bytes, at, offset, 2)?.try_into().ok()?,
    ))
}

fn u32_at(bytes: &[u8], at: usize, offset: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        field(bytes, at, offset, 4)?.try_into().ok()?,
    ))
}

/// Offsets and lengths added up. Saturating is enough: no real file comes near `usize::MAX`,
/// and a damaged one that does points past the end, where [`field`] reads nothing.
fn total(lengths: &[usize]) -> usize {
    lengths
        .iter()
        .fold(0_usize, |sum, &length| sum.saturating_add(length))
}

/// The entries of a ZIP file, from its central directory.
pub fn entries(bytes: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    let not_zip = ZipError::Incomplete;
    let search_from = bytes.len().saturating_sub(22 + 65_535);
    let end = (search_from..bytes.len().saturating_sub(21))
        .rev()
        .find(|&at| u32_at(bytes, at, 0) == Some(0x0605_4b50))
        .ok_or(not_zip)?;
    let count = usize::from(u16_at(bytes, end, 10).ok_or(not_zip)?);
    let mut at = usize::try_from(u32_at(bytes, end, 16).ok_or(not_zip)?).map_err(|_| not_zip)?;
    let mut found = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        if u32_at(bytes, at, 0) != Some(0x0201_4b50) {
            return Err(not_zip);
        }
        let length_at = |offset| u16_at(bytes, at, offset).map(usize::from).ok_or(not_zip);
        let (name_len, extra_len, comment_len) = (length_at(28)?, length_at(30)?, length_at(32)?);
        let method = u16_at(bytes, at, 10).ok_or(not_zip)?;
        let crc32 = u32_at(bytes, at, 16).ok_or(not_zip)?;
        let compressed = u32_at(bytes, at, 20).ok_or(not_zip)?;
        let size = u32_at(bytes, at, 24).ok_or(not_zip)?;
        let local = usize::try_from(u32_at(bytes, at, 42).ok_or(not_zip)?).map_err(|_| not_zip)?;
        let name = field(bytes, at, 46, name_len).ok_or(not_zip)?;
        if compressed == u32::MAX || size == u32::MAX {
            return Err(ZipError::Zip64);
        }
        if u32_at(bytes, local, 0) != Some(0x0403_4b50) {
            return Err(not_zip);
        }
        let local_name = usize::from(u16_at(bytes, local, 26).ok_or(not_zip)?);
        let local_extra = usize::from(u16_at(bytes, local, 28).ok_or(not_zip)?);
        let header = total(&[30, local_name, local_extra]);
        let length = usize::try_from(compressed).map_err(|_| not_zip)?;
        let data = field(bytes, local, header, length).ok_or(not_zip)?;
        found.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            method,
            crc32,
            size,
            data,
        });
        at = total(&[at, 46, name_len, extra_len, comment_len]);
    }
    Ok(found)
}

/// A deflated entry as a gzip stream (the same deflate data between a gzip header and the
/// entry's CRC and size), which any gzip decoder — the browser's included — unpacks.
pub fn gzip_wrap(entry: &Entry) -> Vec<u8> {
    let mut gzip = Vec::with_capacity(entry.data.len().saturating_add(18));
    gzip.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    gzip.extend_from_slice(entry.data);
    gzip.extend_from_slice(&entry.crc32.to_le_bytes());
    gzip.extend_from_slice(&entry.size.to_le_bytes());
    gzip
}

/// CRC-32 (IEEE), as ZIP stores it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP of stored entries (name, bytes), in order.
pub fn write_stored(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Local header: version 20, flags bit 11 (UTF-8 names), stored, no time.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 8, 0, 0, 0, 0, 0x21, 0]);
        for value in [crc, size, size] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&[20, 0, 20, 0, 0, 8, 0, 0, 0, 0, 0x21, 0]);
        for value in [crc, size, size] {
            central.extend_from_slice(&value.to_le_bytes());
        }
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let central_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    let count = u16::try_from(files.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_zips_read_back() {
        let zip = write_stored(&[
            ("a.xml", b"<a/>".to_vec()),
            ("目录/b.xml", "中文".as_bytes().to_vec()),
        ]);
        let Ok(found) = entries(&zip) else {
            panic!("the written ZIP reads back")
        };
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].name, "目录/b.xml");
        assert_eq!(found[1].data, "中文".as_bytes());
        assert_eq!(found[0].crc32, crc32(b"<a/>"));
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(entries(b"PK not really"), Err(ZipError::Incomplete));
        assert_eq!(entries(&zip[..zip.len() - 5]), Err(ZipError::Incomplete));
    }

    #[test]
    fn a_zip64_entry_is_refused_as_too_large_and_says_so() {
        let mut zip = write_stored(&[("a.xml", b"<a/>".to_vec())]);
        let central = zip
            .windows(4)
            .position(|window| window == 0x0201_4b50u32.to_le_bytes())
            .expect("a central directory entry");
        zip[central + 20..central + 24].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(entries(&zip), Err(ZipError::Zip64));
        assert_eq!(ZipError::Zip64.to_string(), "文件过大（ZIP64），无法读取");
        assert!(ZipError::Incomplete.to_string().contains("ZIP 结构不完整"));
    }
}
